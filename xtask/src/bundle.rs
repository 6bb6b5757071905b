//! After Trunk: make the release build work under a strict CSP with every asset integrity-checked,
//! and assemble the single-file `sealpost.html`.
//!
//! `harden` rewrites `index.html`: Trunk's inline loader script (which a CSP without
//! 'unsafe-inline' blocks) becomes a small external module with its own `integrity`, which
//! imports the glue (checked by Trunk's `modulepreload` integrity) and fetches the wasm with
//! `fetch(…, {integrity})` (a `preload` alone checks nothing once the bytes are used elsewhere).
//! Trunk does not hash or integrity-check the workers' files, so `harden` names them in `<link
//! rel=sealpost-worker>`s with their integrity: the seal-only worker's, which the page fetches
//! once the first step is painted and starts from a Blob URL (src/services/worker_source.rs),
//! and the full worker's, fetched the same way when a draft or the reply key is first asked
//! for. The rel is one no browser acts on, so nothing is fetched before that: Chromium fetched a
//! `rel=prefetch` as soon as it parsed it, beside the page's own wasm, and on a slow link two
//! downloads share it (issue 10: the first step came about 12 ms sooner on localhost without).
//! The page builder's files (a wasm of its own, loaded only by `?builder`) go into an inert
//! `<template>` with their integrity. Trunk's stylesheets become one (`merge_stylesheets`: on
//! HTTP/1.1 the page's wasm waited for one of a host's six connections). Then it writes the
//! manifest the page's offline download reads.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use sealpost_bundle::{ids, Asset, Manifest, Packed, SingleFile, MANIFEST_FILE};
use sha2::{Digest, Sha256, Sha384};

use crate::Result;

/// Hardens `dist/` (see the module docs) and writes its manifest.
pub fn harden(dist: &Path) -> Result<Manifest> {
    let find = |prefix: &str, suffix: &str| asset(dist, prefix, suffix);
    let app_js = find("sealpost-app-", ".js")?;
    let app_wasm = find("sealpost-app-", "_bg.wasm")?;
    // Every stylesheet Trunk linked, in index.html's order (the cascade depends on it): the
    // single file and the page's offline copy inline exactly these.
    let index_path = dist.join("index.html");
    let mut index = read_text(&index_path)?;
    let hardened = index.contains("sealpost-boot-");
    if !hardened {
        index = merge_stylesheets(dist, &index)?;
    }
    let css = stylesheets(&index)
        .iter()
        .map(|name| find(name, ""))
        .collect::<Result<Vec<_>>>()?;
    if css.is_empty() {
        return Err("dist/index.html links no stylesheet".into());
    }
    let glue = read_text(&dist.join(&app_js.file))?;
    let boot = sealpost_bundle::boot_script(&glue).map_err(|err| err.to_string())?;
    let manifest = Manifest {
        favicon: find("favicon-", ".svg")?,
        worker_js: find("seal-worker", ".js").and_then(|a| exact(a, "seal-worker.js"))?,
        worker_wasm: find("seal-worker_bg", ".wasm")?,
        boot_script_sha256: sha256(boot.as_bytes()),
        style_sha256: sha256(joined_css(dist, &css)?.as_bytes()),
        css,
        app_js,
        app_wasm,
    };

    if !hardened {
        let index = rewrite_index(dist, &index, &manifest)?;
        write(&index_path, index.as_bytes())?;
    }
    let json = serde_json::to_string_pretty(&manifest).map_err(|err| err.to_string())?;
    write(&dist.join(MANIFEST_FILE), json.as_bytes())?;
    Ok(manifest)
}

