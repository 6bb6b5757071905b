//! The page in German with a policy that carries its own German texts: the page's words and
//! the project's both switch, what was typed survives switching back and forth, and the sealed
//! report keeps the policy's choices as the policy wrote them.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::{
    demo,
    i18n::{DE, EN},
    policy::Step,
};
use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer, Gpg};

/// The demo policy, plus a choice and rules, with a German translation of the project's texts.
fn translated_policy() -> String {
    let mut doc: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    doc["fields"].as_array_mut().unwrap().insert(
        1,
        serde_json::json!({
            "id": "platform", "kind": "select", "label": "Platform",
            "options": ["Desktop", "Mobile"], "status": "required", "step": "what"
        }),
    );
    doc["rules"] = serde_json::json!(["Test only your own accounts."]);
    doc["translations"] = serde_json::json!({
        "de": {
            "fields": {
                "title": { "label": "Titel der Meldung" },
                "platform": { "label": "Plattform", "options": { "Mobile": "Mobilgerät" } }
            },
            "rules": ["Testen Sie nur eigene Konten."]
        }
    });
    doc.to_string()
}

async fn page_lang(browser: &Browser) -> String {
    browser
        .client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// Presses the German "Next" and waits for the next step's heading.
async fn weiter(browser: &Browser) {
    let before = browser.step_heading().await;
    browser.press(DE.form.next).await;
    browser
        .wait_for_script_with(
            "const h = document.querySelector('.step > h2');\
             return h && h.innerText !== arguments[0] ? h.innerText : null;",
            vec![before.into()],
            std::time::Duration::from_secs(10),
        )
        .await;
}

async fn switch_to(browser: &Browser, tag: &str) {
    browser
        .client
        .execute(
            "const s = document.getElementById('language');\
             s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![tag.into()],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn german_page_and_german_policy_texts_switch_without_losing_input() {
    let server = StaticServer::start_with(
        &dist_dir(),
        vec![(
            "/policies/translated.json".to_owned(),
            translated_policy().into_bytes(),
        )],
    );
    let browser = Browser::start().await;
    let url = format!("{}?policy=/policies/translated.json&lang=de", server.url);
    browser.client.goto(&url).await.unwrap();

    // The page's words and the project's rules, in German, and `<html lang>` says so.
    assert_eq!(
        browser.step_heading().await,
        DE.form.step_heading(Step::Start)
    );
    assert_eq!(page_lang(&browser).await, "de");
    let start = browser
        .wait_for_script("return document.querySelector('.step').innerText;")
        .await;
    assert!(start.contains("Testen Sie nur eigene Konten."), "{start}");
    assert!(!start.contains("Test only your own accounts."), "{start}");
    browser
        .control_labelled(DE.fields.acknowledge_rules)
        .await
        .click()
        .await
        .unwrap();
    browser.assert_accessible("the first step in German").await;
    weiter(&browser).await;

    // "Next" refuses in German, naming the project's German label.
    browser.press(DE.form.next).await;
    let summary = browser
        .wait_for_script(
            "const s = document.querySelector('.error-summary');\
             return s && !s.hidden ? s.innerText : null;",
        )
        .await;
    assert!(
        summary.contains(&(DE.problems.missing)("Titel der Meldung")),
        "{summary}"
    );
    let title = browser.control_labelled("Titel der Meldung").await;
    title
        .send_keys("Gespeichertes XSS — ünïcödé")
        .await
        .unwrap();
    // The choice reads in German; its value stays as the policy wrote it.
    let shown = browser
        .client
        .execute(
            "const s = document.getElementById('platform');\
             s.value = 'Mobile'; s.dispatchEvent(new Event('change', { bubbles: true }));\
             return s.options[s.selectedIndex].text;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown.as_str(), Some("Mobilgerät"));
    browser.screenshot("german-what.png").await;

    // English: every label back to the policy's own words, nothing typed lost.
    switch_to(&browser, "en").await;
    let title = browser.control_labelled("Title").await;
    assert_eq!(
        title.prop("value").await.unwrap().as_deref(),
        Some("Gespeichertes XSS — ünïcödé")
    );
    assert_eq!(
        browser.step_heading().await,
        EN.form.step_heading(Step::What)
    );
    assert_eq!(page_lang(&browser).await, "en");
    let platform = browser.control_labelled("Platform").await;
    assert_eq!(
        platform.prop("value").await.unwrap().as_deref(),
        Some("Mobile")
    );
    switch_to(&browser, "de").await;
    browser.control_labelled("Titel der Meldung").await;

    // Fill the rest in German and seal: the project reads the choice as it wrote it.
    for (label, text) in [
        (
            DE.fields
                .label(sealpost_core::policy::Builtin::VulnerabilityType),
            "CWE-79",
        ),
        (
            DE.fields
                .label(sealpost_core::policy::Builtin::AffectedVersions),
            "2.3.0",
        ),
    ] {
        browser
            .control_labelled(label)
            .await
            .send_keys(text)
            .await
            .unwrap();
    }
    weiter(&browser).await;
    browser
        .control_labelled(
            DE.fields
                .label(sealpost_core::policy::Builtin::ReproductionSteps),
        )
        .await
        .send_keys("1. Anmelden\n2. Kommentar senden")
        .await
        .unwrap();
    weiter(&browser).await;
    browser
        .control_labelled(DE.fields.label(sealpost_core::policy::Builtin::Impact))
        .await
        .send_keys("Sitzungen anderer Nutzer werden übernommen.")
        .await
        .unwrap();
    for _ in 0..5 {
        if browser.has_button(DE.form.encrypt).await {
            break;
        }
        weiter(&browser).await;
    }
    browser.press(DE.form.encrypt).await;
    let armored = browser.wait_for_ciphertext().await;
    let plaintext = Gpg::with_secret_key("demo-recipient.secret.asc").decrypt(armored.as_bytes());
    let letter = sealpost_testkit::letter::open(plaintext.as_bytes());
    let field = |id: &str| {
        letter.json["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing: {}", letter.json))
            .clone()
    };
    assert_eq!(field("platform")["value"], "Mobile");
    assert_eq!(field("title")["value"], "Gespeichertes XSS — ünïcödé");
    browser.close().await;
}
