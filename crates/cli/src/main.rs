//! `sealpost`: the command-line side of sealpost. It judges keys and seals reports with the same
//! rules as the page (`sealpost_core`), so maintainers can check their key before publishing it
//! and researchers can seal a report without a browser.

mod attachments;
mod clock;
mod commands;
mod exit;
mod files;
mod plain_policy;
mod recipients;
mod report_input;
mod terminal;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::{key_check, seal};

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
    };
    exit.into()
}
