//! One report field: label, guidance, the control, and its inline error, tied together with
//! `for`, `aria-describedby` and `aria-invalid` so screen readers announce them together.

use leptos::prelude::*;
use sealpost_core::FieldRule;

use crate::state::use_report_state;

#[component]
pub fn FieldInput(
    /// The field and the policy's rule for it.
    rule: FieldRule,
) -> impl IntoView {
    let state = use_report_state();
    let field = rule.field;
    let id = field.id();
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");

    let problem = move || state.visible_problem(field);
    let invalid = move || if problem().is_some() { "true" } else { "false" };
    let described_by = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || match problem() {
            Some(_) => format!("{help_id} {error_id}"),
            None => help_id.clone(),
        }
    };
    let value = move || state.report.with(|report| report.get(field).to_owned());
    let set_value = move |text: String| state.report.update(|report| report.set(field, text));

    let control = if field.is_multiline() {
        view! {
            <textarea
                id=id
                name=id
                rows="6"
                required=rule.required
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=value
                on:input:target=move |ev| set_value(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=id
                name=id
                required=rule.required
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=value
                on:input:target=move |ev| set_value(ev.target().value())
            />
        }
        .into_any()
    };

    view! {
        <div class="field" class:field--invalid=move || problem().is_some()>
            <label for=id>{field.label()}</label>
            {(!rule.required).then(|| view! { <span class="optional">" (optional)"</span> })}
            <p class="help" id=help_id>{field.help()}</p>
            {control}
            <p class="error" id=error_id hidden=move || problem().is_none()>
                {move || problem().map(|p| p.to_string())}
            </p>
        </div>
    }
}
