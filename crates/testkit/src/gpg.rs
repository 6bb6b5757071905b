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
        let out = self.run(&["--decrypt"], message);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "gpg --decrypt failed: {stderr}");
        assert!(!stderr.contains("not integrity protected"), "{stderr}");
        String::from_utf8(out.stdout).expect("UTF-8 plaintext")
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
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().unwrap()
    }
}
