//! The size limit (413) and the per-client rate limit (429 with Retry-After).

#![allow(clippy::unwrap_used)]

mod common;

use common::{gpg::samples, TestInbox};

const SMALL_LIMIT: usize = 64 * 1024;

fn oversized() -> Vec<u8> {
    // An encrypted message with junk appended: over the limit, whatever its contents.
    let mut body = samples().binary.clone();
    body.resize(SMALL_LIMIT + 1, 0xAA);
    body
}

async fn assert_too_large(response: reqwest::Response, inbox: &TestInbox) {
    assert_eq!(response.status(), 413);
    let answer: serde_json::Value = response.json().await.unwrap();
    let error = answer["error"].as_str().unwrap();
    assert!(error.contains("too large"), "{error}");
    assert!(error.contains(&SMALL_LIMIT.to_string()), "{error}");
    assert!(inbox.stored_files().is_empty());
}

#[tokio::test]
async fn a_body_over_the_declared_limit_is_refused() {
    let inbox = TestInbox::start_with(|config| config.reports.max_body_bytes = SMALL_LIMIT).await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/octet-stream")
        .body(oversized())
        .send()
        .await
        .unwrap();
    assert_too_large(response, &inbox).await;
}

#[tokio::test]
async fn a_streamed_body_without_a_length_is_cut_off_at_the_limit() {
    let inbox = TestInbox::start_with(|config| config.reports.max_body_bytes = SMALL_LIMIT).await;
    // Chunked transfer: no Content-Length to refuse on, so the limit applies while reading.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = oversized()
        .chunks(8192)
        .map(|chunk| Ok(chunk.to_vec()))
        .collect();
    let body = reqwest::Body::wrap_stream(futures_util::stream::iter(chunks));
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_too_large(response, &inbox).await;
}

#[tokio::test]
async fn a_body_at_the_limit_is_accepted() {
    let message = samples().binary.clone();
    let limit = message.len();
    let inbox = TestInbox::start_with(|config| config.reports.max_body_bytes = limit).await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/octet-stream")
        .body(message)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn a_client_over_its_rate_is_told_when_to_come_back() {
    let inbox = TestInbox::start_with(|config| {
        config.rate_limit.per_minute = 10.0;
        config.rate_limit.burst = 3;
    })
    .await;
    let client = reqwest::Client::new();
    let send = || {
        client
            .post(inbox.url("/reports"))
            .header("Content-Type", "application/pgp-encrypted")
            .body(samples().armored.clone())
            .send()
    };
    for _ in 0..3 {
        assert_eq!(send().await.unwrap().status(), 201);
    }
    let limited = send().await.unwrap();
    assert_eq!(limited.status(), 429);
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    // One report every 6 s at 10 per minute.
    assert!((1..=6).contains(&retry_after), "{retry_after}");
    let answer: serde_json::Value = limited.json().await.unwrap();
    assert!(answer["error"]
        .as_str()
        .unwrap()
        .contains("too many reports"));
    assert_eq!(
        inbox.stored_files().len(),
        6,
        "three reports and their sidecars"
    );
}

#[tokio::test]
async fn health_answers_ok() {
    let inbox = TestInbox::start().await;
    let response = reqwest::get(inbox.url("/health")).await.unwrap();
    assert_eq!(response.status(), 200);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert_eq!(answer, serde_json::json!({ "status": "ok" }));
}

#[tokio::test]
async fn unknown_paths_answer_json_404() {
    let inbox = TestInbox::start().await;
    let response = reqwest::get(inbox.url("/reports/nope/x")).await.unwrap();
    assert_eq!(response.status(), 404);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert!(answer["error"].is_string());
}

#[tokio::test]
async fn a_stalled_upload_is_cut_off() {
    use futures_util::StreamExt;

    let inbox = TestInbox::start_with(|config| config.server.body_timeout_seconds = 1).await;
    // Half a message, then nothing more: the client never finishes its body.
    let half = samples().binary[..100].to_vec();
    let stalled = futures_util::stream::iter([Ok::<_, std::io::Error>(half)])
        .chain(futures_util::stream::pending());
    let started = std::time::Instant::now();
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Content-Type", "application/octet-stream")
        .body(reqwest::Body::wrap_stream(stalled))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 408);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let answer: serde_json::Value = response.json().await.unwrap();
    assert!(answer["error"].as_str().unwrap().contains("1 seconds"));
    assert!(inbox.stored_files().is_empty());
}
