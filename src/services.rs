//! Async work against the page and the network (same site or the policy's endpoint only),
//! returning typed results.

pub mod builder_loader;
pub mod crypto;
pub mod deliver;
#[cfg(feature = "builder")]
pub mod discover;
pub mod draft_store;
pub mod embed;
pub mod leave_guard;
pub mod load_policy;
pub mod navigate;
pub mod offline;
pub mod probe;
pub mod worker_source;
