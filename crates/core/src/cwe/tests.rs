use std::collections::HashSet;

use super::{all, common, data_lines, lookup, search, CweChoice};

/// MITRE's 2024 CWE Top 25, in rank order.
const TOP_25_2024: [u32; 25] = [
    79, 787, 89, 352, 22, 125, 78, 416, 862, 434, 94, 20, 77, 287, 269, 502, 200, 863, 918, 119,
    476, 798, 190, 400, 306,
];
/// MITRE's 2023 CWE Top 25, in rank order.
const TOP_25_2023: [u32; 25] = [
    787, 79, 89, 416, 78, 20, 125, 22, 352, 434, 862, 476, 287, 190, 502, 77, 119, 798, 918, 306,
    362, 269, 94, 863, 276,
];

fn ids(entries: &[&super::CweEntry]) -> Vec<u32> {
    entries.iter().map(|e| e.id).collect()
}

#[test]
fn every_data_line_is_an_entry_and_ids_are_unique() {
    assert_eq!(all().len(), data_lines().count(), "no line was skipped");
    assert!((150..=260).contains(&all().len()), "{}", all().len());
    let unique: HashSet<u32> = all().iter().map(|e| e.id).collect();
    assert_eq!(unique.len(), all().len());
    for entry in all() {
        assert_eq!(entry.name.trim(), entry.name, "CWE-{}", entry.id);
        assert!(entry.name.len() > 5, "CWE-{}", entry.id);
    }
}

#[test]
fn every_top_25_entry_is_bundled_with_its_rank() {
    for (year, list) in [(2024, TOP_25_2024), (2023, TOP_25_2023)] {
        for (i, id) in list.into_iter().enumerate() {
            let entry = lookup(id).unwrap_or_else(|| panic!("CWE-{id} ({year}) is missing"));
            let rank = if year == 2024 {
                entry.rank_2024
            } else {
                entry.rank_2023
            };
            assert_eq!(rank, Some(i as u8 + 1), "CWE-{id} in {year}");
        }
    }
    let ranked_2024 = all().iter().filter(|e| e.rank_2024.is_some()).count();
    let ranked_2023 = all().iter().filter(|e| e.rank_2023.is_some()).count();
    assert_eq!((ranked_2024, ranked_2023), (25, 25));
}

#[test]
fn names_are_mitre_s() {
    let name = |id| lookup(id).unwrap().name;
    assert_eq!(
        name(79),
        "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"
    );
    assert_eq!(name(787), "Out-of-bounds Write");
    assert_eq!(name(352), "Cross-Site Request Forgery (CSRF)");
    assert_eq!(name(918), "Server-Side Request Forgery (SSRF)");
    assert_eq!(
        lookup(89).unwrap().label(),
        "CWE-89: Improper Neutralization of Special Elements used in an SQL Command \
         ('SQL Injection')"
    );
    assert_eq!(lookup(4), None);
}

#[test]
fn common_ones_come_first() {
    let common_ids: Vec<u32> = common().iter().map(|e| e.id).collect();
    let mut expected = TOP_25_2024.to_vec();
    expected.extend([362, 276]); // in 2023's list only, by 2023 rank
    assert_eq!(common_ids, expected);
    assert!(all()[common().len()..].iter().all(|e| !e.is_common()));
    let rest: Vec<u32> = all()[common().len()..].iter().map(|e| e.id).collect();
    assert!(rest.windows(2).all(|w| w[0] < w[1]), "the rest by number");
}

#[test]
fn a_number_finds_that_entry_first() {
    for query in ["CWE-79", "79", "cwe 79", "  cwe79 ", "Cwe-79"] {
        let found = search(query);
        assert_eq!(found[0].id, 79, "{query}");
        assert!(
            found.iter().all(|e| e.id.to_string().starts_with("79")),
            "{query}"
        );
    }
    // CWE-798 is in the Top 25 and CWE-799 is not.
    assert_eq!(ids(&search("79"))[..3], [79, 798, 799]);
    assert_eq!(search("CWE-89")[0].id, 89);
    assert_eq!(ids(&search("1333")), [1333]);
    assert!(search("CWE-99999").is_empty());
}

#[test]
fn words_match_in_any_order_and_case() {
    assert_eq!(search("injection SQL")[0].id, 89);
    assert_eq!(search("SCRIPTING cross site")[0].id, 79);
    assert_eq!(ids(&search("xss")), [79, 80]);
    assert_eq!(search("hardcoded")[0].id, 798);
    assert_eq!(ids(&search("out of bounds")), [787, 125]);
    assert_eq!(search("prototype pollution")[0].id, 1321);
    assert_eq!(search("use after free")[0].id, 416);
    assert!(search("zzzz qqqq").is_empty());
    assert_eq!(search("").len(), all().len());
}

#[test]
fn common_matches_rank_first() {
    // The 2024 ranks of the injection weaknesses: 89 (#3), 78 (#7), 94 (#11), 77 (#13).
    assert_eq!(ids(&search("injection"))[..4], [89, 78, 94, 77]);
    // Out-of-bounds write and read are found by their keywords (buffer overflow, over-read).
    let found = search("buffer");
    assert_eq!(ids(&found)[..3], [787, 125, 119]);
    assert!(found[3..].iter().all(|e| !e.is_common()));
}

#[test]
fn a_choice_round_trips_through_the_text_field() {
    for entry in all() {
        let choice = CweChoice::Known(entry.id);
        assert_eq!(choice.to_string(), entry.tag());
        assert_eq!(CweChoice::parse(&choice.to_string()), Some(choice));
    }
    let other = CweChoice::Other("Business logic flaw in the refund flow".into());
    assert_eq!(CweChoice::parse(&other.to_string()), Some(other.clone()));
    assert_eq!(other.label(), "Business logic flaw in the refund flow");
    assert_eq!(other.entry(), None);
}

#[test]
fn parsing_a_choice() {
    assert_eq!(CweChoice::parse(" cwe-79 "), Some(CweChoice::Known(79)));
    assert_eq!(CweChoice::parse("CWE-1427"), Some(CweChoice::Known(1427)));
    assert_eq!(CweChoice::Known(1427).label(), "CWE-1427");
    assert!(CweChoice::Known(79)
        .label()
        .starts_with("CWE-79: Improper Neutralization"));
    for other in ["CWE-", "CWE-0", "CWE-79: XSS", "CWE 79", "79", "CWE-7x"] {
        assert_eq!(
            CweChoice::parse(other),
            Some(CweChoice::Other(other.into())),
            "{other}"
        );
    }
    assert_eq!(CweChoice::parse("   "), None);
}
