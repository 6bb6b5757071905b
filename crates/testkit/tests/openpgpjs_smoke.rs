//! The OpenPGP.js harness itself, checked against gpg: what one encrypts, the other decrypts.
//! Needs node and tools/openpgpjs/node_modules (`cargo xtask setup`).

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_testkit::{gpg::Gpg, openpgpjs};

/// Bytes that are not UTF-8 and include every byte value, so nothing may be treated as text.
fn binary_plaintext(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 256) as u8).collect()
}

#[test]
fn what_openpgpjs_encrypts_openpgpjs_and_gpg_decrypt() {
    for (key, len) in [("cv25519", 100), ("nistp256", 100), ("rsa2048", 256 * 1024)] {
        let plaintext = binary_plaintext(len);
        let armored = openpgpjs::encrypt(&format!("keys/{key}.public.asc"), &plaintext);
        assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"), "{key}");

        let secret = format!("keys/{key}.secret.asc");
        let opened = openpgpjs::decrypt(&secret, armored.as_bytes());
        assert_eq!(opened.data, plaintext, "{key}: OpenPGP.js");
        assert!(
            !opened.aead,
            "{key}: a gpg-made v4 key advertises SEIPD v1 only"
        );
        assert_eq!(opened.session_key_algorithm.as_deref(), Some("aes256"));
        assert_eq!(opened.aead_algorithm, None);

        let gpg = Gpg::with_secret_key(&secret);
        assert_eq!(
            gpg.decrypt_bytes(armored.as_bytes()),
            plaintext,
            "{key}: gpg"
        );
    }
}

#[test]
fn openpgpjs_decrypts_a_binary_message_from_gpg_encrypt() {
    let gpg = Gpg::with_secret_key("keys/nistp384.secret.asc");
    let plaintext = binary_plaintext(1000);
    let message = gpg.encrypt("nistp384@test.sealpost.example", &plaintext);
    assert!(
        message[0] & 0x80 != 0,
        "gpg --encrypt without --armor is binary"
    );

    let opened = openpgpjs::decrypt("keys/nistp384.secret.asc", &message);
    assert_eq!(opened.data, plaintext);
    assert!(!opened.aead, "gpg 2.2 writes SEIPD v1");
    assert!(opened.session_key_algorithm.is_some());
}

#[test]
fn the_aead_flag_reports_seipd_v2_for_v6_keys_that_advertise_it() {
    for key in ["v6-x25519", "v6-x448"] {
        let plaintext = binary_plaintext(100);
        let armored = openpgpjs::encrypt(&format!("keys/{key}.public.asc"), &plaintext);
        let opened = openpgpjs::decrypt(&format!("keys/{key}.secret.asc"), armored.as_bytes());
        assert_eq!(opened.data, plaintext, "{key}");
        assert!(opened.aead, "{key}: SEIPD v2");
        assert_eq!(opened.session_key_algorithm.as_deref(), Some("aes256"));
        assert!(opened.aead_algorithm.is_some(), "{key}");
    }
}

#[test]
fn openpgpjs_failures_come_back_with_its_reason() {
    let armored = openpgpjs::encrypt("keys/cv25519.public.asc", b"for cv25519 only");
    let err = openpgpjs::try_decrypt("keys/rsa2048.secret.asc", armored.as_bytes()).unwrap_err();
    assert!(err.contains("decrypt.mjs"), "{err}");

    let err = openpgpjs::try_encrypt("keys/rsa1024.public.asc", b"x").unwrap_err();
    assert!(err.contains("too weak"), "{err}");
}

/// OpenPGP.js's default configuration refuses each fixture sealpost must refuse, which makes
/// it a reference for sealpost's verdicts (tests/fixtures/keys/MANIFEST.md).
#[test]
fn openpgpjs_refuses_to_encrypt_to_the_fixture_keys_sealpost_refuses() {
    for key in [
        "rsa1024",
        "dsa-elgamal",
        "brainpool",
        "revoked",
        "revoked-subkey",
        "expired",
        "expired-subkey",
        "no-encryption",
    ] {
        let result = openpgpjs::try_encrypt(&format!("keys/{key}.public.asc"), b"x");
        assert!(result.is_err(), "OpenPGP.js encrypted to {key}");
    }
}
