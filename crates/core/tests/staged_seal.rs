//! Staged sealing (`sealpost_core::seal::stage`): the bulk AES-CFB computed from a CBC
//! encryption outside rPGP, as the sealing worker does with WebCrypto. Here the CBC comes from
//! the `aes` crate; the messages are decrypted by the real `gpg` and by rPGP.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use aes::cipher::{BlockEncrypt, KeyInit};
use common::{complete_report, corpus_now, fixture_text};
use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use rand::RngCore;
use sealpost_core::{
    demo,
    seal::{stage, staged_cipher, CfbStage, HEADROOM},
    Encoding, RecipientKey,
};
use sealpost_testkit::gpg::Gpg;

/// One AES block encryption, in place.
type EncryptBlock = Box<dyn Fn(&mut [u8; 16])>;

/// AES-CBC with no padding (a final partial block is dropped: CFB never needs its output).
fn cbc(key: &[u8], iv: &[u8; 16], data: &[u8]) -> Vec<u8> {
    let encrypt_block: EncryptBlock = match key.len() {
        16 => {
            let aes = aes::Aes128::new_from_slice(key).unwrap();
            Box::new(move |block| aes.encrypt_block(block.into()))
        }
        24 => {
            let aes = aes::Aes192::new_from_slice(key).unwrap();
            Box::new(move |block| aes.encrypt_block(block.into()))
        }
        _ => {
            let aes = aes::Aes256::new_from_slice(key).unwrap();
            Box::new(move |block| aes.encrypt_block(block.into()))
        }
    };
    let mut previous = *iv;
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks_exact(16) {
        for (state, byte) in previous.iter_mut().zip(chunk) {
            *state ^= byte;
        }
        encrypt_block(&mut previous);
        out.extend_from_slice(&previous);
    }
    out
}

/// AES(0): the CBC of one zero block under a zero IV.
fn first_block(stage: &CfbStage) -> [u8; 16] {
    cbc(stage.session_key(), &[0; 16], &[0; 16])
        .try_into()
        .unwrap()
}

/// Finishes `stage` in one step: AES(0), then CBC of the whole plaintext under it.
fn finish_with_software_aes(mut stage: CfbStage) -> Vec<u8> {
    let first = first_block(&stage);
    let key = stage.session_key().to_vec();
    let rest = cbc(&key, &first, stage.plaintext());
    stage.finish(&first, &rest).unwrap()
}

/// Finishes `stage` as the worker does: CBC a chunk of at most `chunk` bytes at a time.
fn finish_in_chunks(mut stage: CfbStage, chunk: usize) -> Vec<u8> {
    stage.begin_cbc(first_block(&stage)).unwrap();
    let mut steps = 0;
    while let Some(step) = stage.next_cbc(chunk) {
        assert!(step.range.len() <= chunk.max(16), "{step:?}");
        let output = cbc(stage.session_key(), &step.iv, stage.cbc_input(&step));
        stage.take_cbc(&step, &output).unwrap();
        steps += 1;
    }
    assert_eq!(steps, stage.plaintext().len().div_ceil(chunk / 16 * 16));
    stage.into_message().unwrap()
}

/// Stages `plaintext`, binary, to `key` (one that takes SEIPD v1 with AES).
fn stage_binary(plaintext: Vec<u8>, key: RecipientKey) -> CfbStage {
    stage(plaintext, &[key], Encoding::Binary, rand::thread_rng())
        .unwrap()
        .expect("the key takes SEIPD v1 with AES")
}

/// `plaintext` staged to the demo key, which takes SEIPD v1 with AES.
fn stage_to_demo_key(plaintext: Vec<u8>, encoding: Encoding) -> CfbStage {
    let key = accept(&demo::recipient_key());
    stage(plaintext, &[key], encoding, rand::thread_rng())
        .unwrap()
        .expect("the demo key takes SEIPD v1 with AES")
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes
}

fn accept(public: &str) -> RecipientKey {
    RecipientKey::accept(public.as_bytes(), corpus_now()).unwrap()
}

