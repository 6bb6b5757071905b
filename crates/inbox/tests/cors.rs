//! Browsers may send reports only from the configured origins: allowed ones get CORS headers,
//! others get none (so the browser refuses), and their POSTs are refused outright.

#![allow(clippy::unwrap_used)]

mod common;

use common::{gpg::samples, TestInbox, ALLOWED_ORIGIN};

const OTHER_ORIGIN: &str = "https://attacker.example";

async fn preflight(inbox: &TestInbox, origin: &str) -> reqwest::Response {
    reqwest::Client::new()
        .request(reqwest::Method::OPTIONS, inbox.url("/reports"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type,x-project-token",
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_allowed_origin_passes_the_preflight() {
    let inbox = TestInbox::start().await;
    let response = preflight(&inbox, ALLOWED_ORIGIN).await;
    assert!(response.status().is_success(), "{}", response.status());
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], ALLOWED_ORIGIN);
    assert!(headers["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .contains("POST"));
    // The policy may add headers of its own: what is asked is allowed.
    assert_eq!(
        headers["access-control-allow-headers"],
        "content-type,x-project-token"
    );
}

#[tokio::test]
async fn another_origin_gets_no_cors_headers() {
    let inbox = TestInbox::start().await;
    let response = preflight(&inbox, OTHER_ORIGIN).await;
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

#[tokio::test]
async fn a_post_from_another_origin_is_refused_and_not_stored() {
    let inbox = TestInbox::start().await;
    // multipart/form-data needs no preflight, so the browser would send it: the server refuses.
    let form = reqwest::multipart::Form::new().text(
        "report",
        String::from_utf8(samples().armored.clone()).unwrap(),
    );
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Origin", OTHER_ORIGIN)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    assert!(inbox.stored_files().is_empty());
}

#[tokio::test]
async fn the_location_header_is_readable_from_the_page() {
    let inbox = TestInbox::start().await;
    let response = reqwest::Client::new()
        .post(inbox.url("/reports"))
        .header("Origin", ALLOWED_ORIGIN)
        .header("Content-Type", "application/pgp-encrypted")
        .body(samples().armored.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        ALLOWED_ORIGIN
    );
    assert_eq!(
        response.headers()["access-control-expose-headers"],
        "location"
    );
}

#[tokio::test]
async fn a_wildcard_allows_every_origin() {
    let inbox =
        TestInbox::start_with(|config| config.cors.allowed_origins = vec!["*".into()]).await;
    let response = preflight(&inbox, OTHER_ORIGIN).await;
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
}
