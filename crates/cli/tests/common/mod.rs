//! Running the built `sealpost` binary as a user would: arguments, standard input, and what it
//! printed and returned.

#![allow(dead_code)] // each test file uses its own share of these helpers

use std::{
    ffi::OsStr,
    io::Write,
    path::PathBuf,
    process::{Command, Output, Stdio},
};

/// A fixture from the repository's `tests/fixtures/`, as a path argument.
pub fn fixture(name: &str) -> PathBuf {
    sealpost_testkit::fixture_path(name)
}

/// The repository's root (for `public/policies/`).
pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// What one run of `sealpost` did.
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn stdout_text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("UTF-8 on standard output")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout).expect("JSON on standard output")
    }
}

/// Runs `sealpost ARGS < stdin`.
pub fn sealpost<I, S>(args: I, stdin: &[u8]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut child = Command::new(env!("CARGO_BIN_EXE_sealpost"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sealpost binary runs");
    // Written from another thread so a child that prints before reading cannot deadlock us; a
    // write error only means it stopped reading, which its exit code will explain.
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("sealpost finishes");
    writer.join().expect("the stdin writer finishes");
    Run {
        code: status
            .code()
            .expect("sealpost exits rather than being killed"),
        stdout,
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}
