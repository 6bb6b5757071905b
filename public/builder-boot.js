// Starts sealpost's page builder (crates/builder-app) in a development build (`trunk serve`);
// the report page adds this script when its address has `?builder`. A release build replaces
// this file with one that checks the builder's wasm against its integrity (xtask/src/bundle.rs).
import init from "./sealpost-builder.js";
await init({ module_or_path: new URL("./sealpost-builder_bg.wasm", import.meta.url) });
