//! `cargo xtask bench [--quick]`: rPGP in sealpost's sealing worker against OpenPGP.js 6, in one
//! headless Chromium run, on the release build. A benchmark, not a check: `test` does not run it.
//! The browser side is `crates/e2e/bench/`, the driver `crates/e2e/src/bin/sealpost-bench.rs`.

use std::process::Command;

use crate::Result;

pub fn run(args: &[String]) -> Result {
    crate::setup::run()?;
    crate::step("release build", crate::release_build)?;
    crate::step("benchmark (headless Chromium)", || {
        crate::run(
            Command::new(crate::cargo_bin())
                .args(["run", "--quiet", "--package", "sealpost-e2e"])
                .args(["--bin", "sealpost-bench", "--"])
                .args(args)
                .env("SEALPOST_DIST", crate::dist_dir()),
        )
    })
}
