//! sealpost's browser app: a thin Leptos layer over `sealpost-core`.
//!
//! - [`app`]: the page: loads the policy, accepts the recipient key, lays out the components.
//! - [`state`]: the one signal-backed state struct every component reads through context.
//! - [`components`]: one component per concern (a field, the error summary, the recipient, the
//!   sealed output).
//! - [`browser`]: the few browser services the app needs (clock, clipboard, download).

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod services;
pub mod state;

pub use app::App;
