//! Built-in fields' labels and guidance, and the fields a policy's settings add; see
//! [`crate::i18n`]. A policy's own `label` and `help` (and its `translations`) win over these.

use crate::policy::Builtin;

pub struct FieldTexts {
    /// Each built-in field's label, in [`Builtin::ALL`] order.
    pub labels: [&'static str; 17],
    /// Each built-in field's guidance, in [`Builtin::ALL`] order.
    pub helps: [&'static str; 17],
    /// The checkbox added when the policy has testing rules.
    pub acknowledge_rules: &'static str,
    /// The checkbox added by the quality gate's `confirm_reproduced`, and its guidance.
    pub confirm_reproduced: &'static str,
    pub confirm_reproduced_help: &'static str,
    /// How the credit field's choices read, in [`crate::policy::CREDIT_OPTIONS`] order (the
    /// report keeps the English choice, whatever language the page is in).
    pub credit_options: [&'static str; 3],
    /// "How do you want to be named?" and its three answers, in
    /// [`crate::report::Stance::ALL`] order.
    pub stance_label: &'static str,
    pub stances: [&'static str; 3],
    /// Under the name field when the researcher chose a pseudonym.
    pub pseudonym_label: &'static str,
}

impl FieldTexts {
    fn index(builtin: Builtin) -> usize {
        Builtin::ALL.iter().position(|&b| b == builtin).unwrap_or(0)
    }

    pub fn label(&self, builtin: Builtin) -> &'static str {
        self.labels[Self::index(builtin)]
    }

    pub fn help(&self, builtin: Builtin) -> &'static str {
        self.helps[Self::index(builtin)]
    }
}

pub static EN: FieldTexts = FieldTexts {
    labels: [
        "Title",
        "Vulnerability type",
        "Affected product or component",
        "Affected versions",
        "Description",
        "Steps to reproduce",
        "Proof of concept",
        "Attachments",
        "Impact",
        "Severity",
        "Suggested mitigation",
        "Environment and configuration",
        "Affected source files",
        "Commit, tag or branch",
        "Your name or handle",
        "Your contact address",
        "Credit",
    ],
    helps: [
        "One line that names the flaw and where it is.",
        "For example: SQL injection, CWE-79 cross-site scripting.",
        "The product, module, service or endpoint affected.",
        "Versions, releases or commits you confirmed, e.g. 2.3.0–2.4.1.",
        "What the flaw is and why it happens.",
        "Numbered steps from a clean install to the effect you saw.",
        "Exploit code, a failing test or a request that shows it.",
        "Files that support the report: logs, scripts, screenshots.",
        "What an attacker gains, and what they need first.",
        "How bad it is, as the project rates severity.",
        "A fix or workaround you would suggest, if any.",
        "Operating system, versions, settings needed to reproduce.",
        "Full paths of the source files involved, one per line.",
        "Where the affected code is: a commit hash, tag, branch or URL.",
        "How the project should credit and address you.",
        "An email address (or other contact) where the project can reach you.",
        "Whether the project may thank you publicly, and how.",
    ],
    acknowledge_rules: "I have read the testing rules above and followed them",
    confirm_reproduced: "I reproduced this myself, on an affected version",
    confirm_reproduced_help: "This project asks for reports the reporter has reproduced: not \
                              guesses, scanner output or text written by a tool.",
    credit_options: [
        "Credit me by the name above",
        "Credit me, but not by name",
        "Do not credit me publicly",
    ],
    stance_label: "How do you want to report?",
    stances: ["With my name", "Under a pseudonym", "Anonymously"],
    pseudonym_label: "Your pseudonym",
};

pub static DE: FieldTexts = FieldTexts {
    labels: [
        "Titel",
        "Art der Schwachstelle",
        "Betroffenes Produkt oder Komponente",
        "Betroffene Versionen",
        "Beschreibung",
        "Schritte zum Nachstellen",
        "Machbarkeitsnachweis (Proof of Concept)",
        "Anhänge",
        "Auswirkung",
        "Schweregrad",
        "Vorgeschlagene Abhilfe",
        "Umgebung und Konfiguration",
        "Betroffene Quelldateien",
        "Commit, Tag oder Branch",
        "Ihr Name oder Handle",
        "Ihre Kontaktadresse",
        "Nennung",
    ],
    helps: [
        "Eine Zeile, die die Schwachstelle und ihren Ort benennt.",
        "Zum Beispiel: SQL-Injection, CWE-79 Cross-Site-Scripting.",
        "Das betroffene Produkt, Modul, der Dienst oder Endpunkt.",
        "Versionen, Releases oder Commits, die Sie geprüft haben, z. B. 2.3.0–2.4.1.",
        "Was die Schwachstelle ist und warum sie entsteht.",
        "Nummerierte Schritte von einer frischen Installation bis zur beobachteten Wirkung.",
        "Exploit-Code, ein fehlschlagender Test oder eine Anfrage, die es zeigt.",
        "Dateien, die den Bericht stützen: Logs, Skripte, Bildschirmfotos.",
        "Was ein Angreifer gewinnt, und was er dafür zuerst braucht.",
        "Wie schwer es wiegt, so wie das Projekt Schweregrade bewertet.",
        "Eine Korrektur oder Umgehung, die Sie vorschlagen würden, falls vorhanden.",
        "Betriebssystem, Versionen und Einstellungen, die zum Nachstellen nötig sind.",
        "Vollständige Pfade der beteiligten Quelldateien, eine pro Zeile.",
        "Wo der betroffene Code liegt: ein Commit-Hash, Tag, Branch oder eine URL.",
        "Wie das Projekt Sie nennen und ansprechen soll.",
        "Eine E-Mail-Adresse (oder anderer Kontakt), unter der das Projekt Sie erreicht.",
        "Ob und wie das Projekt Ihnen öffentlich danken darf.",
    ],
    acknowledge_rules: "Ich habe die Testregeln oben gelesen und befolgt",
    confirm_reproduced: "Ich habe dies selbst nachgestellt, auf einer betroffenen Version",
    confirm_reproduced_help: "Dieses Projekt erbittet Berichte, die der Meldende selbst \
                              nachgestellt hat: keine Vermutungen, keine Scanner-Ausgaben und \
                              keine von einem Werkzeug geschriebenen Texte.",
    credit_options: [
        "Nennen Sie mich mit dem Namen oben",
        "Nennen Sie mich, aber nicht namentlich",
        "Nennen Sie mich nicht öffentlich",
    ],
    stance_label: "Wie möchten Sie melden?",
    stances: ["Mit meinem Namen", "Unter einem Pseudonym", "Anonym"],
    pseudonym_label: "Ihr Pseudonym",
};
