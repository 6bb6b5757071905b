//! `sealpost policy lint FILE`: everything the page would refuse in a policy, found before a
//! researcher finds it: the format and its rules (core's policy loader), the keys (core's key
//! acceptance, pins included), and warnings about what works but serves researchers badly.

use std::{
    io::Write,
    path::{Component, Path, PathBuf},
    time::{Duration, SystemTime},
};

use clap::{Args, ValueEnum};
use sealpost_core::{
    policy::{Channel, KeySource, Severity},
    recipients::accept,
    Policy, PolicyError,
};
use serde::Serialize;

use crate::{clock, exit::Exit, files, terminal};

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The policy file (JSON).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// `json` for programs: {"file", "ok", "errors": [{path, message}], "warnings": [...]}.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    strict: bool,
    /// The site's root directory: `key_url` paths are read from under it, so their keys are
    /// checked too (without it they cannot be checked offline).
    #[arg(long, value_name = "DIR")]
    base: Option<PathBuf>,
    /// Judge the keys at this moment instead of now: YYYY-MM-DD (midnight UTC) or RFC 3339.
    #[arg(long, value_name = "WHEN", value_parser = clock::parse_instant)]
    at: Option<SystemTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Serialize)]
struct Findings {
    file: String,
    ok: bool,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
}

#[derive(Debug, Serialize)]
struct Finding {
    path: String,
    message: String,
}

impl From<PolicyError> for Finding {
    fn from(error: PolicyError) -> Self {
        Finding {
            path: error.path,
            message: error.reason,
        }
    }
}

/// A key that expires sooner than this gets a warning: reports would start failing soon.
const EXPIRY_WARNING: Duration = Duration::from_secs(30 * 24 * 60 * 60);

pub fn run(args: &LintArgs) -> Exit {
    let bytes = match files::read(&args.file) {
        Ok(bytes) => bytes,
        Err(err) => {
            terminal::say(&err.to_string());
            return Exit::Failed;
        }
    };
    let now = args.at.unwrap_or_else(SystemTime::now);
    let (errors, warnings) = lint(&bytes, args.base.as_deref(), now);
    let findings = Findings {
        file: args.file.display().to_string(),
        ok: errors.is_empty() && (warnings.is_empty() || !args.strict),
        errors,
        warnings,
    };
    let output = match args.format {
        Format::Human => render_human(&findings),
        Format::Json => {
            // Strings and booleans only: serializing cannot fail.
            serde_json::to_string_pretty(&findings).unwrap_or_default() + "\n"
        }
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        terminal::say(&format!("cannot write the findings: {err}"));
        return Exit::Failed;
    }
    if findings.ok {
        Exit::Success
    } else {
        Exit::Refused
    }
}

fn lint(bytes: &[u8], base: Option<&Path>, now: SystemTime) -> (Vec<Finding>, Vec<Finding>) {
    let mut warnings = Vec::new();
    let Ok(text) = std::str::from_utf8(bytes) else {
        return (
            vec![Finding {
                path: ".".into(),
                message: "the file is not UTF-8 text".into(),
            }],
            warnings,
        );
    };
    let policy = match Policy::from_json(text) {
        Ok(policy) => policy,
        Err(errors) => return (errors.into_iter().map(Finding::from).collect(), warnings),
    };
    let mut errors = check_keys(&policy, base, now, &mut warnings);
    check_coherence(&policy, &mut warnings);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (errors, warnings)
}

/// Every recipient's key accepted as the page would, where it can be read: inline keys always,
/// `key_url` keys from under `base`.
fn check_keys(
    policy: &Policy,
    base: Option<&Path>,
    now: SystemTime,
    warnings: &mut Vec<Finding>,
) -> Vec<Finding> {
    let mut errors = Vec::new();
    for (index, source) in policy.recipients.iter().enumerate() {
        let material = match &source.key {
            KeySource::Inline(armored) => armored.as_bytes().to_vec(),
            KeySource::Url(url) => {
                let path = format!("recipients[{index}].key_url");
                if source.fingerprint.is_none() {
                    warnings.push(Finding {
                        path: format!("recipients[{index}].fingerprint"),
                        message: format!(
                            "no fingerprint pins the key at {url}: anyone who can change that \
                             file can read the reports; add \"fingerprint\""
                        ),
                    });
                }
                let Some(base) = base else {
                    warnings.push(Finding {
                        path,
                        message: format!(
                            "the key at {url} cannot be checked offline: give --base DIR (the \
                             site's root) to check it"
                        ),
                    });
                    continue;
                };
                match read_under(base, url) {
                    Ok(bytes) => bytes,
                    Err(message) => {
                        errors.push(Finding { path, message });
                        continue;
                    }
                }
            }
        };
        match accept(index, source, &material, now) {
            Ok(keys) => {
                for key in keys {
                    if key
                        .expires()
                        .is_some_and(|when| when < now + EXPIRY_WARNING)
                    {
                        warnings.push(Finding {
                            path: format!("recipients[{index}]"),
                            message: format!(
                                "the key {} expires on {}: extend it (and republish) before \
                                 reports start failing",
                                key.fingerprint_grouped(),
                                key.expires_date().unwrap_or_default()
                            ),
                        });
                    }
                }
            }
            Err(error) => errors.push(error.into()),
        }
        if source.test_key {
            warnings.push(Finding {
                path: format!("recipients[{index}].test_key"),
                message: "this is marked as a test key: replace it with the project's real key \
                          before publishing"
                    .into(),
            });
        }
    }
    errors
}

