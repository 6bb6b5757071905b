//! A policy whose key lives at a `key_url` on the same site: fetched, accepted and pinned; a key
//! that does not match its pinned fingerprint stops the page with a message for the maintainer.

use sealpost_core::demo;
use sealpost_e2e::{browser::Browser, dist_dir, static_server::StaticServer};
use serde_json::json;

fn policy(fingerprint: &str) -> Vec<u8> {
    json!({
        "version": 1,
        "project": { "name": "Key URL project" },
        "recipients": [{ "key_url": "/keys/security.asc", "fingerprint": fingerprint }],
        "channels": [{ "type": "email", "address": "security@example.org" }],
        "fields": [{ "id": "description", "status": "required" }]
    })
    .to_string()
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_at_a_same_site_url_is_fetched_and_checked_against_its_pin() {
    let server = StaticServer::start_with(
        &dist_dir(),
        vec![
            (
                "/keys/security.asc".into(),
                demo::recipient_key().into_bytes(),
            ),
            ("/good.json".into(), policy(demo::RECIPIENT_FINGERPRINT)),
            (
                "/swapped.json".into(),
                policy("BF815803F7C6A215362F32EF340905CAC6150FE3"),
            ),
        ],
    );
    let browser = Browser::start().await;

    browser
        .client
        .goto(&format!("{}?policy=/good.json", server.url))
        .await
        .expect("open");
    assert_eq!(browser.step_heading().await, "Before you start");
    // The form is drawn at once; the key card fills in when the worker has accepted the key.
    let fingerprint = browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(fantoccini::Locator::Css(".fingerprint"))
        .await
        .expect("the recipient is shown")
        .text()
        .await
        .expect("text");
    assert_eq!(
        fingerprint,
        "9563 832D 0513 1C0D 37AC FB11 B886 4483 0EE8 86CE"
    );

    browser
        .client
        .goto(&format!("{}?policy=/swapped.json", server.url))
        .await
        .expect("open");
    let page = browser
        .client
        .wait()
        .for_element(fantoccini::Locator::Css(".policy-error"))
        .await
        .expect("an error page, not a form")
        .text()
        .await
        .expect("text");
    assert!(page.contains("recipients[0].fingerprint"), "{page}");
    assert!(page.contains("but the policy pins BF81 5803"), "{page}");
    assert!(
        browser
            .client
            .find(fantoccini::Locator::Css(".step"))
            .await
            .is_err(),
        "no form when the key does not match its pin"
    );
    browser.close().await;
}
