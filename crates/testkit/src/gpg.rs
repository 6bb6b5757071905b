//! The real `gpg` binary, with a temporary home so no keyring of the user's is touched.

use std::{
    io::Write,
    process::{Command, Stdio},
};

pub struct Gpg {
    home: tempfile::TempDir,
}

impl Gpg {
    /// A fresh GnuPG home holding the secret key in the fixture `secret_key_fixture`.
    pub fn with_secret_key(secret_key_fixture: &str) -> Self {
        let gpg = Self {
            home: tempfile::tempdir().expect("temporary GNUPGHOME"),
        };
        let out = gpg.run(&["--import"], &crate::fixture(secret_key_fixture));
        assert!(
            out.status.success(),
            "gpg --import: {}",
            String::from_utf8_lossy(&out.stderr)
        );
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
                "",
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
