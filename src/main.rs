use std::rc::Rc;

use sealpost::services::crypto::{CryptoBackend, UnavailableCrypto, WorkerCrypto};

fn main() {
    console_error_panic_hook::set_once();
    if sealpost::browser::has_query_parameter("builder") {
        // A wasm of its own (crates/builder-app): the report form's first paint stays small.
        sealpost::services::builder_loader::start_builder();
        return;
    }
    // Started first, so the worker's wasm loads while the policy is fetched and read.
    let crypto: Rc<dyn CryptoBackend> = match WorkerCrypto::start() {
        Ok(worker) => Rc::new(worker),
        Err(reason) => Rc::new(UnavailableCrypto(reason)),
    };
    leptos::mount::mount_to_body(move || leptos::view! { <sealpost::App crypto=crypto /> });
}
