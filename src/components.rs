//! One component per concern.

pub mod error_summary;
pub mod field_input;
pub mod recipient_card;
pub mod report_form;
pub mod sealed_output;
