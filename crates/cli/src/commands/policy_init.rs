//! `sealpost policy init --from-security-txt FILE`: a first policy from what a project already
//! publishes (RFC 9116): Contact → channels, Encryption → recipients, Preferred-Languages →
//! languages, Policy → a note linking the full policy, Expires → a warning when stale.
//!
//! sealpost does not go on the network: a security.txt or key that lives at an https URL must be
//! downloaded first, and the command says how. What it writes is a draft for the maintainer to
//! review, so it is written even when something is missing, and the exit code says whether it is
//! usable as it stands (0) or still needs editing (1).

use std::{
    io::Write,
    path::{Path, PathBuf},
    time::SystemTime,
};

use clap::Args;
use sealpost_core::{
    policy::{document::Recipient, Channel, Commitments, PolicyDocument, Project},
    security_txt::{Expiry, SecurityTxt},
    Policy, RecipientKey,
};
use time::OffsetDateTime;

use crate::{
    clock,
    exit::Exit,
    files::{self, ReadError},
    terminal::{self, bulleted},
};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The project's security.txt: a file (plain or PGP-signed). URLs are not fetched.
    #[arg(long = "from-security-txt", value_name = "FILE")]
    source: String,
    /// Write the policy here (never over an existing file) instead of to standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The key its Encryption field points to, downloaded (armored); put in the policy inline
    /// with its fingerprint pinned. Repeat for several recipients.
    #[arg(long = "key", value_name = "FILE")]
    keys: Vec<PathBuf>,
    /// The project's name [default: the host name of its Canonical URL or contact address].
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Judge expiry (of the file and keys) at this moment instead of now.
    #[arg(long, value_name = "WHEN", value_parser = clock::parse_instant)]
    at: Option<SystemTime>,
}

#[derive(Debug, thiserror::Error)]
enum InitFailure {
    #[error(
        "sealpost does not fetch from the network. Download the file first, e.g.\n  \
         curl -fsSL {0} -o security.txt\nthen run: sealpost policy init --from-security-txt security.txt"
    )]
    Url(String),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{0} is not UTF-8 text.")]
    NotText(String),
    #[error("{} cannot be used as a recipient key:{}", .file.display(), bulleted(.problems))]
    Key {
        file: PathBuf,
        problems: Vec<String>,
    },
    #[error("{} exists; sealpost does not overwrite it. Choose another --out.", .0.display())]
    Exists(PathBuf),
    #[error("Cannot write the policy: {0}")]
    Write(std::io::Error),
}

impl InitFailure {
    fn exit(&self) -> Exit {
        match self {
            InitFailure::Key { .. } => Exit::Refused,
            _ => Exit::Failed,
        }
    }
}

pub fn run(args: &InitArgs) -> Exit {
    match init(args) {
        Ok(exit) => exit,
        Err(failure) => {
            terminal::say(&failure.to_string());
            failure.exit()
        }
    }
}

fn init(args: &InitArgs) -> Result<Exit, InitFailure> {
    let source = &args.source;
    if source.starts_with("https://") || source.starts_with("http://") {
        return Err(InitFailure::Url(source.clone()));
    }
    let path = Path::new(source.strip_prefix("file://").unwrap_or(source));
    let text = String::from_utf8(files::read(path)?)
        .map_err(|_| InitFailure::NotText(path.display().to_string()))?;
    let file = SecurityTxt::parse(&text);
    let now = args.at.unwrap_or_else(SystemTime::now);
    let mut notes = Notes::default();

    check_file(&file, now, &mut notes);
    let channels = channels(&file, &mut notes);
    let recipients = recipients(&file, &args.keys, now, &mut notes)?;
    let document = PolicyDocument {
        schema: None,
        version: sealpost_core::policy::POLICY_VERSION,
        project: Project {
            name: args.name.clone().unwrap_or_else(|| project_name(&file)),
            homepage: homepage(&file),
            languages: file.preferred_languages.clone(),
        },
        recipients,
        channels,
        fields: sealpost_core::builder::starter_fields(),
        severity: Default::default(),
        scope: Default::default(),
        rules: Vec::new(),
        commitments: Commitments {
            notes: file
                .policy
                .iter()
                .map(|url| format!("The project's full security policy: {url}"))
                .collect(),
            ..Default::default()
        },
        attachments: Default::default(),
        quality: Default::default(),
        theme: None,
        translations: Default::default(),
    };
    // Plain data: serializing cannot fail.
    let json = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
    write(args.out.as_deref(), &json)?;

    for warning in &notes.warnings {
        terminal::say(&format!("warning: {warning}"));
    }
    for step in &notes.todo {
        terminal::say(&format!("to do: {step}"));
    }
    let target = args
        .out
        .as_ref()
        .map_or("the policy".to_owned(), |p| p.display().to_string());
    match Policy::from_json(&json) {
        Ok(_) => {
            terminal::say(&format!(
                "wrote {target}: review it (fields, commitments), then check it with sealpost policy lint"
            ));
            Ok(Exit::Success)
        }
        Err(problems) => {
            terminal::say(&format!(
                "wrote {target}, but it needs editing before the page can use it:{}",
                bulleted(&problems)
            ));
            Ok(Exit::Refused)
        }
    }
}