fn rewrite_index(dist: &Path, index: &str, manifest: &Manifest) -> Result<String> {
    // Trunk's loader: the one inline module script. Its asset URLs start with the public URL.
    let start = index
        .find("<script type=module>")
        .or_else(|| index.find("<script type=\"module\">"))
        .ok_or("dist/index.html has no inline module script from Trunk")?;
    let end = start
        + index[start..]
            .find("</script>")
            .ok_or("unterminated script in dist/index.html")?
        + "</script>".len();
    let base = public_url(index, &manifest.app_js.file)?;
    let boot = format!(
        "import init from \"{base}{js}\";\n\
         // The preload link carries the same integrity, so the browser reuses its bytes.\n\
         const wasm = fetch(\"{base}{wasm}\", {{ integrity: \"{integrity}\" }});\n\
         await init({{ module_or_path: wasm }});\n",
        js = manifest.app_js.file,
        wasm = manifest.app_wasm.file,
        integrity = manifest.app_wasm.integrity,
    );
    let digest = Sha384::digest(boot.as_bytes());
    let boot_file = format!(
        "sealpost-boot-{}.js",
        &hex(&Sha256::digest(boot.as_bytes()))[..16]
    );
    write(&dist.join(&boot_file), boot.as_bytes())?;
    // The seal-only worker is the served page's alone: the manifest (what the offline copy
    // carries) names only the full one.
    let seal_only_js =
        asset(dist, "seal-only-worker", ".js").and_then(|a| exact(a, "seal-only-worker.js"))?;
    let seal_only_wasm = asset(dist, "seal-only-worker_bg", ".wasm")?;
    let link = |id: &str, asset: &Asset| {
        format!(
            "<link rel=sealpost-worker id={id} href=\"{base}{}\" integrity=\"{}\">",
            asset.file, asset.integrity
        )
    };
    let tags = format!(
        "<script type=module src=\"{base}{boot_file}\" integrity=\"sha384-{boot_sri}\" crossorigin></script>\
         {}{}{}{}",
        link(ids::SEAL_ONLY_WORKER_JS, &seal_only_js),
        link(ids::SEAL_ONLY_WORKER_WASM, &seal_only_wasm),
        link(ids::WORKER_JS, &manifest.worker_js),
        link(ids::WORKER_WASM, &manifest.worker_wasm),
        boot_sri = sealpost_bundle::base64(&digest),
    );
    let builder = builder_template(dist, &base)?;
    Ok(format!(
        "{}{tags}{builder}{}",
        &index[..start],
        &index[end..]
    ))
}

/// What the one stylesheet's file name starts with.
const STYLE_PREFIX: &str = "sealpost-style-";

