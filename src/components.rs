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
pub mod fields_step;
pub mod guided_form;
pub mod handoff;
pub mod language_switch;
pub mod new_passphrase;
pub mod numbered_textarea;
pub mod offline_link;
pub mod policy_error_page;
pub mod policy_overview;
pub mod recipient_card;
pub mod reply_key;
pub mod report_form;
pub mod review_step;
pub mod sealed_output;
pub mod start_step;
pub mod step_progress;
pub mod version_ranges;
