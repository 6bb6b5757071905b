use pretty_assertions::assert_eq;

use super::*;
use crate::i18n::Lang;

fn answered(status: u16, content_type: &str, body: &[u8]) -> Fetched {
    Fetched::Answered {
        status,
        content_type: Some(content_type.to_owned()),
        body: body.to_vec(),
    }
}

fn wkd() -> Source {
    Source {
        method: Method::WkdAdvanced,
        url: "https://openpgpkey.example.org/k".into(),
    }
}

/// The exact packets inside an armored key.
fn binary_of(armored: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut binary = Vec::new();
    pgp::armor::Dearmor::new(std::io::Cursor::new(armored))
        .read_to_end(&mut binary)
        .unwrap();
    binary
}

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(sealpost_testkit::fixture_path(&format!("corpus/{name}"))).unwrap()
}

#[test]
fn the_plan_derives_the_drafts_urls_over_https() {
    let plan = Plan::new("Joe.Doe@Example.ORG", &Origins::Https).unwrap();
    let urls: Vec<&str> = plan
        .wkd
        .iter()
        .chain(&plan.security_txt)
        .map(|s| s.url.as_str())
        .collect();
    assert_eq!(
        urls,
        [
            "https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe",
            "https://example.org/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe",
            "https://example.org/.well-known/security.txt",
            "https://example.org/security.txt",
        ]
    );
    assert_eq!(plan.wkd[0].method, Method::WkdAdvanced);
    assert_eq!(plan.wkd[1].method, Method::WkdDirect);
}

#[test]
fn the_local_part_is_escaped_in_the_query() {
    let plan = Plan::new("a+b&c=d@example.org", &Origins::Https).unwrap();
    assert!(
        plan.wkd[1].url.ends_with("?l=a%2Bb%26c%3Dd"),
        "{}",
        plan.wkd[1].url
    );
}

#[test]
fn a_loopback_page_may_serve_every_path_from_a_loopback_server() {
    let origins = Origins::for_page("127.0.0.1", Some("http://127.0.0.1:8081/ignored")).unwrap();
    let plan = Plan::new("security@example.org", &origins).unwrap();
    assert_eq!(
        plan.wkd[0].url,
        "http://127.0.0.1:8081/.well-known/openpgpkey/example.org/hu/t5s8ztdbon8yzntexy6oz5y48etqsnbb?l=security"
    );
    assert_eq!(
        plan.security_txt[0].url,
        "http://127.0.0.1:8081/.well-known/security.txt"
    );
}

#[test]
fn a_real_page_never_takes_the_override() {
    let refused = |host: &str, base: &str| match Origins::for_page(host, Some(base)) {
        Err(DiscoveryError::OverrideRefused { reason, .. }) => reason,
        other => panic!("{host} {base}: {other:?}"),
    };
    assert_eq!(
        refused("security.example.org", "http://127.0.0.1:1"),
        OverrideProblem::PageNotLocal
    );
    assert_eq!(
        refused("127.0.0.1", "https://evil.example"),
        OverrideProblem::NotLocal
    );
    assert_eq!(
        refused("localhost", "file:///etc"),
        OverrideProblem::NotLocal
    );
    assert_eq!(refused("127.0.0.1", "not a url"), OverrideProblem::NotAUrl);
    assert_eq!(
        Origins::for_page("security.example.org", None).unwrap(),
        Origins::Https
    );
}