#[derive(Default)]
struct Notes {
    warnings: Vec<String>,
    todo: Vec<String>,
}

fn check_file(file: &SecurityTxt, now: SystemTime, notes: &mut Notes) {
    if file.signed {
        notes
            .warnings
            .push("the file is PGP-signed; its signature was removed, not verified".into());
    }
    for (line, text) in &file.unreadable {
        notes.warnings.push(format!(
            "line {line} is not a field and was skipped: {text}"
        ));
    }
    let now = OffsetDateTime::from(now);
    match file.expiry() {
        None => notes.warnings.push(
            "the file has no Expires field (RFC 9116 requires one): its details may be stale"
                .into(),
        ),
        Some(Expiry::Unreadable) => notes.warnings.push(format!(
            "Expires `{}` is not a date; RFC 9116 wants RFC 3339, e.g. 2027-01-01T00:00:00Z",
            file.expires.as_deref().unwrap_or_default()
        )),
        Some(expiry) => {
            let (Expiry::At(at) | Expiry::Lenient(at)) = expiry else {
                return;
            };
            if matches!(expiry, Expiry::Lenient(_)) {
                notes.warnings.push(format!(
                    "Expires `{}` is not in RFC 3339 form (seconds and a time zone, e.g. \
                     2026-09-18T10:00:00Z); read as UTC",
                    file.expires.as_deref().unwrap_or_default()
                ));
            }
            if at < now {
                notes.warnings.push(format!(
                    "the file expired on {}: its contacts and key may be out of date; check \
                     them with the project",
                    at.date()
                ));
            }
        }
    }
}

/// `mailto:` contacts become email channels and `https:` ones web forms, in the file's order
/// (RFC 9116 lists them by preference).
fn channels(file: &SecurityTxt, notes: &mut Notes) -> Vec<Channel> {
    let mut channels = Vec::new();
    for contact in &file.contact {
        if let Some(address) = contact.strip_prefix("mailto:") {
            // `mailto:a@b?subject=…`: the address only.
            let address = address.split('?').next().unwrap_or(address).to_owned();
            channels.push(Channel::Email {
                address,
                backup: None,
            });
        } else if contact.starts_with("https://") {
            let name = url::Url::parse(contact)
                .ok()
                .and_then(|url| {
                    url.host_str()
                        .map(|host| format!("Security contact form on {host}"))
                })
                .unwrap_or_else(|| "Security contact form".into());
            channels.push(Channel::WebForm {
                name,
                url: contact.clone(),
            });
        } else {
            notes.warnings.push(format!(
                "Contact `{contact}` is neither mailto: nor https: and was left out"
            ));
        }
    }
    if channels.is_empty() {
        notes
            .todo
            .push("add a channel: the file has no mailto: or https: Contact".into());
    }
    channels
}

/// `--key` files inline (pinned); otherwise each Encryption URL as a `key_url` on the page's
/// site, with what to do about it.
fn recipients(
    file: &SecurityTxt,
    keys: &[PathBuf],
    now: SystemTime,
    notes: &mut Notes,
) -> Result<Vec<Recipient>, InitFailure> {
    let mut recipients = Vec::new();
    let pins: Vec<String> = file
        .encryption
        .iter()
        .filter_map(|uri| uri.strip_prefix("openpgp4fpr:"))
        .map(|hex| hex.trim().to_ascii_uppercase())
        .collect();
    let mut key_files: Vec<PathBuf> = keys.to_vec();
    for uri in &file.encryption {
        if uri.starts_with("openpgp4fpr:") {
            continue;
        }
        if let Some(path) = uri.strip_prefix("file://") {
            key_files.push(PathBuf::from(path));
        } else if uri.starts_with("https://") {
            if keys.is_empty() {
                let path = url::Url::parse(uri)
                    .map(|url| url.path().to_owned())
                    .unwrap_or_else(|_| "/.well-known/pgp-key.txt".into());
                notes.todo.push(format!(
                    "the key is at {uri}: download it (curl -fsSL {uri} -o key.asc) and run \
                     again with --key key.asc to put it in the policy, pinned; as written, the \
                     page fetches {path} from its own site"
                ));
                recipients.push(Recipient {
                    name: None,
                    key: None,
                    key_url: Some(path),
                    fingerprint: None,
                    test_key: false,
                });
            }
        } else if !uri.contains("://") && !uri.contains(':') {
            // A relative path next to the file, as in a local checkout of the site.
            key_files.push(PathBuf::from(uri));
        } else {
            notes.warnings.push(format!(
                "Encryption `{uri}` is neither https: nor a file and was left out"
            ));
        }
    }
    for path in &key_files {
        recipients.extend(inline_recipients(path, &pins, now)?);
    }
    if recipients.is_empty() {
        notes.todo.push(
            "add a recipient key: the file has no Encryption field; give the key with --key".into(),
        );
    }
    Ok(recipients)
}

