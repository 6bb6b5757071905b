//! `sealpost open REPORT.asc --key SECRET.asc`: the project's side of a sealed report. Decrypts
//! it (or takes a letter gpg already decrypted, `--decrypted`), and unpacks it into a directory:
//! `report.txt`, `report.json` and `attachments/`, checking each attachment against the SHA-256
//! that report.json records for it.
//!
//! Every name in the letter is the sender's: none is used as a path. Attachment names are
//! cleaned to one plain file name in `attachments/` and made unique, and each change is said.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use clap::Args;

use crate::{
    decrypt::{self, DecryptError},
    exit::Exit,
    files::{self, ReadError},
    terminal,
    unpack::{self, Letter, LetterError},
};

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The sealed report: armored (.asc) or binary (.pgp/.gpg).
    #[arg(value_name = "REPORT", required_unless_present = "decrypted")]
    report: Option<PathBuf>,
    /// The recipient's secret key (armored or binary).
    #[arg(long, value_name = "SECRET.asc", required_unless_present = "decrypted")]
    key: Option<PathBuf>,
    /// A file whose first line is the secret key's passphrase (else it is asked for at the
    /// terminal, if the key has one).
    #[arg(long, value_name = "FILE", requires = "key")]
    passphrase_file: Option<PathBuf>,
    /// Open a letter already decrypted (gpg --decrypt report.asc > report.eml).
    #[arg(long, value_name = "FILE.eml", conflicts_with_all = ["report", "key"])]
    decrypted: Option<PathBuf>,
    /// Where to unpack: a new or empty directory [default: report-<id> here].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
enum OpenFailure {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Decrypt(#[from] DecryptError),
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error("Cannot unpack the report: {0}")]
    Write(std::io::Error),
}

impl OpenFailure {
    fn exit(&self) -> Exit {
        match self {
            // Read, understood, and not openable with what was given.
            OpenFailure::Decrypt(DecryptError::Decrypt(_)) | OpenFailure::Letter(_) => {
                Exit::Refused
            }
            _ => Exit::Failed,
        }
    }
}

pub fn run(args: &OpenArgs) -> Exit {
    match open(args) {
        Ok(exit) => exit,
        Err(failure) => {
            terminal::say(&failure.to_string());
            failure.exit()
        }
    }
}

fn open(args: &OpenArgs) -> Result<Exit, OpenFailure> {
    let mime = match (&args.decrypted, &args.report, &args.key) {
        (Some(eml), _, _) => files::read(eml)?,
        (None, Some(report), Some(key_path)) => {
            let key =
                decrypt::secret_key(&files::read(key_path)?, &key_path.display().to_string())?;
            let given = match &args.passphrase_file {
                Some(path) => Some(first_line(&files::read(path)?)),
                None => None,
            };
            let password = decrypt::passphrase(&key, given)?;
            decrypt::decrypt(
                &files::read(report)?,
                &report.display().to_string(),
                &key,
                &password,
            )?
        }
        // clap requires REPORT and --key unless --decrypted.
        _ => return Ok(Exit::Failed),
    };
    let letter = unpack::read_letter(&mime)?;
    let dir = args.out.clone().unwrap_or_else(|| default_dir(&letter));
    let outcome = write_letter(&dir, &letter).map_err(OpenFailure::Write)?;

    let mut stdout = std::io::stdout().lock();
    let listing: String = outcome
        .written
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    stdout
        .write_all(terminal::printable(&listing).as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(OpenFailure::Write)?;
    for note in &outcome.notes {
        terminal::say(note);
    }
    if outcome.problems.is_empty() {
        let about = match &letter.document {
            Some(doc) => format!("report {} for {}", doc.id, doc.project.name),
            None => "the report".into(),
        };
        terminal::say(&format!(
            "opened {about} into {}: {} attachment(s), every SHA-256 matches report.json",
            dir.display(),
            letter.attachments.len()
        ));
        Ok(Exit::Success)
    } else {
        for problem in &outcome.problems {
            terminal::say(&format!("problem: {problem}"));
        }
        Ok(Exit::Refused)
    }
}

/// The passphrase file's first line, without its line ending.
fn first_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines().next().unwrap_or_default().to_owned()
}