fn rpgp_decrypt(message: &[u8], secret_fixture: &str) -> Vec<u8> {
    let (secret, _) = SignedSecretKey::from_string(&fixture_text(secret_fixture)).unwrap();
    let message = match std::str::from_utf8(message) {
        Ok(text) if text.starts_with("-----BEGIN") => Message::from_string(text).unwrap().0,
        _ => Message::from_bytes(message).unwrap(),
    };
    let mut plain = message.decrypt(&Password::empty(), &secret).unwrap();
    plain.as_data_vec().unwrap()
}

#[test]
fn gpg_and_rpgp_decrypt_staged_messages_of_every_length_around_a_block() {
    let gpg = Gpg::with_secret_key("demo-recipient.secret.asc");
    // Lengths that end the CFB plaintext on and beside a block boundary.
    for len in [0, 1, 15, 16, 17, 100, 4096, 100_003] {
        let plaintext = random_bytes(len);
        let staged = stage_to_demo_key(plaintext.clone(), Encoding::Binary);
        let message = finish_with_software_aes(staged);
        assert_eq!(gpg.decrypt_bytes(&message), plaintext, "{len} bytes, gpg");
        assert_eq!(
            rpgp_decrypt(&message, "demo-recipient.secret.asc"),
            plaintext,
            "{len} bytes, rPGP"
        );
    }
}

#[test]
fn a_staged_armored_message_to_two_keys_opens_with_either() {
    let keys = [
        accept(&demo::recipient_key()),
        accept(&fixture_text("rsa3072.public.asc")),
    ];
    let plaintext = b"sealed in two stages".to_vec();
    let staged = stage(
        plaintext.clone(),
        &keys,
        Encoding::Armored,
        rand::thread_rng(),
    )
    .unwrap()
    .unwrap();
    let message = finish_with_software_aes(staged);
    let text = String::from_utf8(message.clone()).unwrap();
    assert!(text.starts_with("-----BEGIN PGP MESSAGE-----"), "{text}");
    for secret in ["demo-recipient.secret.asc", "rsa3072.secret.asc"] {
        assert_eq!(
            Gpg::with_secret_key(secret).decrypt_bytes(&message),
            plaintext,
            "{secret}"
        );
        assert_eq!(rpgp_decrypt(&message, secret), plaintext, "{secret}");
    }
}

#[test]
fn every_aes_key_size_is_staged_as_negotiated() {
    // Keys generated by gpg list AES256, AES192 and AES128; each size goes through the same
    // CBC trick, so each must decrypt.
    for (public, secret) in [
        ("keys/nistp384.public.asc", "keys/nistp384.secret.asc"),
        ("keys/rsa2048.public.asc", "keys/rsa2048.secret.asc"),
    ] {
        let key = accept(&fixture_text(public));
        let sym = staged_cipher(std::slice::from_ref(&key)).expect("SEIPD v1 with AES");
        let plaintext = random_bytes(5000);
        let staged = stage_binary(plaintext.clone(), key);
        assert_eq!(staged.session_key().len(), sym.key_size());
        let message = finish_with_software_aes(staged);
        assert_eq!(rpgp_decrypt(&message, secret), plaintext, "{public}");
        assert_eq!(
            Gpg::with_secret_key(secret).decrypt_bytes(&message),
            plaintext,
            "{public}"
        );
    }
}

#[test]
fn seipd_v2_recipients_and_a_short_cbc_output_are_not_staged() {
    let v6 = accept(&fixture_text("keys/v6-x25519.public.asc"));
    assert!(staged_cipher(std::slice::from_ref(&v6)).is_none());
    assert!(
        stage(vec![1, 2, 3], &[v6], Encoding::Binary, rand::thread_rng())
            .unwrap()
            .is_none()
    );

    let staged = stage_to_demo_key(random_bytes(1000), Encoding::Binary);
    let err = staged.finish(&[0; 16], &[0; 32]).unwrap_err();
    assert!(err.to_string().contains("short of"), "{err}");
}

#[test]
fn without_webcrypto_rpgps_own_cfb_finishes_the_same_stage() {
    let gpg = Gpg::with_secret_key("demo-recipient.secret.asc");
    let plaintext = random_bytes(70_001);
    let staged = stage_to_demo_key(plaintext.clone(), Encoding::Armored);
    let message = staged.finish_in_software().unwrap();
    assert_eq!(gpg.decrypt_bytes(&message), plaintext);
}

