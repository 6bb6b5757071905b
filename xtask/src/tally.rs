//! Runs `cargo test` while counting what it reports, so `cargo xtask test` can close with one
//! line that totals every test run (native, browser and end-to-end): `tests: N passed, N failed`.

use std::{
    ffi::OsStr,
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::Mutex,
};

use crate::{cargo_bin, setup, Result};

#[derive(Default, Clone, Copy)]
struct Tally {
    passed: u64,
    failed: u64,
    ignored: u64,
}

static TALLY: Mutex<Tally> = Mutex::new(Tally {
    passed: 0,
    failed: 0,
    ignored: 0,
});

/// `cargo test <args>`, echoing its output and adding its `test result:` lines to the tally.
pub fn cargo_test(args: &[&str], envs: &[(&str, &OsStr)]) -> Result {
    let mut child = Command::new(cargo_bin())
        .arg("test")
        .args(args)
        .envs(envs.iter().copied())
        .env("PATH", setup::tool_path())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|err| format!("could not start cargo test: {err}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|err| err.to_string())?;
            println!("{line}");
            if let Some(counts) = parse_result_line(&line) {
                let mut tally = TALLY
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                tally.passed += counts.passed;
                tally.failed += counts.failed;
                tally.ignored += counts.ignored;
            }
        }
    }
    let status = child.wait().map_err(|err| err.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo test exited with {status}"))
    }
}

/// The closing line, in the plain form any CI reads: `tests: N passed, N failed, N skipped`.
pub fn summary() -> String {
    let tally = *TALLY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    format!(
        "tests: {} passed, {} failed, {} skipped",
        tally.passed, tally.failed, tally.ignored
    )
}

/// Reads libtest's and wasm-bindgen-test's `test result: ok. 4 passed; 0 failed; 1 ignored; …`.
fn parse_result_line(line: &str) -> Option<Tally> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let mut tally = Tally::default();
    for part in rest.split(';') {
        let mut words = part.split_whitespace().rev();
        let (Some(kind), Some(count)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(count) = count.parse::<u64>() else {
            continue;
        };
        match kind {
            "passed" => tally.passed = count,
            "failed" => tally.failed = count,
            "ignored" => tally.ignored = count,
            _ => {}
        }
    }
    Some(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libtest_and_wasm_bindgen_test_result_lines() {
        let t = parse_result_line(
            "test result: ok. 10 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.86s",
        )
        .unwrap();
        assert_eq!((t.passed, t.failed, t.ignored), (10, 0, 2));
        let t = parse_result_line(
            "test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 filtered out; finished in 0.4s",
        )
        .unwrap();
        assert_eq!((t.passed, t.failed, t.ignored), (3, 1, 0));
        assert!(parse_result_line("running 4 tests").is_none());
    }
}
