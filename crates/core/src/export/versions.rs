//! Reading the "Affected versions" the researcher typed into ranges an advisory can carry.
//!
//! Researchers write versions many ways. The common structured ones are read: a single version
//! or a list (`1.2.0, 1.2.1`), a span (`2.3.0–2.4.1`, `1.0 - 1.4`, `1.0 to 1.4`), comparator sets
//! (`>= 1.0, < 1.2.3`; alternatives split by `||` or `;`) and a few phrases (`before 1.2.3`,
//! `up to 2.0`, `1.4 and later`). Anything else stays free text, carried as typed: a guess
//! would put a wrong range into an advisory.

/// What the affected-versions text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AffectedVersions {
    /// Version ranges, each on its own.
    Ranges(Vec<VersionRange>),
    /// Individual versions.
    Versions(Vec<String>),
    /// Not structured: kept as typed.
    Text(String),
}

/// One range. `introduced: None` means "from the first version".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRange {
    pub introduced: Option<String>,
    pub end: Option<RangeEnd>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeEnd {
    /// The first version without the flaw (exclusive).
    Fixed(String),
    /// The last version with it (inclusive).
    LastAffected(String),
}

impl VersionRange {
    /// Every version the range names.
    pub fn versions(&self) -> impl Iterator<Item = &str> {
        let end = self.end.as_ref().map(|end| match end {
            RangeEnd::Fixed(v) | RangeEnd::LastAffected(v) => v.as_str(),
        });
        self.introduced.as_deref().into_iter().chain(end)
    }

    /// GitHub's advisory syntax: `>= 1.0, < 1.2.3`, `<= 2.0`, `>= 1.4`.
    pub fn github_syntax(&self) -> String {
        let lower = self.introduced.as_ref().map(|v| format!(">= {v}"));
        let upper = self.end.as_ref().map(|end| match end {
            RangeEnd::Fixed(v) => format!("< {v}"),
            RangeEnd::LastAffected(v) => format!("<= {v}"),
        });
        match (lower, upper) {
            (Some(lower), Some(upper)) => format!("{lower}, {upper}"),
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => ">= 0".into(),
        }
    }
}

impl AffectedVersions {
    pub fn parse(text: &str) -> Self {
        let text = text.trim();
        parse_structured(text).unwrap_or_else(|| AffectedVersions::Text(text.to_owned()))
    }

    /// Whether every version named is semantic versioning (then OSV's SEMVER range type fits).
    pub fn all_semver(&self) -> bool {
        match self {
            AffectedVersions::Ranges(ranges) => ranges
                .iter()
                .flat_map(VersionRange::versions)
                .all(is_semver),
            AffectedVersions::Versions(versions) => versions.iter().all(|v| is_semver(v)),
            AffectedVersions::Text(_) => false,
        }
    }
}

fn parse_structured(text: &str) -> Option<AffectedVersions> {
    if text.is_empty() {
        return None;
    }
    let alternatives: Vec<&str> = text
        .split("||")
        .flat_map(|part| part.split(';'))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let mut ranges = Vec::new();
    let mut singles = Vec::new();
    for alternative in alternatives {
        if let Some(range) = span(alternative)
            .or_else(|| phrase(alternative))
            .or_else(|| comparators(alternative))
        {
            ranges.push(range);
        } else {
            singles.extend(version_list(alternative)?);
        }
    }
    match (ranges.is_empty(), singles.is_empty()) {
        (true, true) => None,
        (true, false) => Some(AffectedVersions::Versions(singles)),
        (false, _) => {
            // A listed version beside ranges is a range of one.
            ranges.extend(singles.into_iter().map(|v| VersionRange {
                introduced: Some(v.clone()),
                end: Some(RangeEnd::LastAffected(v)),
            }));
            Some(AffectedVersions::Ranges(ranges))
        }
    }
}

/// `A–B`, `A — B`, `A - B` (spaced: `1.0-beta` is one version), `A to B`, `A through B`,
/// `from A to B`: both ends affected.
fn span(text: &str) -> Option<VersionRange> {
    let text = text.strip_prefix("from ").unwrap_or(text);
    let (from, to) = ['–', '—']
        .iter()
        .find_map(|dash| text.split_once(*dash))
        .or_else(|| text.split_once(" - "))
        .or_else(|| text.split_once(" to "))
        .or_else(|| text.split_once(" through "))?;
    let (from, to) = (version(from.trim())?, version(to.trim())?);
    Some(VersionRange {
        introduced: Some(from),
        end: Some(RangeEnd::LastAffected(to)),
    })
}

/// `before X`, `prior to X`, `up to X`, `X and earlier`, `X and later`.
fn phrase(text: &str) -> Option<VersionRange> {
    let lower = text.to_ascii_lowercase();
    let strip = |prefixes: &[&str]| {
        prefixes
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .and_then(|rest| version(rest.trim()))
    };
    let suffix = |suffixes: &[&str]| {
        suffixes
            .iter()
            .find_map(|s| lower.strip_suffix(s))
            .and_then(|rest| version(rest.trim()))
    };
    if let Some(v) = strip(&[
        "before ",
        "prior to ",
        "all versions before ",
        "versions before ",
    ]) {
        return Some(VersionRange {
            introduced: None,
            end: Some(RangeEnd::Fixed(v)),
        });
    }
    if let Some(v) = strip(&["up to ", "up to and including ", "through "])
        .or_else(|| suffix(&[" and earlier", " and below", " or earlier", " and older"]))
    {
        return Some(VersionRange {
            introduced: None,
            end: Some(RangeEnd::LastAffected(v)),
        });
    }
    if let Some(v) = suffix(&[" and later", " and above", " or later", " and newer", "+"]) {
        return Some(VersionRange {
            introduced: Some(v),
            end: None,
        });
    }
    None
}

