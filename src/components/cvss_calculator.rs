//! The severity field as a CVSS calculator: one group of radio buttons per metric, a box to paste
//! a vector into, and the vector and score as they are built.
//!
//! The report keeps the vector text (partial while base metrics are missing; validation names
//! the missing ones). The picks shown are derived from that text, so the radios, the box and a
//! restored draft can never disagree; a text that does not parse keeps the last picks shown.
//!
//! The frame (status, headings, placeholder) follows the page's language; the metrics' names,
//! values and help are FIRST's English terms, the ones vectors and advisories are read with.

use leptos::prelude::*;
use sealpost_core::{
    cvss::{metrics, Group, Metric, Picks, VectorError},
    policy::CvssVersion,
    FieldDef, Value,
};

use crate::{components::field_input::Aria, i18n::use_texts, state::use_report_state};

#[component]
pub fn CvssCalculator(
    /// The severity field (its id is the vector box's id, which the field's label points at).
    field: FieldDef,
    /// The version the policy asks for.
    version: CvssVersion,
    /// The field's `aria-invalid` and `aria-describedby` (help and validation error).
    aria: Aria,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let id = field.id.clone();
    let text = {
        let id = id.clone();
        Memo::new(move |_| state.report.with(|r| r.text(&id).to_owned()))
    };
    let picks = Memo::new(move |previous: Option<&Picks>| {
        text.with(|text| {
            if text.trim().is_empty() {
                return Picks::new(version);
            }
            Picks::from_partial_vector_for(version, text)
                .ok()
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| Picks::new(version))
        })
    });
    // What is wrong with a typed or pasted vector, beyond base metrics still to choose.
    let paste_error = Memo::new(move |_| {
        text.with(|text| match Picks::from_vector_for(version, text) {
            _ if text.trim().is_empty() => None,
            Ok(_) | Err(VectorError::MissingRequired { .. }) => None,
            Err(err) => Some(err.to_string()),
        })
    });
    // Once the field's own error is shown it gives the same reason: say it once.
    let paste_error_shown =
        Memo::new(move |_| paste_error.with(Option::is_some) && aria.invalid.get() != "true");
    let pick = {
        let id = id.clone();
        move |metric: &'static str, value: &'static str| {
            let mut next = picks.get_untracked();
            if next.set(metric, value).is_ok() {
                state.set_value(&id, Value::Text(next.vector()));
            }
        }
    };

    let paste_error_id = format!("{id}-vector-error");
    let status_id = format!("{id}-score");
    let described_by = {
        let (paste_error_id, status_id) = (paste_error_id.clone(), status_id.clone());
        move || {
            let mut ids = vec![aria.described_by.get(), status_id.clone()];
            if paste_error_shown.get() {
                ids.push(paste_error_id.clone());
            }
            ids.retain(|id| !id.is_empty());
            ids.join(" ")
        }
    };
    let invalid = move || {
        if paste_error.with(Option::is_some) {
            "true"
        } else {
            aria.invalid.get()
        }
    };
    let status = move || {
        let t = t().widgets;
        if paste_error.with(Option::is_some) {
            return t.cvss_invalid.to_owned();
        }
        picks.with(|picks| match picks.score() {
            Some(score) => {
                let shown =
                    (t.cvss_score)(&format!("{:.1}", score.value), t.cvss_rating(score.rating));
                match score.nomenclature {
                    Some(nomenclature) => format!("{shown} {nomenclature}"),
                    None => shown,
                }
            }
            None => {
                let missing = picks.missing();
                let names: Vec<&str> = missing.iter().map(|m| m.name).collect();
                (t.cvss_missing)(missing.len(), &names.join(", "))
            }
        })
    };

    let all = metrics(version);
    let base: Vec<AnyView> = all
        .iter()
        .filter(|m| m.group == Group::Base)
        .map(|m| metric_view(&id, m, picks, pick.clone()))
        .collect();
    let optional_groups: Vec<AnyView> = optional_groups(version)
        .into_iter()
        .map(|group| {
            let fieldsets: Vec<AnyView> = all
                .iter()
                .filter(|m| m.group == group)
                .map(|m| metric_view(&id, m, picks, pick.clone()))
                .collect();
            view! {
                <fieldset class="cvss__group">
                    <legend>{move || t().widgets.cvss_group(group)}</legend>
                    {fieldsets}
                </fieldset>
            }
            .into_any()
        })
        .collect();
    let set_text = {
        let id = id.clone();
        move |typed: String| state.set_value(&id, Value::Text(typed))
    };

    view! {
        <div class="cvss">
            <input
                type="text"
                id=id.clone()
                name=id.clone()
                class="cvss__vector-input"
                autocomplete="off"
                spellcheck="false"
                required=field.required
                placeholder=move || (t().widgets.cvss_placeholder)(version.prefix())
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || text.get()
                on:input:target=move |ev| set_text(ev.target().value())
            />
            <p class="error" id=paste_error_id hidden=move || !paste_error_shown.get()>
                {move || paste_error.get()}
            </p>
            <p class="cvss__status" id=status_id aria-live="polite">
                {status}
            </p>
            <p class="cvss__vector">
                {move || t().widgets.cvss_vector} <code>{move || picks.with(Picks::vector)}</code>
            </p>
            {base}
            <details class="cvss__more">
                <summary>{move || t().widgets.cvss_more}</summary>
                {optional_groups}
            </details>
        </div>
    }
}

/// The optional groups of `version`, in the order FIRST's calculator shows them.
fn optional_groups(version: CvssVersion) -> Vec<Group> {
    match version {
        CvssVersion::V3_1 => vec![Group::Temporal, Group::Environmental],
        CvssVersion::V4_0 => vec![Group::Threat, Group::Environmental, Group::Supplemental],
    }
}

/// One metric: a fieldset of native radio buttons (arrow keys move between them), each
/// described by the metric's help.
fn metric_view(
    field_id: &str,
    metric: &'static Metric,
    picks: Memo<Picks>,
    pick: impl Fn(&'static str, &'static str) + Clone + Send + Sync + 'static,
) -> AnyView {
    let name = format!("{field_id}-cvss-{}", metric.id);
    let help_id = format!("{name}-help");
    let radios: Vec<AnyView> = metric
        .values
        .iter()
        .map(|value| {
            let radio_id = format!("{name}-{}", value.id);
            let pick = pick.clone();
            view! {
                <span class="cvss__value">
                    <input
                        type="radio"
                        id=radio_id.clone()
                        name=name.clone()
                        value=value.id
                        aria-describedby=help_id.clone()
                        prop:checked=move || {
                            picks.with(|p| p.selected(metric.id).map(|v| v.id) == Some(value.id))
                        }
                        on:change=move |_| pick(metric.id, value.id)
                    />
                    <label for=radio_id>{value.label} " (" {value.id} ")"</label>
                </span>
            }
            .into_any()
        })
        .collect();
    view! {
        <fieldset class="cvss__metric">
            <legend>{metric.name} " (" {metric.id} ")"</legend>
            <p class="help" id=help_id.clone()>{metric.help}</p>
            <div class="cvss__values">{radios}</div>
        </fieldset>
    }
    .into_any()
}
