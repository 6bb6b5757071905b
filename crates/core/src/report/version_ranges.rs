//! The structured "Affected versions" control (a policy's `"format": "structured"`): rows of
//! "Introduced in" / "Fixed in" / "Last affected", stored in the report as one canonical line,
//! `>= 1.2.0, < 1.4.1 || >= 2.0, <= 2.1`, which [`crate::export::versions`] reads into an
//! advisory's ranges.
//!
//! The report keeps only that text (drafts and the letter carry text), so the rows must come
//! back from it: [`parse_rows`] reads exactly what [`format_rows`] writes, blank rows included,
//! so going Back and Next keeps every row as the researcher left it.

use crate::export::versions::{AffectedVersions, RangeEnd, VersionRange};
use crate::i18n::Texts;

/// One range, as typed into its three boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RangeRow {
    /// The first affected version (`>=`); empty means "from the first version".
    pub introduced: String,
    /// The first version without the flaw (`<`).
    pub fixed: String,
    /// The last version with the flaw (`<=`), when there is no fix yet.
    pub last_affected: String,
}

/// Why the structured versions are refused. Ranges are numbered from 1, as the form labels them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RangesError {
    /// A row with nothing in it.
    EmptyRange { range: usize },
    /// Both ends given: an advisory range has one.
    BothEnds { range: usize },
    /// A version with spaces or separators in it.
    NotAVersion { range: usize, version: String },
    /// Text that is not `>= A`, `< B` or `<= B` (a draft edited by hand, say).
    Unreadable { range: usize, part: String },
    /// The same bound twice in one range.
    Repeated { range: usize, bound: &'static str },
}

impl RangesError {
    /// The message for the researcher, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.problems;
        match self {
            RangesError::EmptyRange { range } => (t.range_empty)(*range),
            RangesError::BothEnds { range } => (t.range_both_ends)(*range),
            RangesError::NotAVersion { range, version } => (t.range_not_a_version)(*range, version),
            RangesError::Unreadable { range, part } => (t.range_unreadable)(*range, part),
            RangesError::Repeated { range, bound } => (t.range_repeated)(*range, bound),
        }
    }
}

impl std::fmt::Display for RangesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&crate::i18n::EN))
    }
}

impl std::error::Error for RangesError {}

impl RangeRow {
    /// Whether all three boxes are empty (or only spaces).
    pub fn is_blank(&self) -> bool {
        [&self.introduced, &self.fixed, &self.last_affected]
            .iter()
            .all(|v| v.trim().is_empty())
    }

