//! The CWE catalogue behind the form's weakness control.
//!
//! Researchers pick the weakness from a list instead of recalling CWE numbers, so the list
//! shows the common ones first (the CWE Top 25) and searches the rest by number or by words
//! of the name; anything else goes in as free text ("Other"). The app must work offline,
//! so the list is bundled: `data/cwe.tsv`, about 250 entries with MITRE's names.

#[cfg(test)]
mod tests;

use std::{cmp::Reverse, fmt, sync::OnceLock};

/// The bundled list; see its header for the columns and MITRE's terms of use.
const DATA: &str = include_str!("../data/cwe.tsv");

/// One weakness, e.g. CWE-79.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CweEntry {
    /// The CWE number (79); stable, and the form's value is `CWE-79`.
    pub id: u32,
    /// MITRE's name, exactly as published.
    pub name: &'static str,
    /// Rank in the 2024 CWE Top 25, 1 being the most dangerous.
    pub rank_2024: Option<u8>,
    /// Rank in the 2023 CWE Top 25.
    pub rank_2023: Option<u8>,
    /// Our own search words (`xss`, `sqli`), not part of CWE.
    pub keywords: &'static str,
}

impl CweEntry {
    /// `CWE-79`: the value stored in the report.
    pub fn tag(&self) -> String {
        format!("CWE-{}", self.id)
    }

    /// `CWE-79: Improper Neutralization of …`, for the list.
    pub fn label(&self) -> String {
        format!("CWE-{}: {}", self.id, self.name)
    }

    /// In the 2024 or the 2023 Top 25: shown before the rest.
    pub fn is_common(&self) -> bool {
        self.rank_2024.is_some() || self.rank_2023.is_some()
    }

    /// Sort key of the "common first" order: the 2024 Top 25 by rank, then the 2023 ones
    /// that left it, then the rest by number.
    fn common_order(&self) -> (u8, u8, u32) {
        match (self.rank_2024, self.rank_2023) {
            (Some(rank), _) => (0, rank, self.id),
            (None, Some(rank)) => (1, rank, self.id),
            (None, None) => (2, 0, self.id),
        }
    }
}

struct Catalogue {
    /// In common-first order.
    entries: Vec<CweEntry>,
    /// Per entry: its name and keywords, folded for search.
    haystacks: Vec<String>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut entries: Vec<CweEntry> = data_lines().filter_map(parse_line).collect();
        entries.sort_by_key(CweEntry::common_order);
        let haystacks = entries
            .iter()
            .map(|e| fold(&format!("{} {}", e.name, e.keywords)))
            .collect();
        Catalogue { entries, haystacks }
    })
}

fn data_lines() -> impl Iterator<Item = &'static str> {
    DATA.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// `id \t rank 2024 \t rank 2023 \t name [\t keywords]`; a test checks none is skipped.
fn parse_line(line: &'static str) -> Option<CweEntry> {
    let mut columns = line.split('\t');
    let id = columns.next()?.parse().ok()?;
    let rank = |column: Option<&str>| column.and_then(|c| c.parse().ok());
    let rank_2024 = rank(columns.next());
    let rank_2023 = rank(columns.next());
    let name = columns.next().filter(|name| !name.is_empty())?;
    Some(CweEntry {
        id,
        name,
        rank_2024,
        rank_2023,
        keywords: columns.next().unwrap_or(""),
    })
}

/// Every bundled entry, common first.
pub fn all() -> &'static [CweEntry] {
    &catalogue().entries
}

/// The Top 25 entries (2024 and 2023), in common-first order: what the form lists first.
pub fn common() -> &'static [CweEntry] {
    let all = all();
    &all[..all.iter().take_while(|e| e.is_common()).count()]
}

/// The bundled entry for CWE-`id`.
pub fn lookup(id: u32) -> Option<&'static CweEntry> {
    all().iter().find(|e| e.id == id)
}

/// Entries matching what the researcher typed: a number (`79`, `CWE-79`, `cwe 79`) finds
/// that entry first and then those whose number starts with it; words find entries whose
/// name (or keywords) contains every word, in any order and any case. Within each of these,
/// common entries come first. An empty query lists everything, common first.
pub fn search(query: &str) -> Vec<&'static CweEntry> {
    let catalogue = catalogue();
    let query = fold(query);
    let words: Vec<&str> = query.split_whitespace().collect();
    let digits = id_digits(&query);
    let mut found: Vec<(Reverse<u8>, &'static CweEntry)> = catalogue
        .entries
        .iter()
        .zip(&catalogue.haystacks)
        .filter_map(|(entry, haystack)| {
            let id = entry.id.to_string();
            let relevance = match digits {
                Some(digits) if id == digits => 3,
                Some(digits) if id.starts_with(digits) => 2,
                _ if words.iter().all(|w| haystack.contains(w)) => 1,
                _ => 0,
            };
            (relevance > 0).then_some((Reverse(relevance), entry))
        })
        .collect();
    found.sort_by_key(|(relevance, _)| *relevance);
    found.into_iter().map(|(_, entry)| entry).collect()
}

/// The number in `79`, `cwe79` or `cwe 79` (already folded).
fn id_digits(query: &str) -> Option<&str> {
    let query = query.trim();
    let digits = query.strip_prefix("cwe").unwrap_or(query).trim_start();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Lower case without punctuation, so `hardcoded` finds `Hard-coded` and `sql injection`
/// finds `('SQL Injection')`.
fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some(' ')
            } else {
                None
            }
        })
        .collect()
}

/// The form's weakness value: a CWE from the list, or free text for anything else.
/// It is stored in the report's text field as `CWE-79` or as the text itself, and
/// [`CweChoice::parse`] reads either back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CweChoice {
    /// A CWE number, bundled or not (the list is a selection; CWE-1427 is still CWE-1427).
    Known(u32),
    /// "Other": the researcher's own description.
    Other(String),
}

impl CweChoice {
    /// Reads a stored value back: `CWE-79` (any case, surrounding spaces ignored) is
    /// `Known(79)`; any other text is `Other`; empty text is no choice.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let known = text
            .get(..4)
            .filter(|prefix| prefix.eq_ignore_ascii_case("CWE-"))
            .and_then(|_| text.get(4..))
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse::<u32>().ok())
            .filter(|&id| id > 0);
        Some(match known {
            Some(id) => CweChoice::Known(id),
            None => CweChoice::Other(text.to_owned()),
        })
    }

    /// The bundled entry of a known choice.
    pub fn entry(&self) -> Option<&'static CweEntry> {
        match self {
            CweChoice::Known(id) => lookup(*id),
            CweChoice::Other(_) => None,
        }
    }

    /// For people: `CWE-79: Improper Neutralization of …`, or just `CWE-1427` or the
    /// free text when the list does not name it.
    pub fn label(&self) -> String {
        match self.entry() {
            Some(entry) => entry.label(),
            None => self.to_string(),
        }
    }
}

/// The stored form: `CWE-79`, or the free text.
impl fmt::Display for CweChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CweChoice::Known(id) => write!(f, "CWE-{id}"),
            CweChoice::Other(text) => f.write_str(text),
        }
    }
}
