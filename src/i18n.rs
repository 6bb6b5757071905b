//! The page's language: which of `sealpost_core::i18n`'s languages is shown, as a signal.
//!
//! The language follows `?lang=` or the browser's preferences, and can be switched on the page
//! without losing anything typed (it is a signal, not a reload). The texts themselves live in
//! `crates/core/src/i18n/`, one place for the page, the command line and the sealed letter.

use leptos::prelude::*;
pub use sealpost_core::i18n::{Lang, Texts};

/// `?lang=`, else the first of the browser's languages we have, else English.
pub fn detect() -> Lang {
    let window = web_sys::window();
    let from_query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    let from_browser = || {
        let languages = window.as_ref()?.navigator().languages();
        languages
            .iter()
            .filter_map(|tag| tag.as_string())
            .find_map(|tag| Lang::from_tag(&tag))
    };
    from_query.or_else(from_browser).unwrap_or(Lang::En)
}

/// The page's language, provided once by the app.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

pub fn provide_language() -> Language {
    let lang = RwSignal::new(detect());
    // Screen readers pick their voice from `<html lang>`: keep it the page's language, from the
    // first paint on (not only after the switcher is used).
    Effect::new(move || {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    let language = Language(lang);
    provide_context(language);
    language
}

/// The current language's texts, reactively: call it inside a view closure.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy {
    let lang = use_lang();
    move || lang.get().texts()
}

/// The current language as a signal (English where no language was provided, as in tests).
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<Language>()
        .unwrap_or(Language(RwSignal::new(Lang::En)))
        .0
}