#[test]
fn encryption_fields_are_fetched_over_https_only() {
    let file = SecurityTxt::parse(
        "Contact: mailto:s@example.org\nEncryption: https://example.org/key.asc\n\
         Encryption: http://example.org/key.asc\nEncryption: dns:5d2d3ceb._openpgpkey.example.org?type=OPENPGPKEY\n\
         Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f\nEncryption: key.asc\n",
    );
    let fields = encryption_sources(
        &file,
        "https://example.org/.well-known/security.txt",
        &Origins::Https,
    )
    .unwrap();
    assert_eq!(
        fields.keys[0],
        Ok(Source {
            method: Method::SecurityTxtKey,
            url: "https://example.org/key.asc".into()
        })
    );
    let why: Vec<_> = fields.keys[1..]
        .iter()
        .map(|k| match k {
            Err(DiscoveryError::EncryptionNotFetchable { why, .. }) => *why,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        why,
        [UriProblem::PlainHttp, UriProblem::Dns, UriProblem::NotAUri]
    );
    assert_eq!(
        fields.fingerprints,
        ["5F2DE5521C63A801AB59CCB603D49DE44B29100F"]
    );
}

#[test]
fn in_tests_encryption_urls_must_be_on_the_test_server() {
    let origins = Origins::for_page("127.0.0.1", Some("http://127.0.0.1:9000")).unwrap();
    let file = SecurityTxt::parse(
        "Encryption: http://127.0.0.1:9000/key.asc\nEncryption: https://example.org/key.asc\n",
    );
    let fields = encryption_sources(&file, "x", &origins).unwrap();
    assert!(fields.keys[0].is_ok());
    assert!(matches!(
        fields.keys[1],
        Err(DiscoveryError::EncryptionNotFetchable {
            why: UriProblem::Elsewhere,
            ..
        })
    ));
}

#[test]
fn a_security_txt_without_encryption_says_so() {
    let file = SecurityTxt::parse("Contact: mailto:s@example.org\n");
    assert_eq!(
        encryption_sources(&file, "https://e.org/security.txt", &Origins::Https),
        Err(DiscoveryError::NoEncryptionField {
            url: "https://e.org/security.txt".into()
        })
    );
}

/// The signed security.txt from the corpus reads as before the parser moved into core.
#[test]
fn a_signed_security_txt_from_the_corpus_gives_its_encryption_url() {
    let source = Source {
        method: Method::SecurityTxt,
        url: "https://www.shelltrail.com/.well-known/security.txt".into(),
    };
    let body = corpus("security-txt/shelltrail-signed.security.txt");
    let file = judge_security_txt(&source, answered(200, "text/plain", &body)).unwrap();
    assert!(file.signed);
    let fields = encryption_sources(&file, &source.url, &Origins::Https).unwrap();
    assert_eq!(
        fields.keys,
        [Ok(Source {
            method: Method::SecurityTxtKey,
            url: "https://www.shelltrail.com/.well-known/pgp-key.txt".into()
        })]
    );
}

#[test]
fn a_binary_key_from_the_directory_is_a_binary_candidate() {
    let armored = corpus("monetr-security.asc");
    let binary = binary_of(&armored);
    let candidate = judge_key(&wkd(), answered(200, "application/octet-stream", &binary)).unwrap();
    assert_eq!(candidate.format, KeyFormat::Binary);
    assert_eq!(candidate.note, None);
    assert_eq!(candidate.bytes, binary);
}

#[test]
fn an_armored_key_from_the_directory_is_accepted_with_a_note() {
    let armored = corpus("monetr-security.asc");
    let candidate = judge_key(&wkd(), answered(200, "text/plain", &armored)).unwrap();
    assert_eq!(candidate.format, KeyFormat::Armored);
    assert_eq!(candidate.note, Some(FormatNote::ArmoredOnWkd));
    // From security.txt, armored is what people publish: nothing to say.
    let from_txt = Source {
        method: Method::SecurityTxtKey,
        url: "https://e.org/k.asc".into(),
    };
    let candidate = judge_key(&from_txt, answered(200, "text/plain", &armored)).unwrap();
    assert_eq!(candidate.note, None);
}

#[test]
fn each_failure_is_told_apart() {
    let key = |fetched| judge_key(&wkd(), fetched).unwrap_err();
    let url = wkd().url;
    assert_eq!(
        key(Fetched::NoAnswer {
            probe_answered: true,
            page_origin: "http://127.0.0.1:1".into()
        }),
        DiscoveryError::CorsBlocked {
            url: url.clone(),
            page_origin: "http://127.0.0.1:1".into()
        }
    );
    assert_eq!(
        key(Fetched::NoAnswer {
            probe_answered: false,
            page_origin: String::new()
        }),
        DiscoveryError::Unreachable { url: url.clone() }
    );
    assert_eq!(
        key(answered(404, "text/plain", b"nope")),
        DiscoveryError::NotFound {
            url: url.clone(),
            status: 404
        }
    );
    assert_eq!(
        key(answered(503, "text/plain", b"busy")),
        DiscoveryError::Status {
            url: url.clone(),
            status: 503
        }
    );
    assert_eq!(
        key(answered(
            200,
            "text/html; charset=utf-8",
            b"<!doctype html><title>Home</title>"
        )),
        DiscoveryError::HtmlPage { url: url.clone() }
    );
    // A server that says text/plain but sends its home page.
    assert_eq!(
        key(answered(
            200,
            "text/plain",
            b"\n  <HTML><head></head></HTML>"
        )),
        DiscoveryError::HtmlPage { url: url.clone() }
    );
    assert_eq!(
        key(answered(200, "application/octet-stream", b" \n")),
        DiscoveryError::Empty { url: url.clone() }
    );
}

#[test]
fn armor_mix_ups_are_named() {
    let armored = String::from_utf8(corpus("monetr-security.asc")).unwrap();
    // The base64 body without the BEGIN/END lines and the checksum.
    let bare: String = armored
        .lines()
        .filter(|l| !l.starts_with("-----") && !l.starts_with('=') && !l.contains(':'))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        judge_key(&wkd(), answered(200, "text/plain", bare.as_bytes())).unwrap_err(),
        DiscoveryError::Base64WithoutArmor { url: wkd().url }
    );
    // A binary key read as UTF-8 text and written back: its high bytes become U+FFFD.
    let binary = binary_of(armored.as_bytes());
    let mangled = String::from_utf8_lossy(&binary).into_owned();
    assert_eq!(
        judge_key(&wkd(), answered(200, "text/plain", mangled.as_bytes())).unwrap_err(),
        DiscoveryError::MangledBinary { url: wkd().url }
    );
}

