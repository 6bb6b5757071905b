//! One report field, drawn as its control: label, guidance, the control and its inline error,
//! tied together with `for`, `aria-describedby` and `aria-invalid` so assistive technology
//! announces them together.

use leptos::prelude::*;
use sealpost_core::{
    policy::{Builtin, Control, REPORTER_STANCE_ID},
    report::Stance,
    FieldDef, Report, Value,
};

use crate::{
    components::{
        attachment_picker::AttachmentPicker, cvss_calculator::CvssCalculator,
        cwe_picker::CwePicker, numbered_textarea::NumberedTextarea, version_ranges::VersionRanges,
    },
    i18n::use_texts,
    state::{use_report_state, ReportState},
};

#[component]
pub fn FieldInput(
    /// The field, as the policy defines it.
    field: FieldDef,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let id = field.id.clone();
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let has_help = field.help.is_some();

    let problem = {
        let id = id.clone();
        Signal::derive(move || state.visible_problem(&id))
    };
    let described_by = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        Signal::derive(move || {
            let mut ids = Vec::new();
            if has_help {
                ids.push(help_id.clone());
            }
            if problem.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        })
    };
    let aria = Aria {
        invalid: Signal::derive(move || {
            if problem.get().is_some() {
                "true"
            } else {
                "false"
            }
        }),
        described_by,
    };
    let help = field
        .help
        .clone()
        .map(|text| view! { <p class="help" id=help_id.clone()>{text}</p> });
    let optional = (!field.required)
        .then(|| view! { <span class="optional">" (" {move || t().form.optional} ")"</span> });
    let error = view! {
        <p class="error" id=error_id hidden=move || problem.get().is_none()>
            {move || problem.get().map(|p| p.message(t()))}
        </p>
    };
    // The name field asks for a pseudonym when the researcher chose to use one.
    let label = {
        let label = field.label.clone();
        let is_name = field.builtin == Some(Builtin::ReporterIdentity);
        move || {
            if is_name && state.report.with(Report::stance) == Stance::Pseudonym {
                t().fields.pseudonym_label.to_owned()
            } else {
                label.clone()
            }
        }
    };

    let body = match &field.control {
        Control::Checkbox => view! {
            <div class="checkbox">
                <input
                    type="checkbox"
                    id=id.clone()
                    aria-invalid=aria.invalid
                    aria-describedby=aria.described_by
                    prop:checked={
                        let id = id.clone();
                        move || state.report.with(|r| r.checked(&id))
                    }
                    on:change:target={
                        let id = id.clone();
                        move |ev| state.set_value(&id, Value::Checked(ev.target().checked()))
                    }
                />
                <label for=id.clone()>{label}</label>
                {optional}
            </div>
            {help}
        }
        .into_any(),
        Control::MultiSelect(options) => view! {
            <fieldset id=id.clone() aria-invalid=aria.invalid aria-describedby=aria.described_by>
                <legend>{label} {optional}</legend>
                {help}
                {multi_select_options(state, &field, options)}
            </fieldset>
        }
        .into_any(),
        // Few choices, all worth seeing at once: radio buttons.
        Control::Select(options) if field.id == REPORTER_STANCE_ID => view! {
            <fieldset id=id.clone() class="choices" aria-invalid=aria.invalid aria-describedby=aria.described_by>
                <legend>{label}</legend>
                {help}
                {radio_options(state, &field, options)}
            </fieldset>
        }
        .into_any(),
        Control::Attachments => view! {
            <AttachmentPicker
                id=id.clone()
                label=field.label.clone()
                optional=optional.map(IntoAny::into_any)
                help=help.map(IntoAny::into_any)
            />
        }
        .into_any(),
        Control::VersionRanges => view! {
            <VersionRanges
                field=field.clone()
                aria=aria
                optional=optional.map(IntoAny::into_any)
                help=help.map(IntoAny::into_any)
            />
        }
        .into_any(),
        control => {
            // The specialised controls keep the field's label pointing at their main box.
            let input = match control {
                Control::Cvss(version) => {
                    view! { <CvssCalculator field=field.clone() version=*version aria=aria /> }
                        .into_any()
                }
                Control::Text if field.builtin == Some(Builtin::VulnerabilityType) => {
                    view! { <CwePicker field=field.clone() aria=aria /> }.into_any()
                }
                Control::Textarea if field.builtin == Some(Builtin::ReproductionSteps) => {
                    view! { <NumberedTextarea field=field.clone() aria=aria /> }.into_any()
                }
                control => single_control(state, &field, control, aria),
            };
            view! {
                <label for=id.clone()>{label}</label>
                {optional}
                {help}
                {input}
            }
            .into_any()
        }
    };

    // A field the researcher's choices leave out (their name, when reporting anonymously) is
    // hidden, not removed: what they typed is still there if they change their mind.
    let withheld = {
        let field = field.clone();
        move || {
            state
                .report
                .with(|report| state.policy.with_value(|p| p.withholds(&field, report)))
        }
    };
    view! {
        <div class="field" class:field--invalid=move || problem.get().is_some() hidden=withheld>
            {body}
            {error}
        </div>
    }
}

