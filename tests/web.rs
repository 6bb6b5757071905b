//! Browser tests: run in headless Chromium by `cargo test --target wasm32-unknown-unknown`
//! (wasm-bindgen-test-runner + chromedriver, see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use leptos::task::tick;
use pgp::{
    composed::{Deserializable, Message, SignedSecretKey},
    types::Password,
};
use std::{cell::RefCell, rc::Rc};

use sealpost::{
    browser,
    services::{
        crypto::{CryptoBackend, LocalFuture, Progress, SealedMessage},
        load_policy::POLICY_ELEMENT_ID,
    },
    App,
};
use sealpost_core::{
    demo,
    protocol::{
        AcceptRequest, AcceptResponse, DraftOpenRequest, DraftOpenResponse, DraftSealRequest,
        DraftSealResponse, KeyCheckRequest, KeyCheckResponse, ReplyKeyRequest, ReplyKeyResponse,
        SealRequest, Sealer,
    },
    recipients, Encoding, Report,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const DEMO_SECRET_KEY: &str = include_str!("fixtures/demo-recipient.secret.asc");

/// The demo policy's fields: (id, label).
const DEMO_FIELDS: [(&str, &str); 5] = [
    ("title", "Title"),
    ("vulnerability_type", "Vulnerability type"),
    ("affected_versions", "Affected versions"),
    ("reproduction_steps", "Steps to reproduce"),
    ("impact", "Impact"),
];

/// Decrypts with the demo secret key and returns the letter's text part, as a mail client
/// would show it (mail-parser undoes the transfer encoding).
fn open(armored: &str) -> String {
    let (secret, _) = SignedSecretKey::from_string(DEMO_SECRET_KEY).expect("fixture key");
    let (message, _) = Message::from_string(armored).expect("armored message");
    let mut plain = message
        .decrypt(&Password::empty(), &secret)
        .expect("decrypts with the demo secret key");
    let mime = plain.as_data_vec().expect("plaintext");
    let letter = mail_parser::MessageParser::default()
        .parse(&mime)
        .expect("a MIME letter");
    letter
        .body_text(0)
        .expect("a text part")
        .replace("\r\n", "\n")
}

/// The browser tests' cryptography: the worker's own logic (`Sealer`), run in the page, since
/// wasm-bindgen-test cannot serve the worker. The worker itself is driven by the end-to-end tests.
#[derive(Default)]
struct InPageCrypto(Rc<RefCell<Sealer>>);

impl CryptoBackend for InPageCrypto {
    fn accept(&self, request: AcceptRequest) -> LocalFuture<AcceptResponse> {
        let response = self.0.borrow_mut().accept(&request);
        Box::pin(async move { response })
    }

    fn seal(
        &self,
        request: SealRequest,
        files: Vec<web_sys::File>,
        _progress: Progress,
    ) -> LocalFuture<Result<SealedMessage, String>> {
        let sealer = Rc::clone(&self.0);
        Box::pin(async move {
            let mut contents = Vec::new();
            for file in files {
                let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                    .await
                    .map_err(|_| "unreadable file".to_owned())?;
                contents.push(js_sys::Uint8Array::new(&buffer).to_vec());
            }
            let (bytes, info) =
                sealer
                    .borrow()
                    .seal(&request, contents, rand_core::OsRng, |_, _| {})?;
            Ok(SealedMessage {
                bytes: js_sys::Uint8Array::from(bytes.as_slice()),
                info,
            })
        })
    }

    fn make_reply_key(&self, request: ReplyKeyRequest) -> LocalFuture<ReplyKeyResponse> {
        let response = Sealer::make_reply_key(&request, rand_core::OsRng);
        Box::pin(async move { response })
    }

    fn seal_draft(&self, request: DraftSealRequest) -> LocalFuture<DraftSealResponse> {
        let response = Sealer::seal_draft(&request, rand_core::OsRng);
        Box::pin(async move { response })
    }

    fn open_draft(&self, request: DraftOpenRequest) -> LocalFuture<DraftOpenResponse> {
        let response = Sealer::open_draft(&request);
        Box::pin(async move { response })
    }

    fn check_key(&self, request: KeyCheckRequest) -> LocalFuture<KeyCheckResponse> {
        let response = Sealer::check_key(&request);
        Box::pin(async move { response })
    }
}

fn complete_report() -> Report {
    Report::default()
        .with_text("title", "Heap overflow in the PNG decoder")
        .with_text("vulnerability_type", "CWE-122: Heap-based Buffer Overflow")
        .with_text("affected_versions", "1.4.0 – 1.6.2")
        .with_text(
            "reproduction_steps",
            "1. Build with ASan\n2. Decode poc.png",
        )
        .with_text(
            "impact",
            "Remote code execution when a crafted image is previewed.",
        )
}

/// A fresh container with the app mounted in it, after the policy has loaded. The app stays
/// mounted after the test: its timers and animation frames (focus moves, draft saves) may still
/// fire, and must find it alive rather than disposed. Each test queries only its own container.
async fn mount() -> (Element, ()) {
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), || {
        let crypto: Rc<dyn CryptoBackend> = Rc::new(InPageCrypto::default());
        leptos::view! { <App crypto=crypto /> }
    });
    for _ in 0..20 {
        tick().await;
        if container
            .query_selector(".step, .policy-error")
            .unwrap()
            .is_some()
        {
            break;
        }
    }
    std::mem::forget(handle);
    (container, ())
}

