//! The vulnerability type as a searchable CWE list that still takes free text.
//!
//! A native `<input list>` with a `<datalist>` of the bundled catalogue is searchable by number
//! and by words in every browser and needs no script for the keyboard. Because browsers match
//! datalists differently (Chromium matches anywhere, Safari only prefixes), the core's own
//! search also offers its five best matches as buttons under the box. The catalogue's names are
//! MITRE's English ones, as CWE ids are quoted; the words around them follow the page's language.

use leptos::prelude::*;
use sealpost_core::{
    cwe::{self, CweChoice, CweEntry},
    FieldDef, Value,
};

use crate::{components::field_input::Aria, i18n::use_texts, state::use_report_state};

/// Suggestions shown under the box for a description in words.
const SUGGESTIONS: usize = 5;

#[component]
pub fn CwePicker(
    /// The vulnerability type field (its id is the input's id, which the field's label uses).
    field: FieldDef,
    /// The field's `aria-invalid` and `aria-describedby` (help and validation error).
    aria: Aria,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let id = field.id.clone();
    let list_id = format!("{id}-cwe-list");
    let match_id = format!("{id}-cwe-match");
    let text = {
        let id = id.clone();
        Memo::new(move |_| state.report.with(|r| r.text(&id).to_owned()))
    };
    let choice = Memo::new(move |_| text.with(|text| CweChoice::parse(text)));
    let set = {
        let id = id.clone();
        move |text: String| state.set_value(&id, Value::Text(text))
    };

    // What the text names, read aloud as it changes.
    let named = move || {
        choice.with(|choice| match choice {
            Some(known @ CweChoice::Known(_)) => match known.entry() {
                Some(entry) => entry.label(),
                None => (t().widgets.cwe_not_listed)(&known.to_string()),
            },
            _ => String::new(),
        })
    };
    let suggestions = {
        let set = set.clone();
        move || {
            let words = choice.with(|choice| match choice {
                Some(CweChoice::Other(words)) => Some(words.clone()),
                _ => None,
            })?;
            let found: Vec<&'static CweEntry> =
                cwe::search(&words).into_iter().take(SUGGESTIONS).collect();
            if found.is_empty() {
                return Some(
                    view! {
                        <p class="hint">{move || t().widgets.cwe_no_match}</p>
                    }
                    .into_any(),
                );
            }
            let buttons: Vec<AnyView> = found
                .into_iter()
                .map(|entry| {
                    let set = set.clone();
                    let tag = entry.tag();
                    view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| set(tag.clone())>
                                {entry.label()}
                            </button>
                        </li>
                    }
                    .into_any()
                })
                .collect();
            Some(
                view! {
                    <div class="cwe__suggestions">
                        <p class="hint">{move || t().widgets.cwe_matching}</p>
                        <ul class="plain">{buttons}</ul>
                    </div>
                }
                .into_any(),
            )
        }
    };
    let described_by = {
        let match_id = match_id.clone();
        move || {
            let field_ids = aria.described_by.get();
            if field_ids.is_empty() {
                match_id.clone()
            } else {
                format!("{field_ids} {match_id}")
            }
        }
    };

    view! {
        <input
            type="text"
            id=id.clone()
            name=id.clone()
            list=list_id.clone()
            autocomplete="off"
            required=field.required
            placeholder={
                let placeholder = field.placeholder.clone();
                move || placeholder.clone().unwrap_or_else(|| t().widgets.cwe_placeholder.into())
            }
            aria-invalid=aria.invalid
            aria-describedby=described_by
            prop:value=move || text.get()
            on:input:target=move |ev| set(ev.target().value())
        />
        <datalist id=list_id>{options()}</datalist>
        <p class="cwe__match" id=match_id aria-live="polite">{named}</p>
        {suggestions}
    }
}

/// Every bundled entry, common ones first. Built once per mount and never updated: about 250
/// options, in the DOM only while this field is.
fn options() -> Vec<AnyView> {
    cwe::all()
        .iter()
        .map(|entry| {
            let label = if entry.keywords.is_empty() {
                entry.name.to_owned()
            } else {
                format!("{} ({})", entry.name, entry.keywords)
            };
            view! { <option value=entry.tag()>{label}</option> }.into_any()
        })
        .collect()
}
