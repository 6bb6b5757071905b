//! Every seed preset, end to end in the built app: open it with `?policy=`, fill each field the
//! form shows by its label, encrypt, and decrypt with real gpg and the preset's test key.

use sealpost_core::{policy::Control, Policy, Report, Value};
use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer, Gpg};

const PRESETS: [&str; 5] = ["cgx", "exegol", "generic", "netconnect-io", "osctrl"];

#[tokio::test(flavor = "multi_thread")]
async fn each_seed_preset_takes_a_report_that_gpg_decrypts_with_its_key() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let browser = Browser::start().await;
    for name in PRESETS {
        let json = std::fs::read_to_string(dist.join("policies").join(format!("{name}.json")))
            .expect("presets are copied into dist/policies");
        let policy = Policy::from_json(&json).expect("a valid preset");
        let url = format!("{}?policy=/policies/{name}.json", server.url);
        browser.client.goto(&url).await.expect("open the preset");

        let mut report = Report::default();
        for field in &policy.fields {
            match &field.control {
                Control::Checkbox => {
                    browser
                        .control_labelled(&field.label)
                        .await
                        .click()
                        .await
                        .expect("tick");
                    report.set(field.id.clone(), Value::Checked(true));
                }
                Control::Attachments => {}
                Control::Text | Control::Textarea => {
                    let text = format!("{name}: {} — ünïcödé", field.label);
                    let control = browser.control_labelled(&field.label).await;
                    control.send_keys(&text).await.expect("type");
                    report.set_text(field.id.clone(), text);
                }
                other => panic!("{name}: the test does not fill {other:?} fields yet"),
            }
        }
        browser.press("Encrypt report").await;
        let armored = browser.wait_for_ciphertext().await;
        browser.screenshot(&format!("preset-{name}.png")).await;
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