/// Waits (a few ticks at most) until `selector` matches in `root`.
async fn wait_for(root: &Element, selector: &str) {
    for _ in 0..50 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        tick().await;
    }
    panic!("nothing matched {selector}");
}

/// Puts a policy into the page the way a project embeds one; removed again on drop.
struct EmbeddedPolicy(Element);

impl EmbeddedPolicy {
    fn new(json: &str) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let script = document.create_element("script").unwrap();
        script.set_attribute("type", "application/json").unwrap();
        script.set_id(POLICY_ELEMENT_ID);
        script.set_text_content(Some(json));
        document.head().unwrap().append_child(&script).unwrap();
        Self(script)
    }
}

impl Drop for EmbeddedPolicy {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// Types `text` into the control labelled `label`, as a person would.
fn type_into(root: &Element, label: &str, text: &str) {
    let labels = root.query_selector_all("label").unwrap();
    let label_element: Element = (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .find(|l| l.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no label “{label}”"));
    let id = label_element.get_attribute("for").unwrap();
    let control: Element = find(root, &format!("#{id}"));
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.set_value(text);
    } else {
        control
            .unchecked_ref::<HtmlTextAreaElement>()
            .set_value(text);
    }
    let kind = if control.dyn_ref::<HtmlSelectElement>().is_some() {
        "change"
    } else {
        "input"
    };
    control
        .dispatch_event(&web_sys::Event::new(kind).unwrap())
        .unwrap();
}

/// The button reading exactly `text`, if the current step shows one.
fn button(root: &Element, text: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(text) && !b.hidden())
}

/// The current step's heading.
fn step_heading(root: &Element) -> String {
    find::<Element>(root, ".step > h2").text_content().unwrap()
}

/// Presses "Next" and waits for the page to update.
async fn next(root: &Element) {
    button(root, "Next").expect("a Next button").click();
    tick().await;
    tick().await;
}

/// Types `entries` (label, text) on the steps that show them, pressing "Next" in between.
async fn fill_steps(root: &Element, entries: &[(&str, &str)]) {
    let mut left: Vec<&(&str, &str)> = entries.iter().collect();
    for _ in 0..8 {
        left.retain(|(label, text)| {
            let here = has_label(root, label);
            if here {
                type_into(root, label, text);
            }
            !here
        });
        if left.is_empty() {
            return;
        }
        next(root).await;
    }
    panic!("labels never shown: {left:?}");
}

fn has_label(root: &Element, label: &str) -> bool {
    let labels = root.query_selector_all("label").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .any(|node| node.text_content().as_deref() == Some(label))
}

/// Goes to the last step and presses "Encrypt report".
async fn press_encrypt(root: &Element) {
    for _ in 0..8 {
        if button(root, "Encrypt report").is_some() {
            break;
        }
        next(root).await;
    }
    let button = button(root, "Encrypt report").expect("the last step");
    button.click();
    // Sealing is asynchronous: wait until the page shows a result or a problem.
    for _ in 0..50 {
        tick().await;
        let sealed = root
            .query_selector("#ciphertext")
            .unwrap()
            .is_some_and(|c| !c.unchecked_into::<HtmlTextAreaElement>().value().is_empty());
        let problems = root
            .query_selector(".error-summary:not([hidden])")
            .unwrap()
            .is_some();
        if sealed || problems {
            break;
        }
    }
}

#[wasm_bindgen_test]
fn sealing_runs_in_the_browser_and_the_demo_secret_key_opens_it() {
    let policy = demo::policy();
    let keys = recipients::accept_inline(&policy, browser::now()).unwrap();
    let report = complete_report();
    let sealed = sealpost_core::seal_report(
        &policy,
        &report,
        &[],
        &keys,
        Encoding::Armored,
        browser::now(),
        rand_core::OsRng,
    )
    .unwrap();
    let armored = String::from_utf8(sealed.message).unwrap();
    assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"));
    assert!(open(&armored).starts_with(&report.render_text(&policy)));
}

#[wasm_bindgen_test]
async fn every_field_has_a_label_tied_to_its_control_and_the_recipient_is_shown() {
    let (root, _mounted) = mount().await;
    assert_eq!(step_heading(&root), "Before you start");
    wait_for(&root, ".fingerprint").await;
    let fingerprint: Element = find(&root, ".fingerprint");
    assert_eq!(
        fingerprint.text_content().unwrap(),
        "9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE"
    );
    let badge: Element = find(&root, ".badge");
    assert!(badge.text_content().unwrap().starts_with("Test key"));

    let report = complete_report();
    for (id, label) in DEMO_FIELDS {
        while root.query_selector(&format!("#{id}")).unwrap().is_none() {
            next(&root).await;
        }
        let label_element: Element = find(&root, &format!("label[for='{id}']"));
        assert_eq!(label_element.text_content().unwrap(), label);
        let control: Element = find(&root, &format!("#{id}"));
        assert_eq!(
            control.get_attribute("aria-invalid").as_deref(),
            Some("false")
        );
        type_into(&root, label, report.text(id));
    }
}

#[wasm_bindgen_test]
async fn leaving_an_incomplete_step_marks_each_missing_field_and_lists_them() {
    let (root, _mounted) = mount().await;
    next(&root).await;
    assert_eq!(step_heading(&root), "What is affected");
    type_into(&root, "Title", "Only a title");
    next(&root).await;
    assert_eq!(step_heading(&root), "What is affected", "Next refused");

    let summary: HtmlElement = find(&root, ".error-summary");
    assert!(!summary.hidden(), "the error summary is shown");
    let listed = summary.text_content().unwrap();
    for (id, label) in &DEMO_FIELDS[1..3] {
        assert!(
            listed.contains(&format!("{label} is required.")),
            "{listed}"
        );
        let control: Element = find(&root, &format!("#{id}"));
        assert_eq!(
            control.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        let error_id = format!("{id}-error");
        assert!(control
            .get_attribute("aria-describedby")
            .unwrap()
            .contains(&error_id));
        let error: HtmlElement = find(&root, &format!("#{error_id}"));
        assert!(!error.hidden());
        assert_eq!(
            error.text_content().unwrap(),
            format!("{label} is required.")
        );
    }
    assert!(
        !listed.contains("Impact"),
        "later steps are not judged yet: {listed}"
    );
    let title: Element = find(&root, "#title");
    assert_eq!(
        title.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(!listed.contains("Title"), "{listed}");
}

#[wasm_bindgen_test]
async fn a_complete_report_is_encrypted_in_the_page_and_opens_to_what_was_typed() {
    let (root, _mounted) = mount().await;
    let report = complete_report();
    let entries: Vec<(&str, &str)> = DEMO_FIELDS
        .iter()
        .map(|(id, label)| (*label, report.text(id)))
        .collect();
    fill_steps(&root, &entries).await;
    press_encrypt(&root).await;

    let summary: HtmlElement = find(&root, ".error-summary");
    assert!(summary.hidden());
    let ciphertext: HtmlTextAreaElement = find(&root, "#ciphertext");
    let armored = ciphertext.value();
    assert!(
        armored.starts_with("-----BEGIN PGP MESSAGE-----"),
        "{armored}"
    );
    assert!(open(&armored).starts_with(&report.render_text(&demo::policy())));

    let mail: Element = find(&root, ".channels a");
    let href = mail.get_attribute("href").unwrap();
    assert!(
        href.starts_with("mailto:security@demo.sealpost.example?subject="),
        "{href}"
    );
}

#[wasm_bindgen_test]
async fn a_broken_embedded_policy_shows_every_problem_with_its_path_and_no_form() {
    let _policy = EmbeddedPolicy::new(
        r#"{ "version": 1, "project": { "name": "Broken" }, "recipients": [],
             "channels": [], "fields": [{ "id": "title" }] }"#,
    );
    let (root, _mounted) = mount().await;
    assert!(root.query_selector(".step").unwrap().is_none());
    let page: Element = find(&root, ".policy-error");
    let text = page.text_content().unwrap();
    assert!(
        text.contains("2 problems in the policy embedded in this page"),
        "{text}"
    );
    assert!(
        text.contains("recipients: at least one recipient key is required"),
        "{text}"
    );
    assert!(
        text.contains("channels: list at least one channel"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn an_embedded_policy_drives_the_form_and_its_markup_is_shown_as_text() {
    let json = serde_json::json!({
        "version": 1,
        "project": { "name": "<img src=x onerror=alert(1)> Widgets" },
        "recipients": [{ "key": demo::recipient_key() }],
        "channels": [{ "type": "github_advisory", "repository": "widgets/widgets" }],
        "rules": ["<b>Do not</b> test production."],
        "fields": [
            { "id": "description", "status": "required" },
            { "id": "os", "kind": "select", "label": "Operating system", "options": ["Linux", "macOS"], "status": "required" }
        ]
    });
    let _policy = EmbeddedPolicy::new(&json.to_string());
    let (root, _mounted) = mount().await;
    let heading: Element = find(&root, "h1");
    assert_eq!(
        heading.text_content().unwrap(),
        "Report a vulnerability to <img src=x onerror=alert(1)> Widgets"
    );
    assert!(
        root.query_selector("h1 img, li b").unwrap().is_none(),
        "policy text must not become HTML"
    );
    assert!(
        root.query_selector("#vulnerability_type")
            .unwrap()
            .is_none(),
        "unlisted built-ins are hidden"
    );

    // The rules come first, with their checkbox.
    next(&root).await;
    let listed = find::<Element>(&root, ".error-summary")
        .text_content()
        .unwrap();
    assert!(
        listed.contains("Please tick “I have read the testing rules above and followed them”."),
        "{listed}"
    );
    let rules: HtmlElement = find(&root, "#acknowledge_rules");
    rules.click();
    next(&root).await;
    next(&root).await;
    let listed = find::<Element>(&root, ".error-summary")
        .text_content()
        .unwrap();
    assert!(listed.contains("Description is required."), "{listed}");
    assert!(listed.contains("Operating system is required."), "{listed}");

    type_into(&root, "Description", "A race in the session cache.");
    type_into(&root, "Operating system", "macOS");
    press_encrypt(&root).await;
    let ciphertext: HtmlTextAreaElement = find(&root, "#ciphertext");
    let plaintext = open(&ciphertext.value());
    assert!(
        plaintext.contains("## Operating system\n\nmacOS\n"),
        "{plaintext}"
    );
    assert!(
        plaintext.contains("The reporter acknowledged the testing rules."),
        "{plaintext}"
    );
    let advisory: Element = find(&root, ".channels a");
    assert_eq!(
        advisory.get_attribute("href").as_deref(),
        Some("https://github.com/widgets/widgets/security/advisories/new")
    );
}

#[wasm_bindgen_test]
async fn a_policy_whose_key_expired_gets_a_page_naming_the_key_and_the_date() {
    let json = serde_json::json!({
        "version": 1,
        "project": { "name": "Stale" },
        "recipients": [{ "key": include_str!("fixtures/keys/expired.public.asc") }],
        "channels": [{ "type": "github_advisory", "repository": "stale/stale" }],
        "fields": [{ "id": "description", "status": "required" }]
    });
    let _policy = EmbeddedPolicy::new(&json.to_string());
    let (root, _mounted) = mount().await;
    assert!(root.query_selector(".step").unwrap().is_none());
    let text = find::<Element>(&root, ".policy-error")
        .text_content()
        .unwrap();
    assert!(text.contains("recipients[0].key"), "{text}");
    assert!(text.contains("expired on 2020-12-31"), "{text}");
}

#[wasm_bindgen_test]
async fn a_v6_key_and_a_nist_key_are_both_shown_with_algorithm_and_version() {
    let json = serde_json::json!({
        "version": 1,
        "project": { "name": "Modern" },
        "recipients": [
            { "name": "Team (v6)", "key": include_str!("fixtures/keys/v6-x448.public.asc") },
            { "name": "Backup", "key": include_str!("fixtures/keys/nistp384.public.asc") }
        ],
        "channels": [{ "type": "github_advisory", "repository": "modern/modern" }],
        "fields": [{ "id": "description", "status": "required" }]
    });
    let _policy = EmbeddedPolicy::new(&json.to_string());
    let (root, _mounted) = mount().await;
    wait_for(&root, ".recipient__key").await;
    let card = find::<Element>(&root, ".recipient").text_content().unwrap();
    assert!(card.contains("X448 (OpenPGP v6)"), "{card}");
    assert!(card.contains("ECDH NIST P-384 (OpenPGP v4)"), "{card}");
    assert!(
        card.contains("Every one of these keys can read your report."),
        "{card}"
    );
}

// ---- The reply key and draft panels, mounted on their own with the demo policy's state ----

/// Waits `ms` milliseconds (the draft is saved after a pause, and Argon2 takes a moment).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `done` every 50 ms for up to 30 s; panics naming `what` if it never holds.
async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..600 {
        if done() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

/// `component` mounted in a fresh container, with the demo policy's state provided (as the
/// page provides it) and handed back to the test.
fn mount_panel(
    component: fn() -> leptos::prelude::AnyView,
) -> (Element, sealpost::state::ReportState, impl Drop) {
    use leptos::prelude::IntoAny;
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let slot = Rc::new(std::cell::Cell::new(None));
    let handed = Rc::clone(&slot);
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        let crypto: Rc<dyn CryptoBackend> = Rc::new(InPageCrypto::default());
        let state = sealpost::state::ReportState::new(
            demo::policy(),
            demo::POLICY_JSON.into(),
            leptos::prelude::RwSignal::new(sealpost::i18n::Lang::En),
            crypto,
        );
        sealpost::state::provide_report_state(state);
        handed.set(Some(state));
        component().into_any()
    });
    (container, slot.get().unwrap(), handle)
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Every value in localStorage, whatever its key.
fn everything_stored() -> Vec<(String, String)> {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .map(|key| {
            let value = storage.get_item(&key).unwrap().unwrap_or_default();
            (key, value)
        })
        .collect()
}

fn click(root: &Element, button_text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref().map(str::trim) == Some(button_text))
        .unwrap_or_else(|| panic!("no button “{button_text}”"));
    button.click();
}

fn status_text(root: &Element) -> String {
    let status: Element = find(root, "[role=status]");
    status.text_content().unwrap_or_default()
}

/// Every input, select and textarea has a `<label for>` naming it.
fn assert_every_control_is_labelled(root: &Element) {
    let controls = root.query_selector_all("input, select, textarea").unwrap();
    for i in 0..controls.length() {
        let control: Element = controls.item(i).unwrap().unchecked_into();
        let id = control.id();
        assert!(!id.is_empty(), "a control without an id");
        let label = root
            .query_selector(&format!("label[for='{id}']"))
            .unwrap()
            .unwrap_or_else(|| panic!("#{id} has no label"));
        assert!(!label.text_content().unwrap().trim().is_empty(), "#{id}");
    }
}

fn draft_panel() -> leptos::prelude::AnyView {
    use leptos::prelude::IntoAny;
    leptos::view! { <sealpost::components::draft_panel::DraftPanel /> }.into_any()
}

fn reply_key_panel() -> leptos::prelude::AnyView {
    use leptos::prelude::IntoAny;
    leptos::view! { <sealpost::components::reply_key::ReplyKeyPanel /> }.into_any()
}

#[wasm_bindgen_test]
async fn a_draft_is_kept_only_encrypted_and_comes_back_with_its_passphrase() {
    use leptos::prelude::{Get, GetUntracked, Set};
    let key = sealpost_core::draft::storage_key(&demo::policy().project.name);
    local_storage().remove_item(&key).unwrap();
    let report = complete_report();

    let (root, state, mounted) = mount_panel(draft_panel);
    tick().await;
    assert_every_control_is_labelled(&root);
    let keep: HtmlInputElement = find(&root, "#draft-keep");
    assert!(!keep.checked(), "off unless the researcher ticks it");
    state.report.set(report.clone());
    sleep(2500).await;
    assert_eq!(
        local_storage().get_item(&key).unwrap(),
        None,
        "nothing kept unasked"
    );

    keep.click();
    tick().await;
    type_into(&root, "Passphrase for the draft", "short");
    type_into(&root, "The same passphrase again", "short");
    click(&root, "Keep the draft");
    tick().await;
    assert!(
        status_text(&root).contains("At least 8 characters"),
        "{}",
        status_text(&root)
    );
    type_into(&root, "Passphrase for the draft", "correct horse battery");
    type_into(&root, "The same passphrase again", "correct horse battery");
    click(&root, "Keep the draft");
    wait_until("the draft to be stored", || {
        local_storage().get_item(&key).unwrap().is_some()
    })
    .await;
    let stored = local_storage().get_item(&key).unwrap().unwrap();
    assert!(
        stored.starts_with("-----BEGIN PGP MESSAGE-----"),
        "{stored}"
    );
    // No plaintext anywhere in storage, under any key.
    for (_, value) in everything_stored() {
        for (id, _) in DEMO_FIELDS {
            let typed = report.text(id);
            assert!(!value.contains(typed), "“{typed}” is stored in the clear");
        }
        assert!(!value.contains("correct horse"), "the passphrase is stored");
    }
    assert!(
        status_text(&root).contains("Draft saved"),
        "{}",
        status_text(&root)
    );

    // A change is saved again after the pause, still encrypted.
    state.report.set(
        report
            .clone()
            .with_text("impact", "Also leaks the session cookie."),
    );
    wait_until("the changed draft to be stored", || {
        local_storage().get_item(&key).unwrap().as_deref() != Some(stored.as_str())
    })
    .await;
    let changed = local_storage().get_item(&key).unwrap().unwrap();
    assert!(!changed.contains("session cookie"));
    drop(mounted);
    root.remove();

    // Next visit: the draft is offered back; a wrong passphrase says so and loses nothing.
    let (root, state, mounted) = mount_panel(draft_panel);
    tick().await;
    assert_every_control_is_labelled(&root);
    type_into(&root, "Passphrase of the draft", "correct horse battery!");
    click(&root, "Restore your draft");
    wait_until("the wrong passphrase to be refused", || {
        status_text(&root).contains("does not open the draft")
    })
    .await;
    assert_eq!(
        local_storage().get_item(&key).unwrap(),
        Some(changed.clone())
    );
    assert_eq!(state.report.get_untracked(), Report::default());

    type_into(&root, "Passphrase of the draft", "correct horse battery");
    click(&root, "Restore your draft");
    wait_until("the draft to be restored", || {
        state.report.get_untracked() != Report::default()
    })
    .await;
    assert_eq!(
        state.report.get().text("impact"),
        "Also leaks the session cookie."
    );
    assert_eq!(state.report.get().text("title"), report.text("title"));
    tick().await;
    let keep: HtmlInputElement = find(&root, "#draft-keep");
    assert!(keep.checked(), "a restored draft is still kept");

    // Unticking deletes it.
    keep.click();
    tick().await;
    assert_eq!(local_storage().get_item(&key).unwrap(), None);
    assert!(
        status_text(&root).contains("deleted"),
        "{}",
        status_text(&root)
    );
    drop(mounted);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_stored_draft_can_be_deleted_without_its_passphrase() {
    let key = sealpost_core::draft::storage_key(&demo::policy().project.name);
    let armored = sealpost_core::draft::seal_draft(
        &complete_report(),
        &["poc.png".to_owned()],
        "some passphrase",
        rand_core::OsRng,
    )
    .unwrap();
    local_storage().set_item(&key, &armored).unwrap();
    let (root, _state, mounted) = mount_panel(draft_panel);
    tick().await;
    let restore: HtmlElement = find(&root, ".draft__restore");
    assert!(!restore.hidden(), "the stored draft is offered");
    click(&root, "Delete the draft");
    tick().await;
    assert_eq!(local_storage().get_item(&key).unwrap(), None);
    assert!(restore.hidden());
    drop(mounted);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_reply_key_joins_the_report_only_after_its_secret_key_is_downloaded() {
    use leptos::prelude::{GetUntracked, Set};
    let (root, state, mounted) = mount_panel(reply_key_panel);
    tick().await;
    assert_every_control_is_labelled(&root);
    state.report.set(complete_report());

    type_into(&root, "Passphrase for the secret key", "one passphrase");
    type_into(&root, "The same passphrase again", "another");
    click(&root, "Make a reply key");
    tick().await;
    assert!(
        status_text(&root).contains("differ"),
        "{}",
        status_text(&root)
    );

    type_into(&root, "The same passphrase again", "one passphrase");
    click(&root, "Make a reply key");
    wait_until("the key to be made", || {
        root.query_selector(".reply-key__fingerprint")
            .unwrap()
            .and_then(|e| e.text_content())
            .is_some_and(|text| text.len() == 49)
    })
    .await;
    assert_eq!(
        state.reply_public_key.get_untracked(),
        None,
        "not before the download"
    );

    click(&root, "Download your secret key");
    tick().await;
    let public = state
        .reply_public_key
        .get_untracked()
        .expect("added after the download");
    assert!(public.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    assert!(!public.contains("PRIVATE"));
    let shown: Element = find(&root, ".reply-key__fingerprint");
    let key = sealpost_core::RecipientKey::accept(public.as_bytes(), browser::now()).unwrap();
    assert_eq!(shown.text_content().unwrap(), key.fingerprint_grouped());
    assert!(
        status_text(&root).contains(&format!(
            "sealpost-reply-key-{}.secret.asc",
            &key.fingerprint()[32..]
        )),
        "{}",
        status_text(&root)
    );
    // Nothing of the key is kept by the page.
    for (key_name, value) in everything_stored() {
        assert!(!value.contains("PGP PRIVATE KEY"), "{key_name}");
    }

    click(&root, "Remove");
    tick().await;
    assert_eq!(state.reply_public_key.get_untracked(), None);
    drop(mounted);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_page_keeps_saving_the_draft_while_another_step_is_shown() {
    use leptos::prelude::{Get, Set};
    let key = sealpost_core::draft::storage_key(&demo::policy().project.name);
    local_storage().remove_item(&key).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let slot = Rc::new(std::cell::Cell::new(None));
    let handed = Rc::clone(&slot);
    // As the page shell does: state and keeper provided once, the panel in one step only.
    let mounted = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        let crypto: Rc<dyn CryptoBackend> = Rc::new(InPageCrypto::default());
        let state = sealpost::state::ReportState::new(
            demo::policy(),
            demo::POLICY_JSON.into(),
            leptos::prelude::RwSignal::new(sealpost::i18n::Lang::En),
            crypto,
        );
        sealpost::state::provide_report_state(state);
        sealpost::components::draft_panel::provide_draft_keeper();
        let shown = leptos::prelude::RwSignal::new(true);
        handed.set(Some((state, shown)));
        leptos::view! {
            <leptos::prelude::Show when=move || shown.get()>
                <sealpost::components::draft_panel::DraftPanel />
            </leptos::prelude::Show>
        }
    });
    let (state, shown) = slot.get().unwrap();
    tick().await;
    state.report.set(complete_report());
    find::<HtmlInputElement>(&root, "#draft-keep").click();
    tick().await;
    type_into(&root, "Passphrase for the draft", "a passphrase for steps");
    type_into(&root, "The same passphrase again", "a passphrase for steps");
    click(&root, "Keep the draft");
    wait_until("the draft to be stored", || {
        local_storage().get_item(&key).unwrap().is_some()
    })
    .await;
    let first = local_storage().get_item(&key).unwrap().unwrap();

    shown.set(false);
    tick().await;
    assert!(root.query_selector("#draft-keep").unwrap().is_none());
    state
        .report
        .set(complete_report().with_text("impact", "Typed on another step."));
    wait_until("the draft to be saved again", || {
        local_storage().get_item(&key).unwrap().as_deref() != Some(first.as_str())
    })
    .await;

    shown.set(true);
    tick().await;
    let keep: HtmlInputElement = find(&root, "#draft-keep");
    assert!(keep.checked(), "still kept when the step is shown again");
    keep.click();
    tick().await;
    assert_eq!(local_storage().get_item(&key).unwrap(), None);
    drop(mounted);
    root.remove();
}

/// Switches the page's language with its own select, as a person would.
async fn switch_language(root: &Element, tag: &str) {
    let select: HtmlSelectElement = find(root, "#language");
    select.set_value(tag);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    tick().await;
}

fn text_of(root: &Element, selector: &str) -> String {
    find::<Element>(root, selector).text_content().unwrap()
}

#[wasm_bindgen_test]
async fn switching_to_german_rewords_the_widgets_and_keeps_what_was_typed() {
    use sealpost_core::i18n::{DE, EN};
    let json = serde_json::json!({
        "version": 1,
        "project": { "name": "Lingua" },
        "recipients": [{ "key": demo::recipient_key() }],
        "channels": [{ "type": "github_advisory", "repository": "lingua/lingua" }],
        "severity": { "mode": "cvss31" },
        "fields": [
            { "id": "reproduction_steps", "status": "required" },
            { "id": "attachments" },
            { "id": "severity" }
        ]
    });
    let _policy = EmbeddedPolicy::new(&json.to_string());
    let (root, _mounted) = mount().await;
    // A passphrase half-chosen in the draft panel outlives the redrawn form.
    find::<HtmlInputElement>(&root, "#draft-keep").click();
    tick().await;
    type_into(&root, "Passphrase for the draft", "correct horse battery");
    switch_language(&root, "de").await;
    assert_eq!(step_heading(&root), "Bevor Sie beginnen");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        document.title(),
        "Eine Schwachstelle an Lingua melden · sealpost"
    );
    assert!(has_label(&root, DE.keep.draft_passphrase));
    assert_eq!(text_of(&root, "#draft-heading"), DE.keep.drafts_heading);
    let kept: HtmlInputElement = find(&root, "#draft-passphrase");
    assert_eq!(kept.value(), "correct horse battery");
    switch_language(&root, "en").await;
    assert_eq!(
        document.title(),
        "Report a vulnerability to Lingua · sealpost"
    );
    find::<HtmlInputElement>(&root, "#draft-keep").click();
    tick().await;

    next(&root).await;
    assert_eq!(step_heading(&root), "How it works and how to reproduce it");
    let steps = "1. Open the search page\n2. Paste the payload";
    type_into(&root, "Steps to reproduce", steps);
    tick().await;
    assert_eq!(text_of(&root, "label[for='attachments']"), "Attachments");
    assert_eq!(text_of(&root, ".dropzone__text"), EN.form.drop_files);
    assert_eq!(
        text_of(&root, "#reproduction_steps-steps"),
        "2 steps. Enter on an empty number ends the list."
    );

    switch_language(&root, "de").await;
    assert_eq!(
        step_heading(&root),
        DE.form.step_heading(sealpost_core::policy::Step::How)
    );
    assert_eq!(text_of(&root, "label[for='attachments']"), "Anhänge");
    assert_eq!(text_of(&root, ".dropzone__text"), DE.form.drop_files);
    assert_eq!(
        text_of(&root, "#reproduction_steps-steps"),
        (DE.widgets.steps_many)(2)
    );
    assert!(has_label(&root, "Schritte zum Nachstellen"));
    let typed: HtmlTextAreaElement = find(&root, "#reproduction_steps");
    assert_eq!(typed.value(), steps, "the typed steps survive the switch");
    assert!(button(&root, "Next").is_none());

    button(&root, DE.form.next).expect("Weiter").click();
    tick().await;
    tick().await;
    assert_eq!(step_heading(&root), "Auswirkung und Schweregrad");
    assert_eq!(text_of(&root, ".cvss__more summary"), DE.widgets.cvss_more);
    assert!(
        text_of(&root, ".cvss__vector").starts_with(DE.widgets.cvss_vector),
        "the vector line is German"
    );
    assert!(
        text_of(&root, "#severity-score").starts_with("Noch kein Wert"),
        "{}",
        text_of(&root, "#severity-score")
    );
    let vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    type_into(&root, "Schweregrad", vector);
    tick().await;
    assert_eq!(text_of(&root, "#severity-score"), "Wert 9.8 (Kritisch)");
    let legends = root.query_selector_all(".cvss__group > legend").unwrap();
    let groups: Vec<String> = (0..legends.length())
        .filter_map(|i| legends.item(i))
        .filter_map(|node| node.text_content())
        .collect();
    assert_eq!(
        groups,
        [
            "Zeitliche Metriken (Temporal)",
            "Umgebungsmetriken (Environmental)"
        ]
    );

    switch_language(&root, "en").await;
    assert_eq!(step_heading(&root), "Impact and severity");
    assert_eq!(text_of(&root, "#severity-score"), "Score 9.8 (Critical)");
    assert_eq!(
        text_of(&root, ".cvss__more summary"),
        "More metrics (optional)"
    );
    let severity: HtmlInputElement = find(&root, "#severity");
    assert_eq!(
        severity.value(),
        vector,
        "the typed vector survives the switch"
    );
    button(&root, "Back").expect("Back").click();
    tick().await;
    tick().await;
    let typed: HtmlTextAreaElement = find(&root, "#reproduction_steps");
    assert_eq!(typed.value(), steps);
    assert_eq!(text_of(&root, "label[for='attachments']"), "Attachments");
    root.remove();
}

// ---- The page builder, mounted on its own with the in-page cryptography ----
// (Its own wasm, behind the `builder` feature: `cargo xtask test` runs these with it.)

/// The builder in a fresh container (kept mounted, as [`mount`] keeps the app).
#[cfg(feature = "builder")]
fn mount_builder() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), || {
        sealpost::i18n::provide_language();
        let crypto: Rc<dyn CryptoBackend> = Rc::new(InPageCrypto::default());
        leptos::view! { <sealpost::components::builder::builder_page::BuilderPage crypto=crypto /> }
    });
    std::mem::forget(handle);
    container
}

#[cfg(feature = "builder")]
#[wasm_bindgen_test]
async fn the_builder_checks_a_pasted_key_and_the_preview_follows_the_policy() {
    let root = mount_builder();
    wait_until("the starter's one problem", || {
        text_of(&root, "#builder-json-problems").contains("recipients")
    })
    .await;
    assert!(root
        .query_selector(".preview__frame .step")
        .unwrap()
        .is_none());

    // A pasted key, checked by the worker's logic: the policy is whole, the preview is drawn
    // with the key's fingerprint on its recipient card.
    type_into(&root, "Paste your public key", &demo::recipient_key());
    tick().await;
    button(&root, "Use the pasted key").unwrap().click();
    wait_until("the preview's recipient card", || {
        root.query_selector(".preview__frame .fingerprint")
            .unwrap()
            .is_some_and(|card| {
                card.text_content()
                    .unwrap_or_default()
                    .contains("9563 832D")
            })
    })
    .await;
    let json = find::<HtmlTextAreaElement>(&root, "#builder-json").value();
    let policy: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pinned = policy["recipients"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .replace(' ', "");
    assert_eq!(pinned, demo::RECIPIENT_FINGERPRINT);

    // The name control edits the text; markup in it stays text in the preview.
    type_into(&root, "Project name", "Acme <b>bold</b>");
    wait_until("the renamed preview", || {
        text_of(&root, ".preview__title").contains("Acme <b>bold</b>")
    })
    .await;
    assert!(root.query_selector(".preview__title b").unwrap().is_none());

    // A broken text: the problem by its path, the controls disabled, the preview gone.
    type_into(
        &root,
        "The policy file (JSON); the settings above edit it too",
        "{ nope",
    );
    wait_until("the syntax error", || {
        text_of(&root, "#builder-json-problems").contains("not valid JSON")
    })
    .await;
    assert!(find::<Element>(&root, "fieldset").has_attribute("disabled"));
    wait_until("the preview to wait", || {
        root.query_selector(".builder__waiting").unwrap().is_some()
    })
    .await;
}

#[cfg(feature = "builder")]
#[wasm_bindgen_test]
async fn the_builder_refuses_a_secret_key_with_the_reason() {
    let root = mount_builder();
    type_into(&root, "Paste your public key", DEMO_SECRET_KEY);
    tick().await;
    button(&root, "Use the pasted key").unwrap().click();
    wait_until("the refusal", || {
        text_of(&root, ".builder__key-status").contains("secret (private) OpenPGP key")
    })
    .await;
    let json = find::<HtmlTextAreaElement>(&root, "#builder-json").value();
    assert!(!json.contains("PRIVATE KEY"), "{json}");
}
