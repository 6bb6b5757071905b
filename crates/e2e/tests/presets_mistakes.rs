//! Two seed presets walked the way a hurried researcher walks them: "Next" on every step before
//! filling it, a title far over the limit, the testing rules left unticked, a name typed and then
//! withheld by choosing to report anonymously. Each refusal must name exactly what the page's
//! own rules (core's `validate`) say is wrong on that step, mark those controls invalid, and
//! lose nothing; the sealed report must decrypt with gpg to every field and without the name.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use sealpost_core::{
    guide,
    i18n::EN,
    policy::{Builtin, Control, Step, REPORTER_STANCE_ID},
    report::Stance,
    validate, Policy, Report, Value,
};
use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer, Gpg};

/// Presets with rules to acknowledge, required fields on several steps and anonymity allowed.
const PRESETS: [&str; 2] = ["cgx", "generic"];

/// What the page's summary says when "Next" is refused, or `None` once the step changed.
const SUMMARY_OR_MOVED: &str = r#"
const [before] = arguments;
const summary = document.querySelector('.error-summary');
if (summary && !summary.hidden && document.activeElement === summary) return summary.innerText;
const h = document.querySelector('.step > h2');
return h && h.innerText !== before ? 'MOVED: ' + h.innerText : null;
"#;

/// Presses "Next" expecting a refusal, and returns the summary's text.
async fn refused_next(browser: &Browser) -> String {
    let before = browser.step_heading().await;
    browser.press("Next").await;
    let outcome = browser
        .wait_for_script_with(
            SUMMARY_OR_MOVED,
            vec![before.clone().into()],
            std::time::Duration::from_secs(10),
        )
        .await;
    assert!(
        !outcome.starts_with("MOVED"),
        "“{before}” let an incomplete step pass: {outcome}"
    );
    outcome
}

/// The problems the page must list on `step` for `report`, in English.
fn expected_on(policy: &Policy, report: &Report, step: Step) -> Vec<(String, String)> {
    validate(policy, report)
        .into_iter()
        .filter(|problem| guide::step_of(policy, &problem.field) == Some(step))
        .map(|problem| (problem.field.clone(), problem.to_string()))
        .collect()
}

async fn assert_refusal_lists(browser: &Browser, expected: &[(String, String)], step: Step) {
    let summary = refused_next(browser).await;
    for (field, message) in expected {
        assert!(
            summary.contains(message.as_str()),
            "{step:?}: “{message}” missing from: {summary}"
        );
        let invalid = browser
            .client
            .execute(
                "const c = document.getElementById(arguments[0]);\
                 return c ? c.getAttribute('aria-invalid') : 'no control';",
                vec![field.clone().into()],
            )
            .await
            .unwrap();
        assert_eq!(invalid.as_str(), Some("true"), "{step:?}: {field}");
    }
    let listed = summary.lines().filter(|l| !l.trim().is_empty()).count();
    // The heading and the "fix these" sentence, then one line per problem: nothing from other
    // steps.
    assert_eq!(listed, expected.len() + 2, "{step:?}: {summary}");
}

