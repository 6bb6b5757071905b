//! `sealpost seal`: the page's "Encrypt report", from standard input to standard output.
//!
//! Everything that can refuse (keys, the policy) is checked before standard input is read, so a
//! researcher typing at the terminal learns about a dead key before writing the report.

use std::{
    io::{IsTerminal, Read, Write},
    path::PathBuf,
    time::SystemTime,
};

use clap::Args;
use rand::rngs::OsRng;
use sealpost_core::{
    seal::seal_report_with_progress, Encoding, Policy, PolicyError, RecipientKey, SealError,
};

use crate::{
    attachments,
    exit::Exit,
    files::{self, ReadError},
    plain_policy::plain_policy,
    recipients::{self, RecipientsError},
    report_input::{self, ReportInputError, ReportProblem},
    terminal::{self, bulleted},
};

#[derive(Debug, Args)]
pub struct SealArgs {
    /// Recipient key files (armored or binary); every certificate in each is a recipient.
    #[arg(long, value_name = "FILE", num_args = 1.., required_unless_present = "policy")]
    to: Vec<PathBuf>,
    /// Files to carry in the encrypted letter.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    attach: Vec<PathBuf>,
    /// Write ASCII armor (the default).
    #[arg(long)]
    armor: bool,
    /// Write raw OpenPGP packets (a third smaller); never to a terminal.
    #[arg(long, conflicts_with = "armor")]
    binary: bool,
    /// The project's policy: standard input is then a JSON object of field values, checked
    /// against it, and the report is also sealed to the policy's own keys.
    #[arg(long, value_name = "POLICY.json")]
    policy: Option<PathBuf>,
    /// The project named in the letter, without --policy [default: the first key's user ID].
    #[arg(long, value_name = "NAME", conflicts_with = "policy")]
    project: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SealFailure {
    #[error(
        "Refusing to write a binary OpenPGP message to the terminal: redirect standard \
         output to a file (> report.gpg), or leave out --binary for armored text."
    )]
    BinaryToTerminal,
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{} is not a usable policy:{}", .path.display(), bulleted(.problems))]
    InvalidPolicy {
        path: PathBuf,
        problems: Vec<PolicyError>,
    },
    #[error("The project name cannot be used:{}", bulleted(.0))]
    InvalidProjectName(Vec<PolicyError>),
    #[error(transparent)]
    Recipients(#[from] RecipientsError),
    #[error("Cannot read the report from standard input: {0}")]
    Stdin(std::io::Error),
    #[error("The report on standard input is not UTF-8 text.")]
    StdinNotText,
    #[error("Nothing to seal: standard input is empty. Give the report on it: sealpost seal --to KEY < report.txt")]
    EmptyReport,
    #[error(transparent)]
    Report(#[from] ReportInputError),
    #[error("{0}")]
    Seal(SealError),
    #[error("Cannot write the sealed report: {0}")]
    Write(std::io::Error),
}

impl SealFailure {
    fn exit(&self) -> Exit {
        match self {
            SealFailure::Recipients(RecipientsError::Read(_)) => Exit::Failed,
            SealFailure::Recipients(_)
            | SealFailure::EmptyReport
            | SealFailure::Report(ReportInputError::Refused(_)) => Exit::Refused,
            _ => Exit::Failed,
        }
    }
}

pub fn run(args: &SealArgs) -> Exit {
    match seal(args) {
        Ok(()) => Exit::Success,
        Err(failure) => {
            terminal::say(&failure.to_string());
            failure.exit()
        }
    }
}

fn seal(args: &SealArgs) -> Result<(), SealFailure> {
    let encoding = if args.binary {
        Encoding::Binary
    } else {
        Encoding::Armored
    };
    if encoding == Encoding::Binary && std::io::stdout().is_terminal() {
        return Err(SealFailure::BinaryToTerminal);
    }
    let now = SystemTime::now();
    let given = recipients::from_files(&args.to, now)?;
    let (policy, recipients) = match &args.policy {
        Some(path) => {
            let policy = read_policy(path)?;
            let recipients = recipients::with_policy(&policy, given, now)?;
            (policy, recipients)
        }
        None => {
            let project = args.project.clone().unwrap_or_else(|| project_name(&given));
            let policy = plain_policy(&project).map_err(SealFailure::InvalidProjectName)?;
            (policy, given)
        }
    };
    let attachments = attachments::read_all(&args.attach)?;

    let input = read_stdin(args.policy.is_some())?;
    let report = match args.policy {
        Some(_) => report_input::from_json(&policy, &input)?,
        None if input.trim().is_empty() => return Err(SealFailure::EmptyReport),
        None => report_input::plain(input),
    };
    let sealed = seal_report_with_progress(
        &policy,
        &report,
        attachments,
        &recipients,
        encoding,
        now,
        OsRng,
        |_, _| {},
    )
    .map_err(|err| match err {
        // `from_json` has judged the report already; this keeps the wording if that changes.
        SealError::Incomplete(problems) => SealFailure::Report(ReportInputError::Refused(
            problems.into_iter().map(ReportProblem::Invalid).collect(),
        )),
        other => SealFailure::Seal(other),
    })?;

    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&sealed.message)
        .and_then(|()| stdout.flush())
        .map_err(SealFailure::Write)?;
    for key in &recipients {
        terminal::say(&format!("sealed to {}", describe(key)));
    }
    Ok(())
}

fn read_policy(path: &std::path::Path) -> Result<Policy, SealFailure> {
    let invalid = |problems| SealFailure::InvalidPolicy {
        path: path.to_owned(),
        problems,
    };
    let bytes = files::read(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        invalid(vec![PolicyError {
            path: ".".into(),
            reason: "the file is not UTF-8 text".into(),
        }])
    })?;
    Policy::from_json(&text).map_err(invalid)
}

fn read_stdin(expects_json: bool) -> Result<String, SealFailure> {
    let mut stdin = std::io::stdin().lock();
    if stdin.is_terminal() {
        let what = if expects_json {
            "the report as JSON"
        } else {
            "the report"
        };
        terminal::say(&format!(
            "type {what}, then press Ctrl-D on a line of its own"
        ));
    }
    let mut bytes = Vec::new();
    stdin.read_to_end(&mut bytes).map_err(SealFailure::Stdin)?;
    String::from_utf8(bytes).map_err(|_| SealFailure::StdinNotText)
}

/// The name the letter's subject and heading give the project when no policy names it: the
/// first key's owner, as its user ID names them ("Example Security Team <security@…>" gives
/// "Example Security Team"), else its fingerprint.
fn project_name(keys: &[RecipientKey]) -> String {
    let Some(key) = keys.first() else {
        return "the recipient".into();
    };
    key.user_id()
        .map(|uid| uid.split(" <").next().unwrap_or(uid).trim())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("the holder of key {}", key.fingerprint_grouped()))
}

fn describe(key: &RecipientKey) -> String {
    match key.user_id() {
        Some(uid) => format!("{} “{uid}”", key.fingerprint_grouped()),
        None => key.fingerprint_grouped(),
    }
}