#[test]
fn chunked_cbc_gives_the_same_message_whatever_the_chunk_size() {
    let gpg = Gpg::with_secret_key("demo-recipient.secret.asc");
    // Chunks of one block, a few, not a multiple of a block (rounded down), and bigger than
    // the message; messages that end on and beside a block boundary.
    for (len, chunk) in [
        (0, 16),
        (1, 16),
        (100, 16),
        (100, 48),
        (4093, 100),
        (65_536, 4096),
        (70_001, 1 << 20),
    ] {
        let plaintext = random_bytes(len);
        let staged = stage_to_demo_key(plaintext.clone(), Encoding::Binary);
        let message = finish_in_chunks(staged, chunk);
        assert_eq!(
            gpg.decrypt_bytes(&message),
            plaintext,
            "{len} in {chunk}s, gpg"
        );
        assert_eq!(
            rpgp_decrypt(&message, "demo-recipient.secret.asc"),
            plaintext,
            "{len} in {chunk}s, rPGP"
        );
    }
}

#[test]
fn software_aes_resumes_where_chunked_cbc_stopped() {
    // WebCrypto failing part way: the bytes it encrypted stay, rPGP's CFB does the rest.
    let gpg = Gpg::with_secret_key("demo-recipient.secret.asc");
    for steps_before_failing in [0, 1, 3] {
        let plaintext = random_bytes(10_000);
        let mut staged = stage_to_demo_key(plaintext.clone(), Encoding::Armored);
        staged.begin_cbc(first_block(&staged)).unwrap();
        for _ in 0..steps_before_failing {
            let step = staged.next_cbc(1024).unwrap();
            let output = cbc(staged.session_key(), &step.iv, staged.cbc_input(&step));
            staged.take_cbc(&step, &output).unwrap();
        }
        let message = staged.finish_in_software().unwrap();
        assert_eq!(
            gpg.decrypt_bytes(&message),
            plaintext,
            "after {steps_before_failing} steps"
        );
    }
}

#[test]
fn a_plaintext_with_headroom_becomes_the_message_without_a_copy() {
    let mut plaintext = Vec::with_capacity(1_000_000 + HEADROOM);
    plaintext.extend_from_slice(&random_bytes(1_000_000));
    let expected = plaintext.clone();
    let buffer = plaintext.as_ptr();
    let staged = stage_to_demo_key(plaintext, Encoding::Binary);
    let message = finish_in_chunks(staged, 1 << 16);
    // The same allocation: the 1 MB was moved up in place, never held twice.
    assert_eq!(message.as_ptr(), buffer);
    assert_eq!(
        rpgp_decrypt(&message, "demo-recipient.secret.asc"),
        expected
    );
}

#[test]
fn a_stage_gives_no_message_until_every_byte_is_encrypted() {
    let mut staged = stage_to_demo_key(random_bytes(1000), Encoding::Binary);
    // Before the CBC has begun there is no work to hand out.
    assert!(staged.next_cbc(64).is_none());
    staged.begin_cbc(first_block(&staged)).unwrap();
    assert!(staged.begin_cbc([0; 16]).is_err());
    let first = staged.next_cbc(64).unwrap();
    let output = cbc(staged.session_key(), &first.iv, staged.cbc_input(&first));
    // Short output, a step out of order, a wrong IV: refused, and nothing changes.
    let err = staged.take_cbc(&first, &output[..32]).unwrap_err();
    assert!(err.to_string().contains("short of"), "{err}");
    let mut skipped = first.clone();
    skipped.range = 64..128;
    assert!(staged.take_cbc(&skipped, &output).is_err());
    let mut wrong_iv = first.clone();
    wrong_iv.iv = [1; 16];
    assert!(staged.take_cbc(&wrong_iv, &output).is_err());
    staged.take_cbc(&first, &output).unwrap();
    // The same step twice: refused.
    assert!(staged.take_cbc(&first, &output).is_err());
    let err = staged.into_message().unwrap_err();
    assert!(err.to_string().contains("were encrypted"), "{err}");
}

