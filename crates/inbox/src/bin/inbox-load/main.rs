//! `inbox-load`: a bounded load test of sealpost-inbox on loopback. Many concurrent POSTs for a
//! few seconds, then every acknowledged report is checked on disk, byte for byte.
//!
//! `cargo run --release -p sealpost-inbox --bin inbox-load -- --duration 5 --concurrency 32`
//! (add `--server target/release/sealpost-inbox` to load the binary as a separate process).

mod messages;
mod stats;
mod target;

use std::{
    path::PathBuf,
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use bytes::Bytes;
use clap::{Parser, ValueEnum};
use http_body_util::{BodyExt, Full};
use hyper::{header, Request, StatusCode};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};

/// The longest run allowed: a load test here must stop by itself, soon.
const MAX_DURATION_SECS: u64 = 60;

#[derive(Debug, Parser)]
#[command(about = "Bounded load test of sealpost-inbox on loopback, verified on disk")]
struct Cli {
    /// Seconds to keep sending (at most 60).
    #[arg(long, default_value_t = 5)]
    duration: u64,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Stop after this many requests even if time remains.
    #[arg(long, default_value_t = 100_000)]
    max_requests: usize,
    /// Distinct messages to send (round robin).
    #[arg(long, default_value_t = 16)]
    messages: usize,
    /// Plaintext bytes per message before encryption.
    #[arg(long, default_value_t = 4096)]
    size: usize,
    /// Body format of the requests; `mixed` rotates through all three.
    #[arg(long, value_enum, default_value_t = Format::Mixed)]
    format: Format,
    /// Test an inbox that is already running at this report URL (loopback only) instead of
    /// starting one; needs --storage-dir.
    #[arg(long, requires = "storage_dir")]
    url: Option<String>,
    /// The storage directory of the inbox under test (default: a temporary one).
    #[arg(long)]
    storage_dir: Option<PathBuf>,
    /// Start this sealpost-inbox binary as its own process (e.g. target/release/sealpost-inbox)
    /// instead of serving from this process.
    #[arg(long, conflicts_with = "url")]
    server: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Raw,
    Multipart,
    Mixed,
}

/// One request's fate.
struct Outcome {
    latency: Duration,
    result: Result<Accepted, String>,
}

struct Accepted {
    id: String,
    message: usize,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("inbox-load: {err}");
            ExitCode::from(2)
        }
    }
}

async fn run(cli: Cli) -> Result<bool, String> {
    if cli.duration == 0 || cli.duration > MAX_DURATION_SECS {
        return Err(format!(
            "--duration must be 1 to {MAX_DURATION_SECS} seconds"
        ));
    }
    if cli.concurrency == 0 || cli.messages == 0 {
        return Err("--concurrency and --messages must be at least 1".to_owned());
    }
    let work = tempfile::tempdir().map_err(|err| format!("no temporary directory: {err}"))?;
    let storage = cli
        .storage_dir
        .clone()
        .unwrap_or_else(|| work.path().join("reports"));
    let (url, _started) = match (&cli.url, &cli.server) {
        (Some(url), _) => (url.clone(), None),
        (None, Some(binary)) => {
            let server = target::Started::Spawned(target::spawn(binary, &storage, work.path())?);
            (server.url().to_owned(), Some(server))
        }
        (None, None) => {
            let server = target::Started::InProcess(target::in_process(&storage)?);
            (server.url().to_owned(), Some(server))
        }
    };
    target::require_loopback(&url)?;

    let messages = messages::make(cli.messages, cli.size)
        .map_err(|err| format!("cannot make the test messages: {err}"))?;
    let requests = Arc::new(RequestBodies::new(&messages));
    println!(
        "inbox-load: {url}, {} s, {} in flight, format {:?}, {} messages of {} bytes armored",
        cli.duration,
        cli.concurrency,
        cli.format,
        messages.len(),
        messages[0].len()
    );

    let started = Instant::now();
    let outcomes = send_for(&cli, &url, requests).await;
    let elapsed = started.elapsed();
    Ok(report(&outcomes, elapsed, &messages, &storage))
}

/// The three encodings of every message, made once so the run measures the server.
struct RequestBodies {
    json: Vec<Bytes>,
    raw: Vec<Bytes>,
    multipart: Vec<Bytes>,
}

const BOUNDARY: &str = "inbox-load-7d1e5c";

