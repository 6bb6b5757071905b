//! The settings most projects change, as form controls over the policy text: the project's
//! name, where reports go (email, an https endpoint) and which fields a report asks for.
//! The controls stay mounted while the text changes (typing keeps its focus) and are disabled
//! while the text is not a policy document.

use leptos::prelude::*;
use sealpost_core::{
    builder::{Edit, FieldSetting, Settings},
    policy::{document::FieldStatus, Builtin},
};

use super::use_builder;

/// A field's status as a `<select>` value, and back.
const STATUSES: [(&str, Option<FieldStatus>); 4] = [
    ("required", Some(FieldStatus::Required)),
    ("optional", Some(FieldStatus::Optional)),
    ("hidden", Some(FieldStatus::Hidden)),
    ("absent", None),
];

#[component]
pub fn SettingsForm() -> impl IntoView {
    let state = use_builder();
    let t = move || state.texts();
    let value = move |read: fn(&Settings) -> String| {
        move || {
            state
                .settings
                .with(|s| s.as_ref().map(read).unwrap_or_default())
        }
    };
    let unreadable = move || state.settings.with(Result::is_err);
    let fields = move || {
        state
            .settings
            .with(|s| s.as_ref().map(|s| s.fields.clone()).unwrap_or_default())
    };

    view! {
        <section class="builder__section" aria-labelledby="builder-settings-heading">
            <h2 id="builder-settings-heading">{move || t().settings_heading}</h2>
            {move || state.settings.get().err().map(|error| view! {
                <p class="error">{t().settings_unreadable} " " <code>{error.path}</code> ": " {error.reason}</p>
            })}
            <fieldset disabled=unreadable>
                <label for="builder-project-name">{move || t().project_name}</label>
                <input id="builder-project-name" type="text"
                    prop:value=value(|s| s.project_name.clone())
                    on:input:target=move |ev| state.edit(Edit::ProjectName(ev.target().value())) />
                <label for="builder-email">{move || t().email}</label>
                <input id="builder-email" type="email"
                    prop:value=value(|s| s.email.clone())
                    on:input:target=move |ev| state.edit(Edit::Email(ev.target().value())) />
                <label for="builder-endpoint">{move || t().endpoint}</label>
                <input id="builder-endpoint" type="url" aria-describedby="builder-endpoint-help"
                    placeholder="https://"
                    prop:value=value(|s| s.endpoint.clone())
                    on:input:target=move |ev| state.edit(Edit::Endpoint(ev.target().value())) />
                <p id="builder-endpoint-help" class="help">{move || t().endpoint_help}</p>
            </fieldset>
            <fieldset disabled=unreadable class="builder__fields">
                <legend>{move || t().fields_heading}</legend>
                <For each=fields key=|field| field.id.clone() let:field>
                    <FieldStatusSelect field=field />
                </For>
            </fieldset>
        </section>
    }
}

#[component]
fn FieldStatusSelect(
    /// The field as the policy has it when the row is first drawn.
    field: FieldSetting,
) -> impl IntoView {
    let state = use_builder();
    let id = field.id.clone();
    let control_id = format!("builder-field-{id}");
    // A built-in field's label in the page's language; the policy's own label otherwise.
    let builtin = Builtin::from_id(&id);
    let label = move || match builtin {
        Some(builtin) => state.lang.get().texts().fields.label(builtin).to_owned(),
        None => field.label.clone(),
    };
    // The row's key is the id: its status is read from the settings, not from `field`.
    let current = {
        let id = id.clone();
        move || {
            let status = state.settings.with(|s| {
                s.as_ref()
                    .ok()
                    .and_then(|s| s.fields.iter().find(|f| f.id == id).map(|f| f.status))
                    .flatten()
            });
            STATUSES
                .iter()
                .find(|(_, s)| *s == status)
                .map_or("absent", |(value, _)| *value)
        }
    };
    let change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some((_, status)) = STATUSES.iter().find(|(value, _)| *value == chosen) {
            state.edit(Edit::Field {
                id: id.clone(),
                status: *status,
            });
        }
    };
    let options = STATUSES
        .iter()
        .map(|(value, status)| {
            let (value, status) = (*value, *status);
            let current = current.clone();
            view! {
                <option value=value prop:selected=move || current() == value>
                    {move || (state.texts().status)(status)}
                </option>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="builder__field">
            <label for=control_id.clone()>{label}</label>
            <select id=control_id on:change=change>{options}</select>
        </div>
    }
}
