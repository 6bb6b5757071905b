//! Moving through the guided form: to a step (focus on its heading, so screen readers announce
//! where the researcher is) or to a field on any step (the field's control gets focus).

use leptos::prelude::*;
use sealpost_core::{guide, policy::Step};
use wasm_bindgen::JsCast;

use crate::state::ReportState;

/// The id of each step's heading.
pub fn heading_id(step: Step) -> String {
    format!("step-{}-heading", step.id())
}

/// Shows `step` and focuses its heading.
pub fn to_step(state: ReportState, step: Step) {
    state.step.set(step);
    focus_after_render(heading_id(step));
    scroll_to_top();
}

/// Shows the step holding field `id` and focuses the field.
pub fn to_field(state: ReportState, id: &str) {
    if let Some(step) = state.policy.with_value(|policy| guide::step_of(policy, id)) {
        state.step.set(step);
    }
    focus_after_render(id.to_owned());
}

/// Focuses the element with `id` once the DOM shows it (it may be drawn by this very update,
/// which Leptos applies before the next frame).
pub fn focus_after_render(id: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
