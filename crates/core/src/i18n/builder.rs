//! The page builder (`?builder`): the maintainer's key, the policy's common settings, its
//! JSON, the live preview and the downloads; see [`crate::i18n`].

use crate::{i18n::Lang, policy::document::FieldStatus};

pub struct BuilderTexts {
    pub title: &'static str,
    pub lede: &'static str,
    pub key_heading: &'static str,
    pub paste_label: &'static str,
    pub use_pasted: &'static str,
    pub file_label: &'static str,
    pub checking: &'static str,
    pub key_in_use: &'static str,
    pub key_refused: &'static str,
    /// A file of several certificates: all become recipients, none is pinned.
    pub team_file: fn(count: usize) -> String,
    /// A key's algorithm, OpenPGP version and expiry date (`YYYY-MM-DD`), if it has one.
    pub key_meta: fn(algorithm: &str, version: u8, expires: Option<&str>) -> String,
    pub settings_heading: &'static str,
    pub project_name: &'static str,
    pub email: &'static str,
    pub endpoint: &'static str,
    pub endpoint_help: &'static str,
    pub fields_heading: &'static str,
    pub status: fn(Option<FieldStatus>) -> &'static str,
    pub settings_unreadable: &'static str,
    pub json_heading: &'static str,
    pub json_label: &'static str,
    pub problems_heading: fn(count: usize) -> String,
    pub whole_document: &'static str,
    pub ready: &'static str,
    pub preview_heading: &'static str,
    pub preview_intro: &'static str,
    pub preview_waiting: &'static str,
    pub preview_keys_refused: &'static str,
    pub downloads_heading: &'static str,
    pub download_policy: &'static str,
    pub download_page: &'static str,
    pub making_page: &'static str,
    pub page_unavailable: &'static str,
    pub fix_first: &'static str,
    pub saved_as: fn(name: &str) -> String,
    pub not_saved: fn(reason: &str) -> String,
}

/// The texts in `lang`.
pub fn for_lang(lang: Lang) -> &'static BuilderTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}

pub static EN: BuilderTexts = BuilderTexts {
    title: "Make a sealpost page for your project",
    lede: "Add your key, choose what a report must contain, try the form as researchers will \
           see it, then download policy.json and your page. Nothing leaves this browser.",
    key_heading: "Your key",
    paste_label: "Paste your public key",
    use_pasted: "Use the pasted key",
    file_label: "Or pick a key file (.asc, .gpg)",
    checking: "Checking the key…",
    key_in_use: "Reports will be encrypted to this key; its fingerprint is pinned in the policy.",
    key_refused: "This key cannot be used:",
    team_file: |count| {
        format!(
            "The file holds {count} certificates: every one becomes a recipient, so no \
             fingerprint is pinned."
        )
    },
    key_meta: |algorithm, version, expires| match expires {
        Some(date) => format!("{algorithm} (OpenPGP v{version}), expires {date}"),
        None => format!("{algorithm} (OpenPGP v{version}), never expires"),
    },
    settings_heading: "Common settings",
    project_name: "Project name",
    email: "Security email address",
    endpoint: "HTTPS endpoint for reports",
    endpoint_help: "Optional: where the page POSTs the encrypted report (see crates/inbox).",
    fields_heading: "What a report asks for",
    status: |status| match status {
        Some(FieldStatus::Required) => "Required",
        Some(FieldStatus::Optional) => "Optional",
        Some(FieldStatus::Hidden) => "Hidden",
        None => "Not asked",
    },
    settings_unreadable: "The settings come back once the text below is a policy document again:",
    json_heading: "policy.json",
    json_label: "The policy file (JSON); the settings above edit it too",
    problems_heading: |count| {
        if count == 1 {
            "1 problem in the policy".into()
        } else {
            format!("{count} problems in the policy")
        }
    },
    whole_document: "(whole document)",
    ready: "No problems: this policy is ready to publish.",
    preview_heading: "Preview: the researcher's form",
    preview_intro: "This is the form your page will show, working: try it (a report sealed \
                    here is encrypted to your key and goes nowhere).",
    preview_waiting: "The preview appears as soon as the policy has no problems.",
    preview_keys_refused: "The policy reads, but its keys cannot be used:",
    downloads_heading: "Download",
    download_policy: "Download policy.json",
    download_page: "Download your single-file page",
    making_page: "Putting your page together…",
    page_unavailable: "The single-file page can be made from a release build served over \
                       http(s) (cargo xtask build); policy.json can be downloaded anyway.",
    fix_first: "Fix the problems in the policy first.",
    saved_as: |name| format!("Saved as {name}."),
    not_saved: |reason| format!("Could not make the page: {reason}"),
};

