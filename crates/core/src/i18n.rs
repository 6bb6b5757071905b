//! Every word sealpost shows a person, in one place per concern, per language.
//!
//! Each area file (`form`, `fields`, `problems`, …) defines the texts of one part of the page as
//! a struct, with one `static` value per language beside it. Adding a language means adding one
//! value to each area file, and the compiler lists every text still missing — a translation
//! cannot silently fall back to English for half the page.
//!
//! English is also what the command-line tool prints and what a sealed report's letter uses, so
//! core code reads [`Lang::En`]'s texts too (`Builtin::label`, `FieldError`'s `Display`).
//! Texts from the policy itself are the project's, translated by the policy's `translations`
//! (see [`crate::policy::translate`]), never here.

pub mod advice;
pub mod builder;
#[cfg(feature = "url")]
pub mod discover;
pub mod fields;
pub mod form;
pub mod keep;
pub mod overview;
pub mod problems;
pub mod send;
pub mod widgets;

/// A language the page's own texts are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 primary language subtag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's own name, for a language switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// The language of a BCP 47 tag such as `de-AT` or `en_GB`, if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }
}

/// All of one language's texts, by area.
pub struct Texts {
    pub lang: Lang,
    /// The guided form's frame: steps, progress, navigation, review.
    pub form: &'static form::FormTexts,
    /// Built-in fields' labels and guidance, and the fields the policy's settings add.
    pub fields: &'static fields::FieldTexts,
    /// What is wrong with a field or an attachment.
    pub problems: &'static problems::ProblemTexts,
    /// The first step's account of the project, its promises and its keys.
    pub overview: &'static overview::OverviewTexts,
    /// Sealing, the sealed report and every way of sending it.
    pub send: &'static send::SendTexts,
    /// Keeping work: drafts on this device and reply keys.
    pub keep: &'static keep::KeepTexts,
    /// The richer controls: CVSS calculator, CWE picker, version ranges, numbered steps.
    pub widgets: &'static widgets::WidgetTexts,
    /// The review's advice on weak answers.
    pub advice: &'static advice::AdviceTexts,
}

/// English: the page's default, and the language of everything core code prints.
pub static EN: Texts = Texts {
    lang: Lang::En,
    form: &form::EN,
    fields: &fields::EN,
    problems: &problems::EN,
    overview: &overview::EN,
    send: &send::EN,
    keep: &keep::EN,
    widgets: &widgets::EN,
    advice: &advice::EN,
};

pub static DE: Texts = Texts {
    lang: Lang::De,
    form: &form::DE,
    fields: &fields::DE,
    problems: &problems::DE,
    overview: &overview::DE,
    send: &send::DE,
    keep: &keep::DE,
    widgets: &widgets::DE,
    advice: &advice::DE,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_the_language_by_its_primary_subtag() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn every_language_names_itself_and_knows_its_texts() {
        for lang in Lang::ALL {
            assert_eq!(lang.texts().lang, lang);
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
