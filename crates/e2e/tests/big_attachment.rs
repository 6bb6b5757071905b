//! A 100 MiB attachment through the built app in real headless Chromium: picked in the form,
//! read and sealed by the worker (binary OpenPGP, offered as a download), with progress shown and
//! the page's main thread still answering while it happens; the downloaded `report.pgp` is then
//! decrypted by real gpg and the attachment must come back byte for byte.
//!
//! Timings and memory are printed, not asserted, except a generous bound that catches a frozen
//! tab.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::{
    collections::{HashMap, HashSet},
    io::Write,
    path::Path,
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer, steps::Entry, Gpg};
use serde_json::{json, Value};

const MIB: u64 = 1024 * 1024;
const ATTACHMENT_BYTES: u64 = 100 * MIB;
const LIMIT_BYTES: u64 = 120 * MIB;

const FIELDS: [(&str, &str); 5] = [
    ("Title", "Heap overflow when parsing a 100 MiB capture"),
    ("Vulnerability type", "CWE-122: Heap-based Buffer Overflow"),
    ("Affected versions", "all releases up to 4.2.0"),
    (
        "Steps to reproduce",
        "1. Open the attached capture\n2. Watch it crash",
    ),
    ("Impact", "Remote code execution in the parser's process."),
];

/// The demo policy, with the built-in attachments field and limits that admit 100 MiB.
fn big_policy() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/policies/demo.json");
    let mut policy: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    policy["fields"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "attachments", "status": "optional" }));
    policy["attachments"] = json!({
        "max_files": 5,
        "max_file_bytes": LIMIT_BYTES,
        "max_total_bytes": LIMIT_BYTES,
    });
    policy.as_object_mut().unwrap().remove("$schema");
    policy.to_string().into_bytes()
}

/// 100 MiB: one pseudorandom MiB (xorshift), written 100 times.
fn write_attachment(path: &Path) {
    let block = sealpost_e2e::pseudorandom_bytes(MIB as usize, 0x9E37_79B9_7F4A_7C15);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for _ in 0..ATTACHMENT_BYTES / MIB {
        file.write_all(&block).unwrap();
    }
    file.flush().unwrap();
}

/// Samples, every 100 ms, the resident memory of every process descending from this one
/// (chromedriver, Chromium and its renderers; the worker runs in the page's renderer).
struct MemorySampler {
    stop: Arc<AtomicBool>,
    peak_total: Arc<AtomicU64>,
    peak_process: Arc<AtomicU64>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl MemorySampler {
    fn start() -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let peak_total = Arc::new(AtomicU64::new(0));
        let peak_process = Arc::new(AtomicU64::new(0));
        let thread = {
            let (stop, peak_total, peak_process) =
                (stop.clone(), peak_total.clone(), peak_process.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let sizes = descendant_rss();
                    peak_total.fetch_max(sizes.iter().sum(), Ordering::Relaxed);
                    peak_process.fetch_max(sizes.into_iter().max().unwrap_or(0), Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        };
        Self {
            stop,
            peak_total,
            peak_process,
            thread: Some(thread),
        }
    }

    /// (peak of the sum over processes, peak of the largest process), in bytes.
    fn finish(mut self) -> (u64, u64) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        (
            self.peak_total.load(Ordering::Relaxed),
            self.peak_process.load(Ordering::Relaxed),
        )
    }
}

/// VmRSS in bytes of each process below this one in the process tree (Linux /proc).
fn descendant_rss() -> Vec<u64> {
    let mut parents = HashMap::new();
    let mut rss = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
            continue;
        };
        for line in status.lines() {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("PPid:") => {
                    parents.insert(pid, words.next().and_then(|w| w.parse::<u32>().ok()));
                }
                Some("VmRSS:") => {
                    let kib = words
                        .next()
                        .and_then(|w| w.parse::<u64>().ok())
                        .unwrap_or(0);
                    rss.insert(pid, kib * 1024);
                }
                _ => {}
            }
        }
    }
    let me = std::process::id();
    let mut below = HashSet::new();
    rss.iter()
        .filter(|(pid, _)| {
            let mut current = **pid;
            let mut seen = 0;
            while let Some(Some(parent)) = parents.get(&current) {
                if *parent == me || below.contains(parent) {
                    below.insert(**pid);
                    return true;
                }
                current = *parent;
                seen += 1;
                if seen > 64 {
                    break;
                }
            }
            false
        })
        .map(|(_, bytes)| *bytes)
        .collect()
}

