//! The seal-only worker: what filing a report needs, without the code for drafts and the reply
//! key (see the crate doc).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    sealpost_seal_worker::worker::start(None);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    sealpost_seal_worker::native_main("seal-only-worker");
}
