//! Test support shared by the native interop tests and the end-to-end tests.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test support: failing loudly is the point

pub mod gpg;
pub mod letter;
pub mod openpgpjs;

use std::path::PathBuf;

/// A fixture from the repository's top-level `tests/fixtures/` (the demo key's secret half
/// lives only there).
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// The bytes of a fixture; panics naming the file if it cannot be read.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("reading {}: {err}", path.display()))
}