#[test]
fn a_key_inside_a_web_page_is_still_found() {
    let mut page = b"<html><body><pre>".to_vec();
    page.extend(corpus("monetr-security.asc"));
    page.extend(b"</pre></body></html>");
    let candidate = judge_key(&wkd(), answered(200, "text/html", &page)).unwrap();
    assert_eq!(candidate.note, Some(FormatNote::InWebPage));
}

#[test]
fn text_that_is_nothing_goes_to_the_worker_to_be_named() {
    let placeholder = corpus("actualsecurity-placeholder-not-a-key.txt");
    let candidate = judge_key(&wkd(), answered(200, "text/plain", &placeholder)).unwrap();
    assert_eq!(candidate.format, KeyFormat::Other);
    // What the worker answers for it becomes "not a key"; other refusals "unusable".
    let err = DiscoveryError::refused("u", "not-a-key", "found prose".into());
    assert!(matches!(err, DiscoveryError::NotAKey { .. }));
    let err = DiscoveryError::refused("u", "expired", "expired".into());
    assert!(matches!(err, DiscoveryError::Unusable { .. }));
}

#[test]
fn a_web_page_at_the_security_txt_url_is_not_read_as_one() {
    let source = Source {
        method: Method::SecurityTxt,
        url: "https://e.org/.well-known/security.txt".into(),
    };
    assert_eq!(
        judge_security_txt(&source, answered(200, "text/html", b"<html></html>")).unwrap_err(),
        DiscoveryError::HtmlPage {
            url: source.url.clone()
        }
    );
    assert_eq!(
        judge_security_txt(&source, answered(200, "text/plain", b"hello world")).unwrap_err(),
        DiscoveryError::NotSecurityTxt { url: source.url }
    );
}

#[test]
fn every_error_has_a_message_in_every_language_naming_the_url() {
    let url = "https://openpgpkey.example.org/k".to_owned();
    let errors = [
        DiscoveryError::CorsBlocked {
            url: url.clone(),
            page_origin: "https://builder.example".into(),
        },
        DiscoveryError::Unreachable { url: url.clone() },
        DiscoveryError::NotFound {
            url: url.clone(),
            status: 404,
        },
        DiscoveryError::HtmlPage { url: url.clone() },
        DiscoveryError::Base64WithoutArmor { url: url.clone() },
        DiscoveryError::MangledBinary { url: url.clone() },
        DiscoveryError::NotAKey {
            url: url.clone(),
            found: "x".into(),
        },
        DiscoveryError::Unusable {
            url: url.clone(),
            reason: "x".into(),
        },
    ];
    for lang in Lang::ALL {
        for error in &errors {
            let message = error.message(lang);
            assert!(message.contains(&url), "{lang:?}: {message}");
        }
    }
    let cors = errors[0].to_string();
    assert!(cors.contains("Access-Control-Allow-Origin"), "{cors}");
    assert!(cors.contains("https://builder.example"), "{cors}");
}
