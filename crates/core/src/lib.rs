#![doc = include_str!("../README.md")]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod demo;
pub mod key;
pub mod mailto;
pub mod policy;
pub mod recipients;
pub mod report;
pub mod schema;
pub mod seal;
pub mod validate;

pub use key::{KeyError, RecipientKey};
pub use policy::{FieldDef, Policy, PolicyError};
pub use report::{Report, Value};
pub use seal::{seal, SealError};
pub use validate::{validate, FieldError, Problem};