/// In the page: a 16 ms interval that records the longest gap between its ticks (a frozen main
/// thread shows as one long gap), whether the progress bar was ever shown and how far it got,
/// and when the form was submitted and the sealed report appeared.
const PROBE: &str = r#"
window.__longestGap = 0;
window.__ticks = 0;
window.__progressSeen = false;
window.__progressMax = 0;
window.__submitAt = null;
window.__sealedAt = null;
document.addEventListener('submit', () => { window.__submitAt = performance.now(); }, true);
let last = performance.now();
window.__probe = setInterval(() => {
  const now = performance.now();
  window.__longestGap = Math.max(window.__longestGap, now - last);
  last = now;
  window.__ticks += 1;
  const progress = document.getElementById('seal-progress');
  if (progress && progress.offsetParent !== null) {
    window.__progressSeen = true;
    window.__progressMax = Math.max(window.__progressMax, Number(progress.value) || 0);
  }
  const sealed = document.querySelector('section.sealed');
  if (window.__sealedAt === null && sealed && !sealed.hidden) window.__sealedAt = now;
}, 16);
return null;
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_100_mib_attachment_is_sealed_in_the_worker_while_the_page_stays_responsive() {
    let dir = tempfile::tempdir().unwrap();
    let attachment = dir.path().join("capture.bin");
    let started = Instant::now();
    write_attachment(&attachment);
    eprintln!(
        "big_attachment: wrote {} MiB in {:.2} s",
        ATTACHMENT_BYTES / MIB,
        started.elapsed().as_secs_f64()
    );

    let server =
        StaticServer::start_with(&dist_dir(), vec![("/big-policy.json".into(), big_policy())]);
    let memory = MemorySampler::start();
    let browser = Browser::start().await;
    let client = &browser.client;
    client
        .goto(&format!("{}?policy=/big-policy.json", server.url))
        .await
        .unwrap();

    // Up to the step with the attachments (the file is listed there), then the rest.
    let mut entries: Vec<Entry> = FIELDS[..4]
        .iter()
        .map(|(label, text)| Entry::text(label, text))
        .collect();
    entries.push(Entry::File(
        "Attachments".into(),
        attachment.to_str().unwrap().into(),
    ));
    browser.fill_steps(&entries).await;
    let input = browser.control_labelled("Attachments").await;
    assert_eq!(input.attr("type").await.unwrap().as_deref(), Some("file"));
    let listed = browser
        .wait_for_script(
            "const list = document.querySelector('ul.attachments');\
             const refusal = document.querySelector('.field p.error[role=alert]:not([hidden])');\
             if (refusal && refusal.innerText.includes('capture.bin')) return 'REFUSED: ' + refusal.innerText;\
             return list && !list.hidden && list.innerText.includes('capture.bin') ? list.innerText : null;",
        )
        .await;
    // The size as the page words it ("100 MB"); the exact wording is the picker's business.
    assert!(
        listed.contains("capture.bin") && listed.contains("100"),
        "{listed}"
    );

    browser
        .fill_steps(&[Entry::text(FIELDS[4].0, FIELDS[4].1)])
        .await;
    browser.go_to_last_step().await;
    client.execute(PROBE, vec![]).await.unwrap();
    let pressed = Instant::now();
    browser.press("Encrypt report").await;
    let details = browser
        .wait_for_script_within(
            "const failure = [...document.querySelectorAll('.report-form > p.error[role=alert], .error-summary')]\
                 .find(e => !e.hidden);\
             if (failure) return 'FAILED: ' + failure.innerText;\
             const sealed = document.querySelector('section.sealed');\
             return sealed && !sealed.hidden ? sealed.querySelector('p.hint').innerText : null;",
            Duration::from_secs(90),
        )
        .await;
    let wall = pressed.elapsed();
    assert!(!details.starts_with("FAILED"), "{details}");

    let probe = client
        .execute(
            "clearInterval(window.__probe);\
             return { longestGap: window.__longestGap, ticks: window.__ticks,\
                      progressSeen: window.__progressSeen, progressMax: window.__progressMax,\
                      sealMs: window.__sealedAt - window.__submitAt,\
                      heap: performance.memory ? performance.memory.usedJSHeapSize : null };",
            vec![],
        )
        .await
        .unwrap();
    browser.screenshot("big-attachment-sealed.png").await;
    let (peak_total, peak_process) = memory.finish();

    // "Report <id> · <cipher> · <size> before encryption, <size> after.", exact bytes in data-bytes.
    let exact = |class: &str| {
        let script = format!("return document.querySelector('.sealed .{class}').dataset.bytes;");
        let client = client.clone();
        async move {
            let value = client.execute(&script, vec![]).await.unwrap();
            value
                .as_str()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or_else(|| panic!("no exact size: {value:?}"))
        }
    };
    let plaintext = exact("size-before").await;
    let after = exact("size-after").await;
    let longest_gap = probe["longestGap"].as_f64().unwrap();
    eprintln!(
        "big_attachment: {details}\n\
         big_attachment: sealed in {:.1} s in the page (submit → sealed shown), {:.1} s seen from WebDriver; \
         longest main-thread gap {longest_gap:.0} ms over {} ticks; progress seen: {}, up to {}%; \
         page JS heap {} MB; peak RSS of the browser's processes {} MB in all, {} MB in the largest",
        probe["sealMs"].as_f64().unwrap_or(f64::NAN) / 1000.0,
        wall.as_secs_f64(),
        probe["ticks"],
        probe["progressSeen"],
        probe["progressMax"],
        probe["heap"].as_f64().map_or("?".into(), |b| format!("{:.0}", b / MIB as f64)),
        peak_total / MIB,
        peak_process / MIB,
    );

    assert!(plaintext > ATTACHMENT_BYTES, "{details}");
    assert!(after > ATTACHMENT_BYTES, "{details}");
    assert!(after > plaintext, "{details}");
    assert_eq!(
        probe["progressSeen"],
        Value::Bool(true),
        "the progress bar was never shown"
    );
    assert!(
        longest_gap < 2000.0,
        "the page froze for {longest_gap:.0} ms while the worker sealed"
    );
    // Too big for a text box: binary, offered as a download only.
    let armored_box_shown = client
        .execute(
            "const c = document.getElementById('ciphertext');\
             return !!c && c.offsetParent !== null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(armored_box_shown, Value::Bool(false));

    // Email still works for it: the link asks for the downloaded file, with a size warning.
    let mail = client
        .execute(
            "const a = document.querySelector('.channels a');\
             const w = [...document.querySelectorAll('.channels .warning')]\
                 .find(e => e.offsetParent !== null);\
             return [a ? a.getAttribute('href') : '', w ? w.textContent : ''];",
            vec![],
        )
        .await
        .unwrap();
    let href = mail[0].as_str().unwrap_or_default();
    assert!(
        href.starts_with("mailto:") && href.contains("report.pgp"),
        "{href}"
    );
    let warning = mail[1].as_str().unwrap_or_default();
    assert!(
        warning.contains("most mail providers refuse"),
        "{warning:?}"
    );

    // Download it as the researcher would, and open it as the project would.
    let downloads = tempfile::tempdir().unwrap();
    browser.allow_downloads_to(downloads.path()).await;
    browser.press("Download report.pgp").await;
    let saved = downloads.path().join("report.pgp");
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::metadata(&saved).map_or(true, |m| m.len() != after) {
        assert!(
            Instant::now() < deadline,
            "report.pgp was not downloaded: {:?}",
            std::fs::read_dir(downloads.path())
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.close().await;
    drop(server);

    let started = Instant::now();
    let message = std::fs::read(&saved).unwrap();
    let mime = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt_bytes(&message);
    drop(message);
    assert_eq!(mime.len() as u64, plaintext);
    let decrypted = started.elapsed();
    let letter = sealpost_testkit::letter::open(&mime);
    drop(mime);
    let [(name, _, bytes)] = letter.attachments.as_slice() else {
        panic!("one attachment expected, got {}", letter.attachments.len());
    };
    assert_eq!(name, "capture.bin");
    assert!(
        *bytes == std::fs::read(&attachment).unwrap(),
        "the decrypted attachment differs from the file that was attached"
    );
    assert!(letter.text.contains(FIELDS[0].1), "{}", letter.text);
    eprintln!(
        "big_attachment: gpg decrypted report.pgp in {:.1} s; the letter parsed and the attachment matched in {:.1} s more",
        decrypted.as_secs_f64(),
        (started.elapsed() - decrypted).as_secs_f64()
    );
}
