//! Which public-key algorithms sealpost encrypts to, and how they are named to people.
//!
//! This is acceptance *policy*, kept apart from parsing and from the validity rules: RSA below
//! 2048 bits is refused (NIST and the OpenPGP RFC 9580 both retire it), DSA and ElGamal are
//! refused as legacy (RFC 9580 deprecates them; no current implementation creates them), and
//! curves the cryptography backend cannot compute with (Brainpool, secp256k1 for ECDH) are refused
//! naming the curve, rather than failing later with a library error.

use pgp::{
    crypto::ecc_curve::ECCCurve,
    ser::Serialize,
    types::{EcdhPublicParams, EcdsaPublicParams, PublicParams},
};

/// The smallest RSA modulus sealpost encrypts to or trusts a signature from.
pub const MIN_RSA_BITS: usize = 2048;

/// Why an algorithm is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlgorithmProblem {
    #[error("RSA with {bits} bits, below the {MIN_RSA_BITS}-bit minimum")]
    WeakRsa { bits: usize },
    #[error("{algorithm}, a legacy algorithm that current OpenPGP software no longer creates")]
    Legacy { algorithm: String },
    #[error("{algorithm}, which sealpost's OpenPGP library cannot compute with")]
    Unsupported { algorithm: String },
}

/// What a key is for, as far as the algorithm goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Certifies the certificate (its self-signatures must verify).
    Certify,
    /// Receives the session key.
    Encrypt,
}

/// A person-readable name: "RSA 4096", "ECDH NIST P-256", "X25519", "EdDSA Ed25519 (legacy)".
pub fn describe(params: &PublicParams) -> String {
    match params {
        PublicParams::RSA(_) => format!("RSA {}", first_mpi_bits(params)),
        PublicParams::DSA(_) => format!("DSA {}", first_mpi_bits(params)),
        PublicParams::Elgamal(_) => format!("ElGamal {}", first_mpi_bits(params)),
        PublicParams::ECDSA(ecdsa) => format!("ECDSA {}", curve_name(&ecdsa_curve(ecdsa))),
        PublicParams::ECDH(ecdh) => format!("ECDH {}", curve_name(&ecdh.curve())),
        PublicParams::EdDSALegacy(_) => "EdDSA Ed25519 (legacy)".into(),
        PublicParams::Ed25519(_) => "Ed25519".into(),
        PublicParams::Ed448(_) => "Ed448".into(),
        PublicParams::X25519(_) => "X25519".into(),
        PublicParams::X448(_) => "X448".into(),
        PublicParams::Unknown { .. } => "an unknown algorithm".into(),
        #[allow(unreachable_patterns)] // post-quantum variants exist only with rPGP's `pqc` feature
        _ => "a post-quantum algorithm".into(),
    }
}

/// Whether a key with `params` may serve in `role`.
pub fn judge(params: &PublicParams, role: Role) -> Result<(), AlgorithmProblem> {
    let unsupported = || AlgorithmProblem::Unsupported {
        algorithm: describe(params),
    };
    match (params, role) {
        (PublicParams::RSA(_), _) => {
            let bits = first_mpi_bits(params);
            if bits < MIN_RSA_BITS {
                Err(AlgorithmProblem::WeakRsa { bits })
            } else {
                Ok(())
            }
        }
        (PublicParams::DSA(_) | PublicParams::Elgamal(_), _) => Err(AlgorithmProblem::Legacy {
            algorithm: describe(params),
        }),
        (PublicParams::ECDSA(EcdsaPublicParams::Unsupported { .. }), Role::Certify) => {
            Err(unsupported())
        }
        (
            PublicParams::ECDSA(_)
            | PublicParams::EdDSALegacy(_)
            | PublicParams::Ed25519(_)
            | PublicParams::Ed448(_),
            Role::Certify,
        ) => Ok(()),
        (
            PublicParams::ECDH(
                EcdhPublicParams::Curve25519Legacy { .. }
                | EcdhPublicParams::P256 { .. }
                | EcdhPublicParams::P384 { .. }
                | EcdhPublicParams::P521 { .. },
            ),
            Role::Encrypt,
        ) => Ok(()),
        (PublicParams::X25519(_) | PublicParams::X448(_), Role::Encrypt) => Ok(()),
        _ => Err(unsupported()),
    }
}

/// The bit length of the first MPI of `params` (RSA's n, DSA's and ElGamal's p): an MPI on the
/// wire starts with its length in bits, big-endian.
fn first_mpi_bits(params: &PublicParams) -> usize {
    let bytes = params.to_bytes().unwrap_or_default();
    match bytes.as_slice() {
        [high, low, ..] => usize::from(u16::from_be_bytes([*high, *low])),
        _ => 0,
    }
}

fn ecdsa_curve(params: &EcdsaPublicParams) -> ECCCurve {
    match params {
        EcdsaPublicParams::P256 { .. } => ECCCurve::P256,
        EcdsaPublicParams::P384 { .. } => ECCCurve::P384,
        EcdsaPublicParams::P521 { .. } => ECCCurve::P521,
        EcdsaPublicParams::Secp256k1 { .. } => ECCCurve::Secp256k1,
        EcdsaPublicParams::Unsupported { curve, .. } => curve.clone(),
    }
}

fn curve_name(curve: &ECCCurve) -> String {
    match curve {
        ECCCurve::Curve25519Legacy => "Curve25519 (legacy)".into(),
        ECCCurve::Ed25519Legacy => "Ed25519 (legacy)".into(),
        ECCCurve::Unknown(_) => format!("the unknown curve {}", curve.oid_str()),
        known => known.name().into(),
    }
}
