// Starts sealpost's seal-only worker (what filing a report needs, without drafts and the reply
// key) by URL, as seal-worker-loader.js starts the full one: the benchmark loads it this way.
importScripts("./seal-only-worker.js");
wasm_bindgen({ module_or_path: "./seal-only-worker_bg.wasm" });
