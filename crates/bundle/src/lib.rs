//! sealpost as one self-contained HTML file: the page, its CSS, the wasm-bindgen glue and both
//! wasm modules (gzip, base64) inlined, the policy and its keys baked in, and a
//! Content-Security-Policy `<meta>` that allows exactly the inline script and style it carries.
//!
//! The same code assembles the file natively (`cargo xtask bundle`) and in the browser (the
//! page's "Download this page for offline use"), so both give the same file. It does no I/O and
//! no hashing: callers read the assets, gzip the wasm and compute digests with what they have
//! (flate2 and sha2 natively; `CompressionStream` in the browser, digests from the build's
//! [`Manifest`]).
//!
//! How the file starts (see [`boot_script`]): one inline module script holds the app's glue
//! followed by a few lines that unpack `#sealpost-app-wasm` with `DecompressionStream` and
//! start it. The sealing worker's glue and wasm sit in non-executed data blocks
//! (`#sealpost-worker-js`, `#sealpost-worker-wasm`); the page starts the worker from a Blob URL
//! and hands it the wasm (src/services/worker_source.rs).

mod html;
mod manifest;
mod policy;

pub use html::{boot_script, render, Packed, SingleFile};
pub use manifest::{Asset, Manifest, MANIFEST_FILE};
pub use policy::{connect_sources, inline_keys};

/// Element ids the single file and the page agree on.
pub mod ids {
    pub const APP_WASM: &str = "sealpost-app-wasm";
    /// The full sealing worker (every request): the single file carries it alone.
    pub const WORKER_JS: &str = "sealpost-worker-js";
    pub const WORKER_WASM: &str = "sealpost-worker-wasm";
    /// The seal-only worker, which a served page starts in the background (the hardened
    /// `index.html` names both; the page starts the full one when first asked for a draft or
    /// the reply key).
    pub const SEAL_ONLY_WORKER_JS: &str = "sealpost-seal-only-worker-js";
    pub const SEAL_ONLY_WORKER_WASM: &str = "sealpost-seal-only-worker-wasm";
    /// The policy's element, as the page reads it (src/services/load_policy.rs).
    pub const POLICY: &str = "sealpost-policy";
}

/// Why a single file could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum BundleError {
    /// The glue does not export its init function as wasm-bindgen does.
    #[error("the app's JavaScript glue has no `export {{… as default}}`: is it wasm-bindgen's `web` target output?")]
    NoDefaultExport,
    /// An asset would end the element it is inlined in early.
    #[error("{0} contains `</script` or `</style`, which would end its element early")]
    BreaksOut(&'static str),
    /// The policy is not JSON (it is checked properly by the page; this is just the bundler).
    #[error("the policy is not JSON: {0}")]
    PolicyJson(String),
    /// A `key_url` recipient whose key was not given.
    #[error("recipients[{index}].key_url {url}: no key text was given for it")]
    MissingKey { index: usize, url: String },
}

/// `bytes` as standard base64 (padded), as `atob` reads it.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
