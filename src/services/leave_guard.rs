//! Closing or reloading the tab with an unsent report asks first: the report exists only in
//! this page (plaintext is never stored), so leaving would lose it.
//!
//! Current browsers show their own wording for this and ignore the page's; the page's text (in
//! its language) is still what `returnValue` carries, for the browsers and tools that read it.

use leptos::prelude::*;

use crate::state::ReportState;

pub fn warn_before_leaving(state: ReportState) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        let typed = state.report.with_untracked(|r| !r.is_empty())
            || state.attachments.with_untracked(|f| !f.is_empty());
        if typed && !state.delivered.get_untracked() {
            // Setting returnValue is what triggers the browser's question.
            ev.prevent_default();
            let warning = state.lang.get_untracked().texts().form.leave_warning;
            ev.set_return_value(warning);
        }
    });
    on_cleanup(move || handle.remove());
}
