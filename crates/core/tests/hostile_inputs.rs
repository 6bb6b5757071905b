//! Untrusted input never panics: arbitrary bytes and mutated real inputs for the policy parser
//! and key acceptance, and arbitrary reports for validation and rendering.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{corpus_now, fixture_text};
use proptest::prelude::*;
use sealpost_core::{demo, validate, Policy, RecipientKey, Report, Value};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_as_a_policy_is_refused_or_accepted_without_panicking(text in ".{0,400}") {
        let _ = Policy::from_json(&text);
    }

    #[test]
    fn a_mutated_demo_policy_never_panics(position in 0usize..10_000, byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = demo::POLICY_JSON.as_bytes().to_vec();
        let position = position % bytes.len();
        if cut { bytes.truncate(position) } else { bytes[position] = byte }
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(policy) = Policy::from_json(&text) {
                let _ = sealpost_core::recipients::accept_inline(&policy, corpus_now());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_as_a_key_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = RecipientKey::accept(&bytes, corpus_now());
    }

    #[test]
    fn a_mutated_real_key_never_panics(position in 0usize..100_000, byte in any::<u8>()) {
        let mut bytes = fixture_text("rsa3072.public.asc").into_bytes();
        let position = position % bytes.len();
        bytes[position] = byte;
        let _ = RecipientKey::accept(&bytes, corpus_now());
    }

    #[test]
    fn arbitrary_reports_validate_and_render_without_panicking(
        values in proptest::collection::vec((0usize..5, ".{0,300}"), 0..12)
    ) {
        let policy = demo::policy();
        let mut report = Report::default();
        for (index, text) in values {
            report.set(policy.fields[index].id.clone(), Value::Text(text));
        }
        let _ = validate(&policy, &report);
        let _ = report.render_text(&policy);
    }
}

#[test]
fn deeply_nested_json_is_refused_not_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = Policy::from_json(&deep).unwrap_err();
    assert!(!errors.is_empty());
}
