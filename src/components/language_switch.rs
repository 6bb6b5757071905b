//! The page's language, switchable without a reload (nothing typed is lost).

use leptos::prelude::*;

use crate::i18n::{use_texts, Lang, Language};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let t = use_texts();
    let options = Lang::ALL
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.tag() selected=move || lang.get() == option>{option.name()}</option>
            }
        })
        .collect::<Vec<_>>();
    let change = move |ev: leptos::ev::Event| {
        let tag = event_target_value(&ev);
        if let Some(option) = Lang::ALL.into_iter().find(|l| l.tag() == tag) {
            // `provide_language` keeps `<html lang>` in step.
            lang.set(option);
        }
    };
    view! {
        <p class="language">
            <label for="language">{move || t().form.language}</label>
            " "
            <select id="language" on:change=change>{options}</select>
        </p>
    }
}
