//! sealpost-inbox: the reference receiving server for sealpost's `https` channel. It accepts a
//! report only if it is an OpenPGP encrypted message (judged by packet structure: it holds no
//! key), stores it durably, and answers with an id.

pub mod api_error;
pub mod app;
pub mod ciphertext;
pub mod client_ip;
pub mod config;
pub mod extract;
pub mod logging;
pub mod rate_limit;
pub mod server;
pub mod store;

pub use config::Config;
pub use server::{shutdown_signal, Inbox, StartError};
