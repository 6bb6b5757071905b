//! How the researcher wants to be known (named, pseudonym, anonymous), and a policy's own
//! translations of its texts.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use common::complete_report;
use pretty_assertions::assert_eq;
use sealpost_core::{
    demo,
    i18n::Lang,
    policy::{Control, REPORTER_STANCE_ID},
    report::{document::ReportDocument, Stance},
    validate, Policy, PolicyError, Report, Value,
};

/// The demo policy with its document changed by `edit`.
fn demo_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
    edit(&mut doc);
    doc.to_string()
}

fn stances(policy: &Policy) -> Vec<String> {
    match &policy.field(REPORTER_STANCE_ID).unwrap().control {
        Control::Select(choices) => choices.clone(),
        other => panic!("the stance is a choice, not {other:?}"),
    }
}

fn anonymous(report: Report) -> Report {
    report.with_text(REPORTER_STANCE_ID, Stance::Anonymous.choice())
}

#[test]
fn the_stance_comes_right_before_the_name_and_offers_anonymity_where_allowed() {
    let policy = demo::policy();
    let ids: Vec<&str> = policy.fields.iter().map(|f| f.id.as_str()).collect();
    let at = ids.iter().position(|id| *id == REPORTER_STANCE_ID).unwrap();
    assert_eq!(ids[at + 1], "reporter_identity");
    assert_eq!(
        stances(&policy),
        ["With my name", "Under a pseudonym", "Anonymously"]
    );

    let refused = Policy::from_json(&demo_with(|doc| {
        doc["commitments"]["anonymous_reports"] = false.into();
    }))
    .unwrap();
    assert_eq!(stances(&refused), ["With my name", "Under a pseudonym"]);

    // A required name cannot be withheld either.
    let name_required = Policy::from_json(&demo_with(|doc| {
        for field in doc["fields"].as_array_mut().unwrap() {
            if field["id"] == "reporter_identity" {
                field["status"] = "required".into();
            }
        }
    }))
    .unwrap();
    assert!(!stances(&name_required).contains(&"Anonymously".to_owned()));

    // No name asked for: no stance either.
    let nameless = Policy::from_json(&demo_with(|doc| {
        doc["fields"]
            .as_array_mut()
            .unwrap()
            .retain(|field| field["id"] != "reporter_identity");
    }))
    .unwrap();
    assert!(nameless.field(REPORTER_STANCE_ID).is_none());
}

#[test]
fn an_anonymous_report_leaves_out_who_wrote_it_but_the_form_keeps_it() {
    let policy = demo::policy();
    let typed = complete_report()
        .with_text("reporter_identity", "Ada Lovelace")
        .with_text("reporter_contact", "not-an-address")
        .with_text("credit", "Credit me by name");
    // Named, the wrong address is a problem and the name is in the letter.
    let named = validate(&policy, &typed);
    assert!(named.iter().any(|e| e.field == "reporter_contact"));
    assert!(typed.render_text(&policy).contains("Ada Lovelace"));

    let report = anonymous(typed);
    assert_eq!(report.stance(), Stance::Anonymous);
    assert_eq!(validate(&policy, &report), vec![]);
    let text = report.render_text(&policy);
    assert!(!text.contains("Ada Lovelace"), "{text}");
    assert!(!text.contains("not-an-address"), "{text}");
    assert!(text.contains("Anonymously"), "the project is told: {text}");
    let json = ReportDocument::new(
        &policy,
        &report,
        &[],
        "r-1".into(),
        std::time::SystemTime::UNIX_EPOCH,
    )
    .to_json();
    for withheld in [
        "Ada Lovelace",
        "not-an-address",
        "reporter_identity",
        "credit\"",
    ] {
        assert!(!json.contains(withheld), "{withheld} in {json}");
    }
    // What was typed is still there, should the researcher change their mind.
    assert_eq!(report.text("reporter_identity"), "Ada Lovelace");
    let named_again = report.with_text(REPORTER_STANCE_ID, Stance::Pseudonym.choice());
    assert!(named_again.render_text(&policy).contains("Ada Lovelace"));
}

#[test]
fn a_stance_that_is_not_offered_is_refused() {
    let policy = Policy::from_json(&demo_with(|doc| {
        doc["commitments"]["anonymous_reports"] = false.into();
    }))
    .unwrap();
    let report = anonymous(complete_report());
    let problems = validate(&policy, &report);
    assert!(
        problems.iter().any(|e| e.field == REPORTER_STANCE_ID),
        "{problems:?}"
    );
}

