//! sealpost's task runner (`cargo xtask <task>`), in Rust so it runs wherever cargo does.
//!
//! - `setup`: install what is missing (idempotent; seconds when everything is there)
//! - `run`:   setup, build, and serve the app with the demo policy on http://127.0.0.1:8080
//! - `test`:  setup, then every check: fmt, clippy (native and wasm32), native tests,
//!   browser tests, the release build with its size report, the end-to-end test
//! - `build`: setup and a release build into dist/
//! - `size`:  the release build's asset sizes, raw / gzip -9 / brotli, the single file's, and
//!   the byte budgets (fails over a committed ceiling; `test` runs it too)
//! - `bundle`: the single-file page (`sealpost.html`) for any policy
//! - `bench`: rPGP in the sealing worker vs OpenPGP.js, in headless Chromium (not part of `test`)

mod bench;
mod budget;
mod bundle;
mod setup;
mod size;
mod tally;

use std::{
    env,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
    time::Instant,
};

const WASM: &str = "wasm32-unknown-unknown";

type Result<T = (), E = String> = std::result::Result<T, E>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let started = Instant::now();
    let result = match task {
        "setup" => setup::run(),
        "run" => run_app(),
        "test" => test(),
        "build" => setup::run().and_then(|()| release_build()),
        "size" => size::report(&dist_dir()),
        "bench" => bench::run(&args[1..]),
        "bundle" => setup::run().and_then(|()| bundle::command(&args[1..], &dist_dir())),
        "codegen" => codegen(),
        "help" | "--help" | "-h" => {
            print_help();
            Ok(())
        }
        other => Err(format!("unknown task `{other}`; run `cargo xtask help`")),
    };
    match result {
        Ok(()) => {
            if task != "help" {
                eprintln!(
                    "xtask {task}: done in {:.1}s",
                    started.elapsed().as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("xtask {task}: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print_help() {
    println!(
        "cargo xtask <task>\n\n\
         \x20 run     set up, build and serve the app on http://127.0.0.1:8080 (demo policy and key)\n\
         \x20 test    set up and run every check and test (what CI runs)\n\
         \x20 setup   install missing tools: wasm32 target, trunk, wasm-bindgen, wasm-opt, chromium, gpg\n\
         \x20 build   release build into dist/\n\
         \x20 size    print the sizes of the release build in dist/ and of dist/sealpost.html\n\
         \x20 bundle  one self-contained HTML file for a policy: --policy FILE [--out FILE] [--site DIR]\n\
         \x20 bench   time rPGP (worker) against OpenPGP.js in headless Chromium [--quick]\n\
         \x20 codegen rewrite docs/policy.schema.json from the policy types"
    );
}

/// Builds the app and serves it until interrupted.
fn run_app() -> Result {
    setup::run()?;
    println!("\nsealpost will be served at http://127.0.0.1:8080 (Ctrl-C stops it)\n");
    trunk(&["serve"])
}

/// Every check, in order of how fast it fails, then one closing line that counts every test.
fn test() -> Result {
    let result = run_checks();
    println!("\n{}", tally::summary());
    result
}

fn run_checks() -> Result {
    setup::run()?;
    step("cargo fmt --check", || cargo(&["fmt", "--all", "--check"]))?;
    let deny_warnings = ["--", "-D", "warnings"];
    step("clippy (native)", || {
        cargo(
            &[
                &["clippy", "--workspace", "--all-targets"][..],
                &deny_warnings,
            ]
            .concat(),
        )
    })?;
    step("clippy (wasm32)", || {
        let wasm = [
            "--package",
            "sealpost",
            "--package",
            "sealpost-core",
            "--package",
            "sealpost-seal-worker",
            "--all-targets",
        ];
        cargo(&[&["clippy"][..], &wasm, &["--target", WASM], &deny_warnings].concat())?;
        // Apart: in one invocation its `builder` feature would be on for the page's code too.
        let builder = ["--package", "sealpost-builder-app", "--all-targets"];
        cargo(
            &[
                &["clippy"][..],
                &builder,
                &["--target", WASM],
                &deny_warnings,
            ]
            .concat(),
        )
    })?;
    step("native tests", || {
        tally::cargo_test(&["--workspace", "--exclude", "sealpost-e2e"], &[])
    })?;
    step(
        "browser tests (wasm-bindgen-test, headless Chromium)",
        || {
            tally::cargo_test(&["--package", "sealpost", "--target", WASM], &[])?;
            // The page builder is a wasm of its own, behind the `builder` feature.
            tally::cargo_test(
                &[
                    "--package",
                    "sealpost",
                    "--target",
                    WASM,
                    "--features",
                    "builder",
                    "--test",
                    "web",
                    "--",
                    "the_builder_",
                ],
                &[],
            )
        },
    )?;
    step("release build", release_build)?;
    step("size report and byte budgets (xtask/src/budget.rs)", || {
        size::report(&dist_dir())
    })?;
    step(
        "end-to-end test (headless Chromium + gpg + the inbox)",
        || {
            // The delivery test runs the reference inbox as a real process, the round trip
            // and the builder tests the `sealpost` CLI.
            cargo(&[
                "build",
                "--package",
                "sealpost-inbox",
                "--bin",
                "sealpost-inbox",
                "--package",
                "sealpost-cli",
                "--bin",
                "sealpost",
            ])?;
            let dist = dist_dir();
            let inbox = target_dir().join("debug").join("sealpost-inbox");
            let cli = target_dir().join("debug").join("sealpost");
            tally::cargo_test(
                &["--package", "sealpost-e2e"],
                &[
                    ("SEALPOST_DIST", dist.as_os_str()),
                    ("SEALPOST_INBOX", inbox.as_os_str()),
                    ("SEALPOST_CLI", cli.as_os_str()),
                ],
            )
        },
    )
}

/// Regenerates the committed JSON Schemas (policy, report) from the Rust types; the test that normally
/// checks it writes it instead when SEALPOST_BLESS is set.
fn codegen() -> Result {
    run(Command::new(cargo_bin())
        .args([
            "test",
            "--package",
            "sealpost-core",
            "--test",
            "policy_file",
        ])
        .args(["the_committed_json_schemas_match_the_rust_types"])
        .env("SEALPOST_BLESS", "1"))
}

/// The release build into `dist/`, hardened for a strict CSP with every asset
/// integrity-checked, plus `dist/sealpost.html`: the whole page in one file, with the demo
/// policy (`cargo xtask bundle` makes one for any policy).
fn release_build() -> Result {
    let dist = dist_dir();
    let dist_arg = dist.to_string_lossy().into_owned();
    trunk(&[
        "build",
        "--release",
        "--cargo-profile",
        "wasm-release",
        "--dist",
        &dist_arg,
    ])?;
    let manifest = bundle::harden(&dist)?;
    let demo = project_root().join("public/policies/demo.json");
    let policy = std::fs::read_to_string(&demo)
        .map_err(|err| format!("reading {}: {err}", demo.display()))?;
    let roots = [dist.clone()];
    let html = bundle::single_file(&dist, &manifest, &policy, |url| {
        bundle::key_from(&roots, url)
    })?;
    std::fs::write(dist.join(SINGLE_FILE), html)
        .map_err(|err| format!("writing {SINGLE_FILE}: {err}"))
}

/// The single-file page in `dist/`.
pub const SINGLE_FILE: &str = "sealpost.html";

fn step(name: &str, f: impl FnOnce() -> Result) -> Result {
    eprintln!("\n==> {name}");
    let started = Instant::now();
    f().map_err(|err| format!("{name}: {err}"))?;
    eprintln!("==> {name}: ok ({:.1}s)", started.elapsed().as_secs_f64());
    Ok(())
}

fn cargo(args: &[&str]) -> Result {
    run(Command::new(cargo_bin()).args(args))
}

fn trunk(args: &[&str]) -> Result {
    run(Command::new("trunk").args(args).current_dir(project_root()))
}

/// Runs `command` with the tools setup installed first on PATH, failing on a non-zero exit.
fn run(command: &mut Command) -> Result {
    command.env("PATH", setup::tool_path());
    let program = command.get_program().to_string_lossy().into_owned();
    let status = command
        .status()
        .map_err(|err| format!("could not start `{program}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program}` exited with {status}"))
    }
}

fn cargo_bin() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the project root")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| project_root().join("target"), PathBuf::from)
}

/// `dist/`, or `SEALPOST_DIST` when set (so a build for experiments does not replace the one
/// other work is testing).
fn dist_dir() -> PathBuf {
    env::var_os("SEALPOST_DIST").map_or_else(|| project_root().join("dist"), PathBuf::from)
}
