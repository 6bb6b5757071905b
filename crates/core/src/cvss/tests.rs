use std::collections::HashSet;

use super::{metric, metrics, CvssVersion, Group, Picks, Rating, VectorError, NOT_DEFINED};

const VERSIONS: [CvssVersion; 2] = [CvssVersion::V3_1, CvssVersion::V4_0];

/// Every base metric set to its first value.
fn complete(version: CvssVersion) -> Picks {
    let mut picks = Picks::new(version);
    for m in metrics(version).iter().filter(|m| m.required()) {
        picks.set(m.id, m.values[0].id).unwrap();
    }
    picks
}

/// The `cvss` crate's own rendering of a vector, to check our tables and order against it.
fn crate_form(version: CvssVersion, vector: &str) -> String {
    match version {
        CvssVersion::V3_1 => vector.parse::<::cvss::v3::Vector>().unwrap().to_string(),
        CvssVersion::V4_0 => vector.parse::<::cvss::v4::Vector>().unwrap().to_string(),
    }
}

#[test]
fn every_metric_value_round_trips_through_the_vector() {
    for version in VERSIONS {
        for m in metrics(version) {
            for value in m.values {
                let mut picks = complete(version);
                picks.set(m.id, value.id).unwrap();
                let vector = picks.vector();
                let expected = if value.id == NOT_DEFINED {
                    None
                } else {
                    Some(value)
                };
                assert_eq!(picks.get(m.id), expected, "{vector}");
                assert_eq!(Picks::from_vector(&vector).unwrap(), picks, "{vector}");
                assert_eq!(crate_form(version, &vector), vector, "canonical order");
                assert!(picks.score().is_some(), "{vector} scores");
            }
        }
    }
}

#[test]
fn the_tables_are_well_formed() {
    for version in VERSIONS {
        let all = metrics(version);
        let ids: HashSet<&str> = all.iter().map(|m| m.id).collect();
        assert_eq!(ids.len(), all.len(), "metric ids are unique");
        assert_eq!(all[0].id, "AV");
        let base = all.iter().take_while(|m| m.group == Group::Base).count();
        assert!(
            all[base..].iter().all(|m| !m.required()),
            "base metrics first"
        );
        for m in all {
            assert!(!m.name.is_empty() && m.help.ends_with('.'), "{}", m.id);
            let values: HashSet<&str> = m.values.iter().map(|v| v.id).collect();
            assert_eq!(values.len(), m.values.len(), "{} values are unique", m.id);
            assert_eq!(m.required(), m.value(NOT_DEFINED).is_none(), "{}", m.id);
            assert_eq!(m.default_value().is_some(), !m.required(), "{}", m.id);
        }
    }
    assert_eq!(
        metrics(CvssVersion::V4_0)
            .iter()
            .filter(|m| m.required())
            .map(|m| m.id)
            .collect::<Vec<_>>(),
        ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"]
    );
    assert_eq!(
        metric(CvssVersion::V3_1, "av").unwrap().name,
        "Attack Vector"
    );
}

#[test]
fn the_live_vector_follows_the_picks_in_canonical_order() {
    let mut picks = Picks::new(CvssVersion::V3_1);
    assert_eq!(picks.vector(), "CVSS:3.1");
    picks.set("AC", "L").unwrap();
    picks.set("av", "n").unwrap();
    assert_eq!(picks.vector(), "CVSS:3.1/AV:N/AC:L");
    assert_eq!(picks.score(), None);
    let missing: Vec<_> = picks.missing().iter().map(|m| m.id).collect();
    assert_eq!(missing, ["PR", "UI", "S", "C", "I", "A"]);
    for (id, value) in [("PR", "N"), ("UI", "N"), ("S", "U"), ("C", "H"), ("I", "H")] {
        picks.set(id, value).unwrap();
    }
    assert!(!picks.is_complete());
    picks.set("A", "H").unwrap();
    let score = picks.score().unwrap();
    assert_eq!((score.value, score.rating), (9.8, Rating::Critical));
    assert_eq!(score.to_string(), "9.8 (Critical)");
    picks.set("E", "P").unwrap();
    assert_eq!(
        picks.to_string(),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P"
    );
    assert_eq!(
        picks.score().unwrap().value,
        9.8,
        "3.1 shows the base score"
    );
    picks.set("E", "X").unwrap();
    assert_eq!(picks.get("E"), None);
    assert_eq!(picks.selected("E").unwrap().label, "Not Defined");
    picks.clear("A");
    assert_eq!(picks.selected("A"), None);
    assert_eq!(picks.score(), None);
}

#[test]
fn a_cvss_4_0_score_names_its_metric_groups() {
    let mut picks = complete(CvssVersion::V4_0);
    assert_eq!(picks.score().unwrap().nomenclature, Some("CVSS-B"));
    picks.set("E", "A").unwrap();
    picks.set("CR", "H").unwrap();
    let score = picks.score().unwrap();
    assert_eq!(score.nomenclature, Some("CVSS-BTE"));
    assert!(score.to_string().ends_with(" CVSS-BTE"), "{score}");
}

