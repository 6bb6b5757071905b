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

/// Keys made for this repository (`tests/fixtures/keys/`, see its MANIFEST and generate.sh).
fn fixture_key(name: &str) -> Result<RecipientKey, KeyError> {
    accept(&format!("keys/{name}.public.asc"))
}

#[test]
fn every_supported_algorithm_is_accepted_and_named() {
    let cases = [
        (
            "cv25519",
            "ECDH Curve25519 (legacy)",
            4,
            "BCC369AB7BA1153892685E8CC48531FA135CDD70",
        ),
        (
            "nistp256",
            "ECDH NIST P-256",
            4,
            "86A469CE96C986D4BBABDE07C0ECEF6F89CCA0E9",
        ),
        (
            "nistp384",
            "ECDH NIST P-384",
            4,
            "B7A18F3934D6F76F7B02DCFD1DCEEE869A69FE46",
        ),
        (
            "nistp521",
            "ECDH NIST P-521",
            4,
            "0027B4409883CDEF53C1A4FF74D74164E53387A2",
        ),
        (
            "rsa2048",
            "RSA 2048",
            4,
            "01C0E04B670850EE7D32DBFF183119598E27327D",
        ),
        (
            "rsa4096",
            "RSA 4096",
            4,
            "6F34904C9AFA42E8EEC6F83DA806F41F61529431",
        ),
        (
            "v6-x25519",
            "X25519",
            6,
            "06E9DCEFFC77885DBD1CE9386610F59778AB019884BAE7C23A10C02E5AE8652F",
        ),
        (
            "v6-x448",
            "X448",
            6,
            "9E7735DF07FD6070C4D7037011DFAF182BD8C3CA2A42DA9069A0121CD6DEB357",
        ),
    ];
    for (name, algorithm, version, subkey) in cases {
        let key = fixture_key(name).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(key.algorithm(), algorithm, "{name}");
        assert_eq!(key.version(), version, "{name}");
        assert_eq!(key.encryption_fingerprint(), subkey, "{name}");
        assert_eq!(key.expires(), None, "{name}");
        assert_eq!(
            key.supports_seipd_v2(),
            version == 6,
            "{name}: AEAD support"
        );
    }
}

#[test]
fn the_newest_of_two_encryption_subkeys_is_chosen() {
    let key = fixture_key("two-encryption-subkeys").unwrap();
    assert_eq!(
        key.encryption_fingerprint(),
        "CF61F7AD91D139BE3DEB414CD9DAE7E58DC7EA5B"
    );
}

/// Each refusal: (fixture, code, words the message must contain).
#[test]
fn each_unusable_key_is_refused_with_its_own_reason() {
    let cases = [
        (
            "rsa1024",
            "weak-rsa",
            vec!["RSA with 1024 bits", "2048-bit minimum", "5AFA 889A"],
        ),
        (
            "dsa-elgamal",
            "legacy-algorithm",
            vec!["DSA 2048", "legacy"],
        ),
        (
            "brainpool",
            "unsupported-algorithm",
            vec!["brainpoolP256r1", "cannot compute"],
        ),
        (
            "revoked",
            "revoked",
            vec!["revoked by its owner", "B48C 8F7D"],
        ),
        (
            "revoked-subkey",
            "encryption-subkey-revoked",
            vec!["772368F9A409DFCE", "revoked"],
        ),
        ("expired", "expired", vec!["expired on 2020-12-31"]),
        (
            "expired-subkey",
            "encryption-subkey-expired",
            vec!["1DA84A7D1F0317E3", "expired on 2020-12-31"],
        ),
        (
            "no-encryption",
            "no-encryption-key",
            vec!["no key marked for encryption"],
        ),
    ];
    for (name, code, words) in cases {
        let err = fixture_key(name).expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        let message = err.to_string();
        for word in words {
            assert!(message.contains(word), "{name}: {message:?} lacks {word:?}");
        }
    }
}

