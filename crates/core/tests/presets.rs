//! The policy presets in `public/policies/`: one per seed security policy, plus the demo. Each
//! must be a valid policy whose pinned test key is usable, must ask for exactly what its seed asks
//! for, must offer the seed's channels in the seed's order, and must seal a complete report that
//! the real `gpg` opens with the preset's secret test key
//! (`tests/fixtures/presets/<name>.secret.asc`).

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

mod common;

use std::time::SystemTime;

use pretty_assertions::assert_eq;
use rand::thread_rng;
use sealpost_core::{
    policy::{
        document::BackupAddress, Builtin, Channel, Control, REPORTER_STANCE_ID,
        RULES_ACKNOWLEDGEMENT_ID,
    },
    recipients, seal_report, Encoding, Policy, Report, SealError, Value,
};
use sealpost_testkit::gpg::Gpg;

/// Where the preset files live.
const POLICIES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/policies/");

/// The presets written from the seed policies, by file name.
const SEED_PRESETS: [&str; 5] = ["cgx", "exegol", "generic", "netconnect-io", "osctrl"];

fn preset_json(name: &str) -> String {
    let path = format!("{POLICIES}{name}.json");
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("reading {path}: {err}"))
}

fn preset(name: &str) -> Policy {
    Policy::from_json(&preset_json(name))
        .unwrap_or_else(|errors| panic!("{name}.json is not a valid policy: {errors:#?}"))
}

/// Asserts that the fields the preset requires are exactly `required` (plus the rules
/// acknowledgement when it has rules) and that the other fields it shows are exactly `optional`.
fn assert_fields(seed: &str, policy: &Policy, required: &[&str], optional: &[&str]) {
    for id in required {
        let field = policy.field(id).unwrap_or_else(|| {
            panic!("{seed}: the seed requires `{id}`, but the preset does not show it")
        });
        assert!(
            field.required,
            "{seed}: the seed requires `{id}`, but the preset makes it optional"
        );
    }
    for id in optional {
        let field = policy.field(id).unwrap_or_else(|| {
            panic!("{seed}: the seed asks for `{id}` if available, but the preset hides it")
        });
        assert!(
            !field.required,
            "{seed}: the seed asks for `{id}` only if available, but the preset requires it"
        );
    }
    for field in &policy.fields {
        let id = field.id.as_str();
        if id == RULES_ACKNOWLEDGEMENT_ID {
            assert!(
                !policy.rules.is_empty(),
                "{seed}: a rules acknowledgement without rules"
            );
            assert!(
                field.required,
                "{seed}: the rules acknowledgement must be required"
            );
            continue;
        }
        // The page adds "how do you want to report?" wherever it asks for the reporter's name.
        if id == REPORTER_STANCE_ID {
            assert!(
                policy
                    .fields
                    .iter()
                    .any(|f| f.builtin == Some(Builtin::ReporterIdentity)),
                "{seed}: a stance choice without a name field"
            );
            continue;
        }
        assert!(
            required.contains(&id) || optional.contains(&id),
            "{seed}: the preset shows `{id}`, which this test does not expect"
        );
        if field.required {
            assert!(
                required.contains(&id),
                "{seed}: the preset requires `{id}`, but the seed does not ask for it"
            );
        }
    }
    assert_eq!(
        policy.field(RULES_ACKNOWLEDGEMENT_ID).is_some(),
        !policy.rules.is_empty(),
        "{seed}: the rules acknowledgement is there exactly when the preset has rules"
    );
}

fn email(address: &str) -> Channel {
    Channel::Email {
        address: address.into(),
        backup: None,
    }
}

