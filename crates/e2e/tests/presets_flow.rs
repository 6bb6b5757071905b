//! Every seed preset, end to end in the built app: open it with `?policy=`, fill each field the
//! form shows by its label, encrypt, and decrypt with real gpg and the preset's test key.

use sealpost_core::{policy::Control, Policy, Report, Value};
use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer, steps::Entry, Gpg};

const PRESETS: [&str; 5] = ["cgx", "exegol", "generic", "netconnect-io", "osctrl"];

/// cgx reports through a GitHub private advisory: the page links to the repository's new-advisory
/// form and lays the report out in GitHub's fields to copy.
async fn github_hand_off_carries_the_report(browser: &Browser, policy: &Policy, report: &Report) {
    let fields = browser
        .client
        .execute(
            "const link = [...document.querySelectorAll('.channels a')]\
                 .find(a => a.innerText.startsWith('Open a private security advisory'));\
             const panel = document.querySelector('details.handoff');\
             panel.open = true; panel.scrollIntoView();\
             const fields = {};\
             panel.querySelectorAll('.handoff-field').forEach(f => {\
                 fields[f.querySelector('label').innerText] = f.querySelector('textarea').value;\
             });\
             return [link.getAttribute('href'), fields];",
            vec![],
        )
        .await
        .expect("the GitHub hand-off");
    assert_eq!(
        fields[0].as_str(),
        Some("https://github.com/cgxlabs/cgx/security/advisories/new")
    );
    let fields = &fields[1];
    let text = |id: &str| report.text(id).trim().to_owned();
    assert_eq!(
        fields["Title"].as_str(),
        Some(text("title").as_str()),
        "{fields}"
    );
    let description = fields["Description"].as_str().unwrap_or_default();
    for id in ["reproduction_steps", "impact", "proof_of_concept"] {
        assert!(
            description.contains(&text(id)),
            "{id} missing: {description}"
        );
    }
    assert!(
        fields["Affected versions"]
            .as_str()
            .is_some_and(|v| v.contains(&text("affected_versions"))),
        "{fields}"
    );
    assert!(policy.fields.iter().any(|f| f.id == "proof_of_concept"));
    browser.screenshot("handoff-github.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_seed_preset_takes_a_report_that_gpg_decrypts_with_its_key() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    for name in PRESETS {
        let policy = browser.open_preset(&server, name).await;

        // Every field the preset shows, found by its label on whichever step it is.
        let mut report = Report::default();
        let mut entries = Vec::new();
        for field in &policy.fields {
            match &field.control {
                Control::Checkbox => {
                    entries.push(Entry::Tick(field.label.clone()));
                    report.set(field.id.clone(), Value::Checked(true));
                }
                Control::Attachments | Control::Cvss(_) | Control::Select(_) => {}
                Control::Email => {
                    let text = format!("{name}@example.org");
                    entries.push(Entry::text(&field.label, &text));
                    report.set_text(field.id.clone(), text);
                }
                Control::Text | Control::Textarea => {
                    let text = format!("{name}: {} — ünïcödé", field.label);
                    entries.push(Entry::text(&field.label, &text));
                    report.set_text(field.id.clone(), text);
                }
                other => panic!("{name}: the test does not fill {other:?} fields yet"),
            }
        }
        let armored = browser.fill_and_seal(&entries).await;
        browser.screenshot(&format!("preset-{name}.png")).await;
        if name == "cgx" {
            github_hand_off_carries_the_report(&browser, &policy, &report).await;
        }
        let plaintext =
            Gpg::with_secret_key(&format!("presets/{name}.secret.asc")).decrypt(armored.as_bytes());
        let letter = sealpost_testkit::letter::open(plaintext.as_bytes());
        assert!(
            letter.text.starts_with(&report.render_text(&policy)),
            "preset {name}: {}",
            letter.text
        );
    }
    browser.close().await;
}
