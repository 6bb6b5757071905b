// Starts sealpost's sealing worker: loads the wasm-bindgen glue Trunk built for
// crates/seal-worker (a classic worker script), then its wasm. A file, not an inline script, so
// the page works under a Content-Security-Policy without 'unsafe-inline'.
importScripts("./seal-worker.js");
wasm_bindgen({ module_or_path: "./seal-worker_bg.wasm" });
