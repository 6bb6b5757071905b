//! The size report: what each built asset weighs raw, gzipped (-9) and brotli-compressed (q11),
//! which is what a browser downloads from a server that compresses.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use crate::Result;

/// The byte figures of a build (brotli q11, as a compressing server sends them).
pub struct Figures {
    /// `index.html` and every asset it loads before the form can be used (stylesheets, icon,
    /// boot script, the app's glue and wasm): everything it names but the sealing worker.
    pub first_paint: usize,
    /// The first paint plus the seal-only worker (its glue and wasm, fetched in the
    /// background): everything filing a report downloads.
    pub everything: usize,
}

/// How a served file counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    FirstPaint,
    /// The seal-only worker, fetched once the first step is painted.
    Worker,
    /// The full worker: fetched only when the researcher first asks for a draft or the reply
    /// key (the single file carries it instead of the seal-only one).
    OnDemand,
    /// The page builder's files: loaded only by `?builder` (index.html's template).
    Builder,
    /// Served but not loaded by the page itself (policies, the embedding script, the offline
    /// download's manifest, the dev-build worker loader).
    NotLoaded,
}

/// Prints every asset's sizes, the single file's, and the byte budgets; fails when a figure is
/// over its committed ceiling.
pub fn report(dist: &Path) -> Result {
    let figures = print_table(dist)?;
    single_file(&dist.join(crate::SINGLE_FILE))?;
    crate::budget::enforce(&figures)
}

/// The figures, without printing the table.
pub fn figures(dist: &Path) -> Result<Figures> {
    let mut first_paint = 0;
    let mut worker = 0;
    for (path, role) in assets(dist)? {
        if role == Role::NotLoaded {
            continue;
        }
        let size = brotli(&read(&path)?)?;
        match role {
            Role::FirstPaint => first_paint += size,
            Role::Worker => worker += size,
            Role::OnDemand | Role::Builder | Role::NotLoaded => {}
        }
    }
    Ok(Figures {
        first_paint,
        everything: first_paint + worker,
    })
}

