//! `vendor/num-bigint-dig` replaces the fixed-window exponentiation with square-and-multiply
//! for exponents of one word (RSA's public exponents: see its PATCHED.md). A wrong power there
//! would reject every RSA key's self-signatures and encrypt session keys no one can decrypt, so
//! the patched `modpow` is checked here against schoolbook arithmetic (`*` then `%`), for odd
//! moduli of many lengths, the exponents keys carry, and the edges of one word.

use num_bigint_dig::{BigUint, ModInverse};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// x^e mod m by square-and-multiply with full products and `%`: no Montgomery form at all.
fn schoolbook_modpow(x: &BigUint, exponent: &BigUint, m: &BigUint) -> BigUint {
    let mut result = BigUint::from(1u8) % m;
    let mut base = x % m;
    for bit in 0..exponent.bits() {
        if exponent.clone() >> bit & BigUint::from(1u8) == BigUint::from(1u8) {
            result = result * &base % m;
        }
        base = &base * &base % m;
    }
    result
}

fn random_number(rng: &mut StdRng, bytes: usize) -> BigUint {
    let mut buffer = vec![0u8; bytes];
    rng.fill(&mut buffer[..]);
    BigUint::from_bytes_be(&buffer)
}

/// An odd modulus of exactly `bytes` bytes (top bit set, as RSA moduli have) or, when
/// `top_bit` is false, one whose top word is small: the case the final reduction is for.
fn random_odd_modulus(rng: &mut StdRng, bytes: usize, top_bit: bool) -> BigUint {
    let mut buffer = vec![0u8; bytes];
    rng.fill(&mut buffer[..]);
    buffer[0] = if top_bit { buffer[0] | 0x80 } else { 1 };
    buffer[bytes - 1] |= 1;
    BigUint::from_bytes_be(&buffer)
}

const ONE_WORD_EXPONENTS: [u64; 8] = [
    1,
    2,
    3,
    17,
    65_537,
    0x8000_0000_0000_0001,
    u64::MAX - 1,
    u64::MAX,
];

#[test]
fn a_public_exponent_raises_to_the_same_power_as_plain_arithmetic() {
    let mut rng = StdRng::seed_from_u64(0x5ea1_9057);
    // One word up to RSA-4096, with lengths that are not a whole number of words.
    for bytes in [1, 7, 8, 9, 16, 33, 64, 127, 128, 256, 384, 512] {
        for top_bit in [true, false] {
            let m = random_odd_modulus(&mut rng, bytes, top_bit);
            for e in ONE_WORD_EXPONENTS {
                let e = BigUint::from(e);
                // Bases below the modulus, above it (longer than it), and the edges.
                let bases = [
                    random_number(&mut rng, bytes) % &m,
                    random_number(&mut rng, bytes + 9),
                    BigUint::from(0u8),
                    BigUint::from(1u8),
                    &m - BigUint::from(1u8),
                ];
                for x in &bases {
                    assert_eq!(
                        x.modpow(&e, &m),
                        schoolbook_modpow(x, &e, &m),
                        "{x} ^ {e} mod {m} ({bytes} bytes)"
                    );
                }
            }
        }
    }
}

#[test]
fn longer_exponents_and_even_moduli_still_take_the_crates_own_paths() {
    let mut rng = StdRng::seed_from_u64(0x0dd_e7e7);
    for bytes in [8, 24, 384] {
        let odd = random_odd_modulus(&mut rng, bytes, true);
        let even = &odd + BigUint::from(1u8);
        for exponent_bytes in [0, 9, 16, 40] {
            let e = random_number(&mut rng, exponent_bytes);
            let x = random_number(&mut rng, bytes);
            for m in [&odd, &even] {
                assert_eq!(
                    x.modpow(&e, m),
                    schoolbook_modpow(&x, &e, m),
                    "{x} ^ {e} mod {m}"
                );
            }
        }
    }
}

#[test]
fn a_private_exponent_undoes_the_public_one() {
    // RSA itself through both paths: c = x^e takes the one-word path, c^d the windowed one.
    // Mersenne primes 2^61-1, 2^89-1, 2^107-1 and 2^127-1 make moduli of two to four words.
    let mersenne = |k: usize| (BigUint::from(1u8) << k) - BigUint::from(1u8);
    let mut rng = StdRng::seed_from_u64(0x7e57);
    for (p, q) in [(61, 89), (89, 107), (107, 127)] {
        let (p, q) = (mersenne(p), mersenne(q));
        let n = &p * &q;
        let phi = (&p - BigUint::from(1u8)) * (&q - BigUint::from(1u8));
        let e = BigUint::from(65_537u32);
        let d = e.clone().mod_inverse(&phi).unwrap().to_biguint().unwrap();
        for _ in 0..20 {
            let x = random_number(&mut rng, 32) % &n;
            let c = x.modpow(&e, &n);
            assert_eq!(c, schoolbook_modpow(&x, &e, &n));
            assert_eq!(c.modpow(&d, &n), x, "decrypting {c} mod {n}");
        }
    }
}
