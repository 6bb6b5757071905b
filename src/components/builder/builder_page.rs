//! The builder's layout: the maintainer's side (key, settings, JSON, downloads) beside the
//! researcher's side (the live preview).

use std::rc::Rc;

use leptos::prelude::*;

use super::{
    discover_panel::DiscoverPanel, downloads::Downloads, key_picker::KeyPicker,
    policy_editor::PolicyEditor, preview::Preview, provide_builder_state,
    settings_form::SettingsForm, BuilderState,
};
use crate::{
    components::language_switch::LanguageSwitch, i18n::use_lang, services::crypto::CryptoBackend,
};

#[component]
pub fn BuilderPage(
    /// Checks keys (and seals the preview's reports): the worker in the app.
    crypto: Rc<dyn CryptoBackend>,
) -> impl IntoView {
    let state = BuilderState::new(sealpost_core::builder::starter_json(), use_lang(), crypto);
    provide_builder_state(state);
    view! {
        <header class="masthead">
            <p class="brand">"sealpost"</p>
            <LanguageSwitch />
            <h1>{move || state.texts().title}</h1>
            <p class="lede">{move || state.texts().lede}</p>
        </header>
        <main class="builder">
            <div class="builder__edit">
                <KeyPicker />
                <DiscoverPanel />
                <SettingsForm />
                <PolicyEditor />
                <Downloads />
            </div>
            <div class="builder__preview">
                <Preview />
            </div>
        </main>
    }
}
