//! What a release build contains, for whoever assembles a single file from it: written by
//! `cargo xtask build` next to the assets, read by the page to build its offline download.

use serde::{Deserialize, Serialize};

/// The manifest's file name in `dist/`.
pub const MANIFEST_FILE: &str = "sealpost-assets.json";

/// One built file: its name in `dist/` and its Subresource Integrity value (`sha384-…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asset {
    pub file: String,
    pub integrity: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The stylesheets, in the page's order; the single file inlines them joined by `\n`.
    pub css: Vec<Asset>,
    pub favicon: Asset,
    pub app_js: Asset,
    pub app_wasm: Asset,
    pub worker_js: Asset,
    pub worker_wasm: Asset,
    /// `sha256-…` of the single file's inline script ([`crate::boot_script`] of `app_js`),
    /// for its CSP: computed at build time so the browser needs no hashing of its own.
    pub boot_script_sha256: String,
    /// `sha256-…` of the joined CSS, inlined as the single file's one `<style>`.
    pub style_sha256: String,
}
