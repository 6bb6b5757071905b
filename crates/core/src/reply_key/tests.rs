use std::time::{Duration, SystemTime};

use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use rand::SeedableRng;
use sealpost_testkit::gpg::Gpg;

use super::*;
use crate::key::KeyError;

fn rng() -> rand::rngs::StdRng {
    rand::rngs::StdRng::seed_from_u64(7)
}

#[test]
fn user_ids_from_what_was_typed() {
    assert_eq!(user_id("", "  "), "Anonymous reporter");
    assert_eq!(user_id("Ada", ""), "Ada");
    assert_eq!(
        user_id("Ada L.", "ada@example.org"),
        "Ada L. <ada@example.org>"
    );
    assert_eq!(user_id("", "ada@example.org"), "<ada@example.org>");
    assert_eq!(user_id("Ada", "Signal: @ada.01"), "Ada (Signal: @ada.01)");
    assert_eq!(
        user_id("", "https://ada.example"),
        "Anonymous reporter (https://ada.example)"
    );
    // One line, and no brackets that would change how the user ID reads.
    assert_eq!(
        user_id("Ada\n<evil@x.y>", "a@b.c\r\n"),
        "Ada evil@x.y <a@b.c>"
    );
    // An address typed with the name, when there is no contact field.
    assert_eq!(
        user_id("Ada Lovelace <ada@example.org>", ""),
        "Ada Lovelace <ada@example.org>"
    );
    assert_eq!(user_id("ada@example.org", ""), "<ada@example.org>");
}

#[test]
fn the_secret_file_is_named_after_the_short_key_id() {
    let pair = ReplyKeyPair {
        public_armored: String::new(),
        secret_armored: String::new(),
        fingerprint: "9563832D05131C0D37ACFB11B88644830EE886CE".into(),
    };
    assert_eq!(
        pair.secret_file_name(),
        "sealpost-reply-key-0EE886CE.secret.asc"
    );
    assert_eq!(
        pair.fingerprint_grouped(),
        "9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE"
    );
}

#[test]
fn a_generated_key_is_accepted_as_a_recipient_and_expires_in_two_years() {
    let now = SystemTime::now();
    let pair = generate("Ada <ada@example.org>", None, now, rng()).unwrap();
    assert!(pair
        .public_armored
        .starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    assert!(pair
        .secret_armored
        .starts_with("-----BEGIN PGP PRIVATE KEY BLOCK-----"));
    assert_eq!(pair.fingerprint.len(), 40);

    let key = RecipientKey::accept(pair.public_armored.as_bytes(), now).unwrap();
    assert_eq!(key.fingerprint(), pair.fingerprint);
    assert_eq!(key.user_id(), Some("Ada <ada@example.org>"));
    assert_eq!(key.version(), 4);
    assert!(!key.supports_seipd_v2(), "GnuPG 2.2 cannot read SEIPD v2");
    let expires = key.expires().unwrap();
    let days = expires.duration_since(now).unwrap().as_secs() / 86_400;
    assert!((729..=730).contains(&days), "{days} days");

    let later = now + VALIDITY + Duration::from_secs(86_400);
    assert!(matches!(
        RecipientKey::accept(pair.public_armored.as_bytes(), later),
        Err(KeyError::Expired { .. })
    ));
}

#[test]
fn gpg_encrypts_to_the_public_key_and_decrypts_with_the_protected_secret_key() {
    let passphrase = "correct horse battery staple";
    let pair = generate(
        &user_id("Ada", "ada@example.org"),
        Some(passphrase),
        SystemTime::now(),
        rng(),
    )
    .unwrap();

    // The project's side: only the public key.
    let project = Gpg::empty();
    project.import(pair.public_armored.as_bytes());
    let listing = project.list_keys_with_colons(false);
    // Ed25519 primary (algorithm 22) that certifies and signs, Cv25519 subkey (18) that
    // encrypts; both with an expiry date (field 7).
    let records: Vec<Vec<&str>> = listing
        .lines()
        .map(|line| line.split(':').collect())
        .collect();
    let primary = records.iter().find(|r| r[0] == "pub").unwrap();
    assert_eq!(primary[3], "22", "{listing}");
    assert!(
        primary[11].contains('s') && primary[11].contains('c'),
        "{listing}"
    );
    assert!(!primary[6].is_empty(), "primary expires: {listing}");
    let subkey = records.iter().find(|r| r[0] == "sub").unwrap();
    assert_eq!(subkey[3], "18", "{listing}");
    assert!(subkey[11].contains('e'), "{listing}");
    assert!(
        listing.contains("Ada <ada@example.org>"),
        "user ID: {listing}"
    );
    let reply = project.encrypt(&pair.fingerprint, b"Thanks, fixed in 1.6.3.\n");

    // The researcher's side: the downloaded secret key and its passphrase.
    let researcher = Gpg::with_secret_key_text(&pair.secret_armored, passphrase);
    assert_eq!(researcher.decrypt(&reply), "Thanks, fixed in 1.6.3.\n");

    // The passphrase really protects it.
    let careless = Gpg::with_secret_key_text(&pair.secret_armored, "wrong passphrase");
    let out = careless.try_run(&["--decrypt"], &reply);
    assert!(!out.status.success(), "decrypted without the passphrase");
}

#[test]
fn rpgp_decrypts_with_the_secret_key_and_its_passphrase() {
    let pair = generate(ANONYMOUS, Some("hunter22"), SystemTime::now(), rng()).unwrap();
    let recipient =
        RecipientKey::accept(pair.public_armored.as_bytes(), SystemTime::now()).unwrap();
    let (sealed, _) = crate::seal(b"reply", &[recipient], crate::Encoding::Armored, rng()).unwrap();
    let (secret, _) = SignedSecretKey::from_string(&pair.secret_armored).unwrap();
    let open = |password: &str| {
        let (message, _) = Message::from_armor(sealed.as_slice()).unwrap();
        message
            .decrypt(&Password::from(password), &secret)
            .and_then(|mut m| m.as_data_vec().map_err(Into::into))
    };
    assert_eq!(open("hunter22").unwrap(), b"reply");
    assert!(open("hunter2").is_err());
}

#[test]
fn without_a_passphrase_the_secret_key_is_not_locked() {
    let pair = generate(ANONYMOUS, Some(""), SystemTime::now(), rng()).unwrap();
    let (secret, _) = SignedSecretKey::from_string(&pair.secret_armored).unwrap();
    assert!(matches!(
        secret.primary_key.secret_params(),
        pgp::types::SecretParams::Plain(_)
    ));
}

#[test]
fn only_a_public_key_is_enclosed() {
    let now = SystemTime::now();
    let pair = generate(ANONYMOUS, None, now, rng()).unwrap();
    let key = ReplyKey::accept(&pair.public_armored, now).unwrap();
    assert_eq!(key.fingerprint, pair.fingerprint);
    assert!(key
        .public_armored
        .starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));

    let secret = ReplyKey::accept(&pair.secret_armored, now).unwrap_err();
    assert!(
        matches!(secret, ReplyKeyError::Unusable(KeyError::SecretKey)),
        "{secret}"
    );
    assert!(secret.to_string().contains("secret"), "{secret}");

    let garbage = ReplyKey::accept("hello", now).unwrap_err();
    assert!(garbage
        .to_string()
        .starts_with("The reply key cannot be used"));
}
