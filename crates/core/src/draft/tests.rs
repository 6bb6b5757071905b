use pgp::{
    composed::{Esk, Message, MessageBuilder},
    crypto::sym::SymmetricKeyAlgorithm,
    types::{Password, SkeskVersion, StringToKey},
};
use pretty_assertions::assert_eq;
use rand::SeedableRng;

use super::*;
use crate::report::Value;

const PASSPHRASE: &str = "tulip-anchor-93";

fn rng() -> rand::rngs::StdRng {
    rand::rngs::StdRng::seed_from_u64(11)
}

fn report() -> Report {
    Report::default()
        .with_text("title", "Heap overflow in the PNG decoder")
        .with_text("impact", "Remote code execution via crafted thumbnails")
        .with("os", Value::Choices(vec!["Linux".into()]))
        .with("acknowledge_rules", Value::Checked(true))
}

fn names() -> Vec<String> {
    vec!["poc-overflow.png".into(), "asan-trace.txt".into()]
}

#[test]
fn a_draft_opens_to_exactly_what_was_saved() {
    let armored = seal_draft(&report(), &names(), PASSPHRASE, rng()).unwrap();
    let draft = open_draft(&armored, PASSPHRASE).unwrap();
    assert_eq!(
        draft,
        Draft {
            report: report(),
            attachment_names: names(),
        }
    );
}

#[test]
fn the_stored_text_is_an_openpgp_message_with_an_argon2_key_and_no_plaintext() {
    let armored = seal_draft(&report(), &names(), PASSPHRASE, rng()).unwrap();
    assert!(
        armored.starts_with("-----BEGIN PGP MESSAGE-----"),
        "{armored}"
    );
    assert!(armored.trim_end().ends_with("-----END PGP MESSAGE-----"));
    for secret in [
        "Heap overflow",
        "PNG",
        "Remote code execution",
        "poc-overflow",
        "asan-trace",
        "title",
        "impact",
        "Linux",
        "sealpost-draft",
    ] {
        assert!(!armored.contains(secret), "{secret:?} is readable");
    }
    // Nor in the packets under the armor.
    let (message, _) = Message::from_string(&armored).unwrap();
    let Message::Encrypted { esk, .. } = &message else {
        panic!("not encrypted");
    };
    let [Esk::SymKeyEncryptedSessionKey(skesk)] = esk.as_slice() else {
        panic!("expected one passphrase-encrypted session key: {esk:?}");
    };
    assert_eq!(skesk.version(), SkeskVersion::V6);
    assert!(matches!(
        skesk.s2k(),
        Some(StringToKey::Argon2 {
            t: 3,
            p: 4,
            m_enc: 16,
            ..
        })
    ));
    let mut binary = Vec::new();
    std::io::Read::read_to_end(
        &mut pgp::armor::Dearmor::new(armored.as_bytes()),
        &mut binary,
    )
    .unwrap();
    assert!(binary.len() > 100);
    for secret in [&b"Heap overflow"[..], b"poc-overflow", b"sealpost-draft"] {
        assert!(!binary.windows(secret.len()).any(|w| w == secret));
    }
}

#[test]
fn a_wrong_passphrase_says_so_and_the_draft_still_opens_with_the_right_one() {
    let armored = seal_draft(&report(), &[], PASSPHRASE, rng()).unwrap();
    assert_eq!(
        open_draft(&armored, "tulip-anchor-94"),
        Err(DraftError::WrongPassphrase)
    );
    let message = DraftError::WrongPassphrase.to_string();
    assert!(message.contains("Nothing was lost"), "{message}");
    assert_eq!(open_draft(&armored, PASSPHRASE).unwrap().report, report());
}

#[test]
fn short_passphrases_are_refused_counting_characters_not_bytes() {
    assert_eq!(
        seal_draft(&report(), &[], "1234567", rng()),
        Err(DraftError::PassphraseTooShort { min: 8 })
    );
    // Eight characters, more bytes.
    let armored = seal_draft(&report(), &[], "ééééééé!", rng()).unwrap();
    assert!(open_draft(&armored, "ééééééé!").is_ok());
}

#[test]
fn anything_else_is_a_damaged_draft_not_a_wrong_passphrase() {
    for text in [
        "",
        "hello",
        "-----BEGIN PGP MESSAGE-----\n\nAAAA\n-----END PGP MESSAGE-----\n",
    ] {
        assert!(
            matches!(open_draft(text, PASSPHRASE), Err(DraftError::Damaged(_))),
            "{text:?}"
        );
    }
    // Encrypted with a cheap, iterated S2K: not what sealpost writes.
    let mut builder = MessageBuilder::from_bytes("", b"{}".to_vec())
        .seipd_v1(rng(), SymmetricKeyAlgorithm::AES256);
    builder
        .encrypt_with_password(StringToKey::new_default(rng()), &Password::from(PASSPHRASE))
        .unwrap();
    let legacy = builder
        .to_armored_string(rng(), Default::default())
        .unwrap();
    assert_eq!(
        open_draft(&legacy, PASSPHRASE),
        Err(DraftError::Damaged("not a sealpost draft".into()))
    );
}

#[test]
fn a_draft_asking_for_more_argon2_work_than_allowed_is_refused_before_deriving() {
    let mut builder = MessageBuilder::from_bytes("", b"{}".to_vec()).seipd_v2(
        rng(),
        SymmetricKeyAlgorithm::AES256,
        pgp::crypto::aead::AeadAlgorithm::Ocb,
        Default::default(),
    );
    // Eleven passes over 8 KiB: cheap to make here, but over the limit on passes.
    builder
        .encrypt_with_password(
            rng(),
            StringToKey::new_argon2(rng(), 11, 1, 3),
            &Password::from(PASSPHRASE),
        )
        .unwrap();
    let greedy = builder
        .to_armored_string(rng(), Default::default())
        .unwrap();
    assert_eq!(
        open_draft(&greedy, PASSPHRASE),
        Err(DraftError::Damaged("not a sealpost draft".into()))
    );
}

#[test]
fn storage_keys_are_per_project_and_do_not_name_it() {
    let key = storage_key("Widgets");
    assert!(key.starts_with("sealpost-draft:"), "{key}");
    assert_eq!(key.len(), "sealpost-draft:".len() + 16);
    assert!(!key.contains("Widgets"));
    assert_eq!(key, storage_key("Widgets"));
    assert_ne!(key, storage_key("Gadgets"));
}
