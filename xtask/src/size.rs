//! The size report: what each built asset weighs raw, gzipped (-9) and brotli-compressed (q11),
//! which is what a browser downloads from a server that compresses.

use std::{fs, io::Write, path::Path};

use crate::Result;

pub fn report(dist: &Path) -> Result {
    let mut entries: Vec<_> = fs::read_dir(dist)
        .map_err(|err| {
            format!(
                "reading {}: {err} (build first: cargo xtask build)",
                dist.display()
            )
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        // Trunk's lock file and other dot files are not served assets.
        .filter(|path| {
            !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        // The single file is reported on its own below: it is the whole page again.
        .filter(|path| !path.ends_with(crate::SINGLE_FILE))
        .collect();
    entries.sort();

    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "asset", "raw", "gzip -9", "brotli"
    );
    let mut totals = [0usize; 3];
    // The sealing worker loads in the background after the page is up; the rest is what the
    // first paint waits for.
    let mut worker = [0usize; 3];
    for path in entries {
        let bytes = fs::read(&path).map_err(|err| format!("reading {}: {err}", path.display()))?;
        let sizes = [bytes.len(), gzip(&bytes)?, brotli(&bytes)?];
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if name.starts_with("seal-worker") {
            for (total, size) in worker.iter_mut().zip(sizes) {
                *total += size;
            }
        }
        println!(
            "{name:<44} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total", totals[0], totals[1], totals[2]
    );
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "  of which the page (first paint)",
        totals[0] - worker[0],
        totals[1] - worker[1],
        totals[2] - worker[2]
    );
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "  of which the sealing worker (background)", worker[0], worker[1], worker[2]
    );
    single_file(&dist.join(crate::SINGLE_FILE))
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