impl RequestBodies {
    fn new(messages: &[String]) -> Self {
        let json = |m: &String| Bytes::from(serde_json::json!({ "report": m }).to_string());
        let multipart = |m: &String| {
            Bytes::from(format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n\
                 {m}\r\n--{BOUNDARY}--\r\n"
            ))
        };
        Self {
            json: messages.iter().map(json).collect(),
            raw: messages.iter().map(|m| Bytes::from(m.clone())).collect(),
            multipart: messages.iter().map(multipart).collect(),
        }
    }

    fn request(&self, format: Format, n: usize, url: &str) -> Result<Request<Full<Bytes>>, String> {
        let message = n % self.raw.len();
        let format = match format {
            Format::Mixed => [Format::Json, Format::Raw, Format::Multipart][n % 3],
            other => other,
        };
        let (content_type, body) = match format {
            Format::Json => ("application/json".to_owned(), &self.json[message]),
            Format::Multipart => (
                format!("multipart/form-data; boundary={BOUNDARY}"),
                &self.multipart[message],
            ),
            Format::Raw | Format::Mixed => {
                ("application/pgp-encrypted".to_owned(), &self.raw[message])
            }
        };
        Request::post(url)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::USER_AGENT, "inbox-load")
            .body(Full::new(body.clone()))
            .map_err(|err| err.to_string())
    }
}

/// Runs `concurrency` workers until the time or the request budget runs out.
async fn send_for(cli: &Cli, url: &str, bodies: Arc<RequestBodies>) -> Vec<Outcome> {
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(cli.concurrency)
        .build_http();
    let deadline = Instant::now() + Duration::from_secs(cli.duration);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut workers = Vec::with_capacity(cli.concurrency);
    for _ in 0..cli.concurrency {
        let (client, bodies, next, url) =
            (client.clone(), bodies.clone(), next.clone(), url.to_owned());
        let (format, max_requests) = (cli.format, cli.max_requests);
        workers.push(tokio::spawn(async move {
            let mut outcomes = Vec::new();
            while Instant::now() < deadline {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n >= max_requests {
                    break;
                }
                let start = Instant::now();
                let result = match bodies.request(format, n, &url) {
                    Ok(request) => send_one(&client, request).await,
                    Err(err) => Err(err),
                };
                let result = result.map(|id| Accepted {
                    id,
                    message: n % bodies.raw.len(),
                });
                outcomes.push(Outcome {
                    latency: start.elapsed(),
                    result,
                });
            }
            outcomes
        }));
    }
    let mut all = Vec::new();
    for worker in workers {
        match worker.await {
            Ok(outcomes) => all.extend(outcomes),
            Err(err) => eprintln!("inbox-load: a worker failed: {err}"),
        }
    }
    all
}

/// Sends one report; the id on a 201, else what went wrong.
async fn send_one(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>,
    request: Request<Full<Bytes>>,
) -> Result<String, String> {
    let response = client
        .request(request)
        .await
        .map_err(|err| err.to_string())?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|err| err.to_string())?
        .to_bytes();
    if status != StatusCode::CREATED {
        return Err(format!("{status}: {}", String::from_utf8_lossy(&body)));
    }
    let answer: serde_json::Value =
        serde_json::from_slice(&body).map_err(|err| format!("201 with a bad body: {err}"))?;
    answer["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "201 without an id".to_owned())
}

/// Prints the figures and the on-disk check; true if every request was stored intact.
fn report(
    outcomes: &[Outcome],
    elapsed: Duration,
    messages: &[String],
    storage: &std::path::Path,
) -> bool {
    let accepted: Vec<&Accepted> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .collect();
    let failures: Vec<&String> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().err())
        .collect();
    let rate = outcomes.len() as f64 / elapsed.as_secs_f64();
    println!(
        "requests: {} in {:.2} s = {rate:.0} requests/s; 201: {}; failed: {}",
        outcomes.len(),
        elapsed.as_secs_f64(),
        accepted.len(),
        failures.len()
    );
    for failure in failures.iter().take(5) {
        println!("  failure: {failure}");
    }
    if let Some(summary) = stats::summarize(outcomes.iter().map(|o| o.latency).collect()) {
        println!(
            "latency over {} requests: p50 {}, p95 {}, p99 {}, max {}",
            summary.count,
            stats::millis(summary.p50),
            stats::millis(summary.p95),
            stats::millis(summary.p99),
            stats::millis(summary.max)
        );
    }
    let damaged = accepted
        .iter()
        .filter(|report| !stored_intact(storage, report, messages))
        .count();
    println!(
        "on disk: {} of {} acknowledged reports present, byte-for-byte, with sidecars",
        accepted.len() - damaged,
        accepted.len()
    );
    failures.is_empty() && damaged == 0 && !accepted.is_empty()
}

fn stored_intact(storage: &std::path::Path, report: &Accepted, messages: &[String]) -> bool {
    let message = std::fs::read(storage.join(format!("{}.asc", report.id)));
    let sidecar = std::fs::read(storage.join(format!("{}.json", report.id)));
    match (message, sidecar) {
        (Ok(bytes), Ok(sidecar)) => {
            let intact = bytes == messages[report.message].as_bytes();
            let sidecar_ok = serde_json::from_slice::<serde_json::Value>(&sidecar)
                .is_ok_and(|value| value["size"] == bytes.len());
            if !intact || !sidecar_ok {
                eprintln!("inbox-load: report {} differs on disk", report.id);
            }
            intact && sidecar_ok
        }
        _ => {
            eprintln!("inbox-load: report {} is missing on disk", report.id);
            false
        }
    }
}