/// A field's `aria-invalid` and `aria-describedby` (its help and its visible error), for the
/// control that carries them.
#[derive(Clone, Copy)]
pub struct Aria {
    pub invalid: Signal<&'static str>,
    pub described_by: Signal<String>,
}

/// Text-like controls, textareas and single selects: one element bound to the field's text.
fn single_control(state: ReportState, field: &FieldDef, control: &Control, aria: Aria) -> AnyView {
    let id = field.id.clone();
    let value = {
        let id = id.clone();
        move || state.report.with(|r| r.text(&id).to_owned())
    };
    let set = {
        let id = id.clone();
        move |text: String| state.set_value(&id, Value::Text(text))
    };
    let placeholder = field.placeholder.clone();
    match control {
        Control::Textarea => view! {
            <textarea
                id=id.clone()
                name=id
                rows="6"
                required=field.required
                placeholder=placeholder
                aria-invalid=aria.invalid
                aria-describedby=aria.described_by
                prop:value=value
                on:input:target=move |ev| set(ev.target().value())
            ></textarea>
        }
        .into_any(),
        Control::Select(options) => {
            let options = options
                .iter()
                .map(|option| {
                    let shown = field.choice_label(option).to_owned();
                    view! { <option value=option.clone()>{shown}</option> }
                })
                .collect::<Vec<_>>();
            let t = use_texts();
            view! {
                <select
                    id=id.clone()
                    name=id
                    required=field.required
                    aria-invalid=aria.invalid
                    aria-describedby=aria.described_by
                    prop:value=value
                    on:change:target=move |ev| set(ev.target().value())
                >
                    <option value="">{move || t().form.choose}</option>
                    {options}
                </select>
            }
            .into_any()
        }
        control => {
            let (input_type, input_mode) = match control {
                Control::Url => ("url", None),
                Control::Date => ("date", None),
                // Kept as text so what the researcher typed is never silently dropped.
                Control::Number => ("text", Some("decimal")),
                _ => ("text", None),
            };
            view! {
                <input
                    type=input_type
                    inputmode=input_mode
                    id=id.clone()
                    name=id
                    required=field.required
                    placeholder=placeholder
                    aria-invalid=aria.invalid
                    aria-describedby=aria.described_by
                    prop:value=value
                    on:input:target=move |ev| set(ev.target().value())
                />
            }
            .into_any()
        }
    }
}

fn multi_select_options(state: ReportState, field: &FieldDef, options: &[String]) -> Vec<AnyView> {
    options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let id = &field.id;
            let option_id = format!("{id}-{index}");
            let shown = field.choice_label(option).to_owned();
            let (id, option) = (id.to_owned(), option.clone());
            let checked = {
                let (id, option) = (id.clone(), option.clone());
                move || state.report.with(|r| r.choices(&id).contains(&option))
            };
            let toggle = {
                let option = option.clone();
                move |on: bool| {
                    state.report.update(|report| {
                        let mut choices = report.choices(&id).to_vec();
                        choices.retain(|c| c != &option);
                        if on {
                            choices.push(option.clone());
                        }
                        report.set(id.clone(), Value::Choices(choices));
                    })
                }
            };
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=option_id.clone()
                        prop:checked=checked
                        on:change:target=move |ev| toggle(ev.target().checked())
                    />
                    <label for=option_id>{shown}</label>
                </div>
            }
            .into_any()
        })
        .collect()
}

/// One radio button per choice; the field's text is the chosen one.
fn radio_options(state: ReportState, field: &FieldDef, options: &[String]) -> Vec<AnyView> {
    options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let id = field.id.clone();
            let option_id = format!("{id}-{index}");
            let shown = field.choice_label(option).to_owned();
            let checked = {
                let (id, option) = (id.clone(), option.clone());
                move || state.report.with(|r| r.text(&id) == option)
            };
            let choose = {
                let option = option.clone();
                move |_| state.set_value(&id, Value::Text(option.clone()))
            };
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=option_id.clone()
                        name=field.id.clone()
                        value=option.clone()
                        prop:checked=checked
                        on:change=choose
                    />
                    <label for=option_id>{shown}</label>
                </div>
            }
            .into_any()
        })
        .collect()
}
