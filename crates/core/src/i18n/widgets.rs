//! The richer controls: the CVSS calculator, the CWE picker, version ranges and numbered steps;
//! see [`crate::i18n`]. CVSS metric names and values and the CWE catalogue's entries are
//! FIRST's and MITRE's English terms, which reports and advisories quote as they are, so they
//! are shown as written; only the frame around them is here.

use crate::cvss::{Group, Rating};

pub struct WidgetTexts {
    // The CVSS calculator.
    pub cvss_placeholder: fn(prefix: &str) -> String,
    pub cvss_vector: &'static str,
    pub cvss_more: &'static str,
    pub cvss_invalid: &'static str,
    /// "Score 9.8 (Critical)": the score as written, and its rating.
    pub cvss_score: fn(score: &str, rating: &str) -> String,
    /// No score yet: how many base metrics are left, and their names.
    pub cvss_missing: fn(count: usize, names: &str) -> String,
    /// Headings of the optional metric groups, in [`Group`] order.
    pub cvss_groups: [&'static str; 5],
    /// Qualitative ratings, in [`Rating`] order (None, Low, Medium, High, Critical).
    pub cvss_ratings: [&'static str; 5],
    // The CWE picker.
    pub cwe_placeholder: &'static str,
    pub cwe_not_listed: fn(tag: &str) -> String,
    pub cwe_no_match: &'static str,
    pub cwe_matching: &'static str,
    // Version ranges.
    pub introduced: &'static str,
    pub fixed: &'static str,
    pub last_affected: &'static str,
    /// For screen readers, after a box's label.
    pub range_number: fn(range: usize) -> String,
    pub remove_range: fn(range: usize) -> String,
    pub add_range: &'static str,
    pub ranges_hint: &'static str,
    /// Around an earlier answer that could not be read as ranges.
    pub ranges_unreadable: (&'static str, &'static str),
    // Numbered steps.
    pub steps_none: &'static str,
    pub steps_one: &'static str,
    pub steps_many: fn(count: usize) -> String,
}

impl WidgetTexts {
    pub fn cvss_group(&self, group: Group) -> &'static str {
        let index = match group {
            Group::Base => 0,
            Group::Temporal => 1,
            Group::Threat => 2,
            Group::Environmental => 3,
            Group::Supplemental => 4,
        };
        self.cvss_groups[index]
    }

    pub fn cvss_rating(&self, rating: Rating) -> &'static str {
        let index = match rating {
            Rating::None => 0,
            Rating::Low => 1,
            Rating::Medium => 2,
            Rating::High => 3,
            Rating::Critical => 4,
        };
        self.cvss_ratings[index]
    }
}

pub static EN: WidgetTexts = WidgetTexts {
    cvss_placeholder: |prefix| format!("{prefix}AV:N/… (paste a vector, or choose below)"),
    cvss_vector: "Vector: ",
    cvss_more: "More metrics (optional)",
    cvss_invalid: "No score: correct the vector above, or choose below (these are your last \
                   valid choices).",
    cvss_score: |score, rating| format!("Score {score} ({rating})"),
    cvss_missing: |count, names| {
        if count == 1 {
            format!("No score yet: choose one more base metric ({names}).")
        } else {
            format!("No score yet: choose {count} more base metrics ({names}).")
        }
    },
    cvss_groups: [
        "Base metrics",
        "Temporal metrics",
        "Threat metrics",
        "Environmental metrics",
        "Supplemental metrics",
    ],
    cvss_ratings: ["None", "Low", "Medium", "High", "Critical"],
    cwe_placeholder: "CWE-79, or describe it",
    cwe_not_listed: |tag| format!("{tag}: not in the bundled list; it will be sent as written."),
    cwe_no_match: "No listed weakness matches; your description will be sent as written.",
    cwe_matching: "Matching weaknesses (choose one, or keep your words):",
    introduced: "Introduced in",
    fixed: "Fixed in",
    last_affected: "Last affected",
    range_number: |range| format!(" (range {range})"),
    remove_range: |range| format!("Remove range {range}"),
    add_range: "Add another range",
    ranges_hint: "One row per range. “Fixed in” is the first version without the flaw; use \
                  “Last affected” instead when there is no fix yet. Leave “Introduced in” empty \
                  if every earlier version is affected.",
    ranges_unreadable: (
        "Your earlier answer could not be read as ranges, so it is kept until you change a \
         row: “",
        "”",
    ),
    steps_none: "Number each step: Enter after “1. …” starts the next number.",
    steps_one: "1 step. Enter after a numbered line starts the next number.",
    steps_many: |count| format!("{count} steps. Enter on an empty number ends the list."),
};

pub static DE: WidgetTexts = WidgetTexts {
    cvss_placeholder: |prefix| {
        format!("{prefix}AV:N/… (einen Vektor einfügen oder unten auswählen)")
    },
    cvss_vector: "Vektor: ",
    cvss_more: "Weitere Metriken (freiwillig)",
    cvss_invalid: "Kein Wert: Korrigieren Sie den Vektor oben oder wählen Sie unten aus (dort \
                   stehen Ihre letzten gültigen Angaben).",
    cvss_score: |score, rating| format!("Wert {score} ({rating})"),
    cvss_missing: |count, names| {
        if count == 1 {
            format!("Noch kein Wert: Wählen Sie noch eine Basismetrik ({names}).")
        } else {
            format!("Noch kein Wert: Wählen Sie noch {count} Basismetriken ({names}).")
        }
    },
    cvss_groups: [
        "Basismetriken",
        "Zeitliche Metriken (Temporal)",
        "Bedrohungsmetriken (Threat)",
        "Umgebungsmetriken (Environmental)",
        "Ergänzende Metriken (Supplemental)",
    ],
    cvss_ratings: ["Keine", "Niedrig", "Mittel", "Hoch", "Kritisch"],
    cwe_placeholder: "CWE-79, oder beschreiben Sie es",
    cwe_not_listed: |tag| {
        format!("{tag}: nicht in der mitgelieferten Liste; es wird so gesendet, wie geschrieben.")
    },
    cwe_no_match: "Keine aufgeführte Schwachstellenart passt; Ihre Beschreibung wird so \
                   gesendet, wie Sie sie geschrieben haben.",
    cwe_matching: "Passende Schwachstellenarten (wählen Sie eine, oder behalten Sie Ihre Worte):",
    introduced: "Eingeführt in",
    fixed: "Behoben in",
    last_affected: "Zuletzt betroffen",
    range_number: |range| format!(" (Bereich {range})"),
    remove_range: |range| format!("Bereich {range} entfernen"),
    add_range: "Weiteren Bereich hinzufügen",
    ranges_hint: "Eine Zeile pro Bereich. „Behoben in“ ist die erste Version ohne den Fehler; \
                  nutzen Sie stattdessen „Zuletzt betroffen“, wenn es noch keine Korrektur gibt. \
                  Lassen Sie „Eingeführt in“ leer, wenn alle früheren Versionen betroffen sind.",
    ranges_unreadable: (
        "Ihre frühere Antwort ließ sich nicht als Bereiche lesen; sie bleibt erhalten, bis Sie \
         eine Zeile ändern: „",
        "“",
    ),
    steps_none: "Nummerieren Sie jeden Schritt: Enter nach „1. …“ beginnt die nächste Nummer.",
    steps_one: "1 Schritt. Enter nach einer nummerierten Zeile beginnt die nächste Nummer.",
    steps_many: |count| {
        format!("{count} Schritte. Enter auf einer leeren Nummer beendet die Liste.")
    },
};
