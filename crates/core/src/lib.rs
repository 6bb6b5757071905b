#![doc = include_str!("../README.md")]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod armor;
pub mod builder;
pub mod cvss;
pub mod cwe;
pub mod delivery;
pub mod demo;
// Key discovery builds and checks host names with the url crate; only the page (its builder)
// and the command line need it, not the sealing worker.
#[cfg(feature = "url")]
pub mod discover;
pub mod draft;
pub mod export;
pub mod guide;
pub mod i18n;
pub mod key;
pub mod letter;
pub mod mailto;
pub mod policy;
pub mod protocol;
pub mod recipients;
pub mod reply_key;
pub mod report;
pub mod schema;
pub mod seal;
pub mod security_txt;
pub mod validate;
pub mod web_url;

pub use key::{KeyError, RecipientKey};
pub use policy::{FieldDef, Policy, PolicyError};
pub use report::document::{Attachment, ReportDocument};
pub use report::{Report, Value};
pub use seal::{seal, seal_report, Encoding, SealError, Sealed};
pub use validate::{validate, validate_with, FieldError, Problem};
