//! The whole way round: a researcher fills every field of a report in the browser and attaches
//! files (one of them every byte value, pseudorandom), the page seals it, and the maintainer's
//! `sealpost open --key SECRET --out DIR` (the built CLI, run as a process) gives back every
//! field in report.json exactly as typed and every attachment byte for byte.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::process::Command;

use sealpost_core::{
    policy::Builtin,
    report::document::{FieldValue, ReportDocument},
};
use sealpost_e2e::{
    browser::Browser, cli_binary, dist_dir, fixture_path, pseudorandom_bytes,
    static_server::StaticServer, steps::Entry,
};
use serde_json::json;
use sha2::{Digest, Sha256};

/// Every text field the round trip fills, with what is typed: Unicode, several lines, quotes
/// and markup that must come back as text.
const TYPED: [(&str, &str); 8] = [
    ("title", "Heap overflow in the “PNG” decoder — ünïcödé <b>not bold</b>"),
    ("vulnerability_type", "CWE-122"),
    ("affected_component", "libimage/src/png.c"),
    ("affected_versions", "1.0 – 1.4"),
    (
        "description",
        "A crafted IHDR chunk makes the decoder\nwrite past its row buffer.\n\n\"Quoted\" & 'single' \\ backslash",
    ),
    ("reproduction_steps", "1. Open crash.png\n2. Watch it fall over"),
    ("impact", "Remote code execution when a user opens an image."),
    ("mitigation", "Check the width before allocating."),
];

fn policy() -> Vec<u8> {
    let demo = sealpost_core::demo::POLICY_JSON;
    let mut policy: serde_json::Value = serde_json::from_str(demo).unwrap();
    policy.as_object_mut().unwrap().remove("$schema");
    let mut fields: Vec<serde_json::Value> = TYPED
        .iter()
        .map(|(id, _)| json!({ "id": id, "status": "required" }))
        .collect();
    fields.push(json!({ "id": "attachments", "status": "optional" }));
    // The demo's CVSS severity mode needs its field; left empty, it is optional.
    fields.push(json!({ "id": "severity", "status": "optional" }));
    policy["fields"] = fields.into();
    policy.to_string().into_bytes()
}

fn label(id: &str) -> &'static str {
    Builtin::from_id(id).unwrap().label()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_field_and_attachment_byte_survives_browser_seal_and_sealpost_open() {
    let work = tempfile::tempdir().unwrap();
    // Every byte value, then pseudorandom bytes: nothing a text conversion would survive.
    let mut binary: Vec<u8> = (0..=255u8).collect();
    binary.extend(pseudorandom_bytes(300 * 1024, 0xA5A5_5A5A_0F0F_F0F0));
    let attachments = [
        ("trace.bin", binary),
        (
            "poc.py",
            b"import sys\nprint('\xc3\xbc', file=sys.stderr)\n".to_vec(),
        ),
    ];
    let mut entries: Vec<Entry> = TYPED
        .iter()
        .map(|(id, text)| Entry::text(label(id), text))
        .collect();
    let paths: Vec<String> = attachments
        .iter()
        .map(|(name, bytes)| {
            let path = work.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect();
    // One file input with `multiple`: WebDriver takes several paths a line each.
    entries.push(Entry::File("Attachments".into(), paths.join("\n")));

    let server = StaticServer::start_with(&dist_dir(), vec![("/round-trip.json".into(), policy())]);
    let browser = Browser::start().await;
    browser
        .client
        .goto(&format!("{}?policy=/round-trip.json", server.url))
        .await
        .unwrap();
    let armored = browser.fill_and_seal(&entries).await;
    browser.screenshot("round-trip-sealed.png").await;
    browser.close().await;

    let sealed = work.path().join("report.asc");
    std::fs::write(&sealed, &armored).unwrap();
    let out = work.path().join("opened");
    let run = Command::new(cli_binary())
        .arg("open")
        .arg(&sealed)
        .arg("--key")
        .arg(fixture_path("demo-recipient.secret.asc"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "sealpost open failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );

    let document: ReportDocument =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    for (id, typed) in TYPED {
        let field = document
            .fields
            .iter()
            .find(|field| field.id == id)
            .unwrap_or_else(|| panic!("report.json has no field {id}"));
        assert_eq!(
            field.value,
            Some(FieldValue::Text(typed.to_owned())),
            "field {id}"
        );
    }
    assert_eq!(document.attachments.len(), attachments.len());
    for (name, bytes) in &attachments {
        let opened = std::fs::read(out.join("attachments").join(name))
            .unwrap_or_else(|err| panic!("attachments/{name}: {err}"));
        assert!(
            opened == *bytes,
            "attachments/{name} differs from what was attached"
        );
        let entry = document
            .attachments
            .iter()
            .find(|entry| entry.name == *name)
            .unwrap();
        assert_eq!(entry.sha256, hex::encode(Sha256::digest(bytes)));
        assert_eq!(entry.size, bytes.len() as u64);
    }
    // The readable text carries the typed title too, for a maintainer without tools.
    let text = std::fs::read_to_string(out.join("report.txt")).unwrap();
    assert!(text.contains(TYPED[0].1), "{text}");
}
