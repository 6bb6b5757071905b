//! What is wrong with a field, a version range or an attachment; see [`crate::i18n`].
//! `label` is the field's label as the form shows it.

use crate::policy::document::human_size;

pub struct ProblemTexts {
    pub missing: fn(label: &str) -> String,
    pub not_checked: fn(label: &str) -> String,
    pub too_short: fn(label: &str, min_chars: usize, actual_chars: usize) -> String,
    pub too_long: fn(label: &str, max_chars: usize, actual_chars: usize) -> String,
    pub not_a_url: fn(label: &str) -> String,
    pub not_an_email: fn(label: &str) -> String,
    pub not_a_number: fn(label: &str) -> String,
    pub not_a_date: fn(label: &str) -> String,
    pub not_an_option: fn(label: &str, choice: &str) -> String,
    /// `reason` comes from the CVSS parser, in English.
    pub not_a_cvss_vector: fn(label: &str, reason: &str, expected_prefix: &str) -> String,
    /// A problem with structured versions: `label` and the range's own message.
    pub in_ranges: fn(label: &str, reason: &str) -> String,
    pub no_evidence: fn(min_steps: usize, steps: usize) -> String,
    pub range_empty: fn(range: usize) -> String,
    pub range_both_ends: fn(range: usize) -> String,
    pub range_not_a_version: fn(range: usize, version: &str) -> String,
    pub range_unreadable: fn(range: usize, part: &str) -> String,
    pub range_repeated: fn(range: usize, bound: &str) -> String,
    pub too_many_files: fn(name: &str, max_files: u32) -> String,
    pub file_too_big: fn(name: &str, size: u64, max_file_bytes: u64) -> String,
    pub total_too_big: fn(name: &str, total: u64, max_total_bytes: u64) -> String,
}

pub static EN: ProblemTexts = ProblemTexts {
    missing: |label| format!("{label} is required."),
    not_checked: |label| format!("Please tick “{label}”."),
    too_short: |label, min, actual| {
        format!("{label} is {actual} characters long; please write at least {min}.")
    },
    too_long: |label, max, actual| {
        format!(
            "{label} is {actual} characters long; the limit is {max}. Shorten it by {} characters.",
            actual.saturating_sub(max)
        )
    },
    not_a_url: |label| format!("{label} must be a web address starting with https:// or http://."),
    not_an_email: |label| format!("{label} must be an address like name@example.org."),
    not_a_number: |label| format!("{label} must be a number."),
    not_a_date: |label| format!("{label} must be a date written as YYYY-MM-DD."),
    not_an_option: |label, choice| {
        format!("{label}: “{choice}” is not one of the choices offered.")
    },
    not_a_cvss_vector: |label, reason, prefix| {
        format!("{label} is not a valid CVSS vector ({reason}). It should start with {prefix}")
    },
    in_ranges: |label, reason| format!("{label}: {reason}."),
    no_evidence: |min_steps, steps| {
        format!(
            "This project needs evidence with every report: a proof of concept, an attached \
             file, or at least {min_steps} numbered reproduction steps (you gave {steps})."
        )
    },
    range_empty: |range| {
        format!(
            "range {range} is empty: give the version it was introduced in, fixed in or last \
             affected, or remove the range"
        )
    },
    range_both_ends: |range| {
        format!(
            "range {range} has both “Fixed in” and “Last affected”: keep “Fixed in” if there \
             is a fix, else “Last affected”"
        )
    },
    range_not_a_version: |range, version| {
        format!(
            "“{version}” in range {range} is not a version: write it like 1.2.0 or v2.0-beta, \
             without spaces or commas"
        )
    },
    range_unreadable: |range, part| {
        format!("range {range}: “{part}” is not written as >= VERSION, < VERSION or <= VERSION")
    },
    range_repeated: |range, bound| format!("range {range} gives “{bound}” twice"),
    too_many_files: |name, max| {
        let files = if max == 1 { "file" } else { "files" };
        format!("“{name}” was not added: this project accepts at most {max} {files}.")
    },
    file_too_big: |name, size, max| {
        format!(
            "“{name}” is {}; this project accepts files up to {} each.",
            human_size(size),
            human_size(max)
        )
    },
    total_too_big: |name, total, max| {
        format!(
            "“{name}” was not added: with it the attachments would total {}, more than the {} \
             this project accepts.",
            human_size(total),
            human_size(max)
        )
    },
};

