//! Interop: every ciphertext sealpost makes, for every supported algorithm, decrypts with the
//! real GnuPG 2.2 (v4 keys; it cannot read v6 keys) and with OpenPGP.js 6.3.2 run by node
//! (all keys). AEAD (SEIPD v2) is used exactly when every recipient advertises it.
//!
//! Needs `cargo xtask setup` (gpg, node and `tools/openpgpjs/node_modules`); a missing tool
//! fails the test rather than skipping it.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::{corpus_now, fixture};
use rand::thread_rng;
use sealpost_core::{seal, Encoding, RecipientKey};
use sealpost_testkit::{gpg::Gpg, openpgpjs};

const V4_KEYS: [&str; 6] = [
    "cv25519", "nistp256", "nistp384", "nistp521", "rsa2048", "rsa4096",
];
const V6_KEYS: [&str; 2] = ["v6-x25519", "v6-x448"];

fn key(name: &str) -> RecipientKey {
    RecipientKey::accept(&fixture(&format!("keys/{name}.public.asc")), corpus_now()).unwrap()
}

fn plaintext(name: &str) -> Vec<u8> {
    // Binary content with every byte value, and a length that is not a block multiple.
    let mut data = format!("report for {name} — ünïcödé\n").into_bytes();
    data.extend((0..=255u8).cycle().take(70_001));
    data
}

#[test]
fn gpg_and_openpgpjs_decrypt_what_sealpost_seals_to_every_v4_algorithm() {
    for name in V4_KEYS {
        for encoding in [Encoding::Armored, Encoding::Binary] {
            let data = plaintext(name);
            let (message, _) = seal(&data, &[key(name)], encoding, thread_rng()).unwrap();
            let secret = format!("keys/{name}.secret.asc");
            assert_eq!(
                Gpg::with_secret_key(&secret).decrypt_bytes(&message),
                data,
                "gpg, {name}, {encoding:?}"
            );
            let opened = openpgpjs::decrypt(&secret, &message);
            assert_eq!(opened.data, data, "OpenPGP.js, {name}, {encoding:?}");
            assert!(!opened.aead, "{name}: v4 keys get SEIPD v1");
        }
    }
}

#[test]
fn openpgpjs_decrypts_aead_messages_sealed_to_v6_keys() {
    for name in V6_KEYS {
        let data = plaintext(name);
        let (message, cipher) = seal(&data, &[key(name)], Encoding::Armored, thread_rng()).unwrap();
        assert!(
            matches!(cipher, sealpost_core::seal::Cipher::SeipdV2(..)),
            "{name}: {cipher:?}"
        );
        let opened = openpgpjs::decrypt(&format!("keys/{name}.secret.asc"), &message);
        assert_eq!(opened.data, data, "{name}");
        assert!(opened.aead, "{name}: SEIPD v2 expected");
    }
}

#[test]
fn a_v4_and_a_v6_recipient_share_one_seipd_v1_message_both_can_open() {
    let data = plaintext("mixed");
    let (message, cipher) = seal(
        &data,
        &[key("cv25519"), key("v6-x25519")],
        Encoding::Binary,
        thread_rng(),
    )
    .unwrap();
    assert!(matches!(cipher, sealpost_core::seal::Cipher::SeipdV1(_)));
    assert_eq!(
        Gpg::with_secret_key("keys/cv25519.secret.asc").decrypt_bytes(&message),
        data
    );
    let opened = openpgpjs::decrypt("keys/v6-x25519.secret.asc", &message);
    assert_eq!(opened.data, data);
    assert!(!opened.aead);
}

#[test]
fn a_whole_report_letter_decrypts_with_openpgpjs() {
    let policy = sealpost_core::demo::policy();
    let report = common::complete_report();
    let armored = common::seal_armored(&policy, &report, &[key("nistp384")]);
    let opened = openpgpjs::decrypt("keys/nistp384.secret.asc", armored.as_bytes());
    common::assert_letter_holds(&opened.data, &policy, &report);
}

#[test]
fn v6_recipients_get_the_strongest_aead_suite_they_all_prefer() {
    use pgp::crypto::{aead::AeadAlgorithm, sym::SymmetricKeyAlgorithm};
    use sealpost_core::seal::{negotiate, Cipher};
    // Both keys (OpenPGP.js 6, aeadProtect) list AES-256/OCB first among their AEAD suites.
    assert_eq!(
        negotiate(&[key("v6-x25519"), key("v6-x448")]),
        Cipher::SeipdV2(SymmetricKeyAlgorithm::AES256, AeadAlgorithm::Ocb)
    );
    // One v4 recipient without AEAD support takes the whole message back to SEIPD v1.
    assert_eq!(
        negotiate(&[key("v6-x25519"), key("nistp256")]),
        Cipher::SeipdV1(SymmetricKeyAlgorithm::AES256)
    );
}

#[test]
fn progress_is_reported_up_to_the_whole_letter() {
    let policy = sealpost_core::demo::policy();
    let report = common::complete_report();
    let attachment = sealpost_core::Attachment::new("big.bin", "", vec![7; 3 * 1024 * 1024]);
    let mut seen = Vec::new();
    let sealed = sealpost_core::seal::seal_report_with_progress(
        &policy,
        &report,
        vec![attachment],
        &[key("cv25519")],
        Encoding::Binary,
        corpus_now(),
        thread_rng(),
        |done, total| seen.push((done, total)),
    )
    .unwrap();
    let total = sealed.plaintext_bytes;
    assert!(seen.len() >= 4, "about one call per MiB: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert!(seen.iter().all(|&(_, t)| t == total));
    assert_eq!(seen.last().map(|&(done, _)| done), Some(total));
    let opened = Gpg::with_secret_key("keys/cv25519.secret.asc").decrypt_bytes(&sealed.message);
    assert_eq!(opened.len() as u64, total);
}
