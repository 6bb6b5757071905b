//! Finding a key from an email address: the panel, each way of looking, and every reason a
//! place held no usable key; see [`crate::i18n`] and [`crate::discover`].

use crate::{
    discover::{
        AddressProblem, DiscoveryError, FormatNote, KeyFormat, Method, OverrideProblem, UriProblem,
    },
    i18n::Lang,
};

pub struct DiscoverTexts {
    pub heading: &'static str,
    pub intro: &'static str,
    pub address_label: &'static str,
    pub find: &'static str,
    pub searching: &'static str,
    pub use_key: &'static str,
    pub found: &'static str,
    pub not_found: &'static str,
    pub fingerprint: &'static str,
    pub format: &'static str,
    /// What a security.txt says the fingerprint is (`openpgp4fpr:`), and whether it matches.
    pub pinned_by_security_txt: fn(fingerprint: &str, matches: bool) -> String,
    pub skipped_direct: &'static str,
    /// A directory key none of whose user IDs is the address looked up.
    pub address_missing: fn(address: &str) -> String,
    pub method: fn(Method) -> &'static str,
    pub key_format: fn(KeyFormat) -> &'static str,
    pub note: fn(FormatNote) -> &'static str,
    pub error: fn(&DiscoveryError) -> String,
}

/// The texts in `lang`.
pub fn for_lang(lang: Lang) -> &'static DiscoverTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}

pub static EN: DiscoverTexts = DiscoverTexts {
    heading: "Find your key from an email address",
    intro: "sealpost looks where OpenPGP software looks: the Web Key Directory of the address's \
            domain (advanced method, then direct) and the Encryption field of its security.txt.",
    address_label: "Security contact address",
    find: "Find key",
    searching: "Looking…",
    use_key: "Use this key",
    found: "Found",
    not_found: "Nothing usable",
    fingerprint: "Fingerprint",
    format: "Format",
    pinned_by_security_txt: |fingerprint, matches| {
        if matches {
            format!("security.txt names the fingerprint {fingerprint}: a key found here has it.")
        } else {
            format!(
                "security.txt names the fingerprint {fingerprint}, but no key found here has it."
            )
        }
    },
    skipped_direct: "Not tried: the advanced method found a usable key.",
    address_missing: |address| {
        format!(
            "None of this key's user IDs is {address}: GnuPG and other WKD clients ignore a key \
             there that does not name the address it was looked up for."
        )
    },
    method: |method| match method {
        Method::WkdAdvanced => "Web Key Directory, advanced method",
        Method::WkdDirect => "Web Key Directory, direct method",
        Method::SecurityTxt => "security.txt",
        Method::SecurityTxtKey => "security.txt Encryption field",
    },
    key_format: |format| match format {
        KeyFormat::Binary => "binary (OpenPGP packets)",
        KeyFormat::Armored => "armored (BEGIN PGP PUBLIC KEY BLOCK)",
        KeyFormat::Other => "not recognised",
    },
    note: |note| match note {
        FormatNote::ArmoredOnWkd => {
            "The Web Key Directory serves binary keys; this one is armored. sealpost reads it, but \
             GnuPG and other WKD clients may not: serve the output of `gpg --export FINGERPRINT` \
             (without --armor) there."
        }
        FormatNote::InWebPage => {
            "The key was found inside a web page; a plain key file is more reliable."
        }
    },
    error: en_error,
};