/// The file `url` (a path on the site) names under `base`, never outside it.
fn read_under(base: &Path, url: &str) -> Result<Vec<u8>, String> {
    let relative = url.split(['?', '#']).next().unwrap_or(url);
    let relative = Path::new(relative.trim_start_matches('/'));
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return Err(format!("`{url}` leaves the site's root; give a plain path"));
    }
    let path = base.join(relative);
    std::fs::read(&path).map_err(|err| {
        format!(
            "the key at {url} cannot be read from {}: {err}",
            path.display()
        )
    })
}

/// What is valid but would serve researchers badly.
fn check_coherence(policy: &Policy, warnings: &mut Vec<Finding>) {
    let mut warn = |path: &str, message: String| {
        warnings.push(Finding {
            path: path.into(),
            message,
        })
    };
    if !policy.fields.iter().any(|field| field.required) {
        warn(
            "fields",
            "no field is required: an empty report could be sent".into(),
        );
    }
    let has = |id: &str| policy.fields.iter().any(|field| field.id == id);
    if !has("description") && !has("reproduction_steps") && !has("proof_of_concept") {
        warn(
            "fields",
            "the form asks neither for a description nor for steps to reproduce".into(),
        );
    }
    let mut labels: Vec<String> = Vec::new();
    for field in &policy.fields {
        let label = field.label.trim().to_lowercase();
        if labels.contains(&label) {
            warn(
                "fields",
                format!("two fields are labelled “{}”", field.label.trim()),
            );
        }
        labels.push(label);
    }
    if let Severity::Levels { levels } = &policy.severity {
        let mut names: Vec<String> = Vec::new();
        for level in levels {
            let name = level.name.trim().to_lowercase();
            if names.contains(&name) {
                warn(
                    "severity.levels",
                    format!("the level “{}” is listed twice", level.name),
                );
            }
            names.push(name);
        }
    }
    if policy
        .channels
        .iter()
        .all(|channel| matches!(channel, Channel::PublicIssue { .. }))
    {
        warn(
            "channels",
            "the only channel is a public issue tracker: the report stays encrypted, but anyone \
             can see that a report was filed; offer a private channel too"
                .into(),
        );
    }
    if let Some(homepage) = &policy.project.homepage {
        if !homepage.starts_with("https://") {
            warn(
                "project.homepage",
                format!("`{homepage}` is not an https URL"),
            );
        }
    }
    for (index, tag) in policy.project.languages.iter().enumerate() {
        if !is_language_tag(tag) {
            warn(
                &format!("project.languages[{index}]"),
                format!("`{tag}` is not a BCP 47 language tag such as en or pt-BR"),
            );
        }
    }
}

/// A language subtag (2–3 letters) with optional `-`-separated subtags of 1–8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

fn render_human(findings: &Findings) -> String {
    let count = |n: usize, what: &str| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    let verdict = if findings.errors.is_empty() {
        "ok".to_owned()
    } else {
        "not usable".to_owned()
    };
    let mut out = format!(
        "{}: {verdict} ({}, {})\n",
        findings.file,
        count(findings.errors.len(), "error"),
        count(findings.warnings.len(), "warning")
    );
    for (kind, list) in [("error", &findings.errors), ("warning", &findings.warnings)] {
        for finding in list {
            out.push_str(&format!(
                "  {kind:<7} {}: {}\n",
                finding.path, finding.message
            ));
        }
    }
    // Key user IDs and the policy's own text are someone else's words.
    terminal::printable(&out)
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags() {
        for good in ["en", "pt-BR", "zh-Hant-TW", "sv"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "english", "en_US", "e"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
