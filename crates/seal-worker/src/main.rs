//! The sealing worker: runs rPGP off the page's main thread, so the page stays responsive while
//! a report with large attachments is encrypted, and the page's own wasm stays small (it never
//! links the OpenPGP code).
//!
//! Messages (see `sealpost_core::protocol`): the worker posts `{type: "ready"}` once its wasm
//! has loaded — anything posted to it before that is lost, so the page waits for it — then
//! answers each `{id, type, json, files?}` request with `{id, type, json, message?}`, and sends
//! `{id, type: "progress", done, total}` while sealing. Requests: `accept`, `seal`, `encrypt`
//! (benchmarks), `reply-key` (make the researcher's reply key), `seal-draft` and `open-draft`
//! (the passphrase-encrypted draft), `check-key` (the page builder's key, on its own); answers carry the protocol's JSON responses.

#[cfg(target_arch = "wasm32")]
mod webcrypto;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    worker::start();
}

/// The worker exists only in the browser; natively this binary does nothing.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("seal-worker is a Web Worker: build it for wasm32 with Trunk (see index.html).");
}
