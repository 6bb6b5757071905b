//! Messages made here with rPGP and password encryption (no key needed), plus hand-built
//! packets for the malformed cases. Real gpg output is covered by the integration tests.

#![allow(clippy::unwrap_used)]

use pgp::{
    composed::{ArmorOptions, MessageBuilder},
    crypto::{
        aead::{AeadAlgorithm, ChunkSize},
        hash::HashAlgorithm,
        sym::SymmetricKeyAlgorithm,
    },
    types::StringToKey,
};

use super::*;

const PLAINTEXT: &[u8] = b"the widget parser overflows on long names";

fn seipd_v1() -> Vec<u8> {
    let mut rng = rand::thread_rng();
    let mut builder =
        MessageBuilder::from_bytes("", PLAINTEXT).seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
    let s2k = StringToKey::new_iterated(&mut rng, HashAlgorithm::Sha256, 96);
    builder.encrypt_with_password(s2k, &"pw".into()).unwrap();
    builder.to_vec(&mut rng).unwrap()
}

fn seipd_v2() -> Vec<u8> {
    let mut rng = rand::thread_rng();
    let mut builder = MessageBuilder::from_bytes("", PLAINTEXT).seipd_v2(
        &mut rng,
        SymmetricKeyAlgorithm::AES256,
        AeadAlgorithm::Ocb,
        ChunkSize::default(),
    );
    let s2k = StringToKey::new_iterated(&mut rng, HashAlgorithm::Sha256, 96);
    builder
        .encrypt_with_password(&mut rng, s2k, &"pw".into())
        .unwrap();
    builder.to_vec(&mut rng).unwrap()
}

fn armored_v1() -> String {
    let mut rng = rand::thread_rng();
    let mut builder =
        MessageBuilder::from_bytes("", PLAINTEXT).seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES128);
    let s2k = StringToKey::new_iterated(&mut rng, HashAlgorithm::Sha256, 96);
    builder.encrypt_with_password(s2k, &"pw".into()).unwrap();
    builder
        .to_armored_string(&mut rng, ArmorOptions::default())
        .unwrap()
}

/// The first packet of a gpg-style message: a SKESK with a one-octet new-format length.
fn first_packet(message: &[u8]) -> Vec<u8> {
    assert_eq!(message[0], 0xC3, "expected a new-format SKESK first");
    message[..2 + usize::from(message[1])].to_vec()
}

const MARKER: &[u8] = &[0xCA, 3, b'P', b'G', b'P'];

#[test]
fn seipd_v1_and_v2_are_accepted_in_binary_and_armor() {
    assert_eq!(inspect(&seipd_v1()), Ok(Encoding::Binary));
    assert_eq!(inspect(&seipd_v2()), Ok(Encoding::Binary));
    assert_eq!(inspect(armored_v1().as_bytes()), Ok(Encoding::Armored));
}

#[test]
fn whitespace_around_the_armor_is_fine() {
    let padded = format!("\r\n  {}\n\n", armored_v1());
    assert_eq!(inspect(padded.as_bytes()), Ok(Encoding::Armored));
}

#[test]
fn marker_packets_are_allowed_anywhere() {
    let message = seipd_v1();
    let mut with_markers = MARKER.to_vec();
    with_markers.extend_from_slice(&message);
    with_markers.extend_from_slice(MARKER);
    assert_eq!(inspect(&with_markers), Ok(Encoding::Binary));
}

#[test]
fn an_unencrypted_openpgp_message_is_plaintext() {
    let literal = MessageBuilder::from_bytes("", PLAINTEXT)
        .to_vec(rand::thread_rng())
        .unwrap();
    assert_eq!(
        inspect(&literal),
        Err(Refusal::NotEncrypted("literal data"))
    );
    let armored = MessageBuilder::from_bytes("", PLAINTEXT)
        .to_armored_string(rand::thread_rng(), ArmorOptions::default())
        .unwrap();
    let err = inspect(armored.as_bytes()).unwrap_err();
    assert!(
        err.to_string().starts_with("plaintext is not accepted"),
        "{err}"
    );
}

#[test]
fn plain_text_and_empty_bodies_are_refused() {
    assert_eq!(inspect(b""), Err(Refusal::Empty));
    assert_eq!(inspect(b" \n\t"), Err(Refusal::Empty));
    assert_eq!(inspect(PLAINTEXT), Err(Refusal::PlainText));
    assert!(matches!(
        inspect(&[0x00, 0xFF, 0x12]),
        Err(Refusal::Malformed(_))
    ));
}

#[test]
fn text_before_or_after_the_armor_is_refused() {
    let armored = armored_v1();
    let before = format!("My report:\n{armored}");
    assert_eq!(inspect(before.as_bytes()), Err(Refusal::TextAroundArmor));
    let after = format!("{armored}\nThe bug is in parse_name().\n");
    assert_eq!(inspect(after.as_bytes()), Err(Refusal::TextAroundArmor));
    let twice = format!("{armored}{armored}");
    assert_eq!(inspect(twice.as_bytes()), Err(Refusal::TextAroundArmor));
}

#[test]
fn other_armored_blocks_say_what_they_are() {
    let key = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n";
    assert_eq!(
        inspect(key.as_bytes()),
        Err(Refusal::WrongArmor("a public key"))
    );
    let signed = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nhello\n";
    assert_eq!(
        inspect(signed.as_bytes()),
        Err(Refusal::NotEncrypted("cleartext-signed text"))
    );
}

#[test]
fn a_cut_short_message_is_refused() {
    let message = seipd_v1();
    let cut = &message[..message.len() - 10];
    let err = inspect(cut).unwrap_err();
    assert!(matches!(err, Refusal::Malformed(_)), "{err:?}");
}

#[test]
fn encrypted_data_needs_a_session_key_before_it() {
    assert_eq!(
        inspect(&[0xD2, 3, 1, 0xAA, 0xBB]),
        Err(Refusal::NoSessionKey)
    );
    let skesk = first_packet(&seipd_v1());
    assert_eq!(inspect(&skesk), Err(Refusal::NoEncryptedData));
}

#[test]
fn only_seipd_versions_1_and_2_are_accepted() {
    let mut message = first_packet(&seipd_v1());
    message.extend_from_slice(&[0xD2, 3, 9, 0, 0]);
    assert_eq!(inspect(&message), Err(Refusal::UnknownSeipdVersion(9)));
}

#[test]
fn encryption_without_integrity_protection_is_refused() {
    let mut message = first_packet(&seipd_v1());
    message.extend_from_slice(&[0xC9, 3, 0, 0, 0]);
    assert_eq!(inspect(&message), Err(Refusal::UnprotectedEncryption));
}

#[test]
fn nothing_may_follow_the_encrypted_data() {
    let message = seipd_v1();
    let mut two = message.clone();
    two.extend_from_slice(&message);
    assert!(matches!(inspect(&two), Err(Refusal::AfterEncryptedData(_))));
    let mut trailing = message;
    trailing.push(0x01);
    assert!(matches!(inspect(&trailing), Err(Refusal::Malformed(_))));
}

#[test]
fn unknown_packet_types_are_named_by_number() {
    // New-format header, tag 0 (reserved).
    let err = inspect(&[0xC0, 1, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not an OpenPGP message: the data does not start with a known OpenPGP packet \
         (packet of unknown type 0)"
    );
}
