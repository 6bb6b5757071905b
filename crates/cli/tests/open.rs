//! `sealpost open`: what `sealpost seal` (and gpg) sealed comes back field for field and byte for
//! byte, and no name in a letter writes outside the chosen directory.

#![allow(clippy::unwrap_used)]

mod common;

use std::{
    ffi::OsString,
    path::{Path, PathBuf},
    time::SystemTime,
};

use common::{fixture, repo_path, sealpost, Run};
use sealpost_core::{letter, Attachment, Report};
use sealpost_testkit::gpg::Gpg;

const DEMO_SECRET: &str = "demo-recipient.secret.asc";

fn args(list: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<OsString> {
    list.iter().map(|a| a.as_ref().to_owned()).collect()
}

/// Every file under `dir`, as paths relative to it, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                found.push(path.strip_prefix(root).unwrap().to_owned());
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, dir, &mut found);
    found.sort();
    found
}

/// Seals a demo report with tricky attachments through `sealpost seal`, opens it with `sealpost
/// open`, and checks every field and byte.
#[test]
fn seal_then_open_recovers_every_field_and_attachment() {
    let work = tempfile::tempdir().unwrap();
    let put = |relative: &str, bytes: &[u8]| {
        let path = work.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let binary: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let attachments = [
        ("evidence.png", binary.clone()),
        // Not UTF-8: a text part must still come back byte for byte.
        ("latin1.txt", b"caf\xe9 cr\xe8me\r\nline two\n".to_vec()),
        // The same name as sealpost's own part.
        ("report.json", b"{\"mine\": true}".to_vec()),
        // A Windows path, a valid file name on Linux.
        ("..\\..\\evil.bat", b"echo pwned".to_vec()),
        ("a/notes.txt", b"first notes".to_vec()),
        ("b/notes.txt", b"second notes".to_vec()),
    ];
    let paths: Vec<PathBuf> = attachments
        .iter()
        .map(|(name, bytes)| put(name, bytes))
        .collect();
    let report = serde_json::json!({
        "title": "Stored XSS in the search page",
        "vulnerability_type": "CWE-79",
        "affected_versions": ">= 1.0.0, < 1.2.3",
        "reproduction_steps": "1. Open /search\n2. Search for <script>alert(1)</script>\n\nÜnïcödé.",
        "impact": "Account takeover.",
    });
    let mut seal_args = args(&[
        &"seal",
        &"--policy",
        &repo_path("public/policies/demo.json"),
        &"--attach",
    ]);
    seal_args.extend(paths.iter().map(|p| p.clone().into_os_string()));
    let sealed = sealpost(seal_args, report.to_string().as_bytes());
    assert_eq!(sealed.code, 0, "{}", sealed.stderr);
    let sealed_path = put("report.asc", &sealed.stdout);

    let out = work.path().join("opened");
    let run = sealpost(
        args(&[
            &"open",
            &sealed_path,
            &"--key",
            &fixture(DEMO_SECRET),
            &"--out",
            &out,
        ]),
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_opened(&out, &run, &report, &binary);

    // The same letter, decrypted by gpg instead, opens the same way.
    let eml = put(
        "report.eml",
        &Gpg::with_secret_key(DEMO_SECRET).decrypt_bytes(&sealed.stdout),
    );
    let out = work.path().join("opened-eml");
    let run = sealpost(args(&[&"open", &"--decrypted", &eml, &"--out", &out]), b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_opened(&out, &run, &report, &binary);
}

fn assert_opened(out: &Path, run: &Run, report: &serde_json::Value, binary: &[u8]) {
    let read = |relative: &str| std::fs::read(out.join(relative)).unwrap();
    assert_eq!(
        files_under(out),
        [
            "attachments/evidence.png",
            "attachments/evil.bat",
            "attachments/latin1.txt",
            "attachments/notes (2).txt",
            "attachments/notes.txt",
            "attachments/report.json",
            "report.json",
            "report.txt",
        ]
        .map(PathBuf::from)
    );
    assert_eq!(read("attachments/evidence.png"), binary);
    assert_eq!(
        read("attachments/latin1.txt"),
        b"caf\xe9 cr\xe8me\r\nline two\n"
    );
    assert_eq!(read("attachments/report.json"), b"{\"mine\": true}");
    assert_eq!(read("attachments/evil.bat"), b"echo pwned");
    assert_eq!(read("attachments/notes.txt"), b"first notes");
    assert_eq!(read("attachments/notes (2).txt"), b"second notes");

    let json: serde_json::Value = serde_json::from_slice(&read("report.json")).unwrap();
    for (id, value) in report.as_object().unwrap() {
        let field = json["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id.as_str())
            .unwrap();
        assert_eq!(&field["value"], value, "{id}");
    }
    let text = String::from_utf8(read("report.txt")).unwrap();
    assert!(text.contains("## Steps to reproduce\n\n1. Open /search\n2. Search for <script>alert(1)</script>\n\nÜnïcödé."), "{text}");

    assert!(
        run.stderr
            .contains("“..\\\\..\\\\evil.bat” was saved as attachments/evil.bat: it is a path"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "“notes.txt” was saved as attachments/notes (2).txt: another attachment has that name"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("every SHA-256 matches report.json"),
        "{}",
        run.stderr
    );
}

/// A letter with names no file system should see as written, made with the page's own composer.
fn hostile_letter() -> Vec<u8> {
    let policy = sealpost_core::demo::policy();
    let report = Report::default()
        .with_text("title", "Path traversal")
        .with_text("vulnerability_type", "CWE-22")
        .with_text("affected_versions", "all")
        .with_text("reproduction_steps", "Open the attachments.")
        .with_text("impact", "Files outside the directory.");
    let attachments = vec![
        Attachment::new("../../x", "text/plain", b"relative escape".to_vec()),
        Attachment::new("/etc/passwd", "text/plain", b"absolute".to_vec()),
        Attachment::new("x", "application/octet-stream", b"plain x".to_vec()),
        Attachment::new("..", "application/octet-stream", b"dot dot".to_vec()),
    ];
    letter::compose(
        &policy,
        &report,
        &attachments,
        SystemTime::now(),
        &mut rand::rngs::OsRng,
    )
    .mime
}

#[test]
fn hostile_names_are_cleaned_and_said() {
    let work = tempfile::tempdir().unwrap();
    let eml = work.path().join("hostile.eml");
    std::fs::write(&eml, hostile_letter()).unwrap();
    let out = work.path().join("deep/out");
    let run = sealpost(args(&[&"open", &"--decrypted", &eml, &"--out", &out]), b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        files_under(work.path()),
        [
            "deep/out/attachments/attachment",
            "deep/out/attachments/etc_passwd",
            "deep/out/attachments/x",
            "deep/out/attachments/x (2)",
            "deep/out/report.json",
            "deep/out/report.txt",
            "hostile.eml",
        ]
        .map(PathBuf::from),
        "nothing outside the directory"
    );
    assert_eq!(
        std::fs::read(out.join("attachments/x")).unwrap(),
        b"relative escape"
    );
    assert_eq!(
        std::fs::read(out.join("attachments/x (2)")).unwrap(),
        b"plain x"
    );
    for said in [
        "“../../x” was saved as attachments/x: it is a path",
        "“/etc/passwd” was saved as attachments/etc_passwd: it is a path",
        "“x” was saved as attachments/x (2): another attachment has that name",
        "“..” was saved as attachments/attachment: it is a path",
    ] {
        assert!(run.stderr.contains(said), "{said}\n{}", run.stderr);
    }

    // An existing, non-empty directory is never written into.
    let again = sealpost(args(&[&"open", &"--decrypted", &eml, &"--out", &out]), b"");
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("is not empty"), "{}", again.stderr);
}

#[test]
fn a_message_gpg_encrypted_opens_with_the_secret_key() {
    // gpg's defaults (SEIPD v1, compression) rather than sealpost's.
    let work = tempfile::tempdir().unwrap();
    let gpg = Gpg::with_secret_key("keys/cv25519.secret.asc");
    let message = gpg.encrypt(
        "FD6D5BBA7B49D09A8A484B025FE4B53EE9242BEA",
        &hostile_letter(),
    );
    let path = work.path().join("report.gpg");
    std::fs::write(&path, message).unwrap();
    let out = work.path().join("out");
    let run = sealpost(
        args(&[
            &"open",
            &path,
            &"--key",
            &fixture("keys/cv25519.secret.asc"),
            &"--out",
            &out,
        ]),
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read(out.join("attachments/etc_passwd")).unwrap(),
        b"absolute"
    );
}

#[test]
fn the_wrong_key_is_refused() {
    let work = tempfile::tempdir().unwrap();
    let sealed = sealpost(
        [
            "seal",
            "--to",
            fixture("rsa3072.public.asc").to_str().unwrap(),
        ],
        b"hello",
    );
    assert_eq!(sealed.code, 0, "{}", sealed.stderr);
    let path = work.path().join("report.asc");
    std::fs::write(&path, &sealed.stdout).unwrap();
    let run = sealpost(
        args(&[
            &"open",
            &path,
            &"--key",
            &fixture(DEMO_SECRET),
            &"--out",
            &work.path().join("out"),
        ]),
        b"",
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cannot be decrypted with this key"),
        "{}",
        run.stderr
    );
    assert!(!work.path().join("out").exists());
}

#[test]
fn a_protected_key_needs_its_passphrase() {
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("gnupg");
    std::fs::create_dir(&home).unwrap();
    let gpg = |extra: &[&str]| {
        let out = std::process::Command::new("gpg")
            .arg("--homedir")
            .arg(&home)
            .args([
                "--batch",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "correct horse",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "gpg {extra:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    gpg(&[
        "--quick-gen-key",
        "Protected <p@example.org>",
        "future-default",
        "default",
        "never",
    ]);
    let public = work.path().join("public.asc");
    std::fs::write(&public, gpg(&["--armor", "--export", "p@example.org"])).unwrap();
    let secret = work.path().join("secret.asc");
    std::fs::write(
        &secret,
        gpg(&["--armor", "--export-secret-keys", "p@example.org"]),
    )
    .unwrap();

    let sealed = sealpost(args(&[&"seal", &"--to", &public]), b"for the protected key");
    assert_eq!(sealed.code, 0, "{}", sealed.stderr);
    let report = work.path().join("report.asc");
    std::fs::write(&report, &sealed.stdout).unwrap();

    // No terminal here, so no prompt: it says what to do.
    let run = sealpost(
        args(&[
            &"open",
            &report,
            &"--key",
            &secret,
            &"--out",
            &work.path().join("a"),
        ]),
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--passphrase-file"), "{}", run.stderr);

    let wrong = work.path().join("wrong");
    std::fs::write(&wrong, "battery staple\n").unwrap();
    let run = sealpost(
        args(&[
            &"open",
            &report,
            &"--key",
            &secret,
            &"--passphrase-file",
            &wrong,
            &"--out",
            &work.path().join("b"),
        ]),
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);

    let right = work.path().join("right");
    std::fs::write(&right, "correct horse\n").unwrap();
    let out = work.path().join("c");
    let run = sealpost(
        args(&[
            &"open",
            &report,
            &"--key",
            &secret,
            &"--passphrase-file",
            &right,
            &"--out",
            &out,
        ]),
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(out.join("report.txt"))
        .unwrap()
        .contains("for the protected key"));
}