#[test]
fn every_preset_is_a_valid_policy_with_usable_pinned_test_keys() {
    for name in SEED_PRESETS.iter().copied().chain(["demo"]) {
        let json = preset_json(name);
        let raw: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            raw["$schema"], "../../docs/policy.schema.json",
            "{name}: $schema"
        );
        assert_eq!(raw["version"], 1, "{name}: version");
        for damaged in ["â†’", "â€", "ðŸ", "Ã"] {
            assert!(
                !json.contains(damaged),
                "{name}: mis-encoded text `{damaged}` copied from the seed"
            );
        }

        let policy = preset(name);
        assert!(!policy.recipients.is_empty(), "{name}: no recipients");
        for (i, recipient) in policy.recipients.iter().enumerate() {
            assert!(
                recipient.test_key,
                "{name}: recipients[{i}] must be marked test_key (no seed publishes a key)"
            );
            assert!(
                recipient.fingerprint.is_some(),
                "{name}: recipients[{i}] must pin its fingerprint"
            );
        }
        let keys = recipients::accept_inline(&policy, SystemTime::now())
            .unwrap_or_else(|errors| panic!("{name}: keys not accepted: {errors:#?}"));
        assert_eq!(
            keys.len(),
            policy.recipients.len(),
            "{name}: every key is inline"
        );
        for (key, source) in keys.iter().zip(&policy.recipients) {
            assert_eq!(
                Some(key.fingerprint()),
                source.fingerprint.as_deref(),
                "{name}"
            );
            if name != "demo" {
                let user_id = key.user_id().unwrap_or_default();
                assert!(
                    user_id.contains("sealpost TEST KEY, not the project's key"),
                    "{name}: the test key's user ID must say it is a test key: {user_id}"
                );
            }
        }
    }
}

#[test]
fn cgx_preset_follows_its_seed() {
    let policy = preset("cgx");
    assert_eq!(policy.project.name, "cgx");
    assert_fields(
        "cgx",
        &policy,
        &[
            "vulnerability_type",
            "affected_versions",
            "affected_component",
            "reproduction_steps",
            "impact",
        ],
        &[
            "title",
            "source_paths",
            "commit",
            "environment",
            "proof_of_concept",
            "mitigation",
            "reporter_identity",
        ],
    );
    assert_eq!(
        policy.channels,
        vec![
            Channel::GithubAdvisory {
                repository: "cgxlabs/cgx".into()
            },
            Channel::Email {
                address: "security@cgx.sh".into(),
                backup: Some(BackupAddress {
                    address: "anelson@cgx.sh".into(),
                    after_hours: 48
                }),
            },
        ]
    );
    assert_eq!(policy.rules.len(), 5, "the seed's five \"You must\" rules");
    assert_eq!(policy.scope.in_scope.len(), 4);
    assert_eq!(policy.scope.out_of_scope.len(), 5);
    let c = &policy.commitments;
    assert_eq!(c.acknowledge_within_hours, Some(48));
    assert_eq!(c.disclosure_window_days, Some(90));
    assert!(c.safe_harbor.is_some() && c.credit.is_some());
    assert_eq!(c.bounty, None, "swag is not a bounty");
}

#[test]
fn exegol_preset_follows_its_seed() {
    let policy = preset("exegol");
    assert_eq!(policy.project.name, "Exegol");
    assert_fields(
        "exegol",
        &policy,
        &["description"],
        &[
            "title",
            "reproduction_steps",
            "proof_of_concept",
            "attachments",
            "reporter_identity",
        ],
    );
    assert_eq!(policy.channels, vec![email("contact@exegol.com")]);
    assert_eq!(
        policy.rules.len(),
        7,
        "four testing rules (pre-approval merged) and three publication rules"
    );
    assert_eq!(policy.scope.out_of_scope.len(), 10);
    let c = &policy.commitments;
    assert!(c.safe_harbor.is_some() && c.credit.is_some());
    assert_eq!(c.bounty, None);
    assert!(
        c.notes.iter().any(|note| note.contains("spam folders")),
        "the seed's delivery caveat"
    );
}

#[test]
fn generic_preset_follows_its_seed() {
    let policy = preset("generic");
    assert!(
        policy.project.name.contains("generic policy template"),
        "the seed names no project: the name must say it is a placeholder"
    );
    assert_fields(
        "generic",
        &policy,
        &[
            "vulnerability_type",
            "affected_component",
            "environment",
            "reproduction_steps",
            "impact",
        ],
        &["title", "reporter_identity"],
    );
    assert_eq!(policy.channels, vec![email("security@example.org")]);
    assert_eq!(policy.rules.len(), 7, "the seed's seven ethical rules");
    assert!(
        policy.rules[0].ends_with("other people’s data."),
        "the seed's mis-encoded apostrophe is repaired"
    );
    let c = &policy.commitments;
    assert!(
        c.anonymous_reports == Some(true),
        "the seed accepts pseudonymous or anonymous reports"
    );
    assert!(c.safe_harbor.is_some() && c.credit.is_some());
    assert!(
        c.notes
            .iter()
            .any(|note| note.contains("placeholder") && note.contains("security@example.org")),
        "the notes must say the name, address and key are placeholders"
    );
}

