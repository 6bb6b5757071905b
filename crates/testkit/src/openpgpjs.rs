//! OpenPGP.js 6, a second implementation besides gpg, run by node from `tools/openpgpjs/`
//! (`decrypt.mjs` and `encrypt.mjs`, JSON on stdin) with its default configuration.
//!
//! `cargo xtask setup` installs node and the pinned OpenPGP.js (`npm ci`); a missing one fails
//! the test, saying so, rather than skipping it.

use std::{
    io::Write,
    path::PathBuf,
    process::{Command, Stdio},
};

use base64::{engine::general_purpose::STANDARD as BASE64, Engine};
use serde_json::{json, Value};

/// What OpenPGP.js made of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decrypted {
    /// The plaintext, byte for byte.
    pub data: Vec<u8>,
    /// Whether the data was AEAD-encrypted: a SEIPD v2 packet (RFC 9580), or the pre-RFC AEAD
    /// Encrypted Data packet; `false` for SEIPD v1 (CFB with an MDC).
    pub aead: bool,
    /// The session key's cipher as OpenPGP.js names it (`"aes256"`), if it could tell.
    pub session_key_algorithm: Option<String>,
    /// The AEAD mode (`"ocb"`, `"gcm"`, `"eax"`) when `aead`.
    pub aead_algorithm: Option<String>,
}

/// Decrypts `message` (armored or binary) with the secret key in the fixture
/// `secret_key_fixture` (a name under `tests/fixtures/`); panics with OpenPGP.js's error if it
/// cannot.
pub fn decrypt(secret_key_fixture: &str, message: &[u8]) -> Decrypted {
    try_decrypt(secret_key_fixture, message)
        .unwrap_or_else(|err| panic!("OpenPGP.js could not decrypt: {err}"))
}

/// Like [`decrypt`], but OpenPGP.js's refusal is returned, for tests that expect one.
pub fn try_decrypt(secret_key_fixture: &str, message: &[u8]) -> Result<Decrypted, String> {
    let input = json!({
        "secretKey": fixture_text(secret_key_fixture),
        "message": BASE64.encode(message),
    });
    let stdout = run("decrypt.mjs", &input)?;
    let out: Value = serde_json::from_slice(&stdout)
        .unwrap_or_else(|err| panic!("decrypt.mjs printed no JSON ({err})"));
    let text = |field: &str| out[field].as_str().map(str::to_owned);
    Ok(Decrypted {
        data: BASE64
            .decode(text("data").expect("decrypt.mjs output has data"))
            .expect("decrypt.mjs output's data is base64"),
        aead: out["aead"].as_bool().expect("decrypt.mjs output has aead"),
        session_key_algorithm: text("sessionKeyAlgorithm"),
        aead_algorithm: text("aeadAlgorithm"),
    })
}

/// Encrypts `data` to the public key in the fixture `public_key_fixture`, as OpenPGP.js does by
/// default (SEIPD v2 if the key advertises it, else v1); returns the armored message. Panics
/// with OpenPGP.js's error if it refuses the key.
pub fn encrypt(public_key_fixture: &str, data: &[u8]) -> String {
    try_encrypt(public_key_fixture, data)
        .unwrap_or_else(|err| panic!("OpenPGP.js could not encrypt: {err}"))
}

/// Like [`encrypt`], but OpenPGP.js's refusal is returned: whether it accepts a key is a
/// reference point for sealpost's own key acceptance.
pub fn try_encrypt(public_key_fixture: &str, data: &[u8]) -> Result<String, String> {
    let input = json!({
        "publicKey": fixture_text(public_key_fixture),
        "data": BASE64.encode(data),
    });
    let stdout = run("encrypt.mjs", &input)?;
    Ok(String::from_utf8(stdout).expect("encrypt.mjs prints armor"))
}

/// `tools/openpgpjs/`.
pub fn harness_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/openpgpjs")
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(crate::fixture(name))
        .unwrap_or_else(|_| panic!("fixture {name} is not armored text"))
}

/// Runs `node <script>` in the harness with `input` on stdin: its stdout, or its stderr if it
/// failed.
fn run(script: &str, input: &Value) -> Result<Vec<u8>, String> {
    let dir = harness_dir();
    assert!(
        dir.join("node_modules/openpgp/package.json").exists(),
        "OpenPGP.js is not installed in {}: run cargo xtask setup",
        dir.join("node_modules").display()
    );
    let mut child = Command::new("node")
        .arg(script)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("starting node ({err}): run cargo xtask setup"));
    // Written from another thread so that a large output cannot block node while we write.
    let mut pipe = child.stdin.take().unwrap();
    let bytes = serde_json::to_vec(input).unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "node {script} exited with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}
