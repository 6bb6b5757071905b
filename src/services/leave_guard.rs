//! Closing or reloading the tab with an unsent report asks first: the report exists only in
//! this page (plaintext is never stored), so leaving would lose it.

use leptos::prelude::*;

use crate::state::ReportState;

pub fn warn_before_leaving(state: ReportState) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        let typed = state.report.with_untracked(|r| !r.is_empty())
            || state.attachments.with_untracked(|f| !f.is_empty());
        if typed && !state.delivered.get_untracked() {
            // Browsers show their own wording; setting returnValue is what triggers it.
            ev.prevent_default();
            ev.set_return_value("unsent");
        }
    });
    on_cleanup(move || handle.remove());
}
