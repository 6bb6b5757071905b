//! The real `gpg` binary, with a temporary home so no keyring of the user's is touched.

use std::{
    io::Write,
    process::{Command, Stdio},
};

pub struct Gpg {
    home: tempfile::TempDir,
    /// Given to gpg for every secret key it unlocks (loopback pinentry).
    passphrase: String,
}

impl Gpg {
    /// A fresh, empty GnuPG home.
    pub fn empty() -> Self {
        Self {
            home: tempfile::tempdir().expect("temporary GNUPGHOME"),
            passphrase: String::new(),
        }
    }

    /// A fresh GnuPG home holding the armored secret key `armored`, unlocked with `passphrase`
    /// (`""` for an unprotected key) whenever gpg needs it.
    pub fn with_secret_key_text(armored: &str, passphrase: &str) -> Self {
        let gpg = Self {
            passphrase: passphrase.to_owned(),
            ..Self::empty()
        };
        gpg.import(armored.as_bytes());
        gpg
    }

    /// Imports keys (public or secret, armored or binary); panics with gpg's words if it fails.
    pub fn import(&self, keys: &[u8]) {
        let out = self.run(&["--import"], keys);
        assert!(
            out.status.success(),
            "gpg --import: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `gpg --list-keys --with-colons` (or `--list-secret-keys`), for checking what gpg makes
    /// of a key: algorithms, expiry, capabilities.
    pub fn list_keys_with_colons(&self, secret: bool) -> String {
        let list = if secret {
            "--list-secret-keys"
        } else {
            "--list-keys"
        };
        let out = self.run(&["--with-colons", "--fixed-list-mode", list], b"");
        assert!(
            out.status.success(),
            "gpg {list}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 listing")
    }

    /// Runs gpg with `args` and `stdin`, returning whatever happened (for tests that expect
    /// gpg to fail, e.g. with a wrong passphrase).
    pub fn try_run(&self, args: &[&str], stdin: &[u8]) -> std::process::Output {
        self.run(args, stdin)
    }

    /// A fresh GnuPG home holding the secret key in the fixture `secret_key_fixture`.
    pub fn with_secret_key(secret_key_fixture: &str) -> Self {
        let gpg = Self::empty();
        gpg.import(&crate::fixture(secret_key_fixture));
        gpg
    }

    /// Decrypts `message`; panics with gpg's own words if it cannot, or if gpg warns that the
    /// message lacks integrity protection (an MDC or AEAD).
    pub fn decrypt(&self, message: &[u8]) -> String {
        String::from_utf8(self.decrypt_bytes(message)).expect("UTF-8 plaintext")
    }

    /// Like [`Gpg::decrypt`], for a plaintext that need not be text.
    pub fn decrypt_bytes(&self, message: &[u8]) -> Vec<u8> {
        let out = self.run(&["--decrypt"], message);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "gpg --decrypt failed: {stderr}");
        assert!(!stderr.contains("not integrity protected"), "{stderr}");
        out.stdout
    }

    /// Encrypts `plaintext` to `recipient` (a fingerprint, key ID or e-mail address of a key in
    /// this home) as gpg does by default: a binary message, SEIPD v1 with MDC.
    pub fn encrypt(&self, recipient: &str, plaintext: &[u8]) -> Vec<u8> {
        // An imported key has no owner trust; --trust-model always spares marking it.
        let args = [
            "--trust-model",
            "always",
            "--recipient",
            recipient,
            "--encrypt",
        ];
        let out = self.run(&args, plaintext);
        assert!(
            out.status.success(),
            "gpg --encrypt failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn run(&self, args: &[&str], stdin: &[u8]) -> std::process::Output {
        let mut child = Command::new("gpg")
            .arg("--homedir")
            .arg(self.home.path())
            .args([
                "--batch",
                "--no-tty",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                &self.passphrase,
            ])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gpg is installed (cargo xtask setup)");
        // Written from another thread: gpg writes output before it has read all its input, and
        // with both pipes full, writing here first would wait forever. A write error means gpg
        // stopped reading; its exit status and stderr say why.
        let mut pipe = child.stdin.take().unwrap();
        let input = stdin.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        out
    }
}
