//! The reference inbox (`crates/inbox`) as a real process on 127.0.0.1, with its own storage
//! directory; killed on drop.

use std::{
    io::{BufRead, BufReader},
    path::PathBuf,
    process::{Child, Command, Stdio},
};

pub struct Inbox {
    /// e.g. `http://127.0.0.1:40123`
    pub url: String,
    pub storage: tempfile::TempDir,
    process: Child,
    _config: tempfile::NamedTempFile,
}

/// The built `sealpost-inbox` binary: `SEALPOST_INBOX` (set by `cargo xtask test`), else the
/// workspace's debug build.
fn binary() -> PathBuf {
    std::env::var_os("SEALPOST_INBOX").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/sealpost-inbox"),
        PathBuf::from,
    )
}

impl Inbox {
    /// Starts an inbox that accepts reports from pages at `allowed_origin`.
    pub fn start(allowed_origin: &str) -> Self {
        Self::start_configured(&format!(
            "[cors]\nallowed_origins = [\"{allowed_origin}\"]\n"
        ))
    }

    /// Starts an inbox with the config file `toml` (listen address and storage are set here).
    pub fn start_configured(toml: &str) -> Self {
        let storage = tempfile::tempdir().expect("storage dir");
        let config = tempfile::NamedTempFile::new().expect("config file");
        std::fs::write(config.path(), toml).expect("write config");
        let path = binary();
        let mut process = Command::new(&path)
            .arg("--config")
            .arg(config.path())
            .args(["--listen", "127.0.0.1:0", "--storage-dir"])
            .arg(storage.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| {
                panic!(
                    "start {} ({err}): build it with `cargo build -p sealpost-inbox`",
                    path.display()
                )
            });
        let mut line = String::new();
        BufReader::new(process.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the inbox says where it listens");
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line from the inbox: {line:?}"))
            .to_owned();
        Self {
            url,
            storage,
            process,
            _config: config,
        }
    }

    /// The stored reports (`<id>.asc` / `<id>.pgp`), by id.
    pub fn reports(&self) -> Vec<(String, Vec<u8>)> {
        let mut found: Vec<_> = std::fs::read_dir(self.storage.path())
            .expect("read storage")
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "asc" || ext == "pgp")
            })
            .map(|path| {
                let id = path.file_stem().unwrap().to_string_lossy().into_owned();
                (id, std::fs::read(&path).expect("read report"))
            })
            .collect();
        found.sort();
        found
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
