//! The first step's account of the project: its homepage and languages, the headings over its
//! scope, rules and promises, the promises as sentences, and the keys the report is encrypted
//! to; see [`crate::i18n`]. The policy's own words (scope items, rules, notes) are the
//! project's and are shown as written (or as its `translations` give them), inside these frames.

pub struct OverviewTexts {
    /// Before the project's homepage.
    pub project: &'static str,
    /// Before the languages the project reads reports in.
    pub languages: &'static str,
    pub in_scope: &'static str,
    pub out_of_scope: &'static str,
    pub rules: &'static str,
    pub commitments: &'static str,
    pub notes: &'static str,
    pub acknowledge_within: fn(hours: u32) -> String,
    pub assessment_within: fn(days: u32) -> String,
    pub disclosure_within: fn(days: u32) -> String,
    /// The policy's own words follow each of these.
    pub safe_harbor: fn(text: &str) -> String,
    pub credit: fn(text: &str) -> String,
    pub bounty: fn(text: &str) -> String,
    pub anonymous_accepted: &'static str,
    pub anonymous_refused: &'static str,
    /// The recipient card.
    pub encrypted_to: &'static str,
    pub checking_key: &'static str,
    pub every_key: &'static str,
    pub no_user_id: &'static str,
    pub never_expires: &'static str,
    pub expires: fn(date: &str) -> String,
    /// Before a key's fingerprint.
    pub fingerprint: &'static str,
    pub pinned: &'static str,
    pub not_pinned: &'static str,
    pub test_key: &'static str,
}

pub static EN: OverviewTexts = OverviewTexts {
    project: "Project: ",
    languages: "Reports accepted in: ",
    in_scope: "In scope",
    out_of_scope: "Out of scope",
    rules: "Testing rules",
    commitments: "What the project commits to",
    notes: "Good to know",
    acknowledge_within: |hours| format!("Acknowledges reports within {hours} hours."),
    assessment_within: |days| format!("Sends a first assessment within {days} days."),
    disclosure_within: |days| format!("Discloses publicly within {days} days of your report."),
    safe_harbor: |text| format!("Safe harbor: {text}"),
    credit: |text| format!("Credit: {text}"),
    bounty: |text| format!("Bounty: {text}"),
    anonymous_accepted: "Anonymous reports are accepted.",
    anonymous_refused: "Anonymous reports are not accepted: say who you are.",
    encrypted_to: "Encrypted to",
    checking_key: "Checking the project's key…",
    every_key: "Every one of these keys can read your report.",
    no_user_id: "(no user ID)",
    never_expires: "Never expires",
    expires: |date| format!("Expires {date}"),
    fingerprint: "Fingerprint: ",
    pinned: "Matches the fingerprint the policy pins.",
    not_pinned: "The policy pins no fingerprint: compare this one with the project's website.",
    test_key: "Test key: generated for trying sealpost, not this project's real key.",
};

pub static DE: OverviewTexts = OverviewTexts {
    project: "Projekt: ",
    languages: "Sprachen für Berichte: ",
    in_scope: "Im Geltungsbereich",
    out_of_scope: "Außerhalb des Geltungsbereichs",
    rules: "Testregeln",
    commitments: "Wozu sich das Projekt verpflichtet",
    notes: "Gut zu wissen",
    acknowledge_within: |hours| {
        format!("Bestätigt den Eingang von Berichten innerhalb von {hours} Stunden.")
    },
    assessment_within: |days| {
        format!("Schickt innerhalb von {days} Tagen eine erste Einschätzung.")
    },
    disclosure_within: |days| {
        format!("Veröffentlicht innerhalb von {days} Tagen nach Ihrem Bericht.")
    },
    safe_harbor: |text| format!("Rechtlicher Schutz (Safe Harbor): {text}"),
    credit: |text| format!("Nennung: {text}"),
    bounty: |text| format!("Prämie: {text}"),
    anonymous_accepted: "Anonyme Berichte werden angenommen.",
    anonymous_refused: "Anonyme Berichte werden nicht angenommen: Bitte nennen Sie sich.",
    encrypted_to: "Verschlüsselt für",
    checking_key: "Der Schlüssel des Projekts wird geprüft…",
    every_key: "Jeder dieser Schlüssel kann Ihren Bericht lesen.",
    no_user_id: "(keine Benutzerkennung)",
    never_expires: "Läuft nie ab",
    expires: |date| format!("Läuft ab am {date}"),
    fingerprint: "Fingerabdruck: ",
    pinned: "Stimmt mit dem Fingerabdruck überein, den die Richtlinie festlegt.",
    not_pinned: "Die Richtlinie legt keinen Fingerabdruck fest: Vergleichen Sie diesen mit dem \
                 auf der Website des Projekts.",
    test_key: "Testschlüssel: zum Ausprobieren von sealpost erzeugt, nicht der echte Schlüssel \
               dieses Projekts.",
};
