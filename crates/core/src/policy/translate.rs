//! A policy's own translations: the project's texts (labels, help, options, scope, rules,
//! promises) in other languages, under `translations` keyed by language tag.
//!
//! The page's own words come from [`crate::i18n`]; a policy only ever translates what it wrote
//! itself. Stored values never change with the language: a select keeps its option as the
//! policy wrote it, only the text shown beside it is translated, so a report reads the same to
//! the project whatever language the researcher used.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{document::Scope, Control, Policy};

/// The project's texts in one language. Anything left out stays as the policy wrote it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Field texts by field id (built-in, custom, `acknowledge_rules` or `confirm_reproduced`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldTranslation>,
    /// The scope, replacing `scope` whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The testing rules: one for each of `rules`, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// `commitments.safe_harbor`, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safe_harbor: Option<String>,
    /// `commitments.credit`, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// `commitments.bounty`, translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounty: Option<String>,
    /// `commitments.notes`: one for each, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One field's texts in one language.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldTranslation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// How each choice reads, by the choice as the policy wrote it (select and multi-select
    /// options, severity levels, credit choices). The report keeps the choice as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

/// The translation for a page in language `tag`: the exact tag, else one with the same primary
/// language (`pt-BR` for `pt`, or the other way round). Tags compare case-insensitively.
pub fn find<'a>(
    translations: &'a BTreeMap<String, Translation>,
    tag: &str,
) -> Option<&'a Translation> {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    translations
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(tag))
        .or_else(|| {
            translations
                .iter()
                .find(|(key, _)| primary(key) == primary(tag))
        })
        .map(|(_, translation)| translation)
}

/// Puts `translation`'s texts into `policy` (checked by `resolve` beforehand: every field id,
/// option and list length it names exists).
pub(super) fn apply(policy: &mut Policy, translation: &Translation) {
    for field in &mut policy.fields {
        let Some(text) = translation.fields.get(&field.id) else {
            continue;
        };
        if let Some(label) = &text.label {
            field.label.clone_from(label);
        }
        if let Some(help) = &text.help {
            field.help = Some(help.clone());
        }
        if let Some(placeholder) = &text.placeholder {
            field.placeholder = Some(placeholder.clone());
        }
        for (choice, shown) in &text.options {
            field.choice_labels.insert(choice.clone(), shown.clone());
        }
    }
    if let Some(scope) = &translation.scope {
        policy.scope = scope.clone();
    }
    if !translation.rules.is_empty() {
        policy.rules.clone_from(&translation.rules);
    }
    let commitments = &mut policy.commitments;
    for (text, translated) in [
        (&mut commitments.safe_harbor, &translation.safe_harbor),
        (&mut commitments.credit, &translation.credit),
        (&mut commitments.bounty, &translation.bounty),
    ] {
        if translated.is_some() {
            text.clone_from(translated);
        }
    }
    if !translation.notes.is_empty() {
        commitments.notes.clone_from(&translation.notes);
    }
}

/// The choices a field offers, to check a translation's `options` against.
pub(super) fn choices(control: &Control) -> &[String] {
    match control {
        Control::Select(options) | Control::MultiSelect(options) => options,
        _ => &[],
    }
}