#[test]
fn netconnect_io_preset_follows_its_seed() {
    let policy = preset("netconnect-io");
    assert_eq!(policy.project.name, "netConnect-io");
    assert_fields(
        "netconnect-io",
        &policy,
        &["description", "reproduction_steps", "impact"],
        &["title", "reporter_identity"],
    );
    assert_eq!(
        policy.channels,
        vec![Channel::PublicIssue {
            url: "https://github.com/Ghalbeyou/netconnect-io/issues".into()
        }]
    );
    let c = &policy.commitments;
    assert!(c.bounty.is_some(), "the only seed with a monetary bounty");
    assert!(c.safe_harbor.is_some() && c.credit.is_some());
    assert_eq!(
        c.acknowledge_within_hours, None,
        "\"promptly\" has no number"
    );
}

#[test]
fn osctrl_preset_follows_its_seed() {
    let policy = preset("osctrl");
    assert_eq!(policy.project.name, "osctrl");
    assert_fields(
        "osctrl",
        &policy,
        &[
            "description",
            "reproduction_steps",
            "affected_versions",
            "affected_component",
            "impact",
        ],
        &[
            "title",
            "proof_of_concept",
            "mitigation",
            "reporter_identity",
        ],
    );
    assert_eq!(policy.channels, vec![email("osctrl-security@jmpsec.com")]);
    assert!(policy.rules.is_empty(), "the seed sets no testing rules");
    let c = &policy.commitments;
    assert_eq!(c.safe_harbor, None, "the seed offers no safe harbor");
    assert!(c.credit.is_some());
    assert_eq!(c.bounty, None);
}

/// A report with every field the preset shows filled in (checkboxes ticked).
fn full_report(name: &str, policy: &Policy) -> Report {
    policy
        .fields
        .iter()
        .fold(Report::default(), |report, field| match &field.control {
            Control::Checkbox => report.with(&field.id, Value::Checked(true)),
            Control::Text => report.with_text(
                &field.id,
                format!("{} for {name}: “ünïcödé” → ok", field.label),
            ),
            Control::Textarea => report.with_text(
                &field.id,
                format!("{} for {name}.\nSecond line: “ünïcödé” → ok", field.label),
            ),
            // This version of the form does not collect files.
            Control::Attachments => report,
            // Named: every field about the reporter counts.
            Control::Select(choices) if field.id == REPORTER_STANCE_ID => {
                report.with_text(&field.id, choices[0].clone())
            }
            other => panic!("{name}: no sample value for `{}` ({other:?})", field.id),
        })
}

#[test]
fn every_preset_works_end_to_end() {
    for name in SEED_PRESETS {
        let policy = preset(name);
        let keys = recipients::accept_inline(&policy, SystemTime::now()).unwrap();

        let empty = seal_report(
            &policy,
            &Report::default(),
            &[],
            &keys,
            Encoding::Armored,
            SystemTime::now(),
            thread_rng(),
        );
        match empty {
            Err(SealError::Incomplete(problems)) => {
                let missing: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
                let required: Vec<&str> = policy
                    .fields
                    .iter()
                    .filter(|field| field.required)
                    .map(|field| field.id.as_str())
                    .collect();
                assert_eq!(
                    missing, required,
                    "{name}: an empty report lacks the required fields"
                );
            }
            other => panic!("{name}: an empty report must not be sealed: {other:?}"),
        }

        let report = full_report(name, &policy);
        let problems = sealpost_core::validate(&policy, &report);
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        let armored = common::seal_armored(&policy, &report, &keys);
        assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"), "{name}");
        assert!(
            !armored.contains(&format!("for {name}")),
            "{name}: plaintext in the ciphertext"
        );

        let plaintext =
            Gpg::with_secret_key(&format!("presets/{name}.secret.asc")).decrypt(armored.as_bytes());
        common::assert_letter_holds(plaintext.as_bytes(), &policy, &report);
        let expected = report.render_text(&policy);
        for field in &policy.fields {
            if field.control != Control::Attachments {
                assert!(
                    expected.contains(&format!("## {}\n", field.label)),
                    "{name}: `{}` is missing from the rendered report",
                    field.id
                );
            }
        }
    }
}
