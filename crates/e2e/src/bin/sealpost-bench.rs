//! `cargo xtask bench`: encryption speed of rPGP in sealpost's sealing worker against
//! OpenPGP.js 6 (on the page's main thread and in a worker), in one headless Chromium run.
//!
//! Serves the built app (`SEALPOST_DIST`) with the bench page (`crates/e2e/bench/`), OpenPGP.js'
//! browser build and two test keys beside it on the same origin, opens the page, waits for its
//! `window.benchResult` and prints medians. A benchmark, not a test: nothing is asserted about
//! speed, and `cargo xtask test` does not run it.
//!
//! `sealpost-bench --quick` runs each case once (to check the bench itself).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a tool: failing loudly is the point

use std::{path::PathBuf, process::ExitCode, time::Duration};

use sealpost_e2e::{browser::Browser, dist_dir, fixture_path, static_server::StaticServer};
use serde_json::Value;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// OpenPGP.js' browser build, installed by `cargo xtask setup` (or SEALPOST_OPENPGPJS).
fn openpgpjs_module() -> PathBuf {
    std::env::var_os("SEALPOST_OPENPGPJS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            manifest_dir().join("../../tools/openpgpjs/node_modules/openpgp/dist/openpgp.min.mjs")
        })
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let openpgpjs = openpgpjs_module();
    if !openpgpjs.is_file() {
        eprintln!(
            "sealpost-bench: {} is missing: run `cargo xtask setup`",
            openpgpjs.display()
        );
        return ExitCode::FAILURE;
    }
    let bench = manifest_dir().join("bench");
    let files = vec![
        ("/bench/".to_owned(), bench.join("bench.html")),
        ("/bench/bench.html".to_owned(), bench.join("bench.html")),
        ("/bench/bench.js".to_owned(), bench.join("bench.js")),
        (
            "/bench/openpgp-worker.js".to_owned(),
            bench.join("openpgp-worker.js"),
        ),
        ("/bench/openpgp.min.mjs".to_owned(), openpgpjs),
        (
            "/bench/keys/cv25519.public.asc".to_owned(),
            fixture_path("keys/cv25519.public.asc"),
        ),
        (
            "/bench/keys/rsa3072.public.asc".to_owned(),
            fixture_path("rsa3072.public.asc"),
        ),
    ];
    let server = StaticServer::start_with_files(&dist_dir(), files, Vec::new());
    let load_before = load_average();
    let browser = Browser::start().await;
    let url = format!("{}bench/{}", server.url, if quick { "?quick" } else { "" });
    eprintln!("sealpost-bench: {url}");
    browser
        .client
        .goto(&url)
        .await
        .expect("open the bench page");
    let outcome = browser
        .wait_for_script_within(
            "if (window.benchResult) return window.benchResult;\
             if (window.benchError) return JSON.stringify({ error: window.benchError });\
             return null;",
            Duration::from_secs(900),
        )
        .await;
    browser.close().await;
    let load_after = load_average();
    let result: Value = serde_json::from_str(&outcome).expect("the bench result is JSON");
    if let Some(error) = result.get("error") {
        eprintln!("sealpost-bench: the bench page failed: {error}");
        return ExitCode::FAILURE;
    }
    print_report(&result, &load_before, &load_after);
    ExitCode::SUCCESS
}

fn print_report(result: &Value, load_before: &str, load_after: &str) {
    let text = |key: &str| result[key].as_str().unwrap_or("?").to_owned();
    println!(
        "\nrPGP (sealpost's seal worker, release build in dist/) vs {} — median ms",
        text("openpgpjs")
    );
    println!(
        "browser: {}\nhardwareConcurrency {}, CPUs (nproc) {}, load average before {load_before}, after {load_after}, bench took {:.1} s",
        text("user_agent"),
        result["hardware_concurrency"],
        std::thread::available_parallelism().map_or(0, usize::from),
        result["total_ms"].as_f64().unwrap_or(0.0) / 1000.0,
    );
    println!(
        "\n| size | key | runs | rPGP worker (round trip) | rPGP seal() inside | OpenPGP.js main | OpenPGP.js worker (round trip) | OpenPGP.js worker inside | ratio rPGP/OJS worker (round trip) | ratio rPGP/OJS main (rPGP inside) |"
    );
    println!("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    let rows = result["rows"].as_array().cloned().unwrap_or_default();
    for row in &rows {
        let median = |key: &str| median(&row[key]);
        let (rpgp, inside, main, worker, worker_inside) = (
            median("rpgp_worker"),
            median("rpgp_inside"),
            median("ojs_main"),
            median("ojs_worker"),
            median("ojs_worker_inside"),
        );
        println!(
            "| {} | {} | {} | {rpgp:.1} | {inside:.1} | {main:.1} | {worker:.1} | {worker_inside:.1} | {:.2} | {:.2} |",
            row["size"].as_str().unwrap_or("?"),
            row["key"].as_str().unwrap_or("?"),
            row["runs"],
            rpgp / worker,
            inside / main,
        );
    }
    println!("\nOutput sizes and ciphers (binary OpenPGP, no compression):");
    for row in &rows {
        println!(
            "  {} {}: {} bytes in; rPGP {} bytes out, {}; OpenPGP.js {} bytes out{}",
            row["key"].as_str().unwrap_or("?"),
            row["size"].as_str().unwrap_or("?"),
            row["bytes"],
            row["rpgp_out"],
            row["rpgp_cipher"].as_str().unwrap_or("?"),
            row["ojs_out"],
            row["ojs_cipher"]
                .as_str()
                .map(|cipher| format!(", {cipher}"))
                .unwrap_or_default(),
        );
    }
    println!(
        "\nround trip = post → reply, including reading the Blob, accepting/reading the key and \
         transferring the result; inside = the encryption call alone."
    );
}

fn median(samples: &Value) -> f64 {
    let mut values: Vec<f64> = samples
        .as_array()
        .map(|values| values.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "?".into())
}