pub static DE: BuilderTexts = BuilderTexts {
    title: "Eine sealpost-Seite für Ihr Projekt erstellen",
    lede: "Fügen Sie Ihren Schlüssel hinzu, legen Sie fest, was eine Meldung enthalten muss, \
           probieren Sie das Formular so aus, wie Meldende es sehen, und laden Sie dann \
           policy.json und Ihre Seite herunter. Nichts verlässt diesen Browser.",
    key_heading: "Ihr Schlüssel",
    paste_label: "Öffentlichen Schlüssel einfügen",
    use_pasted: "Eingefügten Schlüssel verwenden",
    file_label: "Oder eine Schlüsseldatei wählen (.asc, .gpg)",
    checking: "Schlüssel wird geprüft…",
    key_in_use: "Meldungen werden für diesen Schlüssel verschlüsselt; sein Fingerabdruck ist in \
                 der Policy festgelegt.",
    key_refused: "Dieser Schlüssel ist nicht verwendbar:",
    team_file: |count| {
        format!(
            "Die Datei enthält {count} Zertifikate: jedes wird Empfänger, daher wird kein \
             Fingerabdruck festgelegt."
        )
    },
    key_meta: |algorithm, version, expires| match expires {
        Some(date) => format!("{algorithm} (OpenPGP v{version}), läuft am {date} ab"),
        None => format!("{algorithm} (OpenPGP v{version}), läuft nie ab"),
    },
    settings_heading: "Häufige Einstellungen",
    project_name: "Projektname",
    email: "E-Mail-Adresse für Sicherheitsmeldungen",
    endpoint: "HTTPS-Endpunkt für Meldungen",
    endpoint_help:
        "Optional: wohin die Seite die verschlüsselte Meldung sendet (siehe crates/inbox).",
    fields_heading: "Was eine Meldung abfragt",
    status: |status| match status {
        Some(FieldStatus::Required) => "Pflicht",
        Some(FieldStatus::Optional) => "Freiwillig",
        Some(FieldStatus::Hidden) => "Verborgen",
        None => "Nicht abgefragt",
    },
    settings_unreadable: "Die Einstellungen kehren zurück, sobald der Text unten wieder ein \
                          Policy-Dokument ist:",
    json_heading: "policy.json",
    json_label: "Die Policy-Datei (JSON); die Einstellungen oben bearbeiten sie ebenfalls",
    problems_heading: |count| {
        if count == 1 {
            "1 Problem in der Policy".into()
        } else {
            format!("{count} Probleme in der Policy")
        }
    },
    whole_document: "(ganzes Dokument)",
    ready: "Keine Probleme: diese Policy kann veröffentlicht werden.",
    preview_heading: "Vorschau: das Formular für Meldende",
    preview_intro: "So sieht das Formular Ihrer Seite aus, und es funktioniert: probieren Sie es \
                    aus (eine hier versiegelte Meldung wird für Ihren Schlüssel verschlüsselt \
                    und nirgendwohin gesendet).",
    preview_waiting: "Die Vorschau erscheint, sobald die Policy keine Probleme mehr hat.",
    preview_keys_refused: "Die Policy ist lesbar, aber ihre Schlüssel sind nicht verwendbar:",
    downloads_heading: "Herunterladen",
    download_policy: "policy.json herunterladen",
    download_page: "Ihre Seite als eine Datei herunterladen",
    making_page: "Ihre Seite wird zusammengestellt…",
    page_unavailable:
        "Die Seite als eine Datei entsteht aus einem Release-Build, der über http(s) \
                       ausgeliefert wird (cargo xtask build); policy.json lässt sich trotzdem \
                       herunterladen.",
    fix_first: "Beheben Sie zuerst die Probleme in der Policy.",
    saved_as: |name| format!("Gespeichert als {name}."),
    not_saved: |reason| format!("Die Seite konnte nicht erstellt werden: {reason}"),
};
