//! One component per concern.

pub mod attachment_picker;
pub mod channel_list;
pub mod copy_button;
pub mod cvss_calculator;
pub mod cwe_picker;
pub mod draft_panel;
pub mod endpoint_send;
pub mod error_summary;
pub mod field_input;
pub mod handoff;
pub mod numbered_textarea;
pub mod policy_error_page;
pub mod policy_overview;
pub mod recipient_card;
pub mod reply_key;
pub mod report_form;
pub mod sealed_output;
pub mod version_ranges;