    /// The row's problem, if any; `range` is its number in the form (from 1).
    pub fn check(&self, range: usize) -> Result<(), RangesError> {
        if self.is_blank() {
            return Err(RangesError::EmptyRange { range });
        }
        if !self.fixed.trim().is_empty() && !self.last_affected.trim().is_empty() {
            return Err(RangesError::BothEnds { range });
        }
        for version in [&self.introduced, &self.fixed, &self.last_affected] {
            let version = version.trim();
            if !version.is_empty() && !is_version_text(version) {
                return Err(RangesError::NotAVersion {
                    range,
                    version: version.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// `>= 1.2.0, < 1.4.1`; empty for a blank row.
    fn canonical(&self) -> String {
        [
            (">=", &self.introduced),
            ("<", &self.fixed),
            ("<=", &self.last_affected),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(op, v)| format!("{op} {}", v.trim()))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// The report's text for `rows`: `>= 1.2.0, < 1.4.1 || >= 2.0, <= 2.1`. A blank row is kept as
/// an empty alternative (`>= 1.0 || `) so that it survives a reload and validation can name it;
/// a single blank row is the empty text.
pub fn format_rows(rows: &[RangeRow]) -> String {
    let parts: Vec<String> = rows.iter().map(RangeRow::canonical).collect();
    let text = parts.join(" || ");
    if text.trim().is_empty() && rows.len() <= 1 {
        String::new()
    } else {
        text
    }
}

/// Reads text written by [`format_rows`] back into rows (none for empty text). Versions are
/// not judged here ([`check_ranges`] does), so a half-typed row still comes back.
pub fn parse_rows(text: &str) -> Result<Vec<RangeRow>, RangesError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    text.split("||")
        .enumerate()
        .map(|(i, alternative)| parse_row(i + 1, alternative))
        .collect()
}

fn parse_row(range: usize, alternative: &str) -> Result<RangeRow, RangesError> {
    let mut row = RangeRow::default();
    for part in split_constraints(alternative.trim()) {
        let (bound, slot, value) = if let Some(v) = part.strip_prefix(">=") {
            ("Introduced in", &mut row.introduced, v)
        } else if let Some(v) = part.strip_prefix("<=") {
            ("Last affected", &mut row.last_affected, v)
        } else if let Some(v) = part.strip_prefix('<') {
            ("Fixed in", &mut row.fixed, v)
        } else {
            return Err(RangesError::Unreadable {
                range,
                part: part.to_owned(),
            });
        };
        let value = value.trim();
        if value.is_empty() {
            return Err(RangesError::Unreadable {
                range,
                part: part.to_owned(),
            });
        }
        if !slot.is_empty() {
            return Err(RangesError::Repeated { range, bound });
        }
        *slot = value.to_owned();
    }
    Ok(row)
}

/// Splits `>= 1,0, < 2` at the commas that start a new bound, so a comma typed inside a version
/// stays in it (and is then named by [`RangeRow::check`] instead of garbling the row).
fn split_constraints(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(',') {
        if text[i + 1..].trim_start().starts_with(['<', '>']) {
            parts.push(text[start..i].trim());
            start = i + 1;
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// The rows to show for a stored value: exactly the rows when it was written by this control,
/// else the ranges [`AffectedVersions`] reads in it (free text kept from a draft, `2.3.0–2.4.1`),
/// else `None` (the text cannot be shown as rows).
pub fn rows_from_text(text: &str) -> Option<Vec<RangeRow>> {
    if let Ok(rows) = parse_rows(text) {
        return Some(rows);
    }
    let row = |range: &VersionRange| {
        let mut row = RangeRow {
            introduced: range.introduced.clone().unwrap_or_default(),
            ..RangeRow::default()
        };
        match &range.end {
            Some(RangeEnd::Fixed(v)) => row.fixed = v.clone(),
            Some(RangeEnd::LastAffected(v)) => row.last_affected = v.clone(),
            None => {}
        }
        row
    };
    match AffectedVersions::parse(text) {
        AffectedVersions::Ranges(ranges) => Some(ranges.iter().map(row).collect()),
        AffectedVersions::Versions(versions) => Some(
            versions
                .into_iter()
                .map(|v| RangeRow {
                    introduced: v.clone(),
                    last_affected: v,
                    ..RangeRow::default()
                })
                .collect(),
        ),
        AffectedVersions::Text(_) => None,
    }
}

/// Whether a stored value is complete, well-formed ranges: every range has a bound, one end at
/// most, and versions without spaces or separators. The first problem is returned.
pub fn check_ranges(text: &str) -> Result<(), RangesError> {
    parse_rows(text)?
        .iter()
        .enumerate()
        .try_for_each(|(i, row)| row.check(i + 1))
}

/// No spaces and none of the characters that separate bounds and ranges.
fn is_version_text(version: &str) -> bool {
    !version
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, ',' | '|' | ';' | '<' | '>' | '='))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(introduced: &str, fixed: &str, last_affected: &str) -> RangeRow {
        RangeRow {
            introduced: introduced.into(),
            fixed: fixed.into(),
            last_affected: last_affected.into(),
        }
    }

    #[test]
    fn rows_are_written_canonically_and_read_back() {
        let rows = vec![row(" 1.2.0", "1.4.1 ", ""), row("2.0", "", "2.1")];
        let text = format_rows(&rows);
        assert_eq!(text, ">= 1.2.0, < 1.4.1 || >= 2.0, <= 2.1");
        assert_eq!(
            parse_rows(&text).unwrap(),
            vec![row("1.2.0", "1.4.1", ""), rows[1].clone()]
        );
        assert_eq!(check_ranges(&text), Ok(()));
    }

    #[test]
    fn the_text_is_what_the_exporter_reads() {
        let text = format_rows(&[
            row("1.2.0", "1.4.1", ""),
            row("", "", "2.1"),
            row("3.0", "", ""),
        ]);
        let AffectedVersions::Ranges(ranges) = AffectedVersions::parse(&text) else {
            panic!("not read as ranges: {text}");
        };
        let github: Vec<String> = ranges.iter().map(VersionRange::github_syntax).collect();
        assert_eq!(github, [">= 1.2.0, < 1.4.1", "<= 2.1", ">= 3.0"]);
    }

    #[test]
    fn blank_and_half_typed_rows_survive_a_reload() {
        assert_eq!(format_rows(&[]), "");
        assert_eq!(format_rows(&[RangeRow::default()]), "");
        let rows = vec![row("1.0", "", ""), RangeRow::default(), row("", "2,0", "")];
        let text = format_rows(&rows);
        assert_eq!(text, ">= 1.0 ||  || < 2,0");
        assert_eq!(parse_rows(&text).unwrap(), rows);
        assert_eq!(rows_from_text(&text), Some(rows));
        assert_eq!(parse_rows("  ").unwrap(), vec![]);
    }

    #[test]
    fn each_problem_names_its_range() {
        let cases = [
            (">= 1.0 ||  ", RangesError::EmptyRange { range: 2 }),
            ("< 1.0, <= 1.1", RangesError::BothEnds { range: 1 }),
            (
                ">= 1.0 beta",
                RangesError::NotAVersion {
                    range: 1,
                    version: "1.0 beta".into(),
                },
            ),
            (
                "< 2,0",
                RangesError::NotAVersion {
                    range: 1,
                    version: "2,0".into(),
                },
            ),
            (
                ">= 1.0 || 2.3.0–2.4.1",
                RangesError::Unreadable {
                    range: 2,
                    part: "2.3.0–2.4.1".into(),
                },
            ),
            (
                ">= 1.0, >= 1.1",
                RangesError::Repeated {
                    range: 1,
                    bound: "Introduced in",
                },
            ),
            (
                "<",
                RangesError::Unreadable {
                    range: 1,
                    part: "<".into(),
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(check_ranges(text), Err(expected), "{text}");
        }
        assert!(RangesError::EmptyRange { range: 2 }
            .to_string()
            .starts_with("range 2 is empty"));
    }

    #[test]
    fn free_text_from_a_draft_becomes_rows_when_it_can() {
        assert_eq!(
            rows_from_text("2.3.0–2.4.1"),
            Some(vec![row("2.3.0", "", "2.4.1")])
        );
        assert_eq!(
            rows_from_text("before 1.2.3"),
            Some(vec![row("", "1.2.3", "")])
        );
        assert_eq!(
            rows_from_text("1.2.0, 1.2.1"),
            Some(vec![row("1.2.0", "", "1.2.0"), row("1.2.1", "", "1.2.1")])
        );
        assert_eq!(rows_from_text("all of them"), None);
    }
}