#[test]
fn a_file_with_two_certificates_yields_both_verdicts_but_is_not_one_key() {
    let input = fixture("keys/multi.public.asc");
    let verdicts = RecipientKey::accept_all(&input, corpus_now()).unwrap();
    let fingerprints: Vec<_> = verdicts
        .iter()
        .map(|v| v.as_ref().unwrap().fingerprint().to_owned())
        .collect();
    assert_eq!(
        fingerprints,
        [
            "FD6D5BBA7B49D09A8A484B025FE4B53EE9242BEA",
            "1BCE52FDCD1F4D72C4E90929F995C45278D2BB93"
        ]
    );
    assert_eq!(
        RecipientKey::accept(&input, corpus_now()).unwrap_err(),
        KeyError::SeveralCertificates { count: 2 }
    );
}

#[test]
fn binary_keys_are_read_like_armored_ones() {
    let armored = fixture_text("keys/nistp256.public.asc");
    let (cert, _) =
        <pgp::composed::SignedPublicKey as pgp::composed::Deserializable>::from_string(&armored)
            .unwrap();
    let binary = pgp::ser::Serialize::to_bytes(&cert).unwrap();
    let key = RecipientKey::accept(&binary, corpus_now()).unwrap();
    assert_eq!(
        key.fingerprint(),
        "60DD0CFE1FE1FE7D7C1730A21FB7AD55168A7BA5"
    );
}

#[test]
fn a_secret_key_in_binary_form_is_refused_too() {
    let armored = fixture_text("keys/cv25519.secret.asc");
    let (secret, _) =
        <pgp::composed::SignedSecretKey as pgp::composed::Deserializable>::from_string(&armored)
            .unwrap();
    let binary = pgp::ser::Serialize::to_bytes(&secret).unwrap();
    assert_eq!(
        RecipientKey::accept(&binary, corpus_now()).unwrap_err(),
        KeyError::SecretKey
    );
}

/// Every real key in the corpus, with the verdict its MANIFEST gives (clock 2026-11-23): the
/// encryption subkey chosen, or the refusal code.
#[test]
fn every_corpus_key_gets_the_verdict_the_manifest_expects() {
    let cases: [(&str, Result<&str, &str>); 11] = [
        ("actualsecurity-placeholder-not-a-key.txt", Err("not-a-key")),
        (
            "core-lightning-cdecker.asc",
            Ok("56B76311EF74B0DD136C562F195ECA6C6C0BA91D"),
        ),
        (
            "core-lightning-rustyrussell.asc",
            Ok("92E92919E12DFE5E69A5813717D5867B7E499676"),
        ),
        ("ethereum-security-from-SECURITY-md.asc", Err("expired")),
        ("grin-lehnberg.asc", Err("encryption-subkey-expired")),
        (
            "libomemo-js-maintainer.asc",
            Ok("39A7402C50B7515962F792DE4DAF06EFBE69FFDB"),
        ),
        (
            "monetr-security.asc",
            Ok("DACC0BF490694C005AB7CFB9F2BBB1889F5C064B"),
        ),
        (
            "qubes-security-team.asc",
            Ok("73471302917A6769C7D622754F75939930498E2A"),
        ),
        (
            "ruby-security-team.asc",
            Ok("37095C0C1234D82B68593AFABF8640DCF2A6EBB3"),
        ),
        (
            "rust-security-team.asc",
            Ok("643C00B74E768F0D029A62C9ACBCF3774AC2899E"),
        ),
        (
            "shelltrail-security.asc",
            Ok("66414AC87459342DB195C32E6155347212A27818"),
        ),
    ];
    for (file, expected) in cases {
        let verdict = accept(&format!("corpus/{file}"));
        match (expected, verdict) {
            (Ok(subkey), Ok(key)) => assert_eq!(key.encryption_fingerprint(), subkey, "{file}"),
            (Err(code), Err(err)) => assert_eq!(err.code(), code, "{file}: {err}"),
            (expected, verdict) => panic!("{file}: expected {expected:?}, got {verdict:?}"),
        }
    }
}
