//! Finding a project's key from an email address, the way other OpenPGP software does: the
//! Web Key Directory (draft-koch-openpgp-webkey-service: the advanced method on
//! `openpgpkey.DOMAIN`, then the direct method on `DOMAIN`) and the `Encryption:` field of
//! the site's security.txt (RFC 9116: `/.well-known/security.txt`, then `/security.txt`).
//!
//! This module decides what to fetch and what each answer means; it fetches nothing. The page
//! does the fetching (a browser's CORS rules apply) and hands every key it gets to the sealing
//! worker, which checks it as it checks every recipient key and says its fingerprint. So the
//! answer to "why is there no key?" is a [`DiscoveryError`] saying what was found instead: a
//! server that hides its answer from other sites (CORS), a web page where a key should be, an
//! armored key where the directory serves binary, and so on.
//!
//! Every URL comes from the address's domain over https ([`Origins::Https`]). Tests serve the
//! same paths from a loopback server ([`Origins::Loopback`]), which only a page that is itself
//! served from the loopback address may ask for: a link cannot make a real page fetch keys from
//! anywhere but the domain the maintainer typed.

mod judge;
mod wkd;

pub use judge::{judge_key, judge_security_txt, Candidate, FormatNote, KeyFormat};
pub use wkd::MailAddress;

use url::Url;

use crate::security_txt::SecurityTxt;

/// How a key was looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// WKD on `openpgpkey.DOMAIN` (the advanced method).
    WkdAdvanced,
    /// WKD on `DOMAIN` itself (the direct method), tried when the advanced one finds nothing.
    WkdDirect,
    /// The site's security.txt file.
    SecurityTxt,
    /// A key that a security.txt `Encryption:` field points to.
    SecurityTxtKey,
}

/// One place to look, and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub method: Method,
    pub url: String,
}

/// Where discovery may fetch from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origins {
    /// Only the https URLs derived from the address's domain (and https `Encryption:` URLs).
    Https,
    /// Tests: every derived path on this loopback server (an origin such as
    /// `http://127.0.0.1:8081`), and `Encryption:` URLs on it only.
    Loopback(Url),
}

impl Origins {
    /// The origins for a page at `page_host` (its `location.hostname`), with the test override
    /// `base` if one was asked for. The override is honoured only when both the page and the
    /// base are on this machine (127.0.0.1, ::1 or localhost).
    pub fn for_page(page_host: &str, base: Option<&str>) -> Result<Self, DiscoveryError> {
        let Some(base) = base else {
            return Ok(Origins::Https);
        };
        let refused = |reason| DiscoveryError::OverrideRefused {
            base: base.to_owned(),
            reason,
        };
        if !is_loopback_host(page_host) {
            return Err(refused(OverrideProblem::PageNotLocal));
        }
        let url = Url::parse(base).map_err(|_| refused(OverrideProblem::NotAUrl))?;
        if !matches!(url.scheme(), "http" | "https")
            || !url.host_str().is_some_and(is_loopback_host)
        {
            return Err(refused(OverrideProblem::NotLocal));
        }
        let origin = Url::parse(&url.origin().ascii_serialization())
            .map_err(|_| refused(OverrideProblem::NotAUrl))?;
        Ok(Origins::Loopback(origin))
    }

    /// `https://HOST{path}`, or the same path on the loopback server.
    fn url(&self, host: &str, path: &str) -> String {
        match self {
            Origins::Https => format!("https://{host}{path}"),
            Origins::Loopback(base) => format!("{}{path}", base.as_str().trim_end_matches('/')),
        }
    }

    /// Whether `url` (an `Encryption:` value) may be fetched.
    fn allows(&self, url: &Url) -> bool {
        match self {
            Origins::Https => url.scheme() == "https",
            Origins::Loopback(base) => url.origin() == base.origin(),
        }
    }
}

fn is_loopback_host(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]" | "::1")
}

/// What to fetch for one address, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub address: MailAddress,
    /// The advanced method, then the direct one.
    pub wkd: [Source; 2],
    /// `/.well-known/security.txt`, then the legacy `/security.txt`.
    pub security_txt: [Source; 2],
}

impl Plan {
    pub fn new(address: &str, origins: &Origins) -> Result<Self, DiscoveryError> {
        let address = MailAddress::parse(address)?;
        let domain = &address.domain;
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("l", &address.local);
        let query = query.finish();
        let hash = address.wkd_hash();
        let source = |method, url| Source { method, url };
        Ok(Self {
            wkd: [
                source(
                    Method::WkdAdvanced,
                    origins.url(
                        &format!("openpgpkey.{domain}"),
                        &format!("/.well-known/openpgpkey/{domain}/hu/{hash}?{query}"),
                    ),
                ),
                source(
                    Method::WkdDirect,
                    origins.url(
                        domain,
                        &format!("/.well-known/openpgpkey/hu/{hash}?{query}"),
                    ),
                ),
            ],
            security_txt: [
                source(
                    Method::SecurityTxt,
                    origins.url(domain, "/.well-known/security.txt"),
                ),
                source(Method::SecurityTxt, origins.url(domain, "/security.txt")),
            ],
            address,
        })
    }
}