/// Trunk links each stylesheet on its own; a browser on HTTP/1.1 opens at most six connections
/// to a host, so five stylesheets, the boot script and the glue kept the page's wasm waiting for
/// a connection. They become one file (joined in index.html's order, so the cascade is the same)
/// linked where the first one was, with its integrity; the parts are removed from `dist`.
fn merge_stylesheets(dist: &Path, index: &str) -> Result<String> {
    let names = stylesheets(index);
    if names.is_empty() {
        return Err("dist/index.html links no stylesheet".into());
    }
    let parts = names
        .iter()
        .map(|name| {
            find_file(dist, name, "").map(|file| Asset {
                file,
                integrity: String::new(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let joined = joined_css(dist, &parts)?;
    let file = format!(
        "{STYLE_PREFIX}{}.css",
        &hex(&Sha256::digest(joined.as_bytes()))[..16]
    );
    write(&dist.join(&file), joined.as_bytes())?;
    let mut merged = String::with_capacity(index.len());
    let mut rest = index;
    let mut linked = false;
    while let Some(start) = rest.find("<link") {
        let end = start
            + rest[start..]
                .find('>')
                .ok_or("unterminated <link> in dist/index.html")?
            + 1;
        let tag = &rest[start..end];
        merged.push_str(&rest[..start]);
        if !is_stylesheet_link(tag) {
            merged.push_str(tag);
        } else if !linked {
            let base = public_url(tag, &stylesheets(tag)[0])?;
            merged.push_str(&format!(
                "<link href={base}{file} integrity=sha384-{sri} rel=stylesheet>",
                sri = sealpost_bundle::base64(&Sha384::digest(joined.as_bytes())),
            ));
            linked = true;
        }
        rest = &rest[end..];
    }
    merged.push_str(rest);
    for part in &parts {
        let path = dist.join(&part.file);
        fs::remove_file(&path).map_err(|err| format!("removing {}: {err}", path.display()))?;
    }
    Ok(merged)
}

/// Whether `tag` (one `<link …>`) links a stylesheet.
fn is_stylesheet_link(tag: &str) -> bool {
    !stylesheets(tag).is_empty()
        && ["rel=stylesheet", "rel=\"stylesheet\"", "rel='stylesheet'"]
            .iter()
            .any(|rel| tag.contains(rel))
}

/// What the builder's files start with (Trunk names a worker-type build after its bin).
pub const BUILDER_PREFIX: &str = "sealpost-builder";
/// The id of index.html's `<template>` naming the builder's files (src/services/builder_loader.rs).
pub const BUILDER_TEMPLATE: &str = "sealpost-builder";
/// The development boot script public/ ships; the hardened build replaces it.
const DEV_BUILDER_BOOT: &str = "builder-boot.js";

/// The page builder's files, integrity-checked like the page's own, in an inert `<template>`:
/// nothing is fetched until `?builder` copies it into the page. Trunk neither hashes nor checks
/// worker-type builds, so the boot script is written here under a hashed name, fetching the
/// checked wasm, and the glue gets a modulepreload link with its integrity.
fn builder_template(dist: &Path, base: &str) -> Result<String> {
    let checked = |file: &str| -> Result<String> {
        let bytes = read(&dist.join(file))?;
        Ok(format!(
            "sha384-{}",
            sealpost_bundle::base64(&Sha384::digest(&bytes))
        ))
    };
    let glue = format!("{BUILDER_PREFIX}.js");
    let wasm = format!("{BUILDER_PREFIX}_bg.wasm");
    let boot = format!(
        "import init from \"{base}{glue}\";\n\
         const wasm = fetch(\"{base}{wasm}\", {{ integrity: \"{integrity}\" }});\n\
         await init({{ module_or_path: wasm }});\n",
        integrity = checked(&wasm)?,
    );
    let boot_file = format!(
        "{BUILDER_PREFIX}-boot-{}.js",
        &hex(&Sha256::digest(boot.as_bytes()))[..16]
    );
    write(&dist.join(&boot_file), boot.as_bytes())?;
    let dev_boot = dist.join(DEV_BUILDER_BOOT);
    if dev_boot.exists() {
        fs::remove_file(&dev_boot)
            .map_err(|err| format!("removing {}: {err}", dev_boot.display()))?;
    }
    Ok(format!(
        "<template id={BUILDER_TEMPLATE}>\
         <link rel=modulepreload crossorigin href=\"{base}{glue}\" integrity=\"{glue_sri}\">\
         <script type=module crossorigin src=\"{base}{boot_file}\" integrity=\"{boot_sri}\"></script>\
         </template>",
        glue_sri = checked(&glue)?,
        boot_sri = checked(&boot_file)?,
    ))
}

/// What Trunk put before `file`'s name where it links it (`/` by default).
fn public_url(index: &str, file: &str) -> Result<String> {
    let at = index
        .find(file)
        .ok_or_else(|| format!("dist/index.html does not name {file}"))?;
    let before = &index[..at];
    let start = before
        .rfind(['=', '"', '\''])
        .ok_or("cannot find the public URL in dist/index.html")?;
    Ok(before[start + 1..].to_owned())
}

/// Assembles the single file for `policy_json` from the hardened `dist/`; `key_text(url)`
/// gives each `key_url` key.
pub fn single_file(
    dist: &Path,
    manifest: &Manifest,
    policy_json: &str,
    key_text: impl FnMut(&str) -> Option<String>,
) -> Result<String> {
    let text = |asset: &Asset| read_text(&dist.join(&asset.file));
    let policy = sealpost_bundle::inline_keys(policy_json, key_text).map_err(|e| e.to_string())?;
    let project = serde_json::from_str::<serde_json::Value>(&policy)
        .ok()
        .and_then(|v| v["project"]["name"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "a project".into());
    let (css, app_js, worker_js) = (
        joined_css(dist, &manifest.css)?,
        text(&manifest.app_js)?,
        text(&manifest.worker_js)?,
    );
    let connect_src = sealpost_bundle::connect_sources(&policy);
    let file = SingleFile {
        project: &project,
        css: &css,
        favicon_svg: &read(&dist.join(&manifest.favicon.file))?,
        app_js: &app_js,
        app_wasm: gzip(&read(&dist.join(&manifest.app_wasm.file))?)?,
        worker_js: &worker_js,
        worker_wasm: gzip(&read(&dist.join(&manifest.worker_wasm.file))?)?,
        policy_json: &policy,
        connect_src: &connect_src,
        boot_script_sha256: &manifest.boot_script_sha256,
        style_sha256: &manifest.style_sha256,
    };
    sealpost_bundle::render(&file).map_err(|err| err.to_string())
}

/// `cargo xtask bundle --policy FILE [--out FILE]`: the single file for any policy, from the
/// release build (built first when missing). `key_url` paths are read from the site root
/// `--site DIR` (default: the directory of the policy file's parent if it has the key, else
/// `dist/`).
pub fn command(args: &[String], dist: &Path) -> Result {
    let mut policy = None;
    let mut out = PathBuf::from("sealpost.html");
    let mut site = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--policy" => policy = Some(PathBuf::from(value()?)),
            "--out" => out = PathBuf::from(value()?),
            "--site" => site = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown option {other}; usage: cargo xtask bundle --policy FILE [--out FILE] [--site DIR]")),
        }
    }
    let policy =
        policy.ok_or("usage: cargo xtask bundle --policy FILE [--out FILE] [--site DIR]")?;
    if !dist.join(MANIFEST_FILE).is_file() {
        crate::release_build()?;
    }
    let manifest = harden(dist)?;
    let json = read_text(&policy)?;
    let policy_dir = policy.parent().map(Path::to_path_buf).unwrap_or_default();
    let roots: Vec<PathBuf> = site
        .into_iter()
        .chain([policy_dir, dist.to_path_buf()])
        .collect();
    let html = single_file(dist, &manifest, &json, |url| key_from(&roots, url))?;
    write(&out, html.as_bytes())?;
    println!("{} ({} bytes)", out.display(), html.len());
    Ok(())
}

/// A `key_url` (a same-site path such as `/keys/security.asc`) read from the first root that
/// has it.
pub fn key_from(roots: &[PathBuf], url: &str) -> Option<String> {
    let relative = url.split(['?', '#']).next()?.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    roots
        .iter()
        .find_map(|root| fs::read_to_string(root.join(relative)).ok())
}

fn joined_css(dist: &Path, css: &[Asset]) -> Result<String> {
    let parts: Result<Vec<String>> = css.iter().map(|a| read_text(&dist.join(&a.file))).collect();
    Ok(parts?.join("\n"))
}

fn gzip(bytes: &[u8]) -> Result<Packed> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|err| err.to_string())?;
    let packed = encoder.finish().map_err(|err| err.to_string())?;
    Ok(Packed {
        base64: sealpost_bundle::base64(&packed),
        gzip: true,
    })
}

fn sha256(bytes: &[u8]) -> String {
    format!("sha256-{}", sealpost_bundle::base64(&Sha256::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The one file in `dist` named `prefix…suffix`, with its integrity.
fn asset(dist: &Path, prefix: &str, suffix: &str) -> Result<Asset> {
    let file = find_file(dist, prefix, suffix)?;
    let bytes = read(&dist.join(&file))?;
    Ok(Asset {
        integrity: format!(
            "sha384-{}",
            sealpost_bundle::base64(&Sha384::digest(&bytes))
        ),
        file,
    })
}

fn exact(asset: Asset, name: &str) -> Result<Asset> {
    if asset.file == name {
        Ok(asset)
    } else {
        Err(format!("expected {name}, found {}", asset.file))
    }
}

/// The `.css` files `index` links, in order (`href=/main-1a2b.css` or `href="…"`).
fn stylesheets(index: &str) -> Vec<String> {
    index
        .split("href=")
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.trim_start_matches(['"', '\'']);
            let end = rest.find(['"', '\'', ' ', '>'])?;
            let href = &rest[..end];
            href.ends_with(".css")
                .then(|| href.rsplit('/').next().unwrap_or(href).to_owned())
        })
        .collect()
}

/// The one file in `dist` named `prefix…suffix`.
fn find_file(dist: &Path, prefix: &str, suffix: &str) -> Result<String> {
    let mut found: Vec<String> = fs::read_dir(dist)
        .map_err(|err| format!("reading {}: {err} (build first)", dist.display()))?
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.starts_with(prefix) && name.ends_with(suffix))
        // `sealpost-app-…_bg.wasm` also ends with `.wasm`, and `seal-worker_bg.wasm` starts
        // with `seal-worker`: the glue is the `.js`, the module the `_bg.wasm`.
        .filter(|name| suffix != ".js" || !name.contains("-loader"))
        .collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!(
            "no {prefix}*{suffix} in {} (build first: cargo xtask build)",
            dist.display()
        )),
        _ => Err(format!(
            "several {prefix}*{suffix} in {}: {found:?}",
            dist.display()
        )),
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|err| format!("reading {}: {err}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|err| format!("reading {}: {err}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|err| format!("writing {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::{merge_stylesheets, stylesheets, STYLE_PREFIX};
    use std::fs;

    #[test]
    fn stylesheets_become_one_file_in_their_order() {
        let dist = std::env::temp_dir().join(format!("sealpost-merge-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("main-1.css"), "a{color:red}").unwrap();
        fs::write(dist.join("theme-2.css"), "a{color:blue}").unwrap();
        let index = r#"<title>t</title><link href=/main-1.css integrity=sha384-x rel=stylesheet><link rel=icon href=/favicon-3.svg><link href="/theme-2.css" rel="stylesheet"><script type=module>x</script>"#;
        let merged = merge_stylesheets(&dist, index).unwrap();
        let linked = stylesheets(&merged);
        assert_eq!(linked.len(), 1, "{merged}");
        assert!(linked[0].starts_with(STYLE_PREFIX));
        assert_eq!(
            fs::read_to_string(dist.join(&linked[0])).unwrap(),
            "a{color:red}\na{color:blue}"
        );
        assert!(merged.starts_with(&format!(
            "<title>t</title><link href=/{} integrity=sha384-",
            linked[0]
        )));
        assert!(merged.ends_with(r#" rel=stylesheet><link rel=icon href=/favicon-3.svg><script type=module>x</script>"#), "{merged}");
        assert!(!dist.join("main-1.css").exists() && !dist.join("theme-2.css").exists());
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn every_linked_stylesheet_is_found_in_order() {
        let index = r#"<link href=/main-1.css integrity=sha384-x rel=stylesheet>
<link rel="icon" href="/favicon-2.svg"><link href="/theme-3.css" rel="stylesheet">
<link href='/controls-4.css' rel=stylesheet><link href=/panels-5.css rel=stylesheet>"#;
        assert_eq!(
            stylesheets(index),
            [
                "main-1.css",
                "theme-3.css",
                "controls-4.css",
                "panels-5.css"
            ]
        );
    }
}
