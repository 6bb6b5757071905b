//! `sealpost key check FILE…`: the verdict the page would give on each certificate, for
//! maintainers checking a key before they publish it and for scripts (`--format json`).

use std::{
    io::Write,
    path::{Path, PathBuf},
    time::SystemTime,
};

use clap::{Args, ValueEnum};
use sealpost_core::{key::group_by_four, KeyError, RecipientKey};
use serde::Serialize;

use crate::{clock, exit::Exit, files, terminal};

#[derive(Debug, Args)]
pub struct KeyCheckArgs {
    /// Key files: ASCII-armored (also inside other text, as in a SECURITY.md) or binary;
    /// a file may hold several certificates.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// `json` for programs (the shape is in the README); exit codes are the same.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Judge the keys at this moment instead of now: YYYY-MM-DD (midnight UTC) or RFC 3339.
    #[arg(long, value_name = "WHEN", value_parser = clock::parse_instant)]
    at: Option<SystemTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// The whole answer; its JSON form is documented in the crate's README.
#[derive(Debug, Serialize)]
struct Verdicts {
    files: Vec<FileVerdict>,
}

#[derive(Debug, Serialize)]
struct FileVerdict {
    file: String,
    certificates: Vec<CertificateVerdict>,
    /// Why the file as a whole yielded no certificate (then `certificates` is empty).
    error: Option<Problem>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum CertificateVerdict {
    Usable(UsableKey),
    Refused(Refusal),
}

#[derive(Debug, Serialize)]
struct UsableKey {
    usable: bool,
    fingerprint: String,
    user_id: Option<String>,
    encryption_fingerprint: String,
    algorithm: String,
    version: u8,
    expires: Option<String>,
    seipd_v2: bool,
}

#[derive(Debug, Serialize)]
struct Refusal {
    usable: bool,
    code: &'static str,
    message: String,
}

#[derive(Debug, Serialize)]
struct Problem {
    code: &'static str,
    message: String,
}

/// The `code` of a file that could not be read at all.
const UNREADABLE: &str = "unreadable";

pub fn run(args: &KeyCheckArgs) -> Exit {
    let now = args.at.unwrap_or_else(SystemTime::now);
    let verdicts = Verdicts {
        files: args
            .files
            .iter()
            .map(|path| check_file(path, now))
            .collect(),
    };
    let output = match args.format {
        Format::Human => render_human(&verdicts),
        Format::Json => render_json(&verdicts),
    };
    let written = std::io::stdout()
        .lock()
        .write_all(output.as_bytes())
        .and_then(|()| std::io::stdout().flush());
    if let Err(err) = written {
        terminal::say(&format!("cannot write the verdicts: {err}"));
        return Exit::Failed;
    }
    verdicts.exit()
}

fn check_file(path: &Path, now: SystemTime) -> FileVerdict {
    let file = path.display().to_string();
    let bytes = match files::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return FileVerdict {
                file,
                certificates: Vec::new(),
                error: Some(Problem {
                    code: UNREADABLE,
                    message: err.to_string(),
                }),
            }
        }
    };
    match RecipientKey::accept_all(&bytes, now) {
        Ok(verdicts) => FileVerdict {
            file,
            certificates: verdicts.iter().map(CertificateVerdict::from).collect(),
            error: None,
        },
        Err(err) => FileVerdict {
            file,
            certificates: Vec::new(),
            error: Some(Problem {
                code: err.code(),
                message: err.to_string(),
            }),
        },
    }
}

impl From<&Result<RecipientKey, KeyError>> for CertificateVerdict {
    fn from(verdict: &Result<RecipientKey, KeyError>) -> Self {
        match verdict {
            Ok(key) => CertificateVerdict::Usable(UsableKey {
                usable: true,
                fingerprint: key.fingerprint().to_owned(),
                user_id: key.user_id().map(str::to_owned),
                encryption_fingerprint: key.encryption_fingerprint(),
                algorithm: key.algorithm().to_owned(),
                version: key.version(),
                expires: key.expires_date(),
                seipd_v2: key.supports_seipd_v2(),
            }),
            Err(err) => CertificateVerdict::Refused(Refusal {
                usable: false,
                code: err.code(),
                message: err.to_string(),
            }),
        }
    }
}

impl Verdicts {
    /// Unreadable files outrank refusals: a script must not mistake "could not look" for "looked
    /// and refused".
    fn exit(&self) -> Exit {
        let file_exit = |file: &FileVerdict| match &file.error {
            Some(problem) if problem.code == UNREADABLE => Exit::Failed,
            Some(_) => Exit::Refused,
            None if file
                .certificates
                .iter()
                .any(|cert| matches!(cert, CertificateVerdict::Refused(_))) =>
            {
                Exit::Refused
            }
            None => Exit::Success,
        };
        self.files
            .iter()
            .map(file_exit)
            .max()
            .unwrap_or(Exit::Success)
    }
}

fn render_json(verdicts: &Verdicts) -> String {
    // Strings, numbers and booleans only: serializing cannot fail.
    let mut json = serde_json::to_string_pretty(verdicts).unwrap_or_default();
    json.push('\n');
    json
}

/// One block per certificate, blank lines between blocks.
fn render_human(verdicts: &Verdicts) -> String {
    let blocks: Vec<String> = verdicts.files.iter().flat_map(human_blocks).collect();
    // Through the one filter: user IDs and the messages quoting them are the key maker's text.
    terminal::printable(&(blocks.join("\n\n") + "\n"))
}

fn human_blocks(file: &FileVerdict) -> Vec<String> {
    if let Some(problem) = &file.error {
        let heading = match problem.code {
            UNREADABLE => format!("{}: unreadable", file.file),
            code => format!("{}: refused ({code})", file.file),
        };
        return vec![format!("{heading}\n  {}", problem.message)];
    }
    let count = file.certificates.len();
    file.certificates
        .iter()
        .enumerate()
        .map(|(index, cert)| {
            let name = if count == 1 {
                file.file.clone()
            } else {
                format!("{}, certificate {} of {count}", file.file, index + 1)
            };
            match cert {
                CertificateVerdict::Usable(key) => human_usable(&name, key),
                CertificateVerdict::Refused(refusal) => {
                    format!("{name}: refused ({})\n  {}", refusal.code, refusal.message)
                }
            }
        })
        .collect()
}

fn human_usable(name: &str, key: &UsableKey) -> String {
    let aead = if key.seipd_v2 {
        "yes (SEIPD v2)"
    } else {
        "no (SEIPD v1 with MDC)"
    };
    format!(
        "{name}: usable\n\
         \x20 fingerprint  {}\n\
         \x20 user ID      {}\n\
         \x20 encrypts to  {} ({})\n\
         \x20 version      {}\n\
         \x20 expires      {}\n\
         \x20 AEAD         {aead}",
        group_by_four(&key.fingerprint),
        key.user_id.as_deref().unwrap_or("(none)"),
        group_by_four(&key.encryption_fingerprint),
        key.algorithm,
        key.version,
        key.expires.as_deref().unwrap_or("never"),
    )
}
