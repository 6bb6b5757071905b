//! The full worker: every request, drafts and the reply key included (see the crate doc).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    sealpost_seal_worker::worker::start(Some(sealpost_seal_worker::worker::keep));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    sealpost_seal_worker::native_main("seal-worker");
}
