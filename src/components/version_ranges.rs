//! Affected versions as ranges, row by row (a policy's `"format": "structured"`).
//!
//! The rows live in this component while it is shown; every edit writes their canonical text
//! into the report (`>= 1.2.0, < 1.4.1 || >= 2.0, <= 2.1`), and the rows are read back from that
//! text when the component mounts, so Back/Next and restored drafts keep them.

use leptos::prelude::*;
use sealpost_core::{
    i18n::Texts,
    report::version_ranges::{format_rows, rows_from_text, RangeRow, RangesError},
    FieldDef, Problem, Value,
};

use crate::{components::field_input::Aria, i18n::use_texts, state::use_report_state};

/// The three boxes of a row.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Introduced,
    Fixed,
    LastAffected,
}

impl Part {
    const ALL: [Part; 3] = [Part::Introduced, Part::Fixed, Part::LastAffected];

    fn label(self, texts: &Texts) -> &'static str {
        let t = texts.widgets;
        match self {
            Part::Introduced => t.introduced,
            Part::Fixed => t.fixed,
            Part::LastAffected => t.last_affected,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Part::Introduced => "introduced",
            Part::Fixed => "fixed",
            Part::LastAffected => "last",
        }
    }

    fn of(self, row: &RangeRow) -> &String {
        match self {
            Part::Introduced => &row.introduced,
            Part::Fixed => &row.fixed,
            Part::LastAffected => &row.last_affected,
        }
    }

    fn of_mut(self, row: &mut RangeRow) -> &mut String {
        match self {
            Part::Introduced => &mut row.introduced,
            Part::Fixed => &mut row.fixed,
            Part::LastAffected => &mut row.last_affected,
        }
    }
}

#[component]
pub fn VersionRanges(
    /// The affected versions field. The first row's "Introduced in" box takes its id, so links
    /// to the field (the error summary's) land in a box.
    field: FieldDef,
    /// The field's `aria-invalid` and `aria-describedby` (help and validation error).
    aria: Aria,
    /// " (optional)", shown after the legend.
    optional: Option<AnyView>,
    /// The field's guidance, under the legend.
    help: Option<AnyView>,
) -> impl IntoView {
    let state = use_report_state();
    let t = use_texts();
    let id = field.id.clone();
    let stored = state.report.with_untracked(|r| r.text(&id).to_owned());
    let loaded = rows_from_text(&stored);
    // Free text from a draft written before the policy asked for ranges, shown so it is not lost.
    let unreadable = (loaded.is_none() && !stored.trim().is_empty()).then_some(stored);
    let rows = RwSignal::new(
        loaded
            .filter(|rows| !rows.is_empty())
            .unwrap_or_else(|| vec![RangeRow::default()]),
    );
    let count = Memo::new(move |_| rows.with(Vec::len));
    let save = {
        let id = id.clone();
        move || state.set_value(&id, Value::Text(rows.with(|rows| format_rows(rows))))
    };
    // The range the field's visible problem is about (1-based), to mark that row's boxes.
    let faulty_range = {
        let id = id.clone();
        Memo::new(move |_| {
            state.visible_problem(&id).map(|error| match error.problem {
                Problem::NotVersionRanges(
                    RangesError::EmptyRange { range }
                    | RangesError::BothEnds { range }
                    | RangesError::NotAVersion { range, .. }
                    | RangesError::Unreadable { range, .. }
                    | RangesError::Repeated { range, .. },
                ) => range,
                _ => 1,
            })
        })
    };
    let hint_id = format!("{id}-ranges-hint");

    let row_view = {
        let (id, hint_id, save) = (id.clone(), hint_id.clone(), save.clone());
        move |index: usize| {
            let number = index + 1;
            let boxes: Vec<AnyView> = Part::ALL
                .into_iter()
                .map(|part| {
                    let box_id = box_id(&id, index, part);
                    let save = save.clone();
                    let described_by = {
                        let hint_id = hint_id.clone();
                        move || format!("{hint_id} {}", aria.described_by.get())
                            .trim()
                            .to_owned()
                    };
                    let invalid = move || {
                        if faulty_range.get() == Some(number) {
                            "true"
                        } else {
                            "false"
                        }
                    };
                    view! {
                        <div class="ranges__box">
                            <label for=box_id.clone()>
                                {move || part.label(t())}
                                <span class="visually-hidden">{move || (t().widgets.range_number)(number)}</span>
                            </label>
                            <input
                                type="text"
                                id=box_id
                                autocomplete="off"
                                spellcheck="false"
                                aria-invalid=invalid
                                aria-describedby=described_by
                                prop:value=move || {
                                    rows.with(|rows| rows.get(index).map(|row| part.of(row).clone()))
                                }
                                on:input:target=move |ev| {
                                    let typed = ev.target().value();
                                    rows.update(|rows| {
                                        if let Some(row) = rows.get_mut(index) {
                                            *part.of_mut(row) = typed;
                                        }
                                    });
                                    save();
                                }
                            />
                        </div>
                    }
                    .into_any()
                })
                .collect();
            let remove = {
                let (id, save) = (id.clone(), save.clone());
                move |_| {
                    rows.update(|rows| {
                        if rows.len() > 1 && index < rows.len() {
                            rows.remove(index);
                        }
                    });
                    save();
                    // The button is gone: put the keyboard on the row that took its place.
                    focus_later(box_id(&id, index.saturating_sub(1), Part::Introduced));
                }
            };
            view! {
                <li class="ranges__row">
                    {boxes}
                    <button
                        type="button"
                        class="link ranges__remove"
                        hidden=move || count.get() < 2
                        on:click=remove
                    >
                        {move || (t().widgets.remove_range)(number)}
                    </button>
                </li>
            }
            .into_any()
        }
    };
    let add = {
        let id = id.clone();
        move |_| {
            rows.update(|rows| rows.push(RangeRow::default()));
            save();
            focus_later(box_id(&id, count.get_untracked() - 1, Part::Introduced));
        }
    };

    view! {
        <fieldset class="ranges" id=format!("{id}-ranges")>
            <legend>{field.label.clone()} {optional}</legend>
            {help}
            <p class="hint" id=hint_id>{move || t().widgets.ranges_hint}</p>
            {unreadable
                .map(|text| {
                    view! {
                        <p class="warning">
                            {move || t().widgets.ranges_unreadable.0}
                            <bdi>{text}</bdi>
                            {move || t().widgets.ranges_unreadable.1}
                        </p>
                    }
                })}
            <ol class="plain ranges__rows">{move || (0..count.get()).map(row_view.clone()).collect::<Vec<_>>()}</ol>
            <button type="button" on:click=add>{move || t().widgets.add_range}</button>
        </fieldset>
    }
}

/// The id of a row's box: the field's own id for the first box of the first row.
fn box_id(field_id: &str, index: usize, part: Part) -> String {
    if index == 0 && part == Part::Introduced {
        field_id.to_owned()
    } else {
        format!("{field_id}-range{}-{}", index + 1, part.slug())
    }
}

/// Focuses element `id` once the rows have been redrawn.
fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}
