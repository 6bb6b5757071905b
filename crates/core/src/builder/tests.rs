use pretty_assertions::assert_eq;

use super::*;
use crate::{demo, Policy};

fn edited(json: &str, edits: &[Edit]) -> String {
    edits
        .iter()
        .fold(json.to_owned(), |json, edit| apply(&json, edit).unwrap())
}

#[test]
fn the_starter_lacks_only_a_key() {
    let errors = Policy::from_json(&starter_json()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "recipients");
}

#[test]
fn a_key_name_and_address_make_the_starter_a_valid_policy() {
    let json = edited(
        &starter_json(),
        &[
            Edit::ProjectName("Acme Widgets".into()),
            Edit::Key {
                armored: demo::recipient_key(),
                fingerprint: Some(demo::RECIPIENT_FINGERPRINT.into()),
            },
            Edit::Email("security@acme.example".into()),
        ],
    );
    let policy = Policy::from_json(&json).unwrap();
    assert_eq!(policy.project.name, "Acme Widgets");
    assert_eq!(
        policy.recipients[0].fingerprint.as_deref(),
        Some(demo::RECIPIENT_FINGERPRINT)
    );
    let settings = settings(&json).unwrap();
    assert_eq!(settings.email, "security@acme.example");
    assert!(settings.has_key);
}

#[test]
fn channels_are_updated_in_place_added_and_removed() {
    let json = edited(
        demo::POLICY_JSON,
        &[Edit::Endpoint("https://inbox.acme.example/reports".into())],
    );
    let document = parse_document(&json).unwrap();
    assert!(matches!(document.channels[0], Channel::Email { .. }));
    assert!(
        matches!(&document.channels[1], Channel::Https { url, .. } if url == "https://inbox.acme.example/reports")
    );
    let json = edited(&json, &[Edit::Email(" ".into())]);
    let document = parse_document(&json).unwrap();
    assert_eq!(document.channels.len(), 1);
    assert_eq!(settings(&json).unwrap().email, "");
}

#[test]
fn a_new_key_replaces_the_old_and_is_no_test_key() {
    let json = edited(
        demo::POLICY_JSON,
        &[Edit::Key {
            armored: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n…".into(),
            fingerprint: None,
        }],
    );
    let document = parse_document(&json).unwrap();
    assert_eq!(document.recipients.len(), 1);
    let recipient = &document.recipients[0];
    assert_eq!(recipient.fingerprint, None);
    assert!(!recipient.test_key);
    // The policy's own name for the recipient stays.
    assert_eq!(
        recipient.name.as_deref(),
        Some("sealpost demo security team")
    );
}

#[test]
fn fields_can_be_required_added_in_order_and_left_out() {
    let json = edited(
        demo::POLICY_JSON,
        &[
            Edit::Field {
                id: "severity".into(),
                status: Some(FieldStatus::Required),
            },
            Edit::Field {
                id: "description".into(),
                status: Some(FieldStatus::Optional),
            },
            Edit::Field {
                id: "credit".into(),
                status: None,
            },
        ],
    );
    let document = parse_document(&json).unwrap();
    let ids: Vec<&str> = document.fields.iter().map(|f| f.id.as_str()).collect();
    // Description goes after affected_versions, as among the built-ins.
    let at = |id| ids.iter().position(|i| *i == id).unwrap();
    assert_eq!(at("description"), at("affected_versions") + 1);
    assert!(!ids.contains(&"credit"));
    let settings = settings(&json).unwrap();
    let status = |id: &str| settings.fields.iter().find(|f| f.id == id).unwrap().status;
    assert_eq!(status("severity"), Some(FieldStatus::Required));
    assert_eq!(status("credit"), None);
    assert_eq!(settings.fields.len(), Builtin::ALL.len());
}

#[test]
fn text_that_is_no_policy_document_names_the_place() {
    let error = apply(
        "{\"version\": 1, \"projekt\": {}}",
        &Edit::ProjectName("x".into()),
    )
    .unwrap_err();
    assert!(error.reason.contains("projekt"), "{error:?}");
    let error = settings("{ not json").unwrap_err();
    assert!(error.reason.contains("not valid JSON"), "{error:?}");
}
