//! The real `sealpost-inbox` binary: its command line, its configuration file and a report
//! sent to it over loopback.

#![allow(clippy::unwrap_used)]

mod common;

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
};

use common::{assert_stored, gpg::samples};

const BINARY: &str = env!("CARGO_BIN_EXE_sealpost-inbox");

/// The running binary; killed when dropped so a failing test leaves no server behind.
struct Running {
    child: Child,
    base: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary and reads the address it bound from its "listening on" line.
fn start(args: &[&str]) -> Running {
    let mut child = Command::new(BINARY)
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    Running { child, base }
}

#[tokio::test]
async fn the_binary_serves_reports_with_its_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let storage = dir.path().join("reports");
    let config = dir.path().join("inbox.toml");
    std::fs::write(
        &config,
        format!(
            "[server]\nlisten = \"127.0.0.1:9\"\npath = \"/submit\"\n\
             [reports]\nstorage_dir = {:?}\nfield = \"ciphertext\"\n\
             [log]\nformat = \"json\"\n",
            storage.display().to_string()
        ),
    )
    .unwrap();
    // --listen overrides the file's (unusable) port 9.
    let server = start(&[
        "--config",
        config.to_str().unwrap(),
        "--listen",
        "127.0.0.1:0",
    ]);
    let client = reqwest::Client::new();
    let health = client
        .get(format!("{}/health", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);

    let armored = String::from_utf8(samples().armored.clone()).unwrap();
    let response = client
        .post(format!("{}/submit", server.base))
        .json(&serde_json::json!({ "ciphertext": armored }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["location"].to_str().unwrap().len(),
        "/submit/".len() + 32
    );
    let response = client
        .post(format!("{}/submit", server.base))
        .header("Content-Type", "application/octet-stream")
        .body(samples().binary.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let refused = client
        .post(format!("{}/submit", server.base))
        .header("Content-Type", "application/pgp-encrypted")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    // Two reports, each with a sidecar, and no temporary files left over.
    let files = common::stored_files(&storage);
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(files.iter().all(|name| !name.starts_with('.')), "{files:?}");
    drop(server);
}

#[tokio::test]
async fn the_binary_stores_what_it_acknowledges() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&[
        "--listen",
        "127.0.0.1:0",
        "--storage-dir",
        dir.path().to_str().unwrap(),
    ]);
    let response = reqwest::Client::new()
        .post(format!("{}/reports", server.base))
        .header("Content-Type", "application/pgp-encrypted")
        .body(samples().armored.clone())
        .send()
        .await
        .unwrap();
    assert_stored(response, dir.path(), "asc", &samples().armored).await;
}

#[test]
fn help_describes_the_options() {
    let out = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for option in ["--config", "--listen", "--storage-dir", "--log-format"] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
}

#[test]
fn a_bad_config_file_is_reported_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("inbox.toml");
    std::fs::write(&config, "[reports]\nmax_body = 5\n").unwrap();
    let out = Command::new(BINARY)
        .args(["--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("max_body"), "{stderr}");
    assert!(stderr.contains("inbox.toml"), "{stderr}");
}

#[test]
fn print_config_shows_the_defaults() {
    let out = Command::new(BINARY).arg("--print-config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let parsed = sealpost_inbox::Config::from_toml(&text).unwrap();
    assert_eq!(parsed, sealpost_inbox::Config::default());
}
