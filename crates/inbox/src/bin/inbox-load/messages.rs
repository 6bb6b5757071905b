//! The messages the load test sends: real encrypted messages, made here with rPGP and a
//! password (no key file needed), each different so a mix-up on disk would show.

use pgp::{
    composed::{ArmorOptions, MessageBuilder},
    crypto::{hash::HashAlgorithm, sym::SymmetricKeyAlgorithm},
    types::StringToKey,
};
use rand::RngCore;

/// `count` armored messages of about `size` bytes of plaintext each.
pub fn make(count: usize, size: usize) -> Result<Vec<String>, pgp::errors::Error> {
    let mut rng = rand::thread_rng();
    (0..count)
        .map(|_| {
            let mut plaintext = vec![0u8; size];
            rng.fill_bytes(&mut plaintext);
            let mut builder = MessageBuilder::from_bytes("", plaintext)
                .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
            let s2k = StringToKey::new_iterated(&mut rng, HashAlgorithm::Sha256, 96);
            builder.encrypt_with_password(s2k, &"load test".into())?;
            builder.to_armored_string(&mut rng, ArmorOptions::default())
        })
        .collect()
}