fn en_error(error: &DiscoveryError) -> String {
    use DiscoveryError as E;
    match error {
        E::InvalidAddress { address, reason } => {
            let why = match reason {
                AddressProblem::NoAt => "there is no @ in it",
                AddressProblem::NothingBeforeAt => "nothing comes before the @",
                AddressProblem::SpaceInLocalPart => "the part before the @ has spaces in it",
                AddressProblem::NoDotInDomain => "the domain has no dot in it",
                AddressProblem::IpAddress => "the domain is an IP address, not a name",
                AddressProblem::NotADomain => "the part after the @ is not a domain name",
            };
            format!("“{address}” is not an email address: {why}.")
        }
        E::OverrideRefused { base, reason } => {
            let why = match reason {
                OverrideProblem::PageNotLocal => {
                    "only a page served from this machine (127.0.0.1) may use a test server"
                }
                OverrideProblem::NotLocal => {
                    "a test server must be on this machine (127.0.0.1, ::1 or localhost)"
                }
                OverrideProblem::NotAUrl => "it is not a URL",
            };
            format!("The test server {base} was ignored: {why}. Keys are looked for on the address's own domain.")
        }
        E::CorsBlocked { url, page_origin } => format!(
            "The server at {url} answered, but without an Access-Control-Allow-Origin header, so \
             the browser did not let this page ({page_origin}) read the answer (CORS). The Web \
             Key Directory asks servers to send `Access-Control-Allow-Origin: *`; until that is \
             set up, download the key and pick the file above."
        ),
        E::Unreachable { url } => format!(
            "Nothing answered at {url}: the host does not exist, refused the connection, \
             this computer is offline, or this page's Content-Security-Policy does not let it \
             connect there (the builder needs `connect-src https:`)."
        ),
        E::NotFound { url, status } => format!("{url} answered {status}: there is no key there."),
        E::Status { url, status } => format!("{url} answered with the error status {status}."),
        E::HtmlPage { url } => format!(
            "{url} sent a web page (HTML), not a key: the server probably answers unknown paths \
             with its home page or a login page. Put the key file at exactly this path."
        ),
        E::Empty { url } => format!("{url} answered with an empty file."),
        E::Base64WithoutArmor { url } => format!(
            "{url} holds base64 text without the “-----BEGIN PGP PUBLIC KEY BLOCK-----” lines: \
             neither a binary key nor an armored one. Serve the output of `gpg --export \
             FINGERPRINT` (binary, for the Web Key Directory) or of `gpg --armor --export \
             FINGERPRINT`, whole."
        ),
        E::MangledBinary { url } => format!(
            "{url} holds a binary key damaged by a text conversion (its bytes were replaced by \
             U+FFFD), as an editor, a CMS or a text-mode upload does. Upload the output of \
             `gpg --export FINGERPRINT` as a binary file."
        ),
        E::NotAKey { url, found } => format!("{url} is not an OpenPGP key. {found}"),
        E::Unusable { url, reason } => format!("The key at {url} cannot be used. {reason}"),
        E::NotSecurityTxt { url } => {
            format!("{url} is not a security.txt file: it has no Contact or Encryption field.")
        }
        E::NoEncryptionField { url } => {
            format!("{url} has no Encryption field, so it names no key.")
        }
        E::EncryptionNotFetchable { uri, why } => {
            let why = match why {
                UriProblem::Dns => {
                    "a DNS OPENPGPKEY record, which a browser cannot look up (`gpg \
                     --auto-key-locate dane --locate-keys` can: export the key and pick the file)"
                }
                UriProblem::PlainHttp => {
                    "a plain http address, where anyone on the way could swap the key: serve it over https"
                }
                UriProblem::Elsewhere => "not an https address",
                UriProblem::NotAUri => "not a URI",
            };
            format!("Encryption: {uri} is {why}.")
        }
    }
}

pub static DE: DiscoverTexts = DiscoverTexts {
    heading: "Schlüssel über eine E-Mail-Adresse finden",
    intro: "sealpost sucht dort, wo OpenPGP-Programme suchen: im Web Key Directory der Domain \
            der Adresse (erst die erweiterte, dann die direkte Methode) und im Encryption-Feld \
            ihrer security.txt.",
    address_label: "Adresse für Sicherheitsmeldungen",
    find: "Schlüssel suchen",
    searching: "Suche läuft…",
    use_key: "Diesen Schlüssel verwenden",
    found: "Gefunden",
    not_found: "Nichts Verwendbares",
    fingerprint: "Fingerabdruck",
    format: "Format",
    pinned_by_security_txt: |fingerprint, matches| {
        if matches {
            format!("Die security.txt nennt den Fingerabdruck {fingerprint}: ein hier gefundener Schlüssel hat ihn.")
        } else {
            format!("Die security.txt nennt den Fingerabdruck {fingerprint}, aber kein hier gefundener Schlüssel hat ihn.")
        }
    },
    skipped_direct:
        "Nicht versucht: die erweiterte Methode hat einen verwendbaren Schlüssel gefunden.",
    address_missing: |address| {
        format!(
            "Keine Benutzerkennung dieses Schlüssels lautet auf {address}: GnuPG und andere \
             WKD-Programme ignorieren dort einen Schlüssel, der die gesuchte Adresse nicht nennt."
        )
    },
    method: |method| match method {
        Method::WkdAdvanced => "Web Key Directory, erweiterte Methode",
        Method::WkdDirect => "Web Key Directory, direkte Methode",
        Method::SecurityTxt => "security.txt",
        Method::SecurityTxtKey => "Encryption-Feld der security.txt",
    },
    key_format: |format| match format {
        KeyFormat::Binary => "binär (OpenPGP-Pakete)",
        KeyFormat::Armored => "ASCII-Armor (BEGIN PGP PUBLIC KEY BLOCK)",
        KeyFormat::Other => "nicht erkannt",
    },
    note: |note| {
        match note {
        FormatNote::ArmoredOnWkd => {
            "Das Web Key Directory liefert Schlüssel binär aus; dieser ist in ASCII-Armor. sealpost \
             liest ihn, GnuPG und andere WKD-Programme vielleicht nicht: legen Sie dort die Ausgabe \
             von `gpg --export FINGERABDRUCK` (ohne --armor) ab."
        }
        FormatNote::InWebPage => {
            "Der Schlüssel steht in einer Webseite; eine reine Schlüsseldatei ist verlässlicher."
        }
    }
    },
    error: de_error,
};

