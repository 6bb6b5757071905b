#![doc = include_str!("../README.md")]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod demo;
pub mod key;
pub mod mailto;
pub mod policy;
pub mod report;
pub mod seal;
pub mod validate;

pub use key::{KeyError, RecipientKey};
pub use policy::{FieldRule, Policy};
pub use report::{Field, Report};
pub use seal::{seal, SealError};
pub use validate::{validate, FieldError, Problem};
