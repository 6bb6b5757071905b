//! Anything that is not an encrypted OpenPGP message is refused with 400 and a reason, and
//! nothing of it is written to disk.

#![allow(clippy::unwrap_used)]

mod common;

use common::{
    gpg::{samples, PLAINTEXT},
    TestInbox,
};

/// POSTs `body` as raw `application/pgp-encrypted`; returns the status and the error text.
async fn send_raw(inbox: &TestInbox, body: Vec<u8>) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/pgp-encrypted")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let answer: serde_json::Value = response.json().await.unwrap();
    (status, answer["error"].as_str().unwrap().to_owned())
}

async fn assert_refused(body: Vec<u8>, expected_words: &str) {
    let inbox = TestInbox::start().await;
    let (status, error) = send_raw(&inbox, body).await;
    assert_eq!(status, 400, "{error}");
    assert!(
        error.contains(expected_words),
        "expected {expected_words:?} in {error:?}"
    );
    assert!(
        inbox.stored_files().is_empty(),
        "{:?}",
        inbox.stored_files()
    );
}

#[tokio::test]
async fn plaintext_is_refused() {
    assert_refused(PLAINTEXT.to_vec(), "plaintext is not accepted").await;
}

#[tokio::test]
async fn an_openpgp_message_without_encryption_is_refused() {
    assert_refused(samples().stored.clone(), "the message is not encrypted").await;
}

#[tokio::test]
async fn a_signed_message_is_refused() {
    assert_refused(samples().signed.clone(), "the message is not encrypted").await;
}

#[tokio::test]
async fn a_detached_signature_is_refused() {
    assert_refused(samples().signature.clone(), "a signature is not accepted").await;
}

#[tokio::test]
async fn a_public_key_is_refused() {
    assert_refused(samples().public_key.clone(), "a public key is not accepted").await;
}

#[tokio::test]
async fn garbage_is_refused() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    assert_refused(garbage, "not an OpenPGP message").await;
}

#[tokio::test]
async fn an_empty_body_is_refused() {
    assert_refused(Vec::new(), "the report is empty").await;
}

#[tokio::test]
async fn a_truncated_message_is_refused() {
    let binary = &samples().binary;
    assert_refused(binary[..binary.len() / 2].to_vec(), "cut short").await;
}

#[tokio::test]
async fn plaintext_after_the_armor_is_refused() {
    let mut body = samples().armored.clone();
    body.extend_from_slice(b"\nPS: the bug is in parse_name()\n");
    assert_refused(body, "text around the armored message").await;
}

#[tokio::test]
async fn plaintext_in_json_is_refused() {
    let inbox = TestInbox::start().await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .json(&serde_json::json!({ "report": "I found a bug in parse_name" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert!(answer["error"]
        .as_str()
        .unwrap()
        .contains("plaintext is not accepted"));
    assert!(inbox.stored_files().is_empty());
}

#[tokio::test]
async fn an_unknown_content_type_is_refused() {
    let inbox = TestInbox::start().await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "text/plain")
        .body(samples().armored.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert!(answer["error"]
        .as_str()
        .unwrap()
        .contains("application/pgp-encrypted"));
    assert!(inbox.stored_files().is_empty());
}

#[tokio::test]
async fn invalid_json_is_refused() {
    let inbox = TestInbox::start().await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/json")
        .body("{\"report\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert!(answer["error"].as_str().unwrap().contains("not valid JSON"));
}
