//! Harness for sealpost's end-to-end tests: a static server for the built app, chromedriver
//! driving Debian's Chromium, and gpg in a throw-away home (from sealpost-testkit). Every process listens on 127.0.0.1
//! only, and everything is torn down on drop.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test harness: failing loudly is the point

pub mod axe;
pub mod browser;
pub mod inbox;
pub mod scripted_server;
pub mod static_server;
pub mod steps;

pub use sealpost_testkit::{fixture_path, gpg::Gpg};

use std::path::PathBuf;

/// The built app (`dist/`) under test. `cargo xtask test` builds it and sets SEALPOST_DIST;
/// without it the tests fail rather than test something stale.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("SEALPOST_DIST")
        .map(PathBuf::from)
        .expect("SEALPOST_DIST is not set: run the end-to-end tests through `cargo xtask test`");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the app first (`cargo xtask build`)",
        dist.display()
    );
    dist
}

/// The built `sealpost` CLI: `SEALPOST_CLI` (set by `cargo xtask test`), else the workspace's
/// debug build.
pub fn cli_binary() -> PathBuf {
    let path = std::env::var_os("SEALPOST_CLI").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/sealpost"),
        PathBuf::from,
    );
    assert!(
        path.is_file(),
        "{} is missing: cargo build -p sealpost-cli (cargo xtask test does)",
        path.display()
    );
    path
}

/// The Content-Security-Policy header documented for static hosting (docs/embedding.md),
/// with `connect_src` added to `'self'` and the frame ancestors allowed (`'none'` for none).
pub fn strict_csp(connect_src: &str, frame_ancestors: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; connect-src 'self' {connect_src}; worker-src blob:; \
         frame-ancestors {frame_ancestors}; base-uri 'none'; form-action 'none'"
    )
}

/// The demo policy's fields, as (id, label): tests fill them by their visible labels.
pub const DEMO_FIELDS: [(&str, &str); 5] = [
    ("title", "Title"),
    ("vulnerability_type", "Vulnerability type"),
    ("affected_versions", "Affected versions"),
    ("reproduction_steps", "Steps to reproduce"),
    ("impact", "Impact"),
];

/// `len` pseudorandom bytes (xorshift64 from `seed`): incompressible test attachments that are
/// the same in every run.
pub fn pseudorandom_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.max(1);
    let mut bytes: Vec<u8> = (0..len.div_ceil(8))
        .flat_map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()
        })
        .collect();
    bytes.truncate(len);
    bytes
}

/// `dir/name` once the browser has saved it there (downloads land a little after the click).
pub async fn downloaded(dir: &std::path::Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !path.is_file() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(path.is_file(), "{name} was not downloaded");
    path
}

/// Where tests leave screenshots for people to look at.
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}
