//! The page builder (`?builder`): a maintainer adds their key (pasted, picked or discovered),
//! edits the policy with form controls or as JSON, sees the researcher's form live, and
//! downloads `policy.json` and their single-file page.
//!
//! It is the same app as the report page, built into a wasm of its own (crates/builder-app,
//! behind this crate's `builder` feature) so a researcher's first paint never carries it: the
//! preview *is* the report form (the same components, over the edited policy), the single file
//! is assembled from the build's own assets, and the one Trunk build keeps the release pipeline
//! (hardening, integrity, CSP) as it is. The policy text is the one source of truth; controls
//! edit it through `sealpost_core::builder`.

pub mod builder_page;
pub mod discover_panel;
pub mod downloads;
pub mod key_picker;
pub mod policy_editor;
pub mod preview;
pub mod settings_form;

use std::rc::Rc;

use leptos::prelude::*;
use sealpost_core::{
    builder::{apply, settings, Edit, Settings},
    i18n::builder::BuilderTexts,
    protocol::CheckedKey,
    Policy, PolicyError,
};

use crate::{i18n::Lang, services::crypto::CryptoBackend};

/// What the builder holds: the policy text and what is derived from it.
#[derive(Clone, Copy)]
pub struct BuilderState {
    /// The policy file being made, exactly as it will be downloaded.
    pub json: RwSignal<String>,
    /// The text checked as the report page checks it.
    pub checked: Memo<Result<Policy, Vec<PolicyError>>>,
    /// The controls' values, while the text is a policy document.
    pub settings: Memo<Result<Settings, PolicyError>>,
    /// The key last checked by the worker, to show what it is.
    pub key: RwSignal<Option<CheckedKey>>,
    pub lang: RwSignal<Lang>,
    pub crypto: StoredValue<Rc<dyn CryptoBackend>, LocalStorage>,
}

impl BuilderState {
    pub fn new(json: String, lang: RwSignal<Lang>, crypto: Rc<dyn CryptoBackend>) -> Self {
        let json = RwSignal::new(json);
        Self {
            json,
            checked: Memo::new(move |_| json.with(|json| Policy::from_json(json))),
            settings: Memo::new(move |_| json.with(|json| settings(json))),
            key: RwSignal::new(None),
            lang,
            crypto: StoredValue::new_local(crypto),
        }
    }

    /// Makes `edit` to the policy text (a text that is not a policy document is left alone:
    /// the controls are disabled then).
    pub fn edit(&self, edit: Edit) {
        let edited = self.json.with_untracked(|json| apply(json, &edit));
        if let Ok(edited) = edited {
            self.json.set(edited);
        }
    }

    /// Makes `key` the policy's recipient, pinning its fingerprint if it is one certificate.
    pub fn use_key(&self, key: CheckedKey) {
        let fingerprint = match key.keys.as_slice() {
            [only] => Some(only.fingerprint.clone()),
            _ => None,
        };
        self.edit(Edit::Key {
            armored: key.armored.clone(),
            fingerprint,
        });
        self.key.set(Some(key));
    }

    pub fn texts(&self) -> &'static BuilderTexts {
        sealpost_core::i18n::builder::for_lang(self.lang.get())
    }
}

pub fn provide_builder_state(state: BuilderState) {
    provide_context(state);
}

pub fn use_builder() -> BuilderState {
    expect_context()
}
