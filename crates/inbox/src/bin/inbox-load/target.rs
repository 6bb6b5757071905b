//! The inbox under load, always with its rate limit raised out of the way: by default served
//! in this process from the library (so `cargo run` always tests the current code), or a
//! `sealpost-inbox` binary started as its own process, or one already running.

use std::{
    io::{BufRead, BufReader},
    net::IpAddr,
    path::Path,
    process::{Child, Command, Stdio},
    thread::JoinHandle,
};

use sealpost_inbox::{Config, Inbox};
use tokio::sync::oneshot;

/// Whichever server the run started; stopped when dropped.
pub enum Started {
    InProcess(InProcess),
    Spawned(Spawned),
}

impl Started {
    pub fn url(&self) -> &str {
        match self {
            Self::InProcess(server) => &server.url,
            Self::Spawned(server) => &server.url,
        }
    }
}

/// An inbox served by its own runtime on its own threads, so the load generator's tasks do
/// not run on the server's workers.
pub struct InProcess {
    url: String,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for InProcess {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn in_process(storage: &Path) -> Result<InProcess, String> {
    let mut config = Config::default();
    config.server.listen = ([127, 0, 0, 1], 0).into();
    config.server.max_concurrent_reports = 64;
    config.reports.storage_dir = storage.to_owned();
    // Raised, not disabled: the limiter's bookkeeping is part of what a report costs.
    config.rate_limit.per_minute = 1e9;
    config.rate_limit.burst = 1_000_000;
    let (address_tx, address_rx) = std::sync::mpsc::channel();
    let (stop, stopped) = oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = match tokio::runtime::Runtime::new() {
            Ok(runtime) => runtime,
            Err(err) => {
                let _ = address_tx.send(Err(format!("no server runtime: {err}")));
                return;
            }
        };
        runtime.block_on(async move {
            let inbox = match Inbox::bind(config).await {
                Ok(inbox) => inbox,
                Err(err) => {
                    let _ = address_tx.send(Err(err.to_string()));
                    return;
                }
            };
            let _ = address_tx.send(inbox.local_addr().map_err(|err| err.to_string()));
            let _ = inbox
                .run(async {
                    let _ = stopped.await;
                })
                .await;
        });
    });
    let address = address_rx
        .recv()
        .map_err(|_| "the server thread stopped before it started".to_owned())??;
    Ok(InProcess {
        url: format!("http://{address}/reports"),
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// A server started for the run; killed when dropped.
pub struct Spawned {
    child: Child,
    url: String,
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts an inbox binary storing into `storage`, listening on a free loopback port.
pub fn spawn(binary: &Path, storage: &Path, work: &Path) -> Result<Spawned, String> {
    let config = work.join("inbox-load.toml");
    let text = format!(
        "[server]\nlisten = \"127.0.0.1:0\"\nmax_concurrent_reports = 64\n\
         [reports]\nstorage_dir = {:?}\n\
         [rate_limit]\nper_minute = 1e9\nburst = 1000000\n\
         [log]\nlevel = \"warn\"\n",
        storage.display().to_string()
    );
    std::fs::write(&config, text).map_err(|err| format!("cannot write {config:?}: {err}"))?;
    let mut child = Command::new(binary)
        .arg("--config")
        .arg(&config)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start {}: {err}", binary.display()))?;
    let mut line = String::new();
    if let Some(stdout) = child.stdout.take() {
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|err| format!("cannot read the server's address: {err}"))?;
    }
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .ok_or_else(|| format!("the server did not start (it printed {line:?})"))?;
    Ok(Spawned {
        url: format!("{base}/reports"),
        child,
    })
}

/// Load goes only to this machine: refuse any URL whose host is not a loopback address.
pub fn require_loopback(url: &str) -> Result<(), String> {
    let uri: hyper::Uri = url
        .parse()
        .map_err(|err| format!("bad URL {url:?}: {err}"))?;
    let host = uri.host().unwrap_or("").trim_matches(['[', ']']);
    let loopback = host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if uri.scheme_str() == Some("http") && loopback {
        Ok(())
    } else {
        Err(format!(
            "refusing {url}: the load test only targets http:// on a loopback address"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_http_is_a_target() {
        assert!(require_loopback("http://127.0.0.1:8787/reports").is_ok());
        assert!(require_loopback("http://[::1]:8787/reports").is_ok());
        assert!(require_loopback("http://localhost/reports").is_ok());
        assert!(require_loopback("http://192.168.1.5/reports").is_err());
        assert!(require_loopback("https://127.0.0.1/reports").is_err());
        assert!(require_loopback("http://example.org/reports").is_err());
    }
}