/// The keys a security.txt points to, in its order: each a place to fetch, or why it cannot
/// be fetched. An `openpgp4fpr:` value names a fingerprint, not a place; it is returned apart.
pub fn encryption_sources(
    file: &SecurityTxt,
    file_url: &str,
    origins: &Origins,
) -> Result<EncryptionFields, DiscoveryError> {
    if file.encryption.is_empty() {
        return Err(DiscoveryError::NoEncryptionField {
            url: file_url.to_owned(),
        });
    }
    let mut fields = EncryptionFields::default();
    for value in &file.encryption {
        if let Some(fingerprint) = value.strip_prefix("openpgp4fpr:") {
            fields.fingerprints.push(fingerprint.to_ascii_uppercase());
            continue;
        }
        let problem = |why| DiscoveryError::EncryptionNotFetchable {
            uri: value.clone(),
            why,
        };
        fields.keys.push(match Url::parse(value) {
            Ok(url) if origins.allows(&url) => Ok(Source {
                method: Method::SecurityTxtKey,
                url: url.into(),
            }),
            Ok(url) if url.scheme() == "dns" => Err(problem(UriProblem::Dns)),
            Ok(url) if url.scheme() == "http" => Err(problem(UriProblem::PlainHttp)),
            Ok(_) => Err(problem(UriProblem::Elsewhere)),
            Err(_) => Err(problem(UriProblem::NotAUri)),
        });
    }
    Ok(fields)
}

/// A security.txt's `Encryption:` fields, sorted out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncryptionFields {
    pub keys: Vec<Result<Source, DiscoveryError>>,
    /// Fingerprints from `openpgp4fpr:` values, upper-case hex.
    pub fingerprints: Vec<String>,
}

/// What the page got from one fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The server answered and the browser let the page read it.
    Answered {
        status: u16,
        content_type: Option<String>,
        body: Vec<u8>,
    },
    /// The browser reported a network error (it says no more, for CORS refusals as for
    /// servers that are down). `probe_answered`: a `no-cors` request to the same URL came back,
    /// so the server is up and it was CORS; `page_origin` is the page's, for the message.
    NoAnswer {
        probe_answered: bool,
        page_origin: String,
    },
}

/// Why a place held no key sealpost can use. Messages are in [`crate::i18n::discover`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiscoveryError {
    /// What was typed is not an email address.
    InvalidAddress {
        address: String,
        reason: AddressProblem,
    },
    /// A test override of the servers was asked for where it is not allowed.
    OverrideRefused {
        base: String,
        reason: OverrideProblem,
    },
    /// The server answered but sent no `Access-Control-Allow-Origin` for this page.
    CorsBlocked { url: String, page_origin: String },
    /// Nothing answered: no such host, connection refused, or offline.
    Unreachable { url: String },
    /// 404 or 410.
    NotFound { url: String, status: u16 },
    /// Another status that is not success.
    Status { url: String, status: u16 },
    /// A web page came back where a key or security.txt should be.
    HtmlPage { url: String },
    /// The answer was empty.
    Empty { url: String },
    /// Text that is base64 without the armor lines around it.
    Base64WithoutArmor { url: String },
    /// Binary OpenPGP data damaged by a text conversion (U+FFFD where bytes were).
    MangledBinary { url: String },
    /// The sealing worker found no OpenPGP key in it (`found` says what it was instead).
    NotAKey { url: String, found: String },
    /// A key, but one reports cannot be encrypted to (`reason` from key acceptance).
    Unusable { url: String, reason: String },
    /// An answer at a security.txt URL that has neither `Contact:` nor `Encryption:`.
    NotSecurityTxt { url: String },
    /// A security.txt without any `Encryption:` field.
    NoEncryptionField { url: String },
    /// An `Encryption:` value that is not a place sealpost may fetch a key from.
    EncryptionNotFetchable { uri: String, why: UriProblem },
}

/// Why text is not an email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    NoAt,
    NothingBeforeAt,
    SpaceInLocalPart,
    NoDotInDomain,
    IpAddress,
    NotADomain,
}

/// Why a test override was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideProblem {
    PageNotLocal,
    NotLocal,
    NotAUrl,
}

/// Why an `Encryption:` value is not fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UriProblem {
    /// `dns:` (an OPENPGPKEY record): browsers cannot look those up.
    Dns,
    /// `http://`: anyone on the way could swap the key.
    PlainHttp,
    /// Another scheme, or (in tests) another server.
    Elsewhere,
    NotAUri,
}

impl DiscoveryError {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        (crate::i18n::discover::for_lang(lang).error)(self)
    }

    /// The sealing worker's refusal of the key fetched from `url` (its [`KeyError`] code and
    /// message): not a key at all, or a key that cannot be used.
    ///
    /// [`KeyError`]: crate::KeyError
    pub fn refused(url: &str, code: &str, message: String) -> Self {
        let url = url.to_owned();
        if code == "not-a-key" {
            DiscoveryError::NotAKey {
                url,
                found: message,
            }
        } else {
            DiscoveryError::Unusable {
                url,
                reason: message,
            }
        }
    }
}

impl std::fmt::Display for DiscoveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl std::error::Error for DiscoveryError {}

#[cfg(test)]
mod tests;
