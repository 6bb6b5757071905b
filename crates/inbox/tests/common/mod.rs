//! Shared by the integration tests: real messages made by gpg, and an inbox served in-process
//! on 127.0.0.1 with its own storage directory.

#![allow(clippy::unwrap_used, dead_code)]

pub mod gpg;

use std::path::{Path, PathBuf};

use sealpost_inbox::{Config, Inbox};
use tokio::sync::oneshot;

/// A fixture from the repository's top-level `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// The origin the test inboxes allow, as a sealpost page would be served from.
pub const ALLOWED_ORIGIN: &str = "https://widgets.example.org";

/// Settings for a test inbox: port 0, a fresh storage directory, one allowed origin and a rate
/// limit high enough not to get in the way.
pub fn test_config(storage: &Path) -> Config {
    let mut config = Config::default();
    config.server.listen = "127.0.0.1:0".parse().unwrap();
    config.reports.storage_dir = storage.to_owned();
    config.cors.allowed_origins = vec![ALLOWED_ORIGIN.to_owned()];
    config.rate_limit.per_minute = 60_000.0;
    config.rate_limit.burst = 1_000;
    config
}

pub struct TestInbox {
    pub base: String,
    pub storage: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
}

impl TestInbox {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// Starts an inbox whose configuration `adjust` may change first.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let storage = tempfile::tempdir().unwrap();
        let mut config = test_config(storage.path());
        adjust(&mut config);
        config.validate().unwrap();
        let inbox = Inbox::bind(config).await.unwrap();
        let base = format!("http://{}", inbox.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(inbox.run(async {
            let _ = stopped.await;
        }));
        Self {
            base,
            storage,
            stop: Some(stop),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Names of the files in the storage directory, sorted.
    pub fn stored_files(&self) -> Vec<String> {
        stored_files(self.storage.path())
    }
}

impl Drop for TestInbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub fn stored_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Checks a 201 answer and that exactly `expected` was stored under its id with a sidecar;
/// returns the sidecar.
pub async fn assert_stored(
    response: reqwest::Response,
    storage: &Path,
    extension: &str,
    expected: &[u8],
) -> serde_json::Value {
    assert_eq!(response.status(), 201, "{:?}", response.text().await);
    let location = response
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let answer: serde_json::Value = response.json().await.unwrap();
    let id = answer["id"].as_str().unwrap();
    assert_eq!(id.len(), 32);
    assert_eq!(location, format!("/reports/{id}"));
    assert!(answer["received"].as_str().unwrap().ends_with('Z'));
    let stored = std::fs::read(storage.join(format!("{id}.{extension}"))).unwrap();
    assert!(
        stored == expected,
        "the stored bytes differ from those sent"
    );
    let sidecar: serde_json::Value =
        serde_json::from_slice(&std::fs::read(storage.join(format!("{id}.json"))).unwrap())
            .unwrap();
    assert_eq!(sidecar["id"], id);
    assert_eq!(sidecar["received"], answer["received"]);
    assert_eq!(sidecar["size"], expected.len());
    assert_eq!(sidecar["client_ip"], "127.0.0.1");
    sidecar
}
