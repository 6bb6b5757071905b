//! Browser tests: run in headless Chromium by `cargo test --target wasm32-unknown-unknown`
//! (wasm-bindgen-test-runner + chromedriver, see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use leptos::task::tick;
use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use sealpost::{browser, App};
use sealpost_core::{demo, seal::seal_report, Field, RecipientKey, Report};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const DEMO_SECRET_KEY: &str = include_str!("fixtures/demo-recipient.secret.asc");

fn open(armored: &str) -> String {
    let (secret, _) = SignedSecretKey::from_string(DEMO_SECRET_KEY).expect("fixture key");
    let (message, _) = Message::from_string(armored).expect("armored message");
    let mut plain = message
        .decrypt(&Password::empty(), &secret)
        .expect("decrypts with the demo secret key");
    plain.as_data_string().expect("UTF-8 plaintext")
}

fn complete_report() -> Report {
    Report::default()
        .with(Field::Title, "Heap overflow in the PNG decoder")
        .with(
            Field::VulnerabilityType,
            "CWE-122: Heap-based Buffer Overflow",
        )
        .with(Field::AffectedVersions, "1.4.0 – 1.6.2")
        .with(
            Field::StepsToReproduce,
            "1. Build with ASan\n2. Decode poc.png",
        )
        .with(
            Field::Impact,
            "Remote code execution when a crafted image is previewed.",
        )
}

/// A fresh container with the app mounted in it; the handle keeps it mounted.
fn mount() -> (Element, impl Drop) {
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), App);
    (container, handle)
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// Types `text` into the control labelled `field`'s label, as a person would.
fn type_into(root: &Element, field: Field, text: &str) {
    let label: Element = find(root, &format!("label[for='{}']", field.id()));
    assert_eq!(label.text_content().unwrap(), field.label());
    let control: Element = find(root, &format!("#{}", field.id()));
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else {
        control
            .unchecked_ref::<HtmlTextAreaElement>()
            .set_value(text);
    }
    let event = web_sys::Event::new("input").unwrap();
    control.dispatch_event(&event).unwrap();
}

async fn press_encrypt(root: &Element) {
    let button: HtmlElement = find(root, "button[type=submit]");
    assert_eq!(button.text_content().unwrap(), "Encrypt report");
    button.click();
    for _ in 0..3 {
        tick().await;
    }
}

#[wasm_bindgen_test]
fn sealing_runs_in_the_browser_and_the_demo_secret_key_opens_it() {
    let policy = demo::policy();
    let key = RecipientKey::accept(policy.recipient_key.as_bytes(), browser::now()).unwrap();
    let report = complete_report();
    let armored = seal_report(&policy, &report, &key, rand_core::OsRng).unwrap();
    assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"));
    assert_eq!(open(&armored), report.render_text(&policy));
}

#[wasm_bindgen_test]
async fn every_field_has_a_label_tied_to_its_control_and_the_recipient_is_shown() {
    let (root, _mounted) = mount();
    tick().await;
    for field in Field::ALL {
        let label: Element = find(&root, &format!("label[for='{}']", field.id()));
        assert_eq!(label.text_content().unwrap(), field.label());
        let control: Element = find(&root, &format!("#{}", field.id()));
        assert_eq!(
            control.get_attribute("aria-invalid").as_deref(),
            Some("false")
        );
    }
    let fingerprint: Element = find(&root, ".fingerprint");
    assert_eq!(
        fingerprint.text_content().unwrap(),
        "9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE"
    );
}

#[wasm_bindgen_test]
async fn encrypting_an_incomplete_report_marks_each_missing_field_and_lists_them() {
    let (root, _mounted) = mount();
    tick().await;
    type_into(&root, Field::Title, "Only a title");
    press_encrypt(&root).await;

    let summary: HtmlElement = find(&root, "#error-summary");
    assert!(!summary.hidden(), "the error summary is shown");
    let listed = summary.text_content().unwrap();
    for field in [
        Field::VulnerabilityType,
        Field::AffectedVersions,
        Field::StepsToReproduce,
        Field::Impact,
    ] {
        assert!(
            listed.contains(&format!("{} is required.", field.label())),
            "{listed}"
        );
        let control: Element = find(&root, &format!("#{}", field.id()));
        assert_eq!(
            control.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        let error_id = format!("{}-error", field.id());
        assert!(control
            .get_attribute("aria-describedby")
            .unwrap()
            .contains(&error_id));
        let error: HtmlElement = find(&root, &format!("#{error_id}"));
        assert!(!error.hidden());
        assert_eq!(
            error.text_content().unwrap(),
            format!("{} is required.", field.label())
        );
    }
    let title: Element = find(&root, "#title");
    assert_eq!(
        title.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(!listed.contains("Title"), "{listed}");
    let sealed: HtmlElement = find(&root, ".sealed");
    assert!(sealed.hidden(), "nothing was encrypted");
}

#[wasm_bindgen_test]
async fn a_complete_report_is_encrypted_in_the_page_and_opens_to_what_was_typed() {
    let (root, _mounted) = mount();
    tick().await;
    let report = complete_report();
    for field in Field::ALL {
        type_into(&root, field, report.get(field));
    }
    press_encrypt(&root).await;

    let summary: HtmlElement = find(&root, "#error-summary");
    assert!(summary.hidden());
    let ciphertext: HtmlTextAreaElement = find(&root, "#ciphertext");
    let armored = ciphertext.value();
    assert!(
        armored.starts_with("-----BEGIN PGP MESSAGE-----"),
        "{armored}"
    );
    assert_eq!(open(&armored), report.render_text(&demo::policy()));

    let mail: Element = find(&root, ".sealed .actions a");
    let href = mail.get_attribute("href").unwrap();
    assert!(
        href.starts_with("mailto:security@demo.sealpost.example?subject="),
        "{href}"
    );
}
