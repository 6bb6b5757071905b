//! Seal with the project's code, open with rPGP's decryption and the fixture secret keys.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::{complete_report, corpus_now, fixture_text};
use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use pretty_assertions::assert_eq;
use rand::thread_rng;
use sealpost_core::{demo, seal::seal_report, RecipientKey, Report, SealError};

fn open(armored: &str, secret_fixture: &str) -> String {
    let (secret, _) = SignedSecretKey::from_string(&fixture_text(secret_fixture)).unwrap();
    let (message, _) = Message::from_string(armored).unwrap();
    let mut plain = message.decrypt(&Password::empty(), &secret).unwrap();
    plain.as_data_string().unwrap()
}

#[test]
fn a_sealed_report_opens_to_its_rendered_text_for_the_demo_key() {
    let policy = demo::policy();
    let key = RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap();
    let report = complete_report();
    let armored = seal_report(&policy, &report, std::slice::from_ref(&key), thread_rng()).unwrap();
    assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"));
    assert!(
        !armored.contains("Stored XSS"),
        "ciphertext must not carry plaintext"
    );
    assert_eq!(
        open(&armored, "demo-recipient.secret.asc"),
        report.render_text(&policy)
    );
}

#[test]
fn a_sealed_report_opens_for_an_rsa_3072_key() {
    let policy = demo::policy();
    let key =
        RecipientKey::accept(fixture_text("rsa3072.public.asc").as_bytes(), corpus_now()).unwrap();
    let report = complete_report();
    let armored = seal_report(&policy, &report, std::slice::from_ref(&key), thread_rng()).unwrap();
    assert_eq!(
        open(&armored, "rsa3072.secret.asc"),
        report.render_text(&policy)
    );
}

#[test]
fn each_seal_uses_a_fresh_session_key() {
    let policy = demo::policy();
    let key = RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap();
    let a = seal_report(
        &policy,
        &complete_report(),
        std::slice::from_ref(&key),
        thread_rng(),
    )
    .unwrap();
    let b = seal_report(
        &policy,
        &complete_report(),
        std::slice::from_ref(&key),
        thread_rng(),
    )
    .unwrap();
    assert_ne!(a, b);
}

#[test]
fn an_incomplete_report_is_not_sealed_and_every_problem_is_named() {
    let policy = demo::policy();
    let key = RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap();
    let report = Report::default().with_text("title", "Only a title");
    match seal_report(&policy, &report, std::slice::from_ref(&key), thread_rng()) {
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
    let demo_key = RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap();
    let rsa =
        RecipientKey::accept(fixture_text("rsa3072.public.asc").as_bytes(), corpus_now()).unwrap();
    let report = complete_report();
    let armored = seal_report(&policy, &report, &[demo_key, rsa], thread_rng()).unwrap();
    assert_eq!(
        open(&armored, "demo-recipient.secret.asc"),
        report.render_text(&policy)
    );
    assert_eq!(
        open(&armored, "rsa3072.secret.asc"),
        report.render_text(&policy)
    );
}

#[test]
fn sealing_to_nobody_is_refused() {
    let err = sealpost_core::seal(b"x", &[], thread_rng()).unwrap_err();
    assert!(matches!(err, SealError::NoRecipients));
}