/// `>= A, < B`, `<B`, `<= B`, `>= A` (commas or spaces between). `>` alone has no place in an
/// advisory's ranges (their lower bounds are inclusive), so it is not read.
fn comparators(text: &str) -> Option<VersionRange> {
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join("");
    let mut range = VersionRange {
        introduced: None,
        end: None,
    };
    let mut any = false;
    for part in squeezed.split(',').filter(|p| !p.is_empty()) {
        // A space-separated pair (">=1.0 <2.0") was squeezed together: split before each operator.
        for constraint in split_operators(part) {
            let (op, rest) = if let Some(rest) = constraint.strip_prefix(">=") {
                (">=", rest)
            } else if let Some(rest) = constraint.strip_prefix("<=") {
                ("<=", rest)
            } else if let Some(rest) = constraint.strip_prefix('<') {
                ("<", rest)
            } else {
                return None;
            };
            let v = version(rest)?;
            match op {
                ">=" if range.introduced.is_none() => range.introduced = Some(v),
                "<" if range.end.is_none() => range.end = Some(RangeEnd::Fixed(v)),
                "<=" if range.end.is_none() => range.end = Some(RangeEnd::LastAffected(v)),
                _ => return None,
            }
            any = true;
        }
    }
    any.then_some(range)
}

fn split_operators(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (index, c) in text.char_indices() {
        if index > start && (c == '<' || c == '>') && !text[..index].ends_with(['<', '>']) {
            parts.push(&text[start..index]);
            start = index;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `1.2.0, 1.2.1` or `1.2.0 1.2.1` or `= 1.2.0`.
fn version_list(text: &str) -> Option<Vec<String>> {
    let versions: Option<Vec<String>> = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|word| !word.is_empty() && *word != "=" && *word != "and")
        .map(|word| version(word.trim_start_matches('=')))
        .collect();
    versions.filter(|v| !v.is_empty())
}

/// A version: optional `v`, a digit, then digits, letters and `.-+_` (pre-releases, builds).
fn version(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix('v')
        .or_else(|| text.strip_prefix('V'))
        .unwrap_or(text);
    let valid = rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'));
    valid.then(|| text.to_owned())
}

/// `MAJOR.MINOR.PATCH[-pre][+build]`, an optional leading `v` allowed (OSV wants it dropped).
pub fn is_semver(version: &str) -> bool {
    let version = version.strip_prefix('v').unwrap_or(version);
    let core = version.split(['-', '+']).next().unwrap_or_default();
    let numbers: Vec<&str> = core.split('.').collect();
    numbers.len() == 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(introduced: Option<&str>, end: Option<RangeEnd>) -> VersionRange {
        VersionRange {
            introduced: introduced.map(Into::into),
            end,
        }
    }

    fn fixed(v: &str) -> Option<RangeEnd> {
        Some(RangeEnd::Fixed(v.into()))
    }

    fn last(v: &str) -> Option<RangeEnd> {
        Some(RangeEnd::LastAffected(v.into()))
    }

    #[test]
    fn reads_the_usual_ways_of_writing_versions() {
        use AffectedVersions::*;
        let cases = [
            (
                "2.3.0–2.4.1",
                Ranges(vec![range(Some("2.3.0"), last("2.4.1"))]),
            ),
            ("1.0 - 1.4", Ranges(vec![range(Some("1.0"), last("1.4"))])),
            (
                "from v1.0 to v1.4",
                Ranges(vec![range(Some("v1.0"), last("v1.4"))]),
            ),
            (
                ">= 1.0.0, < 1.2.3",
                Ranges(vec![range(Some("1.0.0"), fixed("1.2.3"))]),
            ),
            (">=1.0 <2.0", Ranges(vec![range(Some("1.0"), fixed("2.0"))])),
            ("< 1.2.3", Ranges(vec![range(None, fixed("1.2.3"))])),
            ("<= 2.0", Ranges(vec![range(None, last("2.0"))])),
            ("before 1.2.3", Ranges(vec![range(None, fixed("1.2.3"))])),
            ("1.4 and later", Ranges(vec![range(Some("1.4"), None)])),
            (
                "< 1.0.5 || >= 2.0.0, < 2.0.3",
                Ranges(vec![
                    range(None, fixed("1.0.5")),
                    range(Some("2.0.0"), fixed("2.0.3")),
                ]),
            ),
            (
                "1.2.0, 1.2.1",
                Versions(vec!["1.2.0".into(), "1.2.1".into()]),
            ),
            ("1.0.0-beta.2", Versions(vec!["1.0.0-beta.2".into()])),
            ("all of them", Text("all of them".into())),
            (
                "main branch since March",
                Text("main branch since March".into()),
            ),
            ("> 1.0", Text("> 1.0".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(AffectedVersions::parse(text), expected, "{text}");
        }
    }

    #[test]
    fn tells_semver_and_writes_github_syntax() {
        assert!(AffectedVersions::parse(">= 1.0.0, < v1.2.3").all_semver());
        assert!(!AffectedVersions::parse("1.0 - 1.4").all_semver());
        assert_eq!(
            range(Some("1.0"), fixed("1.2.3")).github_syntax(),
            ">= 1.0, < 1.2.3"
        );
        assert_eq!(range(None, last("2.0")).github_syntax(), "<= 2.0");
    }
}