#[test]
fn a_bad_pick_is_refused_with_the_choices() {
    let mut picks = Picks::new(CvssVersion::V4_0);
    let err = picks.set("AV", "X").unwrap_err();
    assert_eq!(
        err.to_string(),
        "AV (Attack Vector) cannot be “X”; it is one of N, A, L or P"
    );
    let err = picks.set("S", "C").unwrap_err();
    assert!(matches!(err, VectorError::UnknownValue { .. }), "{err}");
    let err = picks.set("Scope", "C").unwrap_err();
    assert_eq!(err.to_string(), "Scope is not a CVSS:4.0 metric");
    assert_eq!(picks, Picks::new(CvssVersion::V4_0), "nothing changed");
}

#[test]
fn a_pasted_vector_is_normalised() {
    let picks = Picks::from_vector(
        " cvss:4.0/ac:l/av:n/at:n/pr:n/ui:n/vc:h/vi:h/va:h/sc:n/si:n/sa:n/u:red ",
    )
    .unwrap();
    assert_eq!(
        picks.vector(),
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red"
    );
    let with_x = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X";
    assert_eq!(
        Picks::from_vector(with_x).unwrap().vector(),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
    );
    assert_eq!(
        Picks::from_vector(with_x).unwrap().version(),
        CvssVersion::V3_1
    );
}

fn paste(version: CvssVersion, text: &str) -> String {
    Picks::from_vector_for(version, text)
        .unwrap_err()
        .to_string()
}

#[test]
fn a_malformed_paste_says_what_is_wrong() {
    use CvssVersion::{V3_1, V4_0};
    let cases: &[(CvssVersion, &str, &str)] = &[
        (V3_1, "  ", "the vector is empty"),
        (
            V3_1,
            "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "“AV:N” is not the start of a CVSS vector: it begins with CVSS:3.1/ or CVSS:4.0/",
        ),
        (
            V3_1,
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "this project asks for CVSS:3.1, not CVSS:4.0",
        ),
        (
            V3_1,
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "this project asks for CVSS:3.1, not CVSS:3.0",
        ),
        (
            V3_1,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1",
            "ZZ is not a CVSS:3.1 metric",
        ),
        (
            V3_1,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q",
            "A (Availability) cannot be “Q”; it is one of H, L or N",
        ),
        (
            V3_1,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L",
            "AV (Attack Vector) appears more than once",
        ),
        (
            V3_1,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H",
            "the base metric S (Scope) is missing",
        ),
        (
            V4_0,
            "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N",
            "the base metric AT (Attack Requirements), SI (Subsequent System Integrity), \
             SA (Subsequent System Availability) are missing",
        ),
        (
            V4_0,
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/VC:L",
            "VC (Vulnerable System Confidentiality) appears more than once",
        ),
        (
            V4_0,
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/",
            "there is an empty part (a doubled or trailing “/”)",
        ),
        (
            V4_0,
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC=H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "“VC=H” is not a metric: write each one as NAME:VALUE, separated by “/”",
        ),
        (
            V4_0,
            "CVSS:4.0",
            "the base metric AV (Attack Vector), AC (Attack Complexity), \
             AT (Attack Requirements), PR (Privileges Required), UI (User Interaction), \
             VC (Vulnerable System Confidentiality), VI (Vulnerable System Integrity), \
             VA (Vulnerable System Availability), SC (Subsequent System Confidentiality), \
             SI (Subsequent System Integrity), SA (Subsequent System Availability) are missing",
        ),
    ];
    for &(version, text, message) in cases {
        assert_eq!(paste(version, text), message, "{text}");
    }
    assert_eq!(
        Picks::from_vector("CVSS:2.0/AV:N").unwrap_err().to_string(),
        "CVSS 2.0 is not offered here: use CVSS:3.1 or CVSS:4.0"
    );
    assert_eq!(super::score("CVSS:3.1/AV:N"), None, "incomplete");
}

#[test]
fn a_partial_vector_from_the_calculator_is_read_back() {
    let mut picks = Picks::new(CvssVersion::V3_1);
    assert_eq!(picks.vector(), "CVSS:3.1");
    picks.set("AV", "N").unwrap();
    picks.set("S", "C").unwrap();
    let vector = picks.vector();
    assert_eq!(vector, "CVSS:3.1/AV:N/S:C");
    let back = Picks::from_partial_vector_for(CvssVersion::V3_1, &vector).unwrap();
    assert_eq!(back, picks);
    assert!(!back.is_complete());
    assert_eq!(
        Picks::from_partial_vector_for(CvssVersion::V3_1, "CVSS:3.1").unwrap(),
        Picks::new(CvssVersion::V3_1)
    );
    // Everything else is still checked.
    assert!(matches!(
        Picks::from_partial_vector_for(CvssVersion::V3_1, "CVSS:4.0/AV:N"),
        Err(VectorError::WrongVersion { .. })
    ));
    assert!(matches!(
        Picks::from_partial_vector_for(CvssVersion::V3_1, "CVSS:3.1/AV:Q"),
        Err(VectorError::UnknownValue { .. })
    ));
    // The complete parse still insists on every base metric.
    assert!(matches!(
        Picks::from_vector_for(CvssVersion::V3_1, &vector),
        Err(VectorError::MissingRequired { .. })
    ));
}
