//! `sealpost`: the command-line side of sealpost. It judges keys and seals reports with the same
//! rules as the page (`sealpost_core`), so maintainers can check their key before publishing it
//! and researchers can seal a report without a browser.

mod attachments;
mod clock;
mod commands;
mod decrypt;
mod exit;
mod files;
mod plain_policy;
mod recipients;
mod report_input;
mod terminal;
mod unpack;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::{export, key_check, open, policy_init, policy_lint, seal};

#[derive(Debug, Parser)]
#[command(
    name = "sealpost",
    version,
    about = "End-to-end encrypted vulnerability reports, on the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work with OpenPGP recipient keys.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Encrypt a report (read from standard input) to the project's keys.
    #[command(after_help = "Examples:\n  \
        sealpost seal --to security.asc --attach poc.py < report.txt > report.asc\n  \
        sealpost seal --policy policy.json < report.json > report.asc")]
    Seal(seal::SealArgs),
    /// Decrypt a sealed report and unpack it: report.txt, report.json and the attachments.
    #[command(after_help = "Examples:\n  \
        sealpost open report.asc --key security-secret.asc --out report/\n  \
        gpg --decrypt report.asc > report.eml && sealpost open --decrypted report.eml --out report/")]
    Open(open::OpenArgs),
    /// Turn a received report.json into an advisory draft (OSV, CVE JSON 5.1, GitHub's form).
    Export(export::ExportArgs),
    /// Check or bootstrap a project's policy file.
    #[command(subcommand)]
    Policy(PolicyCommand),
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// Check a policy as the page would, keys included; exit 1 on errors (and on warnings with
    /// --strict).
    Lint(policy_lint::LintArgs),
    /// Write a first policy from the project's security.txt (RFC 9116).
    Init(policy_init::InitArgs),
}

#[derive(Debug, Subcommand)]
enum KeyCommand {
    /// Say whether reports can be encrypted to each key, as the page would.
    Check(key_check::KeyCheckArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Key(KeyCommand::Check(args)) => key_check::run(&args),
        Command::Seal(args) => seal::run(&args),
        Command::Open(args) => open::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Policy(PolicyCommand::Lint(args)) => policy_lint::run(&args),
        Command::Policy(PolicyCommand::Init(args)) => policy_init::run(&args),
    };
    exit.into()
}
