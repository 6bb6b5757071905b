//! The sealing workers: run rPGP off the page's main thread, so the page stays responsive while
//! a report with large attachments is encrypted, and the page's own wasm stays small (it never
//! links the OpenPGP code).
//!
//! Two builds of one worker (the binaries in `src/bin/`): the **seal-only worker** answers what
//! filing a report needs and is what a served page loads in the background; the **full worker**
//! also makes the reply key and seals and opens drafts. A served page starts the full one only
//! when the researcher first asks for one of those; the single file, which must work offline,
//! carries the full one alone (src/services/worker_source.rs).
//!
//! Messages (see `sealpost_core::protocol`): the worker posts `{type: "ready"}` once its wasm
//! has loaded — anything posted to it before that is lost, so the page waits for it — then
//! answers each `{id, type, json, files?}` request with `{id, type, json, message?}`, and sends
//! `{id, type: "progress", done, total}` while sealing. Requests: `accept`, `seal`, `encrypt`
//! (benchmarks), `check-key` (the page builder's key, on its own); the full worker's alone:
//! `reply-key` (make the researcher's reply key), `seal-draft` and `open-draft` (the
//! passphrase-encrypted draft); answers carry the protocol's JSON responses.

#[cfg(target_arch = "wasm32")]
mod webcrypto;
#[cfg(target_arch = "wasm32")]
pub mod worker;

/// Natively the binaries do nothing: the workers exist only in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn native_main(name: &str) {
    eprintln!("{name} is a Web Worker: build it for wasm32 with Trunk (see index.html).");
}
