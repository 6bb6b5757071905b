use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::path_at;
use crate::policy::{parse_document, PolicyDocument};

/// The path serde_path_to_error finds for `text`, and the one the policy reader names (from
/// serde_json's position); `None` when the text is a valid policy document.
fn both_paths(text: &str) -> Option<(String, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let tracked: Result<PolicyDocument, _> = serde_path_to_error::deserialize(&mut deserializer);
    let expected = tracked.err()?.path().to_string();
    let found = parse_document(text)
        .expect_err("both readers refuse it")
        .path;
    Some((expected, found))
}

fn error_path(text: &str) -> String {
    let (_, found) = both_paths(text).expect("the text should not be a valid policy");
    found
}

#[test]
fn names_the_value_the_key_or_the_object() {
    // An unknown field names the key.
    assert_eq!(error_path(r#"{"version": 1, "colour": "red"}"#), "colour");
    // A wrong type names the value, however deep.
    assert_eq!(error_path(r#"{"project": {"name": 12}}"#), "project.name");
    // A missing field names the object it is missing from.
    assert_eq!(error_path(r#"{"project": {}}"#), "project");
    // Array elements are counted across objects, strings and nested arrays.
    assert_eq!(
        error_path(r#"{"fields": [{"id": "title"}, {"id": "x", "control": "dial"}]}"#),
        "fields[1].control"
    );
    // The document as a whole (a list is read as the document's fields in order).
    assert_eq!(error_path("\"policy\""), ".");
    assert_eq!(error_path(""), ".");
    assert_eq!(error_path("[1, 2]"), "[0]");
}

#[test]
fn strings_with_brackets_quotes_and_escapes_do_not_confuse_it() {
    let text = r#"{"project": {"name": "a \"}]{[ name", "homepage": "x,y:{"}, "fields": [{"id": "t\u00e9", "label": 5}]}"#;
    assert_eq!(error_path(text), "fields[0].label");
    // An escaped key is named as it reads.
    assert_eq!(
        error_path(r#"{"proj\u0065ct": {"name": 1}}"#),
        "project.name"
    );
}

#[test]
fn positions_on_later_lines_and_after_multibyte_text() {
    let text =
        "{\n  \"project\": {\n    \"name\": \"Ünïcödé ✓ 名前\",\n    \"homepage\": 7\n  }\n}";
    assert_eq!(error_path(text), "project.homepage");
}

#[test]
fn a_text_cut_short_anywhere_is_named_as_not_json() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/policies/demo.json"),
    )
    .expect("the demo policy");
    let end = text.trim_end().len();
    for cut in (0..end).filter(|&cut| text.is_char_boundary(cut)) {
        let error = parse_document(&text[..cut]).expect_err("a cut policy is refused");
        assert!(
            error.reason.starts_with("this is not valid JSON: EOF"),
            "cut at {cut}: {error}"
        );
        assert!(
            !error.path.is_empty() && !error.path.contains('"'),
            "cut at {cut}: {error}"
        );
    }
    // A key left open is not named half-read.
    assert_eq!(error_path(r#"{"project": {"homep"#), "project");
}

#[test]
fn a_position_past_the_text_is_clamped() {
    assert_eq!(path_at("{\"a\": [1", 9, 99), "a[0]");
    assert_eq!(path_at("", 1, 0), ".");
}

/// `found` is `expected`, or `expected` and one more key or index.
fn is_same_or_one_step_in(found: &str, expected: &str) -> bool {
    if found == expected {
        return true;
    }
    let rest = match expected {
        "." => found,
        _ => match found.strip_prefix(expected) {
            Some(rest) => rest.strip_prefix('.').unwrap_or(rest),
            None => return false,
        },
    };
    let segments = rest.split(['.', '[']).filter(|s| !s.is_empty()).count();
    segments == 1
}

/// Every way a real policy can be broken one value at a time, in compact and pretty JSON:
/// `path_at` names the same place as the path tracker it replaced.
#[test]
fn agrees_with_serde_path_to_error_on_every_single_breakage_of_the_shipped_policies() {
    let policies = shipped_policies();
    let mut compared = 0;
    let mut disagreements = Vec::new();
    for (path, text) in &policies {
        let document: Value = serde_json::from_str(text).expect("a shipped policy is JSON");
        for broken in breakages(&document) {
            for text in [
                broken.to_string(),
                serde_json::to_string_pretty(&broken).expect("JSON"),
            ] {
                if let Some((expected, found)) = both_paths(&text) {
                    compared += 1;
                    if expected != found {
                        disagreements.push(format!("{}: {expected} vs {found}", path.display()));
                    }
                }
            }
        }
    }
    // A stray character anywhere (not JSON any more): the same place, or one step further in
    // (the tracker names `fields` for `"fields": [#`, and `fields[0]` for `{"id": #`, where this
    // names the element or the key whose value is broken). The tracker says `?` for a key it
    // had not finished reading: those are left out.
    for (path, text) in &policies {
        for at in (1..text.len())
            .step_by(5)
            .filter(|&at| text.is_char_boundary(at))
        {
            let broken = format!("{}#{}", &text[..at], &text[at..]);
            if let Some((expected, found)) = both_paths(&broken) {
                if !expected.contains('?') {
                    compared += 1;
                    if !is_same_or_one_step_in(&found, &expected) {
                        disagreements.push(format!(
                            "{} # at {at}: {expected} vs {found}",
                            path.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(compared > 500, "only {compared} broken documents compared");
    assert!(
        disagreements.is_empty(),
        "{} of {compared} differ:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(20)].join("\n")
    );
}

/// Every policy in `public/policies/`, with its path.
fn shipped_policies() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/policies");
    let mut policies: Vec<_> = std::fs::read_dir(&dir)
        .expect("public/policies")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a policy file");
            (path, text)
        })
        .collect();
    policies.sort();
    assert!(!policies.is_empty(), "no policies in {}", dir.display());
    policies
}

/// Copies of `document`, each broken in one place: every value replaced by values of other
/// kinds, every object given an unknown member and robbed of each member in turn.
fn breakages(document: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut pointers = Vec::new();
    collect_pointers(document, String::new(), &mut pointers);
    for pointer in &pointers {
        for replacement in [
            json!(12345),
            json!("no-such-choice"),
            json!([]),
            json!({}),
            json!(true),
        ] {
            let mut copy = document.clone();
            if let Some(slot) = copy.pointer_mut(pointer) {
                if *slot != replacement {
                    *slot = replacement;
                    out.push(copy);
                }
            }
        }
        if let Some(Value::Object(members)) = document.pointer(pointer) {
            let mut copy = document.clone();
            if let Some(Value::Object(target)) = copy.pointer_mut(pointer) {
                target.insert("surely_unknown".into(), json!(1));
            }
            out.push(copy);
            for key in members.keys() {
                let mut copy = document.clone();
                if let Some(Value::Object(target)) = copy.pointer_mut(pointer) {
                    target.remove(key);
                }
                out.push(copy);
            }
        }
    }
    out
}

fn collect_pointers(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                collect_pointers(member, format!("{pointer}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect_pointers(item, format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(pointer);
}
