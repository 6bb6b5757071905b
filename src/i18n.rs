//! The guided form's words, in one place per language. English and German ship; a language is
//! one more `Texts` value. The language follows `?lang=` or the browser's preferences, and can be
//! switched on the page without losing anything typed (it is a signal, not a reload).
//!
//! Texts from the policy (labels, help, rules) are the project's and are shown as written.

use leptos::prelude::*;
use sealpost_core::policy::Step;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary)
    }

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

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }
}

/// Every string the guided form's chrome shows.
pub struct Texts {
    /// Short names for the progress list, in [`Step::ALL`] order.
    pub step_names: [&'static str; 7],
    /// Each step's heading.
    pub step_headings: [&'static str; 7],
    /// One sentence under each heading.
    pub step_intros: [&'static str; 7],
    pub progress_label: &'static str,
    pub step_of: fn(usize, usize) -> String,
    pub next: &'static str,
    pub back: &'static str,
    pub language: &'static str,
    pub step_incomplete: &'static str,
    pub not_ready: &'static str,
    pub fix_these: &'static str,
    pub review_exact: &'static str,
    pub review_text_label: &'static str,
    pub review_files: &'static str,
    pub completeness: &'static str,
    pub complete: &'static str,
    pub must_fix: &'static str,
    pub could_improve: &'static str,
    pub anonymous_allowed: &'static str,
    pub anonymous_refused: &'static str,
    pub leave_warning: &'static str,
}

impl Texts {
    fn index(step: Step) -> usize {
        Step::ALL.iter().position(|&s| s == step).unwrap_or(0)
    }

    pub fn step_name(&self, step: Step) -> &'static str {
        self.step_names[Self::index(step)]
    }

    pub fn step_heading(&self, step: Step) -> &'static str {
        self.step_headings[Self::index(step)]
    }

    pub fn step_intro(&self, step: Step) -> &'static str {
        self.step_intros[Self::index(step)]
    }
}

pub static EN: Texts = Texts {
    step_names: ["Start", "What", "How", "Impact", "You", "Review", "Send"],
    step_headings: [
        "Before you start",
        "What is affected",
        "How it works and how to reproduce it",
        "Impact and severity",
        "About you",
        "Review your report",
        "Encrypt and send",
    ],
    step_intros: [
        "What this project asks and promises, and who can read your report.",
        "Name the flaw and where it is.",
        "Enough detail for the project to see it for themselves.",
        "What an attacker gains, and how bad it is.",
        "How the project can thank you and answer you. All optional unless marked.",
        "This is exactly what will be encrypted. Check it, and fill in what is missing.",
        "Your report is encrypted in this browser, then you choose how to send it.",
    ],
    progress_label: "Progress",
    step_of: |n, total| format!("Step {n} of {total}"),
    next: "Next",
    back: "Back",
    language: "Language",
    step_incomplete: "This step is not complete",
    not_ready: "The report is not ready to encrypt",
    fix_these: "Fix these first:",
    review_exact: "The report as it will be encrypted (text and report.json carry the same):",
    review_text_label: "Report text",
    review_files: "Attached files",
    completeness: "Completeness",
    complete: "Nothing is missing. Weak spots, if any, are listed below.",
    must_fix: "Must be fixed before encrypting",
    could_improve: "Would help the project",
    anonymous_allowed: "You may leave these empty to report anonymously; the project then cannot \
                        answer or credit you.",
    anonymous_refused: "This project does not accept anonymous reports: say who you are.",
    leave_warning: "Your report has not been sent. Leave anyway?",
};

pub static DE: Texts = Texts {
    step_names: [
        "Start",
        "Was",
        "Wie",
        "Auswirkung",
        "Sie",
        "Prüfen",
        "Senden",
    ],
    step_headings: [
        "Bevor Sie beginnen",
        "Was ist betroffen",
        "Wie es funktioniert und wie man es nachstellt",
        "Auswirkung und Schweregrad",
        "Über Sie",
        "Bericht prüfen",
        "Verschlüsseln und senden",
    ],
    step_intros: [
        "Was dieses Projekt erbittet und zusagt, und wer Ihren Bericht lesen kann.",
        "Benennen Sie die Schwachstelle und wo sie liegt.",
        "Genug Einzelheiten, damit das Projekt es selbst sehen kann.",
        "Was ein Angreifer gewinnt, und wie schwer es wiegt.",
        "Wie das Projekt Ihnen danken und antworten kann. Alles freiwillig, sofern nicht markiert.",
        "Genau das wird verschlüsselt. Prüfen Sie es und ergänzen Sie, was fehlt.",
        "Ihr Bericht wird in diesem Browser verschlüsselt, dann wählen Sie den Versandweg.",
    ],
    progress_label: "Fortschritt",
    step_of: |n, total| format!("Schritt {n} von {total}"),
    next: "Weiter",
    back: "Zurück",
    language: "Sprache",
    step_incomplete: "Dieser Schritt ist nicht vollständig",
    not_ready: "Der Bericht kann noch nicht verschlüsselt werden",
    fix_these: "Bitte zuerst beheben:",
    review_exact:
        "Der Bericht, wie er verschlüsselt wird (Text und report.json enthalten dasselbe):",
    review_text_label: "Berichtstext",
    review_files: "Angehängte Dateien",
    completeness: "Vollständigkeit",
    complete: "Es fehlt nichts. Schwachstellen, falls vorhanden, stehen unten.",
    must_fix: "Vor dem Verschlüsseln zu beheben",
    could_improve: "Würde dem Projekt helfen",
    anonymous_allowed:
        "Sie können diese Felder leer lassen, um anonym zu melden; das Projekt kann \
                        Ihnen dann weder antworten noch danken.",
    anonymous_refused: "Dieses Projekt nimmt keine anonymen Berichte an: Bitte nennen Sie sich.",
    leave_warning: "Ihr Bericht wurde nicht gesendet. Trotzdem verlassen?",
};

/// The page's language, provided once by the app.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

pub fn provide_language() -> Language {
    let language = Language(RwSignal::new(Lang::detect()));
    provide_context(language);
    language
}

/// The current language's texts, reactively: call it inside a view closure.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy {
    let Language(lang) = use_context::<Language>().unwrap_or(Language(RwSignal::new(Lang::En)));
    move || lang.get().texts()
}
