//! The guided form's frame: steps, progress, navigation, review; see [`crate::i18n`].

use crate::policy::Step;

/// The guided form's frame.
pub struct FormTexts {
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
    /// Under "How do you want to report?": what choosing to report anonymously does.
    pub anonymous_choice: &'static str,
    pub anonymous_refused: &'static str,
    pub leave_warning: &'static str,
    /// After an optional field's label, in brackets.
    pub optional: &'static str,
    /// A select's empty first choice.
    pub choose: &'static str,
    pub loading_policy: &'static str,
    /// `?builder` on a copy of the page that has no builder (the single file).
    pub builder_missing: &'static str,
    pub loading_builder: &'static str,
    /// The page heading around the project's name: before and after it.
    pub report_to: (&'static str, &'static str),
    pub lede: &'static str,
    pub encrypting: &'static str,
    pub encrypt: &'static str,
    /// The attachment limits: most files, most bytes each, most bytes in all.
    pub attachment_limits: fn(u32, &str, &str) -> String,
    pub drop_files: &'static str,
    pub remove: &'static str,
    pub remove_named: fn(&str) -> String,
    pub policy_broken_heading: &'static str,
    pub policy_broken: &'static str,
    pub for_maintainers: &'static str,
}

impl FormTexts {
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

pub static EN: FormTexts = FormTexts {
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
    anonymous_choice:
        "Reporting anonymously leaves your name, contact and credit choice out of the \
                       report; the project then cannot answer or credit you.",
    anonymous_refused: "This project does not accept anonymous reports: say who you are.",
    leave_warning: "Your report has not been sent. Leave anyway?",
    optional: "optional",
    choose: "Choose…",
    loading_policy: "Loading the project's policy…",
    builder_missing: "This copy of sealpost has no page builder: open ?builder on a sealpost \
                      site (cargo xtask run serves one).",
    loading_builder: "Loading the page builder…",
    report_to: ("Report a vulnerability to ", ""),
    lede: "Your report is encrypted in this browser before it goes anywhere. Nothing you type \
           is sent or stored by this page.",
    encrypting: "Encrypting your report in this browser…",
    encrypt: "Encrypt report",
    attachment_limits: |files, each, total| {
        format!(
            "Up to {files} files, {each} each, {total} in all. Files stay on your device until \
             they are encrypted with the report."
        )
    },
    drop_files: "Drop files here or choose them",
    remove: "Remove",
    remove_named: |name| format!("Remove {name}"),
    policy_broken_heading: "This page cannot take reports right now",
    policy_broken: "The project's security policy has a problem, so sealpost cannot be sure \
                    your report would reach the right people. Nothing you could type here would \
                    be sent. Please contact the project another way, and tell them about this \
                    message.",
    for_maintainers: "For the maintainers",
};

pub static DE: FormTexts = FormTexts {
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
    anonymous_choice: "Wer anonym meldet, lässt Namen, Kontakt und Nennungswunsch aus dem Bericht \
                       weg; das Projekt kann Ihnen dann weder antworten noch danken.",
    anonymous_refused: "Dieses Projekt nimmt keine anonymen Berichte an: Bitte nennen Sie sich.",
    leave_warning: "Ihr Bericht wurde nicht gesendet. Trotzdem verlassen?",
    optional: "freiwillig",
    choose: "Bitte wählen…",
    loading_policy: "Die Richtlinie des Projekts wird geladen…",
    builder_missing: "Diese Kopie von sealpost enthält keinen Seiten-Baukasten: Öffnen Sie \
                      ?builder auf einer sealpost-Website (cargo xtask run stellt eine bereit).",
    loading_builder: "Der Seiten-Baukasten wird geladen…",
    report_to: ("Eine Schwachstelle an ", " melden"),
    lede: "Ihr Bericht wird in diesem Browser verschlüsselt, bevor er irgendwohin gelangt. \
           Diese Seite sendet oder speichert nichts von dem, was Sie eingeben.",
    encrypting: "Ihr Bericht wird in diesem Browser verschlüsselt…",
    encrypt: "Bericht verschlüsseln",
    attachment_limits: |files, each, total| {
        format!(
            "Bis zu {files} Dateien, je {each}, zusammen {total}. Die Dateien bleiben auf Ihrem \
             Gerät, bis sie mit dem Bericht verschlüsselt werden."
        )
    },
    drop_files: "Dateien hier ablegen oder auswählen",
    remove: "Entfernen",
    remove_named: |name| format!("{name} entfernen"),
    policy_broken_heading: "Diese Seite kann gerade keine Berichte annehmen",
    policy_broken: "Die Sicherheitsrichtlinie des Projekts hat einen Fehler, daher kann sealpost \
                    nicht sicher sein, dass Ihr Bericht die richtigen Personen erreicht. Nichts, \
                    was Sie hier eingeben, würde gesendet. Bitte erreichen Sie das Projekt auf \
                    anderem Weg und nennen Sie ihm diese Meldung.",
    for_maintainers: "Für die Betreuer des Projekts",
};
