//! `cargo xtask bench`: issue 10's browser figures: navigation to a usable first step (cold
//! cache), sealing 4 KB armored, encryption speed of rPGP in sealpost's sealing worker against
//! OpenPGP.js 6 (on the page's main thread and in a worker) and a 100 MB attachment, in
//! headless Chromium.
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
    let first_step = first_step_times(&server.url, if quick { 1 } else { 5 }).await;
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
    print_figures(&result, &first_step);
    ExitCode::SUCCESS
}

/// Navigation to a usable first step, each in a fresh browser (a new profile: a cold cache):
/// the app's `sealpost:first-step` Performance mark, set once the first step is drawn with its
/// handlers, in milliseconds since navigation started.
async fn first_step_times(base: &str, loads: usize) -> Vec<FirstStep> {
    let mut times = Vec::with_capacity(loads);
    for _ in 0..loads {
        let browser = Browser::start().await;
        browser.client.goto(base).await.expect("open the app");
        let marks = browser
            .wait_for_script_within(
                "const [mark] = performance.getEntriesByName('sealpost:first-step');\
                 const [wasm] = performance.getEntriesByName('sealpost:wasm-started');\
                 return mark ? `${mark.startTime} ${wasm ? wasm.startTime : NaN}` : null;",
                Duration::from_secs(60),
            )
            .await;
        browser.close().await;
        let mut marks = marks
            .split(' ')
            .map(|time| time.parse::<f64>().expect("a mark time"));
        times.push(FirstStep {
            usable: marks.next().expect("the first step's mark"),
            wasm_started: marks.next().unwrap_or(f64::NAN),
        });
    }
    eprintln!("sealpost-bench: first step usable after {times:?} ms");
    times
}

/// One cold load's marks, in ms from navigation: the page's wasm starting to run (after the
/// HTML, CSS, JS and wasm are loaded and the wasm compiled), and the first step usable.
#[derive(Debug, Clone, Copy)]
struct FirstStep {
    usable: f64,
    wasm_started: f64,
}

