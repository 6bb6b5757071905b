//! Steps to reproduce that keep their numbering: Enter after `1. …` starts `2. `, Enter on an
//! empty number ends the list. The text rules are the core's (`report::numbered`); this only
//! translates the DOM's caret (UTF-16 units) and applies the result.

use leptos::{ev::KeyboardEvent, prelude::*};
use sealpost_core::{
    report::numbered::{
        byte_to_utf16, continue_numbering, count_steps, drop_doubled_number, utf16_to_byte,
    },
    FieldDef, Value,
};
use web_sys::HtmlTextAreaElement;

use crate::{components::field_input::Aria, i18n::use_texts, state::use_report_state};

#[component]
pub fn NumberedTextarea(
    /// The steps field (its id is the textarea's id, which the field's label uses).
    field: FieldDef,
    /// The field's `aria-invalid` and `aria-describedby` (help and validation error).
    aria: Aria,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let id = field.id.clone();
    let count_id = format!("{id}-steps");
    let text = {
        let id = id.clone();
        Memo::new(move |_| state.report.with(|r| r.text(&id).to_owned()))
    };
    let set = {
        let id = id.clone();
        move |text: String| state.set_value(&id, Value::Text(text))
    };
    let on_keydown = {
        let set = set.clone();
        move |ev: KeyboardEvent| {
            let plain_enter = ev.key() == "Enter"
                && !(ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key())
                // An input method is still composing: Enter confirms its text.
                && !ev.is_composing();
            if !plain_enter {
                return;
            }
            let area: HtmlTextAreaElement = event_target(&ev);
            let (Ok(Some(start)), Ok(Some(end))) = (area.selection_start(), area.selection_end())
            else {
                return;
            };
            if start != end {
                return;
            }
            let value = area.value();
            let caret = utf16_to_byte(&value, start as usize);
            if let Some((next, caret)) = continue_numbering(&value, caret) {
                ev.prevent_default();
                let caret = u32::try_from(byte_to_utf16(&next, caret)).unwrap_or(u32::MAX);
                // Programmatic edits fire no `input` event: record the text, then show it with
                // the caret where typing continues.
                set(next.clone());
                area.set_value(&next);
                let _ = area.set_selection_range(caret, caret);
            }
        }
    };
    let count = move || match text.with(|text| count_steps(text)) {
        0 => t().widgets.steps_none.to_owned(),
        1 => t().widgets.steps_one.to_owned(),
        n => (t().widgets.steps_many)(n),
    };
    let described_by = {
        let count_id = count_id.clone();
        move || {
            let field_ids = aria.described_by.get();
            if field_ids.is_empty() {
                count_id.clone()
            } else {
                format!("{field_ids} {count_id}")
            }
        }
    };

    view! {
        <textarea
            id=id.clone()
            name=id
            rows="8"
            required=field.required
            placeholder=field.placeholder.clone().unwrap_or_else(|| "1. …\n2. …".into())
            aria-invalid=aria.invalid
            aria-describedby=described_by
            prop:value=move || text.get()
            on:input:target=move |ev| {
                let area = ev.target();
                let value = area.value();
                let caret = area.selection_start().ok().flatten().map(|c| utf16_to_byte(&value, c as usize));
                match caret.and_then(|caret| drop_doubled_number(&value, caret)) {
                    Some((fixed, caret)) => {
                        let caret = u32::try_from(byte_to_utf16(&fixed, caret)).unwrap_or(u32::MAX);
                        area.set_value(&fixed);
                        let _ = area.set_selection_range(caret, caret);
                        set(fixed);
                    }
                    None => set(value),
                }
            }
            on:keydown=on_keydown
        ></textarea>
        <p class="hint" id=count_id>{count}</p>
    }
}
