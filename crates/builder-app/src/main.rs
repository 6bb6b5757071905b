//! The page builder's wasm. The report page loads it in place of the form when its address has
//! `?builder` (see `sealpost::browser::start_builder`); Trunk builds it beside the page's wasm.

use std::rc::Rc;

use sealpost::{
    components::builder::builder_page::BuilderPage,
    i18n::provide_language,
    services::crypto::{CryptoBackend, UnavailableCrypto, WorkerCrypto},
};

fn main() {
    console_error_panic_hook::set_once();
    sealpost::services::builder_loader::clear_page();
    // The builder checks keys and seals its preview's reports in the same sealing worker.
    let crypto: Rc<dyn CryptoBackend> = match WorkerCrypto::start() {
        Ok(worker) => Rc::new(worker),
        Err(reason) => Rc::new(UnavailableCrypto(reason)),
    };
    leptos::mount::mount_to_body(move || {
        provide_language();
        leptos::view! { <BuilderPage crypto=crypto /> }
    });
}
