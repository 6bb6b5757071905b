//! Messages made by the real gpg, in a throw-away home holding the fixture key, so the inbox
//! is tested against another implementation's output, not only its own library's.

use std::{
    io::Write,
    process::{Command, Stdio},
    sync::OnceLock,
};

use super::fixture_path;

/// The fixture key `rsa3072` (its encryption subkey is what gpg encrypts to).
pub const FINGERPRINT: &str = "BF815803F7C6A215362F32EF340905CAC6150FE3";

const SIGNER: &str = "Test Signer <signer@test.example>";

pub const PLAINTEXT: &[u8] =
    b"Title: heap overflow in parse_name\n\nSteps: send a 70000-byte name.\n";

/// Every sample the tests need, made once per test binary (gpg takes a moment per call).
pub struct Samples {
    /// `gpg --encrypt --armor`: PKESK + SEIPD v1, armored.
    pub armored: Vec<u8>,
    /// `gpg --encrypt`: the same structure, binary.
    pub binary: Vec<u8>,
    /// `gpg --symmetric`: SKESK + SEIPD, binary.
    pub password: Vec<u8>,
    /// `gpg --sign --armor`: a signed but not encrypted message.
    pub signed: Vec<u8>,
    /// `gpg --detach-sign --armor`: a signature alone.
    pub signature: Vec<u8>,
    /// `gpg --store`: a literal data packet, OpenPGP framing without encryption.
    pub stored: Vec<u8>,
    /// The fixture public key.
    pub public_key: Vec<u8>,
}

pub fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(make_samples)
}

fn make_samples() -> Samples {
    let home = tempfile::tempdir().expect("temporary GNUPGHOME");
    let gpg = |args: &[&str], input: &[u8]| run(home.path(), args, input);
    let public_key = std::fs::read(fixture_path("rsa3072.public.asc")).expect("key fixture");
    gpg(&["--import"], &public_key);
    // The fixture keys cannot sign, so a throw-away Ed25519 key makes the signatures.
    gpg(
        &[
            "--passphrase",
            "",
            "--quick-gen-key",
            SIGNER,
            "ed25519",
            "sign",
            "never",
        ],
        b"",
    );
    let sign = |how: &str| gpg(&["--local-user", SIGNER, "--armor", how], PLAINTEXT);
    // An imported key has no owner trust; --trust-model always spares marking it.
    let encrypt = [
        "--trust-model",
        "always",
        "--recipient",
        FINGERPRINT,
        "--encrypt",
    ];
    let mut armored_encrypt = encrypt.to_vec();
    armored_encrypt.push("--armor");
    let samples = Samples {
        armored: gpg(&armored_encrypt, PLAINTEXT),
        binary: gpg(&encrypt, PLAINTEXT),
        password: gpg(&["--passphrase", "pw", "--symmetric"], PLAINTEXT),
        signed: sign("--sign"),
        signature: sign("--detach-sign"),
        stored: gpg(&["--store"], PLAINTEXT),
        public_key,
    };
    // Signing started an agent for this home; stop it rather than leave it behind.
    let _ = Command::new("gpgconf")
        .arg("--homedir")
        .arg(home.path())
        .args(["--kill", "gpg-agent"])
        .status();
    samples
}

fn run(home: &std::path::Path, args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new("gpg")
        .arg("--homedir")
        .arg(home)
        .args(["--batch", "--no-tty", "--pinentry-mode", "loopback"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gpg is installed (cargo xtask setup)");
    // Written from another thread: gpg may write before it has read everything, and with both
    // pipes full a write from here would wait forever.
    let mut stdin = child.stdin.take().expect("gpg's stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("gpg ran");
    writer.join().expect("the writer thread");
    assert!(
        out.status.success(),
        "gpg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
