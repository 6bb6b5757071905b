//! `cargo xtask bench [--quick]`: issue 10's figures on the release build: the byte budgets, then
//! (one headless Chromium run) time to a usable first step, sealing 4 KB, rPGP in sealpost's
//! sealing worker against OpenPGP.js 6, and a 100 MB attachment. A benchmark, not a check:
//! `test` does not run it. The browser side is `crates/e2e/bench/`, the driver
//! `crates/e2e/src/bin/sealpost-bench.rs`.

use std::process::Command;

use crate::Result;

pub fn run(args: &[String]) -> Result {
    crate::setup::run()?;
    crate::step("release build", crate::release_build)?;
    crate::step("bytes over the wire (brotli)", || {
        let figures = crate::size::figures(&crate::dist_dir())?;
        // Reported, not enforced here: `cargo xtask test` fails over a ceiling.
        crate::budget::print(&figures);
        Ok(())
    })?;
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