fn print_table(dist: &Path) -> Result<Figures> {
    println!(
        "{:<44} {:>10} {:>10} {:>10}  loaded",
        "asset", "raw", "gzip -9", "brotli"
    );
    let mut totals = [0usize; 3];
    let mut page = [0usize; 3];
    let mut worker = [0usize; 3];
    let mut on_demand = [0usize; 3];
    for (path, role) in assets(dist)? {
        let bytes = read(&path)?;
        let sizes = [bytes.len(), gzip(&bytes)?, brotli(&bytes)?];
        let sum = |into: &mut [usize; 3]| {
            for (total, size) in into.iter_mut().zip(sizes) {
                *total += size;
            }
        };
        sum(&mut totals);
        match role {
            Role::FirstPaint => sum(&mut page),
            Role::Worker => sum(&mut worker),
            Role::OnDemand => sum(&mut on_demand),
            Role::Builder | Role::NotLoaded => {}
        }
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let when = match role {
            Role::FirstPaint => "first paint",
            Role::Worker => "background (worker)",
            Role::OnDemand => "drafts / reply key only",
            Role::Builder => "?builder only",
            Role::NotLoaded => "not by the page",
        };
        println!(
            "{name:<44} {:>10} {:>10} {:>10}  {when}",
            sizes[0], sizes[1], sizes[2]
        );
    }
    let line = |label: &str, sizes: [usize; 3]| {
        println!(
            "{label:<44} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
    };
    line("total (every file in dist/)", totals);
    line("  loaded for the first paint", page);
    line("  loaded in the background (seal-only worker)", worker);
    line("  loaded on first draft or reply key", on_demand);
    Ok(Figures {
        first_paint: page[2],
        everything: page[2] + worker[2],
    })
}

/// The served files of `dist/` (top level; the copied policies below it are not the page), each
/// with its role, read from what the hardened `index.html` references.
fn assets(dist: &Path) -> Result<Vec<(PathBuf, Role)>> {
    let index = fs::read_to_string(dist.join("index.html")).map_err(|err| {
        format!(
            "reading {}/index.html: {err} (build first: cargo xtask build)",
            dist.display()
        )
    })?;
    // The builder's template is inert markup: what it names loads only with `?builder`.
    let (index, builder) = split_template(&index);
    let refs = references(&index);
    let builder_refs = references(&builder).page;
    let mut entries: Vec<_> = fs::read_dir(dist)
        .map_err(|err| format!("reading {}: {err}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        // Trunk's lock file and other dot files are not served assets.
        .filter(|path| {
            !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        // The single file is reported on its own: it is the whole page again.
        .filter(|path| !path.ends_with(crate::SINGLE_FILE))
        .map(|path| {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let role = if name == "index.html" || refs.page.contains(&name) {
                Role::FirstPaint
            } else if refs.seal_only_worker.contains(&name) {
                Role::Worker
            } else if refs.full_worker.contains(&name) {
                Role::OnDemand
            } else if builder_refs.contains(&name)
                || name.starts_with(crate::bundle::BUILDER_PREFIX)
            {
                Role::Builder
            } else {
                Role::NotLoaded
            };
            (path, role)
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if !entries.iter().any(|(_, role)| *role == Role::Worker) {
        return Err(format!(
            "{}/index.html names no seal-only worker (is it the hardened release build?)",
            dist.display()
        ));
    }
    Ok(entries)
}

/// `index` without the builder's `<template>`, and the template's content.
fn split_template(index: &str) -> (String, String) {
    let open = format!("<template id={}", crate::bundle::BUILDER_TEMPLATE);
    let Some(start) = index.find(&open) else {
        return (index.to_owned(), String::new());
    };
    let end = index[start..]
        .find("</template>")
        .map_or(index.len(), |at| start + at + "</template>".len());
    (
        format!("{}{}", &index[..start], &index[end..]),
        index[start..end].to_owned(),
    )
}

/// The file names `index.html`'s tags load, by who loads them.
#[derive(Default)]
struct References {
    page: Vec<String>,
    /// The links with `id=sealpost-seal-only-worker-…`: fetched once the first step is painted.
    seal_only_worker: Vec<String>,
    /// The other `rel=sealpost-worker` links (the full worker): fetched on first use.
    full_worker: Vec<String>,
}

fn references(index: &str) -> References {
    let mut refs = References::default();
    for tag in index.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        for attribute in ["href=", "src="] {
            let Some(at) = tag.find(attribute) else {
                continue;
            };
            let value = tag[at + attribute.len()..].trim_start_matches(['"', '\'']);
            let value = value
                .split(['"', '\'', ' ', '>'])
                .next()
                .unwrap_or_default();
            let name = value.rsplit('/').next().unwrap_or_default().to_owned();
            if name.is_empty() || value.contains("://") {
                continue;
            }
            if tag.contains(sealpost_bundle::ids::SEAL_ONLY_WORKER_JS)
                || tag.contains(sealpost_bundle::ids::SEAL_ONLY_WORKER_WASM)
            {
                refs.seal_only_worker.push(name);
            } else if tag.contains("sealpost-worker") {
                refs.full_worker.push(name);
            } else {
                refs.page.push(name);
            }
        }
    }
    refs
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|err| format!("reading {}: {err}", path.display()))
}

/// The single-file page: what a researcher downloads (raw) and what it weighs served gzipped.
/// Its wasm is already gzipped inside (base64), so brotli adds little.
fn single_file(path: &Path) -> Result {
    let Ok(bytes) = fs::read(path) else {
        println!("(no {}: cargo xtask build makes it)", path.display());
        return Ok(());
    };
    println!(
        "\n{:<44} {:>10} {:>10} {:>10}",
        crate::SINGLE_FILE,
        bytes.len(),
        gzip(&bytes)?,
        brotli(&bytes)?
    );
    Ok(())
}

fn gzip(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|err| err.to_string())?;
    Ok(encoder.finish().map_err(|err| err.to_string())?.len())
}

fn brotli(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|err| err.to_string())?;
    Ok(out.len())
}
