//! `sealpost export REPORT.json --as osv|cve5|github`: a received report (the `report.json` that
//! `sealpost open` unpacks) as an advisory draft, printed as JSON.

use std::{io::Write, path::PathBuf};

use clap::{Args, ValueEnum};
use sealpost_core::{
    export::{cve5_record, github::github_advisory_with, osv_entry, Ecosystem, ExportOptions},
    ReportDocument,
};

use crate::{
    exit::Exit,
    files::{self, ReadError},
    terminal,
};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The structured report: report.json from an opened letter.
    #[arg(value_name = "REPORT.json")]
    report: PathBuf,
    /// The format to write.
    #[arg(long = "as", value_enum, value_name = "FORMAT")]
    format: Format,
    /// The package's ecosystem (crates.io, npm, PyPI, Maven, …; GitHub's names work too), when
    /// the report does not name it with a package URL.
    #[arg(long, value_name = "NAME", value_parser = parse_ecosystem)]
    ecosystem: Option<Ecosystem>,
    /// The affected package's name, when the report does not give it.
    #[arg(long, value_name = "NAME")]
    package: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// An OSV entry (ossf.github.io/osv-schema).
    Osv,
    /// A CVE JSON 5.1 record with its CNA container.
    Cve5,
    /// The fields of GitHub's draft security advisory form, as one object in the form's order.
    Github,
}

fn parse_ecosystem(name: &str) -> Result<Ecosystem, String> {
    Ecosystem::from_name(name).ok_or_else(|| {
        format!(
            "`{name}` is not an ecosystem sealpost knows; use one of: {}",
            Ecosystem::names().join(", ")
        )
    })
}

#[derive(Debug, thiserror::Error)]
enum ExportFailure {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{path} is not a sealpost report.json: {source}")]
    NotAReport {
        path: String,
        source: serde_json::Error,
    },
    #[error("Cannot write the export: {0}")]
    Write(std::io::Error),
}

pub fn run(args: &ExportArgs) -> Exit {
    match export(args) {
        Ok(()) => Exit::Success,
        Err(failure) => {
            terminal::say(&failure.to_string());
            Exit::Failed
        }
    }
}

fn export(args: &ExportArgs) -> Result<(), ExportFailure> {
    let bytes = files::read(&args.report)?;
    let doc: ReportDocument =
        serde_json::from_slice(&bytes).map_err(|source| ExportFailure::NotAReport {
            path: args.report.display().to_string(),
            source,
        })?;
    let options = ExportOptions {
        ecosystem: args.ecosystem,
        package: args.package.clone(),
    };
    let json = match args.format {
        Format::Osv => osv_entry(&doc, &options).to_json(),
        Format::Cve5 => pretty(&cve5_record(&doc, &options)),
        Format::Github => github_object(&github_advisory_with(&doc, &options).fields()),
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(json.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(ExportFailure::Write)
}

fn pretty(value: &serde_json::Value) -> String {
    // A JSON value always serializes.
    let mut json = serde_json::to_string_pretty(value).unwrap_or_default();
    json.push('\n');
    json
}

/// `{"Title": "…", "Description": "…", …}` keeping the form's order (a JSON map would sort the
/// keys unless serde_json's `preserve_order` is on somewhere in the build).
fn github_object(fields: &[(&str, String)]) -> String {
    let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let members: Vec<String> = fields
        .iter()
        .map(|(label, value)| format!("  {}: {}", quote(label), quote(value)))
        .collect();
    format!("{{\n{}\n}}\n", members.join(",\n"))
}
