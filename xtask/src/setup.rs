//! Installs what sealpost needs, from package registries only (these machines reach nothing
//! else), and only what is missing: on a warm machine this takes a few seconds.

use std::{
    env,
    path::{Path, PathBuf},
    process::Command,
};

use crate::{project_root, run as run_command, Result};

/// Trunk, pinned. 0.22 declares a newer rustc than these machines have, but builds and works
/// with it (see shared/TOOLCHAIN.md), hence `--ignore-rust-version`.
const TRUNK_VERSION: &str = "0.22.1";
/// wasm-opt from crates.io (binaryen 116). Debian's binaryen 108 silently breaks the module.
const WASM_OPT_CRATE_VERSION: &str = "0.116.1";
const WASM_OPT_BINARYEN_VERSION: &str = "116";
const DEBIAN_PACKAGES: [(&str, &str); 5] = [
    ("chromium", "/usr/bin/chromium"),
    ("chromium-driver", "/usr/bin/chromedriver"),
    ("gnupg", "/usr/bin/gpg"),
    ("nodejs", "/usr/bin/node"),
    ("npm", "/usr/bin/npm"),
];
/// OpenPGP.js, the second implementation the native interop tests decrypt with (besides gpg);
/// pinned exactly in tools/openpgpjs/package.json and its package-lock.json.
const OPENPGPJS_VERSION: &str = "6.3.2";
/// axe-core, which the end-to-end tests run on every step of the form; pinned in tools/axe.
const AXE_VERSION: &str = "4.14.1";

pub fn run() -> Result {
    wasm_target()?;
    debian_packages()?;
    wasm_bindgen()?;
    wasm_opt()?;
    trunk()?;
    npm_tools()?;
    // Trunk runs cargo with --offline (Trunk.toml), so the crates must already be here.
    crate::cargo(&["fetch", "--quiet"])?;
    Ok(())
}

/// PATH with cargo's bin directory first, so the tools installed here win over any others
/// (such as Debian's wasm-opt 108).
pub fn tool_path() -> String {
    let path = env::var("PATH").unwrap_or_default();
    format!("{}:{path}", cargo_home().join("bin").display())
}

fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn ok(what: &str) {
    eprintln!("setup: ok  {what}");
}

fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    ok("rust target wasm32-unknown-unknown");
    Ok(())
}

fn debian_packages() -> Result {
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .filter(|(_, binary)| !Path::new(binary).exists())
        .map(|(package, _)| *package)
        .collect();
    if !missing.is_empty() {
        eprintln!("setup: installing Debian packages {}", missing.join(" "));
        let as_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
        let apt = |args: &[&str]| {
            let mut command = if as_root {
                Command::new("apt-get")
            } else {
                let mut sudo = Command::new("sudo");
                sudo.arg("apt-get");
                sudo
            };
            run_command(command.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
        };
        apt(&["update", "-qq"])?;
        apt(&[
            &["install", "-y", "-qq", "--no-install-recommends"][..],
            &missing,
        ]
        .concat())?;
    }
    ok("chromium, chromedriver, gpg, node, npm");
    Ok(())
}

fn wasm_bindgen() -> Result {
    let version = locked_version("wasm-bindgen")?;
    let trunk_toml = std::fs::read_to_string(project_root().join("Trunk.toml"))
        .map_err(|err| format!("reading Trunk.toml: {err}"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!(
            "Cargo.lock has wasm-bindgen {version} but Trunk.toml's [tools] wasm_bindgen differs: \
             set it to \"{version}\" (the CLI must match the library exactly)"
        ));
    }
    // The CLI's own lockfile pins a crate the registry no longer has, so no --locked here.
    ensure_tool(
        "wasm-bindgen",
        &format!("wasm-bindgen {version}"),
        &["install", "wasm-bindgen-cli", "--version", &version],
    )
}

fn wasm_opt() -> Result {
    ensure_tool(
        "wasm-opt",
        &format!("wasm-opt version {WASM_OPT_BINARYEN_VERSION}"),
        &[
            "install",
            "wasm-opt",
            "--version",
            WASM_OPT_CRATE_VERSION,
            "--locked",
        ],
    )
}

fn trunk() -> Result {
    ensure_tool(
        "trunk",
        &format!("trunk {TRUNK_VERSION}"),
        &[
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--ignore-rust-version",
        ],
    )
}

/// The npm packages the tests use, each in its own folder under tools/ with a package.json that
/// pins it exactly and a package-lock.json (`npm ci` installs from the lockfile only, from the
/// npm registry): (folder, package, version, why).
const NPM_TOOLS: [(&str, &str, &str, &str); 2] = [
    (
        "tools/openpgpjs",
        "openpgp",
        OPENPGPJS_VERSION,
        "interop tests",
    ),
    ("tools/axe", "axe-core", AXE_VERSION, "accessibility checks"),
];

fn npm_tools() -> Result {
    for (folder, package, version, why) in NPM_TOOLS {
        npm_tool(folder, package, version, why)?;
    }
    Ok(())
}

fn npm_tool(folder: &str, package: &str, version: &str, why: &str) -> Result {
    let dir = project_root().join(folder);
    let manifest = std::fs::read_to_string(dir.join("package.json"))
        .map_err(|err| format!("reading {folder}/package.json: {err}"))?;
    if !manifest.contains(&format!("\"{package}\": \"{version}\"")) {
        return Err(format!(
            "{folder}/package.json does not pin {package} {version}: update the version in \
             xtask/src/setup.rs together with it"
        ));
    }
    let version_line = format!("\"version\": \"{version}\"");
    let installed = || {
        std::fs::read_to_string(dir.join("node_modules").join(package).join("package.json"))
            .is_ok_and(|manifest| manifest.contains(&version_line))
    };
    if !installed() {
        eprintln!("setup: installing {package} {version} for the {why} (npm ci in {folder})");
        run_command(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
        )?;
        if !installed() {
            return Err(format!(
                "after `npm ci`, {folder}/node_modules has no {package} {version}"
            ));
        }
    }
    ok(&format!("{package} {version}"));
    Ok(())
}

/// Installs `tool` with `cargo <install_args>` unless `tool --version` already starts with
/// `expected`.
fn ensure_tool(tool: &str, expected: &str, install_args: &[&str]) -> Result {
    let installed = || {
        Command::new(tool)
            .arg("--version")
            .env("PATH", tool_path())
            .output()
            .ok()
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    if !installed().is_some_and(|v| v.starts_with(expected)) {
        eprintln!(
            "setup: installing {expected} (cargo {}); this takes minutes once",
            install_args.join(" ")
        );
        crate::cargo(install_args)?;
        let now = installed().unwrap_or_default();
        if !now.starts_with(expected) {
            return Err(format!(
                "after installing, `{tool} --version` says `{now}`, not `{expected}`"
            ));
        }
    }
    ok(expected);
    Ok(())
}

/// The version of `package` that Cargo.lock resolved.
fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))
        .map_err(|err| format!("reading Cargo.lock: {err}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
