//! Scores must equal FIRST's for published reference vectors: a researcher compares ours
//! with the official calculator, and the project triages by it.

use super::{score, CvssVersion, Picks, Rating};

/// FIRST, "CVSS v3.1: Examples" (base vectors and scores of the worked examples), plus
/// three corner values from Red Hat's cvss test vectors (`tests/vectors_simple31`).
const V31: &[(&str, f64, Rating)] = &[
    // CVE-2013-1937 phpMyAdmin reflected XSS
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
        6.1,
        Rating::Medium,
    ),
    // CVE-2013-0375 MySQL stored SQL injection
    (
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N",
        6.4,
        Rating::Medium,
    ),
    // CVE-2014-3566 SSLv3 POODLE
    (
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
        3.1,
        Rating::Low,
    ),
    // CVE-2012-1516 VMware guest to host escape
    (
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H",
        9.9,
        Rating::Critical,
    ),
    // CVE-2009-0783 Apache Tomcat XML parser
    (
        "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L",
        4.2,
        Rating::Medium,
    ),
    // CVE-2012-0384 Cisco IOS arbitrary command execution
    (
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
        8.8,
        Rating::High,
    ),
    // CVE-2015-1098 Apple iWork denial of service
    (
        "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
        7.8,
        Rating::High,
    ),
    // CVE-2014-0160 OpenSSL Heartbleed
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
        7.5,
        Rating::High,
    ),
    // CVE-2014-6271 GNU Bash Shellshock
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        9.8,
        Rating::Critical,
    ),
    // CVE-2008-1447 DNS Kaminsky bug
    (
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N",
        6.8,
        Rating::Medium,
    ),
    // CVE-2014-2005 Sophos login screen bypass
    (
        "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        6.8,
        Rating::Medium,
    ),
    // CVE-2010-0467 Joomla directory traversal
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N",
        5.8,
        Rating::Medium,
    ),
    // CVE-2012-1342 Cisco access control bypass
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N",
        5.8,
        Rating::Medium,
    ),
    // CVE-2013-6014 Juniper proxy ARP denial of service
    (
        "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H",
        9.3,
        Rating::Critical,
    ),
    // CVE-2014-9253 DokuWiki reflected XSS
    (
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N",
        5.4,
        Rating::Medium,
    ),
    // CVE-2009-0658 Adobe Acrobat buffer overflow
    (
        "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
        7.8,
        Rating::High,
    ),
    // CVE-2011-1265 Microsoft Windows Bluetooth remote code execution
    (
        "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        8.8,
        Rating::High,
    ),
    // CVE-2014-2019 Apple iOS security control bypass
    (
        "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N",
        4.6,
        Rating::Medium,
    ),
    // CVE-2015-0970 SearchBlox cross-site request forgery
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
        8.8,
        Rating::High,
    ),
    // CVE-2014-0224 OpenSSL CCS injection
    (
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N",
        7.4,
        Rating::High,
    ),
    // CVE-2012-5376 Google Chrome IPC sandbox escape
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H",
        9.6,
        Rating::Critical,
    ),
    // Red Hat vectors_simple31: the maximum, a Low and no impact at all.
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
        10.0,
        Rating::Critical,
    ),
    (
        "CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N",
        2.6,
        Rating::Low,
    ),
    (
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N",
        0.0,
        Rating::None,
    ),
];

/// CVSS 4.0 scores from Red Hat's cvss test vectors (`tests/vectors_simple4`,
/// `tests/vectors_threat4`, `tests/test_cvss4.py`), which Red Hat checks against its
/// cvss-v4-calculator, the implementation behind FIRST's official 4.0 calculator; and the
/// specification's all-High vulnerable-system example.
const V40: &[(&str, f64, Rating, &str)] = &[
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        9.3,
        Rating::Critical,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
        0.0,
        Rating::None,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
        0.0,
        Rating::None,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N",
        8.7,
        Rating::High,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/AR:L",
        7.9,
        Rating::High,
        "CVSS-BE",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:H",
        7.7,
        Rating::High,
        "CVSS-BE",
    ),
    (
        "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A",
        7.3,
        Rating::High,
        "CVSS-BT",
    ),
    (
        "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P",
        5.9,
        Rating::Medium,
        "CVSS-BT",
    ),
    (
        "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U",
        4.1,
        Rating::Medium,
        "CVSS-BT",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L",
        9.2,
        Rating::Critical,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:L",
        5.3,
        Rating::Medium,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:H/SC:H/SI:N/SA:H",
        9.3,
        Rating::Critical,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:N",
        2.1,
        Rating::Low,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N",
        4.0,
        Rating::Medium,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:L/SA:N",
        9.5,
        Rating::Critical,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:L/SI:N/SA:L",
        1.0,
        Rating::Low,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:N/VC:L/VI:N/VA:H/SC:H/SI:N/SA:H",
        7.0,
        Rating::High,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:L/SC:L/SI:L/SA:N",
        5.3,
        Rating::Medium,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:L/SC:H/SI:N/SA:N",
        9.2,
        Rating::Critical,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:L/VI:L/VA:N/SC:L/SI:N/SA:L",
        2.4,
        Rating::Low,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:N/VC:H/VI:H/VA:L/SC:N/SI:H/SA:L",
        8.5,
        Rating::High,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:P/VC:N/VI:H/VA:H/SC:H/SI:N/SA:N",
        6.9,
        Rating::Medium,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:N/SA:L",
        1.0,
        Rating::Low,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:N",
        6.9,
        Rating::Medium,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:H/VI:H/VA:H/SC:H/SI:L/SA:H",
        7.2,
        Rating::High,
        "CVSS-B",
    ),
    (
        "CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:H",
        2.1,
        Rating::Low,
        "CVSS-B",
    ),
];

#[test]
fn cvss_3_1_reference_vectors_score_as_first_publishes() {
    assert!(V31.len() >= 15);
    for &(vector, value, rating) in V31 {
        let picks = Picks::from_vector_for(CvssVersion::V3_1, vector).unwrap();
        assert_eq!(picks.vector(), vector, "canonical form of {vector}");
        let score = picks.score().unwrap();
        assert_eq!((score.value, score.rating), (value, rating), "{vector}");
        assert_eq!(score.nomenclature, None);
        assert_eq!(super::score(vector), Some(score));
    }
}

#[test]
fn cvss_4_0_reference_vectors_score_as_first_publishes() {
    assert!(V40.len() >= 15);
    for &(vector, value, rating, nomenclature) in V40 {
        let picks = Picks::from_vector_for(CvssVersion::V4_0, vector).unwrap();
        assert_eq!(picks.vector(), vector, "canonical form of {vector}");
        let score = picks.score().unwrap();
        assert_eq!((score.value, score.rating), (value, rating), "{vector}");
        assert_eq!(score.nomenclature, Some(nomenclature), "{vector}");
        assert_eq!(super::score(vector), Some(score));
    }
}

#[test]
fn supplemental_metrics_never_change_a_cvss_4_0_score() {
    let base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    let with = format!("{base}/S:P/AU:Y/R:I/V:C/RE:H/U:Red");
    assert_eq!(score(&with).unwrap().value, 9.3);
    assert_eq!(score(&with).unwrap().nomenclature, Some("CVSS-B"));
}