pub static DE: ProblemTexts = ProblemTexts {
    missing: |label| format!("{label} ist ein Pflichtfeld."),
    not_checked: |label| format!("Bitte bestätigen Sie „{label}“."),
    too_short: |label, min, actual| {
        format!("{label} ist {actual} Zeichen lang; bitte schreiben Sie mindestens {min}.")
    },
    too_long: |label, max, actual| {
        format!(
            "{label} ist {actual} Zeichen lang; erlaubt sind {max}. Bitte um {} Zeichen kürzen.",
            actual.saturating_sub(max)
        )
    },
    not_a_url: |label| {
        format!("{label} muss eine Webadresse sein, die mit https:// oder http:// beginnt.")
    },
    not_an_email: |label| format!("{label} muss eine Adresse wie name@example.org sein."),
    not_a_number: |label| format!("{label} muss eine Zahl sein."),
    not_a_date: |label| format!("{label} muss ein Datum in der Form JJJJ-MM-TT sein."),
    not_an_option: |label, choice| {
        format!("{label}: „{choice}“ gehört nicht zu den angebotenen Möglichkeiten.")
    },
    not_a_cvss_vector: |label, reason, prefix| {
        format!("{label} ist kein gültiger CVSS-Vektor ({reason}). Er muss mit {prefix} beginnen.")
    },
    in_ranges: |label, reason| format!("{label}: {reason}."),
    no_evidence: |min_steps, steps| {
        format!(
            "Dieses Projekt verlangt mit jedem Bericht einen Nachweis: einen Proof of Concept, \
             eine angehängte Datei oder mindestens {min_steps} nummerierte Schritte zum \
             Nachstellen (Sie haben {steps} angegeben)."
        )
    },
    range_empty: |range| {
        format!(
            "Bereich {range} ist leer: Geben Sie an, in welcher Version der Fehler eingeführt, \
             behoben oder zuletzt vorhanden war, oder entfernen Sie den Bereich"
        )
    },
    range_both_ends: |range| {
        format!(
            "Bereich {range} hat sowohl „Behoben in“ als auch „Zuletzt betroffen“: Behalten \
             Sie „Behoben in“, wenn es eine Korrektur gibt, sonst „Zuletzt betroffen“"
        )
    },
    range_not_a_version: |range, version| {
        format!(
            "„{version}“ in Bereich {range} ist keine Version: Schreiben Sie sie wie 1.2.0 oder \
             v2.0-beta, ohne Leerzeichen oder Kommas"
        )
    },
    range_unreadable: |range, part| {
        format!(
            "Bereich {range}: „{part}“ hat nicht die Form >= VERSION, < VERSION oder <= VERSION"
        )
    },
    range_repeated: |range, bound| format!("Bereich {range} nennt „{bound}“ zweimal"),
    too_many_files: |name, max| {
        let files = if max == 1 { "Datei" } else { "Dateien" };
        format!(
            "„{name}“ wurde nicht hinzugefügt: Dieses Projekt nimmt höchstens {max} {files} an."
        )
    },
    file_too_big: |name, size, max| {
        format!(
            "„{name}“ ist {} groß; dieses Projekt nimmt Dateien bis {} je Datei an.",
            human_size(size),
            human_size(max)
        )
    },
    total_too_big: |name, total, max| {
        format!(
            "„{name}“ wurde nicht hinzugefügt: Mit ihr wären die Anhänge zusammen {} groß, \
             mehr als die {}, die dieses Projekt annimmt.",
            human_size(total),
            human_size(max)
        )
    },
};
