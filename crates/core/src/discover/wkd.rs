//! The Web Key Directory's names for a key (draft-koch-openpgp-webkey-service, section 3.1):
//! the local part of the address, lower-cased, hashed with SHA-1 and written in z-base-32.

use data_encoding::{Encoding, Specification};
use sha1::{Digest, Sha1};

use super::{AddressProblem, DiscoveryError};

/// z-base-32's alphabet (Zooko's human-oriented base-32), as the draft prescribes.
const Z_BASE_32: &str = "ybndrfg8ejkmcpqxot1uwisza345h769";

/// An email address split as the directory needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAddress {
    /// As typed: the `l=` parameter carries it unchanged, so a server that keys on the exact
    /// local part still finds it.
    pub local: String,
    /// Lower-case, IDNA (punycode) for international names: a host name in a URL.
    pub domain: String,
}

impl MailAddress {
    /// Reads `name@example.org`. The last `@` splits it (a quoted local part may hold one).
    pub fn parse(address: &str) -> Result<Self, DiscoveryError> {
        let address = address.trim();
        let invalid = |reason: AddressProblem| DiscoveryError::InvalidAddress {
            address: address.to_owned(),
            reason,
        };
        let (local, domain) = address
            .rsplit_once('@')
            .ok_or(invalid(AddressProblem::NoAt))?;
        if local.is_empty() {
            return Err(invalid(AddressProblem::NothingBeforeAt));
        }
        if local.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid(AddressProblem::SpaceInLocalPart));
        }
        // `url` applies IDNA and lower-cases, and refuses what cannot be a host name.
        let domain = match url::Host::parse(domain) {
            Ok(url::Host::Domain(domain)) if domain.contains('.') => domain,
            Ok(url::Host::Domain(_)) => return Err(invalid(AddressProblem::NoDotInDomain)),
            Ok(_) => return Err(invalid(AddressProblem::IpAddress)),
            Err(_) => return Err(invalid(AddressProblem::NotADomain)),
        };
        Ok(Self {
            local: local.to_owned(),
            domain,
        })
    }

    /// Whether one of `user_ids` (`Name <local@domain>` or a bare address) is this address,
    /// compared as GnuPG compares WKD user IDs: ASCII case ignored, the domain as a host name.
    /// A directory key that names no such user ID is ignored by GnuPG.
    pub fn is_named_by(&self, user_ids: &[String]) -> bool {
        user_ids.iter().any(|user_id| {
            let address = match (user_id.rfind('<'), user_id.rfind('>')) {
                (Some(open), Some(close)) if open < close => &user_id[open + 1..close],
                _ => user_id.as_str(),
            };
            MailAddress::parse(address).is_ok_and(|named| {
                named.domain == self.domain && named.local.eq_ignore_ascii_case(&self.local)
            })
        })
    }

    /// The directory's name for this address's key: z-base-32 of the SHA-1 of the local
    /// part with ASCII letters lower-cased (32 characters).
    pub fn wkd_hash(&self) -> String {
        let digest = Sha1::digest(self.local.to_ascii_lowercase().as_bytes());
        z_base_32().encode(&digest)
    }
}

fn z_base_32() -> Encoding {
    let mut spec = Specification::new();
    spec.symbols.push_str(Z_BASE_32);
    // A fixed, valid specification: 32 distinct ASCII symbols, no padding.
    spec.encoding()
        .unwrap_or_else(|_| data_encoding::BASE32_NOPAD.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The draft's own example (section 3.1).
    #[test]
    fn the_drafts_example_hashes_as_published() {
        let address = MailAddress::parse("Joe.Doe@Example.ORG").unwrap();
        assert_eq!(address.wkd_hash(), "iy9q119eutrkn8s1mk4r39qejnbu3n5q");
        assert_eq!(address.domain, "example.org");
        assert_eq!(address.local, "Joe.Doe");
    }

    /// `gpg-wks-client --print-wkd-hash security@example.org` (GnuPG 2.2) prints this.
    #[test]
    fn another_address_hashes_as_gnupg_does() {
        let hash = |a: &str| MailAddress::parse(a).unwrap().wkd_hash();
        assert_eq!(
            hash("security@example.org"),
            "t5s8ztdbon8yzntexy6oz5y48etqsnbb"
        );
        assert_eq!(hash("SECURITY@example.org"), hash("security@example.org"));
        assert_ne!(hash("secure@example.org"), hash("security@example.org"));
    }

    #[test]
    fn a_user_id_names_the_address_in_angle_brackets_or_bare() {
        let address = MailAddress::parse("Security@Example.org").unwrap();
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(address.is_named_by(&ids(&["Team <security@EXAMPLE.org>"])));
        assert!(address.is_named_by(&ids(&["Other <a@b.example>", "security@example.org"])));
        assert!(!address.is_named_by(&ids(&["Security <security@example.com>"])));
        assert!(!address.is_named_by(&ids(&["security"])));
        assert!(!address.is_named_by(&[]));
    }

    #[test]
    fn international_domains_become_punycode() {
        let address = MailAddress::parse("info@Bücher.example").unwrap();
        assert_eq!(address.domain, "xn--bcher-kva.example");
    }

    #[test]
    fn what_is_not_an_address_says_why() {
        for (input, reason) in [
            ("security.example.org", AddressProblem::NoAt),
            ("@example.org", AddressProblem::NothingBeforeAt),
            ("a b@example.org", AddressProblem::SpaceInLocalPart),
            ("a@localhost", AddressProblem::NoDotInDomain),
            ("a@127.0.0.1", AddressProblem::IpAddress),
            ("a@exa mple.org", AddressProblem::NotADomain),
        ] {
            match MailAddress::parse(input) {
                Err(DiscoveryError::InvalidAddress { reason: got, .. }) => {
                    assert_eq!(got, reason, "{input}")
                }
                other => panic!("{input}: {other:?}"),
            }
        }
    }
}
