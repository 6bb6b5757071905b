//! Key acceptance against the demo key, generated fixtures and real security-team keys from the
//! corpus (`tests/fixtures/corpus/`, copied from `shared/corpus/real-keys/`; see its MANIFEST).

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::{corpus_now, fixture, fixture_text};
use sealpost_core::{demo, KeyError, RecipientKey};

fn accept(name: &str) -> Result<RecipientKey, KeyError> {
    RecipientKey::accept(&fixture(name), corpus_now())
}

#[test]
fn the_demo_key_is_accepted_with_its_user_id_and_fingerprint() {
    let key = RecipientKey::accept(demo::recipient_key().as_bytes(), corpus_now()).unwrap();
    assert_eq!(key.fingerprint(), demo::RECIPIENT_FINGERPRINT);
    assert_eq!(
        key.fingerprint_grouped(),
        "9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE"
    );
    assert_eq!(
        key.user_id(),
        Some("sealpost demo security team <security@demo.sealpost.example>")
    );
    assert_eq!(key.expires(), None);
    assert_ne!(
        key.encryption_fingerprint(),
        key.fingerprint(),
        "the cv25519 subkey, not the ed25519 primary"
    );
}

#[test]
fn the_encryption_subkey_is_chosen_not_the_signing_or_authentication_one() {
    // Christian Decker's key: RSA primary with separate [S], [E] and [A] subkeys, ~65 signatures.
    let key = accept("corpus/core-lightning-cdecker.asc").unwrap();
    assert_eq!(
        key.encryption_fingerprint(),
        "56B76311EF74B0DD136C562F195ECA6C6C0BA91D"
    );
    assert_eq!(key.expires_date().as_deref(), Some("2027-11-25"));
}

#[test]
fn modern_and_rsa_real_keys_are_accepted() {
    let monetr = accept("corpus/monetr-security.asc").unwrap();
    assert_eq!(
        monetr.encryption_fingerprint(),
        "DACC0BF490694C005AB7CFB9F2BBB1889F5C064B"
    );
    let shelltrail = accept("corpus/shelltrail-security.asc").unwrap();
    assert_eq!(
        shelltrail.encryption_fingerprint(),
        "66414AC87459342DB195C32E6155347212A27818"
    );
}

/// Pinned behaviour: SHA-1 binding signatures are accepted, as by GnuPG 2.2 and OpenPGP.js 6
/// (Sequoia refuses them). See the `key` module docs for why.
#[test]
fn sha1_bound_security_team_keys_are_accepted() {
    let rust = accept("corpus/rust-security-team.asc").unwrap();
    assert_eq!(
        rust.encryption_fingerprint(),
        "643C00B74E768F0D029A62C9ACBCF3774AC2899E"
    );
    let ruby = accept("corpus/ruby-security-team.asc").unwrap();
    assert_eq!(
        ruby.encryption_fingerprint(),
        "37095C0C1234D82B68593AFABF8640DCF2A6EBB3"
    );
}

#[test]
fn an_expired_key_is_refused_naming_the_date() {
    let err = accept("corpus/ethereum-security-from-SECURITY-md.asc").unwrap_err();
    assert!(
        matches!(&err, KeyError::Expired { on, .. } if on == "2026-02-22"),
        "{err:?}"
    );
    assert!(err.to_string().contains("expired on 2026-02-22"), "{err}");
}

#[test]
fn a_key_whose_only_encryption_subkey_expired_is_refused_saying_so() {
    let err = accept("corpus/grin-lehnberg.asc").unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, KeyError::NoEncryptionKey { .. }), "{err:?}");
    assert!(message.contains("expired on 2021-12-01"), "{message}");
}

#[test]
fn a_placeholder_text_is_not_a_key_and_the_message_says_what_was_found() {
    let err = accept("corpus/actualsecurity-placeholder-not-a-key.txt").unwrap_err();
    assert!(matches!(err, KeyError::NotAKey { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("This is not an OpenPGP key: found text starting “"),
        "{err}"
    );
}

#[test]
fn a_secret_key_is_refused() {
    let err = accept("demo-recipient.secret.asc").unwrap_err();
    assert_eq!(err, KeyError::SecretKey);
}

#[test]
fn armor_inside_surrounding_prose_is_found() {
    let text = format!(
        "Please encrypt to our key:\n\n{}\nThanks!\n",
        fixture_text("rsa3072.public.asc")
    );
    let key = RecipientKey::accept(text.as_bytes(), corpus_now()).unwrap();
    assert_eq!(
        key.fingerprint(),
        "BF815803F7C6A215362F32EF340905CAC6150FE3"
    );
}

#[test]
fn hostile_inputs_are_refused_without_panicking() {
    let armored = fixture_text("rsa3072.public.asc");
    let truncated = &armored[..armored.len() / 2];
    let cases: Vec<Vec<u8>> = vec![
        vec![],
        b"   \n\n".to_vec(),
        vec![0xff; 64],
        vec![0x99, 0x01],
        truncated.as_bytes().to_vec(),
        b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!\n-----END PGP PUBLIC KEY BLOCK-----\n"
            .to_vec(),
        b"-----BEGIN PGP MESSAGE-----\n\nhQEMA\n-----END PGP MESSAGE-----\n".to_vec(),
        vec![0xc3, 0x28, 0xa0, 0xa1],
    ];
    for input in cases {
        assert!(
            RecipientKey::accept(&input, corpus_now()).is_err(),
            "{input:?}"
        );
    }
}