/// Every certificate in the armored key file `path`, each pinned by its fingerprint.
fn inline_recipients(
    path: &Path,
    pins: &[String],
    now: SystemTime,
) -> Result<Vec<Recipient>, InitFailure> {
    let refuse = |problems: Vec<String>| InitFailure::Key {
        file: path.to_owned(),
        problems,
    };
    let bytes = files::read(path)?;
    let verdicts =
        RecipientKey::accept_all(&bytes, now).map_err(|err| refuse(vec![err.to_string()]))?;
    let text = String::from_utf8_lossy(&bytes);
    let Some(armored) = armored_block(&text) else {
        return Err(refuse(vec![
            "it is not ASCII-armored: export it with gpg --armor --export".into(),
        ]));
    };
    let mut keys = Vec::new();
    let mut problems = Vec::new();
    for verdict in verdicts {
        match verdict {
            Ok(key) => keys.push(key),
            Err(err) => problems.push(err.to_string()),
        }
    }
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    if !pins.is_empty()
        && !keys
            .iter()
            .any(|key| pins.iter().any(|pin| pin == key.fingerprint()))
    {
        return Err(refuse(vec![format!(
            "security.txt pins {}, which this file does not hold",
            pins.join(", ")
        )]));
    }
    // One entry per certificate, each with the whole block and its own pin: a pinned recipient
    // uses only its certificate, so a team file needs no splitting.
    Ok(keys
        .iter()
        .map(|key| Recipient {
            name: key.user_id().map(str::to_owned),
            key: Some(armored.clone()),
            key_url: None,
            fingerprint: Some(key.fingerprint_grouped()),
            test_key: false,
        })
        .collect())
}

/// The first armored public key block in `text` (key files often carry notes around it).
fn armored_block(text: &str) -> Option<String> {
    const BEGIN: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    const END: &str = "-----END PGP PUBLIC KEY BLOCK-----";
    let start = text.find(BEGIN)?;
    let end = text[start..].find(END)? + start + END.len();
    Some(format!("{}\n", text[start..end].replace("\r\n", "\n")))
}

fn host_of(url: &str) -> Option<String> {
    url::Url::parse(url).ok()?.host_str().map(str::to_owned)
}

fn project_name(file: &SecurityTxt) -> String {
    file.canonical
        .iter()
        .chain(&file.policy)
        .find_map(|url| host_of(url))
        .or_else(|| {
            file.contact.iter().find_map(|contact| {
                let address = contact.strip_prefix("mailto:")?;
                address.split_once('@').map(|(_, domain)| domain.to_owned())
            })
        })
        .map(|host| host.trim_start_matches("www.").to_owned())
        .unwrap_or_else(|| "Your project".into())
}

fn homepage(file: &SecurityTxt) -> Option<String> {
    let canonical = file.canonical.first()?;
    let url = url::Url::parse(canonical).ok()?;
    (url.scheme() == "https").then(|| format!("https://{}/", url.host_str().unwrap_or_default()))
}

/// What most security policies ask for (see docs/ and the presets): enough to act on, little
/// enough that researchers fill it in.
fn write(out: Option<&Path>, json: &str) -> Result<(), InitFailure> {
    match out {
        Some(path) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|err| match err.kind() {
                    std::io::ErrorKind::AlreadyExists => InitFailure::Exists(path.to_owned()),
                    _ => InitFailure::Write(err),
                })?;
            file.write_all(json.as_bytes()).map_err(InitFailure::Write)
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(json.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(InitFailure::Write)
        }
    }
}
