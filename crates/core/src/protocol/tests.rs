//! The worker's logic as the page drives it: requests and answers go through JSON, as they do
//! over `postMessage`.

use std::time::SystemTime;

use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use pretty_assertions::assert_eq;
use rand::{rngs::StdRng, SeedableRng};
use serde::{de::DeserializeOwned, Serialize};

use super::*;
use crate::demo;

fn rng() -> StdRng {
    StdRng::seed_from_u64(3)
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as f64
}

/// `value` after a trip through JSON, as every message between page and worker.
fn wire<T: Serialize + DeserializeOwned>(value: &T) -> T {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

fn demo_sealer() -> Sealer {
    let mut sealer = Sealer::default();
    let accepted = sealer.accept(&wire(&AcceptRequest {
        policy_json: demo::POLICY_JSON.into(),
        fetched_keys: vec![None],
        now_ms: now_ms(),
    }));
    assert!(accepted.is_ok(), "{accepted:?}");
    sealer
}

fn complete_report() -> Report {
    Report::default()
        .with_text("title", "Heap overflow in the PNG decoder")
        .with_text("vulnerability_type", "CWE-122: Heap-based Buffer Overflow")
        .with_text("affected_versions", "1.4.0 – 1.6.2")
        .with_text(
            "reproduction_steps",
            "1. Build with ASan\n2. Decode poc.png",
        )
        .with_text(
            "impact",
            "Remote code execution when a crafted image is previewed.",
        )
}

fn seal_request(reply_public_key: Option<String>) -> SealRequest {
    SealRequest {
        report: complete_report(),
        attachments: vec![AttachmentMeta {
            name: "poc.png".into(),
            media_type: "image/png".into(),
        }],
        encoding: Encoding::Armored,
        now_ms: now_ms(),
        reply_public_key,
    }
}

/// Decrypts with the demo recipient's secret key and parses the letter.
fn open_letter(message: &[u8]) -> sealpost_testkit::letter::OpenedLetter {
    let secret_text =
        String::from_utf8(sealpost_testkit::fixture("demo-recipient.secret.asc")).unwrap();
    let (secret, _) = SignedSecretKey::from_string(&secret_text).unwrap();
    let (message, _) = Message::from_string(std::str::from_utf8(message).unwrap()).unwrap();
    let mut plain = message.decrypt(&Password::empty(), &secret).unwrap();
    sealpost_testkit::letter::open(&plain.as_data_vec().unwrap())
}

#[test]
fn a_reply_key_made_by_the_worker_travels_in_the_letter_three_ways() {
    let pair = wire(&Sealer::make_reply_key(
        &wire(&ReplyKeyRequest {
            name: "Ada".into(),
            contact: "ada@example.org".into(),
            passphrase: Some("a long passphrase".into()),
            now_ms: now_ms(),
        }),
        rng(),
    ))
    .unwrap();
    let sealer = demo_sealer();
    let (message, info) = sealer
        .seal(
            &wire(&seal_request(Some(pair.public_armored.clone()))),
            vec![b"\x89PNG".to_vec()],
            rng(),
            |_, _| {},
        )
        .unwrap();
    let letter = open_letter(&message);

    // 1. As the last attachment, listed in report.json like the researcher's files.
    let names: Vec<&str> = letter
        .attachments
        .iter()
        .map(|(name, _, _)| name.as_str())
        .collect();
    assert_eq!(names, ["poc.png", "reply-key.asc"]);
    let (_, media_type, bytes) = &letter.attachments[1];
    assert_eq!(media_type, "application/pgp-keys");
    let enclosed = String::from_utf8(bytes.clone()).unwrap();
    let key = RecipientKey::accept(enclosed.as_bytes(), SystemTime::now()).unwrap();
    assert_eq!(key.fingerprint(), pair.fingerprint);
    assert_eq!(letter.json["attachments"][1]["name"], "reply-key.asc");
    assert_eq!(
        letter.json["attachments"][1]["size"],
        bytes.len() as u64,
        "listed with its real size"
    );

    // 2. In report.json, and the document the page gets back says the same.
    assert_eq!(letter.json["reply_key"]["fingerprint"], pair.fingerprint);
    assert_eq!(letter.json["reply_key"]["public_key"], enclosed);
    assert_eq!(
        info.document
            .reply_key
            .as_ref()
            .map(|k| k.fingerprint.as_str()),
        Some(pair.fingerprint.as_str())
    );

    // 3. Named in the readable text.
    assert!(
        letter
            .text
            .contains(&format!("Reply encrypted to key {}.", pair.fingerprint)),
        "{}",
        letter.text
    );
    // Only the public half: the secret key never leaves the page.
    assert!(!letter.text.contains("PRIVATE KEY"));
    assert!(!enclosed.contains("PRIVATE KEY"));
}

#[test]
fn without_a_reply_key_the_letter_has_none() {
    let (message, info) = demo_sealer()
        .seal(&seal_request(None), vec![b"png".to_vec()], rng(), |_, _| {})
        .unwrap();
    let letter = open_letter(&message);
    assert_eq!(letter.attachments.len(), 1);
    assert!(letter.json.get("reply_key").is_none());
    assert!(info.document.reply_key.is_none());
    assert!(!letter.text.contains("Reply encrypted"));
}

#[test]
fn a_reply_key_that_is_not_a_public_key_stops_sealing_with_a_clear_message() {
    let pair = Sealer::make_reply_key(
        &ReplyKeyRequest {
            name: String::new(),
            contact: String::new(),
            passphrase: None,
            now_ms: now_ms(),
        },
        rng(),
    )
    .unwrap();
    let sealer = demo_sealer();
    for (bad, expected) in [
        ("not a key".to_owned(), "The reply key cannot be used"),
        (pair.secret_armored.clone(), "secret (private) OpenPGP key"),
    ] {
        let err = sealer
            .seal(&seal_request(Some(bad)), vec![vec![]], rng(), |_, _| {})
            .unwrap_err();
        assert!(err.contains(expected), "{err}");
        assert!(
            err.ends_with("Remove the reply key, or make a new one."),
            "{err}"
        );
    }
}

#[test]
fn anonymous_reply_keys_are_named_so() {
    let pair = Sealer::make_reply_key(
        &ReplyKeyRequest {
            name: " ".into(),
            contact: String::new(),
            passphrase: None,
            now_ms: now_ms(),
        },
        rng(),
    )
    .unwrap();
    let key = RecipientKey::accept(pair.public_armored.as_bytes(), SystemTime::now()).unwrap();
    assert_eq!(key.user_id(), Some("Anonymous reporter"));
}

#[test]
fn drafts_go_through_the_worker_and_a_wrong_passphrase_is_told_apart() {
    let draft = Draft {
        report: complete_report(),
        attachment_names: vec!["poc.png".into()],
    };
    let armored = wire(&Sealer::seal_draft(
        &wire(&DraftSealRequest {
            draft: draft.clone(),
            passphrase: "correct horse".into(),
        }),
        rng(),
    ))
    .unwrap();
    assert!(!armored.contains("PNG decoder"));
    let open = |passphrase: &str| {
        wire(&Sealer::open_draft(&wire(&DraftOpenRequest {
            armored: armored.clone(),
            passphrase: passphrase.into(),
        })))
    };
    assert_eq!(open("correct horse"), Ok(draft));
    assert_eq!(open("correct house"), Err(DraftError::WrongPassphrase));
    assert_eq!(
        Sealer::seal_draft(
            &DraftSealRequest {
                draft: Draft {
                    report: Report::default(),
                    attachment_names: vec![],
                },
                passphrase: "short".into(),
            },
            rng(),
        ),
        Err(DraftError::PassphraseTooShort { min: 8 })
    );
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(sealpost_testkit::fixture_path(name)).unwrap()
}

/// What a Web Key Directory serves: the key's packets, not armor.
fn dearmored(armored: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut binary = Vec::new();
    pgp::armor::Dearmor::new(std::io::Cursor::new(armored))
        .read_to_end(&mut binary)
        .unwrap();
    binary
}

#[test]
fn a_binary_key_is_checked_and_armored_for_the_policy() {
    let armored = fixture("corpus/monetr-security.asc");
    let binary = dearmored(&armored);
    let checked = wire(&Sealer::check_key(&wire(&KeyCheckRequest {
        bytes: binary.clone(),
        now_ms: now_ms(),
    })))
    .unwrap();
    assert_eq!(checked.keys.len(), 1);
    assert_eq!(
        checked.keys[0].user_ids,
        ["monetr Security <security@monetr.app>"]
    );
    assert!(checked
        .armored
        .starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    // Armored exactly: the same packets come out again.
    assert_eq!(dearmored(checked.armored.as_bytes()), binary);
    // And the armored file gives the same key, its prose left out.
    let from_text = Sealer::check_key(&KeyCheckRequest {
        bytes: armored,
        now_ms: now_ms(),
    })
    .unwrap();
    assert_eq!(from_text.keys, checked.keys);
    assert_eq!(dearmored(from_text.armored.as_bytes()), binary);
}

#[test]
fn refused_keys_say_what_and_why() {
    let check = |name: &str| {
        Sealer::check_key(&KeyCheckRequest {
            bytes: fixture(name),
            now_ms: now_ms(),
        })
        .unwrap_err()
    };
    let expired = check("keys/expired.public.asc");
    assert_eq!(expired.code, "expired");
    assert!(
        expired.message.contains("2020-12-31"),
        "{}",
        expired.message
    );
    let not_a_key = check("corpus/actualsecurity-placeholder-not-a-key.txt");
    assert_eq!(not_a_key.code, "not-a-key");
    assert_eq!(check("keys/cv25519.secret.asc").code, "secret-key");
}

#[test]
fn every_certificate_of_a_team_file_is_summarized() {
    let checked = Sealer::check_key(&KeyCheckRequest {
        bytes: fixture("keys/multi.public.asc"),
        now_ms: now_ms(),
    })
    .unwrap();
    assert!(checked.keys.len() > 1, "{:?}", checked.keys);
}