/// One line per figure of issue 10 that a browser measures: value, target, pass/fail, and for
/// the speed rows OpenPGP.js' time in the same run and the ratio.
fn print_figures(result: &Value, first_step: &[FirstStep]) {
    println!(
        "\n{:<62} {:>10} {:>22} {:>6} {:>12} {:>7}",
        "figure (issue 10)", "measured", "target", "result", "OpenPGP.js", "ratio"
    );
    let verdict = |pass: bool| if pass { "pass" } else { "FAIL" };
    let usable: Vec<f64> = first_step.iter().map(|load| load.usable).collect();
    let wasm_started: Vec<f64> = first_step.iter().map(|load| load.wasm_started).collect();
    let first = median(&Value::from(usable));
    println!(
        "{:<62} {:>10} {:>22} {:>6}",
        format!(
            "navigation to a usable first step (cold, median of {})",
            first_step.len()
        ),
        format!("{first:.0} ms"),
        "<= 150 ms",
        verdict(first <= 150.0)
    );
    println!(
        "  of which until the page's wasm runs (HTML, CSS, JS, wasm loaded and compiled) {:>7}",
        format!("{:.0} ms", median(&Value::from(wasm_started)))
    );
    let rows = result["rows"].as_array().cloned().unwrap_or_default();
    for row in &rows {
        let (size, key) = (
            row["size"].as_str().unwrap_or("?"),
            row["key"].as_str().unwrap_or("?"),
        );
        // Like for like: both in a worker, the round trip (key read, encryption, transfer).
        let (rpgp, ojs) = (median(&row["rpgp_worker"]), median(&row["ojs_worker"]));
        let faster = ojs / rpgp;
        if row["armor"].as_bool() == Some(true) {
            println!(
                "{:<62} {:>10} {:>22} {:>6} {:>12} {:>7}",
                format!("seal {size} armored, {key} (key parse + encrypt + armor)"),
                format!("{rpgp:.1} ms"),
                "<= 10 ms",
                verdict(rpgp <= 10.0),
                format!("{ojs:.1} ms"),
                format!("{faster:.2}x")
            );
        } else {
            println!(
                "{:<62} {:>10} {:>22} {:>6} {:>12} {:>7}",
                format!("seal {size}, {key} (worker round trip)"),
                format!("{rpgp:.1} ms"),
                ">= 1.5x OpenPGP.js",
                verdict(faster >= 1.5),
                format!("{ojs:.1} ms"),
                format!("{faster:.2}x")
            );
        }
    }
    let huge = &result["huge"];
    let bytes = huge["bytes"].as_f64().unwrap_or(f64::NAN);
    let completed = huge["completed"].as_bool() == Some(true);
    println!(
        "{:<62} {:>10} {:>22} {:>6}",
        "100 MB attachment sealed in the browser (binary, Curve25519)",
        if completed {
            format!("{:.1} s", huge["ms"].as_f64().unwrap_or(f64::NAN) / 1000.0)
        } else {
            "failed".to_owned()
        },
        "completes",
        verdict(completed)
    );
    if !completed {
        println!("  {}", huge["error"].as_str().unwrap_or("?"));
        return;
    }
    // The worker's linear memory (its peak: it never shrinks), the ciphertext handed back to
    // JavaScript (a copy out of wasm memory), and the worker's JavaScript-side working buffers
    // before that (it reads the file and runs WebCrypto a few MiB at a time, so no whole
    // JavaScript copy of the plaintext exists; counted as if still uncollected). The page's
    // own Blob is not counted: a picked file stays on disk.
    let wasm = huge["wasm_memory_bytes"].as_f64().unwrap_or(f64::NAN);
    let out = huge["out"].as_f64().unwrap_or(f64::NAN);
    let working = huge["js_working_bytes"].as_f64().unwrap_or(f64::NAN);
    let peak = (wasm + out + working) / bytes;
    println!(
        "{:<62} {:>10} {:>22} {:>6}",
        "  peak JS + wasm memory / payload (wasm + JS out + working)",
        format!("{peak:.2}x"),
        "<= 2.5x",
        verdict(peak <= 2.5)
    );
    println!(
        "{:<62} {:>10}",
        "    of which the worker's wasm linear memory / payload",
        format!("{:.2}x", wasm / bytes)
    );
    let longest = huge["longest_task_ms"]
        .as_f64()
        .unwrap_or(0.0)
        .max(huge["longest_tick_gap_ms"].as_f64().unwrap_or(0.0));
    println!(
        "{:<62} {:>10} {:>22} {:>6}",
        format!(
            "  longest main-thread task meanwhile ({})",
            if huge["long_tasks_supported"].as_bool() == Some(true) {
                "Long Tasks API and 10 ms ticks"
            } else {
                "10 ms ticks"
            }
        ),
        format!("{longest:.0} ms"),
        "<= 100 ms",
        verdict(longest <= 100.0)
    );
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
        "\n| size | key | runs | rPGP worker (round trip) | rPGP keys accepted | rPGP Blob read | rPGP seal() inside | OpenPGP.js main | OpenPGP.js worker (round trip) | OpenPGP.js worker inside | ratio rPGP/OJS worker (round trip) | ratio rPGP/OJS main (rPGP inside) |"
    );
    println!("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
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
        let (keys, read) = (median("rpgp_keys"), median("rpgp_read"));
        println!(
            "| {} | {} | {} | {rpgp:.1} | {keys:.1} | {read:.1} | {inside:.1} | {main:.1} | {worker:.1} | {worker_inside:.1} | {:.2} | {:.2} |",
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
         transferring the result; keys accepted, Blob read and inside = the parts of rPGP's round \
         trip spent accepting the key (parsing it, verifying its self-signatures), reading the \
         Blob into wasm, and in the encryption call alone."
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