#[test]
fn a_letter_with_a_large_attachment_is_sealed_in_its_own_buffer() {
    // The letter's buffer is sized for base64 lines and the packets around it, so neither
    // writing the MIME nor staging it reallocates: a large attachment is never held twice more.
    let attachment = sealpost_core::Attachment::new(
        "capture.bin",
        "application/octet-stream",
        random_bytes(3_000_001),
    );
    let letter = sealpost_core::letter::compose(
        &demo::policy(),
        &complete_report(),
        std::slice::from_ref(&attachment),
        corpus_now(),
        &mut rand::thread_rng(),
    );
    let buffer = letter.mime.as_ptr();
    assert!(
        letter.mime.capacity() - letter.mime.len() >= HEADROOM,
        "{} of {}",
        letter.mime.len(),
        letter.mime.capacity()
    );
    assert!(letter.mime.capacity() < letter.mime.len() + 2 * HEADROOM);
    let staged = stage_to_demo_key(letter.mime, Encoding::Binary);
    let message = finish_in_chunks(staged, 1 << 20);
    assert_eq!(message.as_ptr(), buffer);
}

#[test]
fn an_mdc_hashed_elsewhere_is_the_one_the_message_carries() {
    use sha1::{Digest, Sha1};
    let gpg = Gpg::with_secret_key("demo-recipient.secret.asc");
    let plaintext = random_bytes(70_001);
    // The browser's SHA-1 stands in as the sha1 crate, over exactly what the stage hands out.
    let mut staged = stage_to_demo_key(plaintext.clone(), Encoding::Binary);
    let sha1 = Sha1::digest(staged.mdc_input().unwrap());
    staged.set_mdc(&sha1).unwrap();
    assert!(staged.mdc_input().is_none());
    assert!(staged.set_mdc(&sha1).is_err(), "set twice");
    let message = finish_in_chunks(staged, 4096);
    assert_eq!(gpg.decrypt_bytes(&message), plaintext);
    assert_eq!(
        rpgp_decrypt(&message, "demo-recipient.secret.asc"),
        plaintext
    );

    // A wrong digest is carried as given (the stage does not hash again behind the caller's
    // back), and decryption then fails its integrity check.
    let mut staged = stage_to_demo_key(plaintext, Encoding::Binary);
    let mut wrong = Sha1::digest(staged.mdc_input().unwrap());
    wrong[0] ^= 1;
    staged.set_mdc(&wrong).unwrap();
    let message = finish_in_chunks(staged, 4096);
    let out = gpg.try_run(&["--decrypt"], &message);
    assert!(
        !out.status.success(),
        "gpg accepted a message with a wrong MDC"
    );
}

#[test]
fn the_mdc_cannot_be_set_once_the_encryption_has_begun() {
    let mut staged = stage_to_demo_key(random_bytes(1000), Encoding::Binary);
    assert!(staged.set_mdc(&[0; 19]).is_err(), "not 20 bytes");
    // Beginning the CBC hashes in software what no one set.
    staged.begin_cbc(first_block(&staged)).unwrap();
    assert!(staged.mdc_input().is_none());
    let err = staged.set_mdc(&[0; 20]).unwrap_err();
    assert!(
        err.to_string().contains("before the encryption begins"),
        "{err}"
    );
}

#[test]
fn the_stages_own_first_cbc_block_is_aes_of_zero_for_every_key_size() {
    // The worker begins the CBC with the stage's AES(0), not a WebCrypto call: for each AES size
    // it must be what a CBC of one zero block gives, and the message must open in gpg.
    for (key, secret) in [
        (
            fixture_text("keys/nistp384.public.asc"),
            "keys/nistp384.secret.asc",
        ),
        (
            fixture_text("keys/rsa2048.public.asc"),
            "keys/rsa2048.secret.asc",
        ),
        (demo::recipient_key(), "demo-recipient.secret.asc"),
    ] {
        let plaintext = random_bytes(1000);
        let stage = stage_binary(plaintext.clone(), accept(&key));
        assert_eq!(
            stage.first_cbc_block().unwrap(),
            first_block(&stage),
            "{secret}"
        );
        // finish_in_chunks begins with first_block, now known to be the stage's own.
        let message = finish_in_chunks(stage, 64);
        assert_eq!(
            Gpg::with_secret_key(secret).decrypt_bytes(&message),
            plaintext,
            "{secret}"
        );
    }
}
