//! Seal with the project's code, open with rPGP's decryption and the fixture secret keys, and read
//! the letter with an independent MIME parser.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::{assert_letter_holds, complete_report, corpus_now, fixture_text, seal_armored};
use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use pretty_assertions::assert_eq;
use rand::thread_rng;
use sealpost_core::{
    demo,
    seal::{negotiate, Cipher},
    seal_report, Attachment, Encoding, RecipientKey, Report, SealError,
};

fn open(message: &[u8], secret_fixture: &str) -> Vec<u8> {
    let (secret, _) = SignedSecretKey::from_string(&fixture_text(secret_fixture)).unwrap();
    let message = if message.starts_with(b"-----BEGIN") {
        Message::from_string(std::str::from_utf8(message).unwrap())
            .unwrap()
            .0
    } else {
        Message::from_bytes(message).unwrap()
    };
    let mut plain = message.decrypt(&Password::empty(), &secret).unwrap();
    plain.as_data_vec().unwrap()
}

fn demo_key() -> RecipientKey {
    RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap()
}

fn rsa_key() -> RecipientKey {
    RecipientKey::accept(fixture_text("rsa3072.public.asc").as_bytes(), corpus_now()).unwrap()
}

#[test]
fn a_sealed_report_opens_to_a_letter_with_its_text_and_json_for_the_demo_key() {
    let policy = demo::policy();
    let report = complete_report();
    let armored = seal_armored(&policy, &report, &[demo_key()]);
    assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"));
    assert!(
        !armored.contains("Stored XSS"),
        "ciphertext must not carry plaintext"
    );
    let letter = assert_letter_holds(
        &open(armored.as_bytes(), "demo-recipient.secret.asc"),
        &policy,
        &report,
    );
    assert_eq!(
        letter.subject,
        "Security report: Stored XSS in the comment preview — «ünïcödé» 漏洞"
    );
    assert_eq!(letter.json["version"], 1);
    assert_eq!(letter.json["project"]["name"], policy.project.name.as_str());
    assert_eq!(letter.json["created"], "2026-11-23T00:00:00Z");
}

#[test]
fn a_sealed_report_opens_for_an_rsa_3072_key() {
    let policy = demo::policy();
    let report = complete_report();
    let armored = seal_armored(&policy, &report, &[rsa_key()]);
    assert_letter_holds(
        &open(armored.as_bytes(), "rsa3072.secret.asc"),
        &policy,
        &report,
    );
}

#[test]
fn attachments_arrive_byte_for_byte_with_names_types_and_digests() {
    let policy = demo::policy();
    let report = complete_report();
    let binary: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let attachments = [
        Attachment::new("poc.py", "text/x-python", b"print('pwned')\n".to_vec()),
        Attachment::new("crash dump ünï.bin", "", binary.clone()),
    ];
    let sealed = seal_report(
        &policy,
        &report,
        &attachments,
        &[demo_key()],
        Encoding::Binary,
        corpus_now(),
        thread_rng(),
    )
    .unwrap();
    assert!(
        !sealed.message.starts_with(b"-----BEGIN"),
        "binary encoding asked for"
    );
    let letter = assert_letter_holds(
        &open(&sealed.message, "demo-recipient.secret.asc"),
        &policy,
        &report,
    );
    assert_eq!(
        letter.attachments,
        vec![
            (
                "poc.py".to_owned(),
                "text/x-python".to_owned(),
                b"print('pwned')\n".to_vec()
            ),
            (
                "crash dump ünï.bin".to_owned(),
                "application/octet-stream".to_owned(),
                binary
            ),
        ]
    );
    let listed = letter.json["attachments"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[1]["size"], 70_000);
    use sha2::{Digest, Sha256};
    let digest: String = Sha256::digest(b"print('pwned')\n")
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(listed[0]["sha256"], digest.as_str());
    assert!(letter
        .text
        .contains("- poc.py (text/x-python, 15 bytes, SHA-256 "));
}

#[test]
fn each_seal_uses_a_fresh_session_key() {
    let policy = demo::policy();
    let key = demo_key();
    let a = seal_armored(&policy, &complete_report(), std::slice::from_ref(&key));
    let b = seal_armored(&policy, &complete_report(), std::slice::from_ref(&key));
    assert_ne!(a, b);
}

#[test]
fn an_incomplete_report_is_not_sealed_and_every_problem_is_named() {
    let policy = demo::policy();
    let report = Report::default().with_text("title", "Only a title");
    let result = seal_report(
        &policy,
        &report,
        &[],
        &[demo_key()],
        Encoding::Armored,
        corpus_now(),
        thread_rng(),
    );
    match result {
        Err(SealError::Incomplete(problems)) => {
            let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(
                fields,
                [
                    "vulnerability_type",
                    "affected_versions",
                    "reproduction_steps",
                    "impact"
                ]
            );
        }
        other => panic!("expected Incomplete, got {other:?}"),
    }
}

#[test]
fn one_message_opens_for_each_of_several_recipients() {
    let policy = demo::policy();
    let report = complete_report();
    let armored = seal_armored(&policy, &report, &[demo_key(), rsa_key()]);
    for secret in ["demo-recipient.secret.asc", "rsa3072.secret.asc"] {
        assert_letter_holds(&open(armored.as_bytes(), secret), &policy, &report);
    }
}

#[test]
fn v4_recipients_get_seipd_v1_with_aes_256() {
    assert_eq!(
        negotiate(&[demo_key(), rsa_key()]),
        Cipher::SeipdV1(pgp::crypto::sym::SymmetricKeyAlgorithm::AES256)
    );
}

#[test]
fn sealing_to_nobody_is_refused() {
    let err = sealpost_core::seal(b"x", &[], Encoding::Armored, thread_rng()).unwrap_err();
    assert!(matches!(err, SealError::NoRecipients));
}

#[test]
fn attachments_beyond_the_policy_limits_are_refused_naming_the_file_and_the_limit() {
    let mut policy = demo::policy();
    policy.attachments.max_files = 1;
    policy.attachments.max_file_bytes = 1024;
    let report = complete_report();
    let seal_with = |attachments: &[Attachment]| {
        seal_report(
            &policy,
            &report,
            attachments,
            &[demo_key()],
            Encoding::Armored,
            corpus_now(),
            thread_rng(),
        )
    };
    let big = [Attachment::new("dump.bin", "", vec![0; 2048])];
    match seal_with(&big) {
        Err(SealError::Attachments(message)) => {
            assert_eq!(
                message.to_string(),
                "“dump.bin” is 2 KB; this project accepts files up to 1 KB each."
            );
        }
        other => panic!("expected an attachment refusal, got {other:?}"),
    }
    let two = [
        Attachment::new("a.txt", "text/plain", vec![1]),
        Attachment::new("b.txt", "text/plain", vec![2]),
    ];
    assert!(matches!(
        seal_with(&two),
        Err(SealError::Attachments(m)) if m.to_string() == "“b.txt” was not added: this project accepts at most 1 file."
    ));
}