/// `report-<first 12 characters of the id>`, the id cleaned like any name in the letter.
fn default_dir(letter: &Letter) -> PathBuf {
    let id = letter
        .document
        .as_ref()
        .map(|doc| unpack::safe_name(&doc.id.chars().take(12).collect::<String>()).0)
        .unwrap_or_else(|| "unknown".into());
    PathBuf::from(format!("report-{id}"))
}

struct Outcome {
    written: Vec<PathBuf>,
    /// Renamed files, said so the reader can match them to the report.
    notes: Vec<String>,
    /// What does not match report.json.
    problems: Vec<String>,
}

fn write_letter(dir: &Path, letter: &Letter) -> std::io::Result<Outcome> {
    let dir = unpack::prepare_dir(dir)?;
    let mut outcome = Outcome {
        written: Vec::new(),
        notes: Vec::new(),
        problems: Vec::new(),
    };
    let mut write = |path: PathBuf, bytes: &[u8]| -> std::io::Result<()> {
        unpack::create_file(&path, bytes)?;
        outcome.written.push(path);
        Ok(())
    };
    write(dir.join("report.txt"), letter.text.as_bytes())?;
    match &letter.json {
        Some(json) => write(dir.join("report.json"), json)?,
        None => outcome
            .problems
            .push("the letter carries no report.json".into()),
    }
    if letter.json.is_some() && letter.document.is_none() {
        outcome
            .problems
            .push("report.json is not a sealpost report (saved as it is)".into());
    }
    if !letter.attachments.is_empty() {
        let attachments = dir.join("attachments");
        std::fs::create_dir(&attachments)?;
        let mut taken: Vec<String> = Vec::new();
        for part in &letter.attachments {
            let (clean, reason) = unpack::safe_name(&part.name);
            let name = unpack::unique_name(&clean, &taken);
            let why = match (reason, name != clean) {
                (Some(reason), _) => Some(reason),
                (None, true) => Some("another attachment has that name"),
                (None, false) => None,
            };
            if let Some(why) = why {
                outcome.notes.push(format!(
                    "the attachment “{}” was saved as attachments/{name}: {why}",
                    part.name.escape_debug()
                ));
            }
            write(attachments.join(&name), &part.bytes)?;
            taken.push(name);
        }
    }
    if let Some(doc) = &letter.document {
        outcome.problems.extend(verify(doc, &letter.attachments));
    }
    Ok(outcome)
}

/// Each attachment against its entry in report.json, in the letter's order.
fn verify(doc: &sealpost_core::ReportDocument, parts: &[unpack::Part]) -> Vec<String> {
    let mut problems = Vec::new();
    if doc.attachments.len() != parts.len() {
        problems.push(format!(
            "report.json lists {} attachment(s), the letter carries {}",
            doc.attachments.len(),
            parts.len()
        ));
    }
    for (index, (entry, part)) in doc.attachments.iter().zip(parts).enumerate() {
        let actual = unpack::sha256_hex(&part.bytes);
        if entry.name != part.name {
            problems.push(format!(
                "attachment {}: report.json names it “{}”, the letter “{}”",
                index + 1,
                entry.name.escape_debug(),
                part.name.escape_debug()
            ));
        }
        if entry.sha256 != actual || entry.size != part.bytes.len() as u64 {
            problems.push(format!(
                "attachment {} “{}”: its SHA-256 is {actual} ({} bytes), report.json says {} ({} bytes)",
                index + 1,
                part.name.escape_debug(),
                part.bytes.len(),
                entry.sha256,
                entry.size
            ));
        }
    }
    problems
}