/// A valid answer for each field the preset shows; the name is typed but will be withheld.
fn valid_value(name: &str, field: &sealpost_core::FieldDef) -> Option<Value> {
    let text = |t: String| Some(Value::Text(t));
    match (&field.control, field.builtin) {
        (Control::Checkbox, _) => Some(Value::Checked(true)),
        (_, Some(Builtin::ReproductionSteps)) => text(format!(
            "1. Install {name}\n2. Send the request\n3. See the crash"
        )),
        (Control::Text | Control::Textarea, _) => {
            text(format!("{name}: {} — ünïcödé «ok»", field.label))
        }
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_and_missing_input_on_two_presets_is_refused_step_by_step_then_sealed() {
    let server = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    for name in PRESETS {
        let policy = browser.open_preset(&server, name).await;

        let mut report = Report::default();
        for step in guide::steps(&policy) {
            if matches!(step, Step::Review | Step::Send) {
                break;
            }
            assert_eq!(
                browser.step_heading().await,
                EN.form.step_heading(step),
                "{name}"
            );
            // 1. Nothing entered: exactly this step's required fields are named.
            let missing = expected_on(&policy, &report, step);
            if !missing.is_empty() {
                assert_refusal_lists(&browser, &missing, step).await;
                browser
                    .screenshot(&format!("mistakes-{name}-{step:?}-missing.png"))
                    .await;
            }
            // 2. Fill each field; the title first far over its limit.
            for field in guide::fields_in(&policy, step) {
                if field.builtin == Some(Builtin::Title) {
                    let control = browser.control_labelled(&field.label).await;
                    let long = "x".repeat(field.max_chars + 30);
                    control.send_keys(&long).await.unwrap();
                    let mut too_long = report.clone();
                    too_long.set_text(field.id.clone(), long);
                    let expected = expected_on(&policy, &too_long, step);
                    assert!(
                        expected.iter().any(|(_, m)| m.contains("Shorten it by 30")),
                        "{expected:?}"
                    );
                    // Nothing else typed yet on this step: the other required ones stay listed.
                    assert_refusal_lists(&browser, &expected, step).await;
                    control.clear().await.unwrap();
                }
                if field.id == REPORTER_STANCE_ID {
                    continue; // chosen after the name is typed, below
                }
                let Some(value) = valid_value(name, field) else {
                    continue;
                };
                let control = browser.control_labelled(&field.label).await;
                match &value {
                    Value::Checked(_) => control.click().await.unwrap(),
                    Value::Text(text) => control.send_keys(text).await.unwrap(),
                    Value::Choices(_) => unreachable!("no multi-select in these presets"),
                }
                report.set(field.id.clone(), value);
            }
            // 3. On "About you": report anonymously; the typed name is hidden, not lost.
            if step == Step::You {
                browser
                    .control_labelled(EN.fields.stances[Stance::Anonymous as usize])
                    .await
                    .click()
                    .await
                    .unwrap();
                report.set_text(REPORTER_STANCE_ID, Stance::Anonymous.choice());
                let name_field = policy
                    .fields
                    .iter()
                    .find(|f| f.builtin == Some(Builtin::ReporterIdentity))
                    .unwrap();
                let hidden = browser
                    .client
                    .execute(
                        "const c = document.getElementById(arguments[0]);\
                         return [c.closest('.field').hidden, c.value];",
                        vec![name_field.id.clone().into()],
                    )
                    .await
                    .unwrap();
                assert_eq!(hidden[0].as_bool(), Some(true), "{name}: name still shown");
                assert_eq!(
                    hidden[1].as_str(),
                    Some(report.text(&name_field.id)),
                    "{name}: the typed name was lost"
                );
                browser
                    .screenshot(&format!("mistakes-{name}-anonymous.png"))
                    .await;
            }
            assert!(
                expected_on(&policy, &report, step).is_empty(),
                "{name}: the test left {step:?} incomplete"
            );
            browser.next_step().await;
        }

        // Review: what will be encrypted has no name in it.
        assert_eq!(
            browser.step_heading().await,
            EN.form.step_heading(Step::Review)
        );
        let review = browser
            .wait_for_script(
                "const r = document.querySelector('.review-text'); return r ? r.innerText : null;",
            )
            .await;
        let typed_name = report.text("reporter_identity").to_owned();
        assert!(!typed_name.is_empty());
        assert!(!review.contains(&typed_name), "{name}: {review}");
        assert!(validate(&policy, &report).is_empty(), "{name}");

        browser.go_to_last_step().await;
        browser.press("Encrypt report").await;
        let armored = browser.wait_for_ciphertext().await;
        let plaintext =
            Gpg::with_secret_key(&format!("presets/{name}.secret.asc")).decrypt(armored.as_bytes());
        let letter = sealpost_testkit::letter::open(plaintext.as_bytes());
        assert!(
            letter.text.starts_with(&report.render_text(&policy)),
            "preset {name}: {}",
            letter.text
        );
        assert!(!letter.text.contains(&typed_name), "{name}: name sealed");
        let fields = letter.json["fields"].as_array().unwrap();
        for field in policy.fields_for(&report) {
            let Some(Value::Text(typed)) = report.value(&field.id) else {
                continue;
            };
            let entry = fields
                .iter()
                .find(|entry| entry["id"] == field.id.as_str())
                .unwrap_or_else(|| panic!("{name}: {} missing from report.json", field.id));
            assert_eq!(entry["value"], typed.trim(), "{name}: {}", field.id);
        }
        assert!(
            !fields
                .iter()
                .any(|entry| entry["id"] == "reporter_identity"),
            "{name}: the withheld name is in report.json"
        );
    }
    browser.close().await;
}