fn de_error(error: &DiscoveryError) -> String {
    use DiscoveryError as E;
    match error {
        E::InvalidAddress { address, reason } => {
            let why = match reason {
                AddressProblem::NoAt => "es fehlt das @",
                AddressProblem::NothingBeforeAt => "vor dem @ steht nichts",
                AddressProblem::SpaceInLocalPart => "der Teil vor dem @ enthält Leerzeichen",
                AddressProblem::NoDotInDomain => "die Domain enthält keinen Punkt",
                AddressProblem::IpAddress => "die Domain ist eine IP-Adresse, kein Name",
                AddressProblem::NotADomain => "der Teil nach dem @ ist kein Domainname",
            };
            format!("„{address}“ ist keine E-Mail-Adresse: {why}.")
        }
        E::OverrideRefused { base, reason } => {
            let why = match reason {
                OverrideProblem::PageNotLocal => {
                    "nur eine Seite von diesem Rechner (127.0.0.1) darf einen Testserver verwenden"
                }
                OverrideProblem::NotLocal => {
                    "ein Testserver muss auf diesem Rechner laufen (127.0.0.1, ::1 oder localhost)"
                }
                OverrideProblem::NotAUrl => "das ist keine URL",
            };
            format!("Der Testserver {base} wurde ignoriert: {why}. Gesucht wird auf der Domain der Adresse.")
        }
        E::CorsBlocked { url, page_origin } => format!(
            "Der Server unter {url} hat geantwortet, aber ohne Access-Control-Allow-Origin-Header; \
             deshalb ließ der Browser diese Seite ({page_origin}) die Antwort nicht lesen (CORS). \
             Das Web Key Directory verlangt von Servern `Access-Control-Allow-Origin: *`; bis das \
             eingerichtet ist, laden Sie den Schlüssel herunter und wählen die Datei oben aus."
        ),
        E::Unreachable { url } => format!(
            "Unter {url} hat niemand geantwortet: den Host gibt es nicht, er hat die Verbindung \
             abgelehnt, dieser Rechner ist offline, oder die Content-Security-Policy dieser \
             Seite erlaubt keine Verbindung dorthin (der Baukasten braucht `connect-src https:`)."
        ),
        E::NotFound { url, status } => {
            format!("{url} antwortete {status}: dort liegt kein Schlüssel.")
        }
        E::Status { url, status } => format!("{url} antwortete mit dem Fehlerstatus {status}."),
        E::HtmlPage { url } => format!(
            "{url} lieferte eine Webseite (HTML), keinen Schlüssel: der Server beantwortet \
             unbekannte Pfade wohl mit seiner Startseite oder einer Anmeldeseite. Legen Sie die \
             Schlüsseldatei genau unter diesem Pfad ab."
        ),
        E::Empty { url } => format!("{url} lieferte eine leere Datei."),
        E::Base64WithoutArmor { url } => format!(
            "{url} enthält Base64-Text ohne die Zeilen „-----BEGIN PGP PUBLIC KEY BLOCK-----“: \
             weder ein binärer noch ein ASCII-Armor-Schlüssel. Legen Sie die vollständige Ausgabe \
             von `gpg --export FINGERABDRUCK` (binär, für das Web Key Directory) oder von \
             `gpg --armor --export FINGERABDRUCK` ab."
        ),
        E::MangledBinary { url } => format!(
            "{url} enthält einen binären Schlüssel, den eine Textumwandlung beschädigt hat (Bytes \
             wurden durch U+FFFD ersetzt), wie es ein Editor, ein CMS oder ein Upload im \
             Textmodus tut. Laden Sie die Ausgabe von `gpg --export FINGERABDRUCK` als \
             Binärdatei hoch."
        ),
        E::NotAKey { url, found } => format!("{url} ist kein OpenPGP-Schlüssel. {found}"),
        E::Unusable { url, reason } => {
            format!("Der Schlüssel unter {url} ist nicht verwendbar. {reason}")
        }
        E::NotSecurityTxt { url } => format!(
            "{url} ist keine security.txt: sie hat weder ein Contact- noch ein Encryption-Feld."
        ),
        E::NoEncryptionField { url } => {
            format!("{url} hat kein Encryption-Feld und nennt also keinen Schlüssel.")
        }
        E::EncryptionNotFetchable { uri, why } => {
            let why = match why {
                UriProblem::Dns => {
                    "ein DNS-OPENPGPKEY-Eintrag, den ein Browser nicht abfragen kann (`gpg \
                     --auto-key-locate dane --locate-keys` kann es: exportieren Sie den Schlüssel \
                     und wählen Sie die Datei aus)"
                }
                UriProblem::PlainHttp => {
                    "eine unverschlüsselte http-Adresse, auf deren Weg jeder den Schlüssel \
                     austauschen könnte: liefern Sie ihn über https aus"
                }
                UriProblem::Elsewhere => "keine https-Adresse",
                UriProblem::NotAUri => "keine URI",
            };
            format!("Encryption: {uri} ist {why}.")
        }
    }
}
