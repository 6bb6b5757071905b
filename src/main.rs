use std::rc::Rc;

use sealpost::services::crypto::{CryptoBackend, UnavailableCrypto, WorkerCrypto};

fn main() {
    console_error_panic_hook::set_once();
    sealpost::browser::mark(sealpost::browser::WASM_STARTED_MARK);
    if sealpost::browser::has_query_parameter("builder") {
        // A wasm of its own (crates/builder-app): the report form's first paint stays small.
        sealpost::services::builder_loader::start_builder();
        return;
    }
    // Made first (its requests wait for it), started once the first step is painted.
    let crypto: Rc<dyn CryptoBackend> = match WorkerCrypto::start() {
        Ok(worker) => Rc::new(worker),
        Err(reason) => Rc::new(UnavailableCrypto(reason)),
    };
    leptos::mount::mount_to_body(move || leptos::view! { <sealpost::App crypto=crypto /> });
}
