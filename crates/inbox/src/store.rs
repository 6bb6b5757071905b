//! Durable storage of accepted reports, one file each, so that a 201 means the report survives
//! a crash or power loss: the bytes are written to a temporary file, flushed to disk, renamed to
//! their final name, and the directory is flushed so the rename itself is on disk.
//!
//! Each report `<id>.asc` (armored) or `<id>.pgp` (binary) has a sidecar `<id>.json` with what
//! the server knows about its arrival, never anything of its content.

use std::{
    fs::File,
    io::{self, Write},
    path::{Path, PathBuf},
};

use rand::{rngs::OsRng, RngCore};
use serde::Serialize;

use crate::ciphertext::Encoding;

/// Temporary files start with this, so that a crash's leftovers are recognised and removed at
/// the next start: none of them was ever acknowledged to a sender.
const INCOMING_PREFIX: &str = ".incoming-";

/// A report's id: 128 random bits in hex, unguessable and free of any sender data.
pub fn new_report_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The stored message's file name: the extension tells armored from binary.
pub fn message_file_name(id: &str, encoding: Encoding) -> String {
    format!("{id}.{}", encoding.extension())
}

/// What the sidecar file records about a report.
#[derive(Debug, Clone, Serialize)]
pub struct Arrival {
    pub id: String,
    /// RFC 3339, UTC.
    pub received: String,
    /// Size of the stored message in bytes.
    pub size: usize,
    /// The request body format: `json`, `raw` or `multipart`.
    pub format: &'static str,
    /// `armored` or `binary`.
    pub encoding: &'static str,
    /// The stored message's file name, beside the sidecar.
    pub file: String,
    pub client_ip: String,
    pub user_agent: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the storage directory {path}: {source}")]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot serialize the sidecar: {0}")]
    Sidecar(#[from] serde_json::Error),
}

#[derive(Debug, Clone)]
pub struct ReportStore {
    dir: PathBuf,
}

impl ReportStore {
    /// Opens (creating if needed) the storage directory and clears a previous run's unfinished
    /// temporary files.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
            path: dir.to_owned(),
            source,
        })?;
        let store = Self {
            dir: dir.to_owned(),
        };
        store.remove_unfinished();
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the message and its sidecar durably; returns once both are on disk.
    /// Blocking: call it from a blocking thread.
    pub fn save(
        &self,
        message: &[u8],
        encoding: Encoding,
        arrival: &Arrival,
    ) -> Result<(), StoreError> {
        let message_name = message_file_name(&arrival.id, encoding);
        let sidecar = serde_json::to_vec_pretty(arrival)?;
        // The message first: a sidecar without its report would announce one that is not there.
        self.write_durably(&message_name, message)?;
        self.write_durably(&format!("{}.json", arrival.id), &sidecar)?;
        self.sync_dir()
    }

    fn write_durably(&self, name: &str, contents: &[u8]) -> Result<(), StoreError> {
        let path = self.dir.join(name);
        let failed = |source: io::Error| StoreError::Write {
            path: path.clone(),
            source,
        };
        // Created with mode 0600: reports are for the inbox's operator only.
        let mut temp = tempfile::Builder::new()
            .prefix(INCOMING_PREFIX)
            .tempfile_in(&self.dir)
            .map_err(failed)?;
        temp.write_all(contents).map_err(failed)?;
        temp.as_file().sync_all().map_err(failed)?;
        // No-clobber: a (vanishingly unlikely) repeated id must never replace an earlier report.
        temp.persist_noclobber(&path)
            .map_err(|err| failed(err.error))?;
        Ok(())
    }

    /// Makes the renames durable: on Linux a new directory entry is only guaranteed on disk once
    /// the directory itself is synced.
    fn sync_dir(&self) -> Result<(), StoreError> {
        File::open(&self.dir)
            .and_then(|dir| dir.sync_all())
            .map_err(|source| StoreError::Write {
                path: self.dir.clone(),
                source,
            })
    }

    fn remove_unfinished(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(INCOMING_PREFIX)
            {
                match std::fs::remove_file(entry.path()) {
                    Ok(()) => {
                        tracing::info!(file = %entry.path().display(), "removed an unfinished upload")
                    }
                    Err(err) => {
                        tracing::warn!(file = %entry.path().display(), %err, "cannot remove an unfinished upload")
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn arrival(id: &str) -> Arrival {
        Arrival {
            id: id.to_owned(),
            received: "2026-01-01T00:00:00Z".to_owned(),
            size: 3,
            format: "raw",
            encoding: "binary",
            file: format!("{id}.pgp"),
            client_ip: "127.0.0.1".to_owned(),
            user_agent: None,
        }
    }

    #[test]
    fn ids_are_32_hex_digits_and_differ() {
        let (a, b) = (new_report_id(), new_report_id());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn a_saved_report_has_its_bytes_and_a_sidecar_and_no_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReportStore::open(dir.path()).unwrap();
        store
            .save(b"\xC3abc", Encoding::Binary, &arrival("00ff"))
            .unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("00ff.pgp")).unwrap(),
            b"\xC3abc"
        );
        let sidecar: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("00ff.json")).unwrap()).unwrap();
        assert_eq!(sidecar["format"], "raw");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn an_existing_report_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReportStore::open(dir.path()).unwrap();
        store
            .save(b"first", Encoding::Binary, &arrival("aa"))
            .unwrap();
        assert!(store
            .save(b"second", Encoding::Binary, &arrival("aa"))
            .is_err());
        assert_eq!(std::fs::read(dir.path().join("aa.pgp")).unwrap(), b"first");
    }

    #[test]
    fn unfinished_uploads_are_removed_at_open() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".incoming-x1"), b"half").unwrap();
        ReportStore::open(dir.path()).unwrap();
        assert!(!dir.path().join(".incoming-x1").exists());
    }
}
