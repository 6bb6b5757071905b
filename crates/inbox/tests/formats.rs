//! Each body format a sealpost policy can name, sent as the browser app sends it
//! (src/services/deliver.rs), with real gpg output: 201, and the message stored byte for byte
//! with its sidecar.

#![allow(clippy::unwrap_used)]

mod common;

use common::{assert_stored, gpg::samples, TestInbox, ALLOWED_ORIGIN};

#[tokio::test]
async fn json_stores_the_armored_string() {
    let inbox = TestInbox::start().await;
    let armored = String::from_utf8(samples().armored.clone()).unwrap();
    // Exactly what deliver.rs sends: serde_json's {field: armored}, as application/json.
    let body = serde_json::json!({ "report": armored }).to_string();
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/json")
        .header("Origin", ALLOWED_ORIGIN)
        .header("User-Agent", "sealpost-test/1")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response
            .headers()
            .get("access-control-allow-origin")
            .unwrap(),
        ALLOWED_ORIGIN
    );
    let sidecar = assert_stored(response, inbox.storage.path(), "asc", armored.as_bytes()).await;
    assert_eq!(sidecar["format"], "json");
    assert_eq!(sidecar["encoding"], "armored");
    assert_eq!(sidecar["user_agent"], "sealpost-test/1");
}

#[tokio::test]
async fn json_uses_the_configured_field() {
    let inbox = TestInbox::start_with(|config| config.reports.field = "ciphertext".into()).await;
    let armored = String::from_utf8(samples().armored.clone()).unwrap();
    let client = reqwest::Client::new();
    let wrong = client
        .post(inbox.url("/reports"))
        .json(&serde_json::json!({ "report": armored }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 400);
    let error: serde_json::Value = wrong.json().await.unwrap();
    assert!(
        error["error"].as_str().unwrap().contains("\"ciphertext\""),
        "{error}"
    );
    let right = client
        .post(inbox.url("/reports"))
        .json(&serde_json::json!({ "ciphertext": armored }))
        .send()
        .await
        .unwrap();
    assert_stored(right, inbox.storage.path(), "asc", armored.as_bytes()).await;
}

#[tokio::test]
async fn raw_armored_is_stored_as_asc() {
    let inbox = TestInbox::start().await;
    let armored = samples().armored.clone();
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/pgp-encrypted")
        .body(armored.clone())
        .send()
        .await
        .unwrap();
    let sidecar = assert_stored(response, inbox.storage.path(), "asc", &armored).await;
    assert_eq!(sidecar["format"], "raw");
}

#[tokio::test]
async fn raw_binary_is_stored_as_pgp() {
    let inbox = TestInbox::start().await;
    for (message, content_type) in [
        (&samples().binary, "application/octet-stream"),
        (&samples().password, "application/pgp-encrypted"),
    ] {
        let response = reqwest::Client::new()
            .post(inbox.url("/reports"))
            .header("Content-Type", content_type)
            .body(message.clone())
            .send()
            .await
            .unwrap();
        let sidecar = assert_stored(response, inbox.storage.path(), "pgp", message).await;
        assert_eq!(sidecar["encoding"], "binary");
    }
}

#[tokio::test]
async fn multipart_text_field_as_the_browser_sends_it() {
    let inbox = TestInbox::start().await;
    let armored = String::from_utf8(samples().armored.clone()).unwrap();
    // FormData.append(field, string): a part with a name, no filename, no Content-Type.
    let form = reqwest::multipart::Form::new()
        .text("report", armored.clone())
        .text("ignored", "not stored");
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Origin", ALLOWED_ORIGIN)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let sidecar = assert_stored(response, inbox.storage.path(), "asc", armored.as_bytes()).await;
    assert_eq!(sidecar["format"], "multipart");
    assert_eq!(
        inbox.stored_files().len(),
        2,
        "only the report and its sidecar"
    );
}

#[tokio::test]
async fn multipart_file_part_with_a_binary_message() {
    let inbox = TestInbox::start().await;
    let binary = samples().binary.clone();
    // As `curl -F report=@report.pgp` sends it.
    let part = reqwest::multipart::Part::bytes(binary.clone())
        .file_name("report.pgp")
        .mime_str("application/octet-stream")
        .unwrap();
    let form = reqwest::multipart::Form::new().part("report", part);
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_stored(response, inbox.storage.path(), "pgp", &binary).await;
}

#[tokio::test]
async fn a_format_left_out_of_the_config_is_refused() {
    let inbox = TestInbox::start_with(|config| {
        config.reports.formats = vec![sealpost_inbox::extract::BodyFormat::Json];
    })
    .await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/pgp-encrypted")
        .body(samples().armored.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(inbox.stored_files().is_empty());
}