#[test]
fn the_page_language_words_the_built_in_texts_but_stores_the_same_choices() {
    let en = Policy::from_json_in(demo::POLICY_JSON, Lang::En).unwrap();
    let de = Policy::from_json_in(demo::POLICY_JSON, Lang::De).unwrap();
    let stance_de = de.field(REPORTER_STANCE_ID).unwrap();
    assert_ne!(stance_de.label, en.field(REPORTER_STANCE_ID).unwrap().label);
    // The stored choices are the same; only what is shown beside them differs.
    assert_eq!(stances(&de), stances(&en));
    let anonymous = Stance::Anonymous.choice();
    assert_ne!(stance_de.choice_label(anonymous), anonymous);
    assert_eq!(
        en.field(REPORTER_STANCE_ID)
            .unwrap()
            .choice_label(anonymous),
        anonymous
    );
    // The same report is valid in both languages.
    let report = complete_report().with_text(REPORTER_STANCE_ID, anonymous);
    assert_eq!(validate(&de, &report), vec![]);
}

/// The demo policy with a German translation of its own texts.
fn translated() -> String {
    demo_with(|doc| {
        doc["fields"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "platform", "kind": "select", "label": "Platform",
                "options": ["Desktop", "Mobile"]
            }));
        doc["rules"] = serde_json::json!(["No denial of service.", "Test only your own accounts."]);
        doc["translations"] = serde_json::json!({
            "de-DE": {
                "fields": {
                    "title": { "label": "Titel der Meldung", "help": "Eine Zeile." },
                    "platform": { "label": "Plattform", "options": { "Mobile": "Mobilgerät" } }
                },
                "rules": ["Kein Denial of Service.", "Testen Sie nur eigene Konten."],
                "notes": ["Eine Demo."]
            }
        });
    })
}

#[test]
fn a_policy_translation_replaces_the_projects_texts_in_that_language_only() {
    let json = translated();
    let de = Policy::from_json_in(&json, Lang::De).unwrap();
    let en = Policy::from_json_in(&json, Lang::En).unwrap();
    assert_eq!(de.field("title").unwrap().label, "Titel der Meldung");
    assert_eq!(
        de.field("title").unwrap().help.as_deref(),
        Some("Eine Zeile.")
    );
    assert_eq!(en.field("title").unwrap().label, "Title");
    assert_eq!(de.rules[1], "Testen Sie nur eigene Konten.");
    assert_eq!(en.rules[1], "Test only your own accounts.");
    assert_eq!(de.commitments.notes, ["Eine Demo."]);
    let platform = de.field("platform").unwrap();
    assert_eq!(platform.choice_label("Mobile"), "Mobilgerät");
    assert_eq!(platform.choice_label("Desktop"), "Desktop");
    // The report keeps the choice as the policy wrote it, in any language.
    let report = complete_report()
        .with("platform", Value::Text("Mobile".into()))
        .with("acknowledge_rules", Value::Checked(true));
    assert_eq!(validate(&de, &report), vec![]);
    assert!(report.render_text(&de).contains("Mobile"));
}

fn errors(json: &str) -> Vec<PolicyError> {
    Policy::from_json(json).unwrap_err()
}

#[test]
fn a_translation_of_something_the_policy_does_not_have_is_named_by_its_path() {
    let unknown_field = demo_with(|doc| {
        doc["translations"] = serde_json::json!({
            "fr": { "fields": { "nope": { "label": "Non" } } }
        });
    });
    let found = errors(&unknown_field);
    assert_eq!(found[0].path, "translations.fr.fields.nope", "{found:?}");

    let unknown_choice = translated().replace("\"Mobile\":\"Mobilgerät\"", "\"Tablet\":\"T\"");
    let found = errors(&unknown_choice);
    assert_eq!(
        found[0].path, "translations.de-DE.fields.platform.options",
        "{found:?}"
    );

    let too_few_rules = translated().replace("\"Kein Denial of Service.\",", "");
    let found = errors(&too_few_rules);
    assert_eq!(found[0].path, "translations.de-DE.rules", "{found:?}");

    let bad_tag = demo_with(|doc| {
        doc["translations"] = serde_json::json!({ "german!": {} });
    });
    let found = errors(&bad_tag);
    assert_eq!(found[0].path, "translations.german!", "{found:?}");
}
