//! `sealpost-inbox`: run the receiving server.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode};

use clap::Parser;
use sealpost_inbox::{
    config::{Config, LogFormat},
    logging, shutdown_signal, Inbox,
};

/// The receiving server for sealpost reports: accepts only OpenPGP-encrypted messages and
/// stores each durably before answering 201.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// TOML configuration file (every key has a default; see the README).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Address to listen on, overriding server.listen (e.g. 127.0.0.1:8443).
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Directory for reports, overriding reports.storage_dir.
    #[arg(long, value_name = "DIR")]
    storage_dir: Option<PathBuf>,
    /// Log format, overriding log.format.
    #[arg(long, value_enum)]
    log_format: Option<LogFormat>,
    /// Print the effective configuration as TOML and exit.
    #[arg(long)]
    print_config: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match effective_config(&cli) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("sealpost-inbox: {err}");
            return ExitCode::from(2);
        }
    };
    if cli.print_config {
        return match toml::to_string(&config) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("sealpost-inbox: cannot print the configuration: {err}");
                ExitCode::FAILURE
            }
        };
    }
    if let Err(err) = logging::init(&config.log) {
        eprintln!("sealpost-inbox: {err}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("sealpost-inbox: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            eprintln!("sealpost-inbox: {err}");
            ExitCode::FAILURE
        }
    }
}

fn effective_config(cli: &Cli) -> Result<Config, sealpost_inbox::config::ConfigError> {
    let mut config = match &cli.config {
        Some(path) => Config::from_file(path)?,
        None => Config::default(),
    };
    if let Some(listen) = cli.listen {
        config.server.listen = listen;
    }
    if let Some(dir) = &cli.storage_dir {
        config.reports.storage_dir = dir.clone();
    }
    if let Some(format) = cli.log_format {
        config.log.format = format;
    }
    config.validate()?;
    Ok(config)
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let storage = config.reports.storage_dir.clone();
    let path = config.server.path.clone();
    let inbox = Inbox::bind(config).await?;
    let addr = inbox.local_addr()?;
    tracing::info!(%addr, storage = %storage.display(), %path, "sealpost-inbox started");
    // Scripts and tests read the bound address (useful with port 0) from this one line.
    println!("listening on http://{addr}");
    inbox.run(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}
