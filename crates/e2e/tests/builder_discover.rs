//! Key discovery in the page builder, against Web Key Directory and security.txt paths served
//! from a loopback server (`?discover_base=`, honoured only because the page itself is on
//! 127.0.0.1): the advanced method, the fall-back to the direct one, a security.txt
//! `Encryption:` key, and each way of finding no key told apart — a server without CORS
//! headers, a web page, base64 without armor, an expired key. Keys are the real ones in
//! tests/fixtures/corpus.

#![allow(clippy::unwrap_used)] // a failing test should fail loudly, with the value it got

use std::{process::Command, time::Duration};

use sealpost_core::{discover::MailAddress, RecipientKey};
use sealpost_e2e::{
    browser::Browser,
    dist_dir, fixture_path,
    static_server::{url_of, StaticServer},
    strict_csp,
};

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(&format!("corpus/{name}"))).unwrap()
}

/// The key's packets, as a Web Key Directory serves them (`gpg --dearmor`).
fn binary(name: &str) -> Vec<u8> {
    let out = Command::new("gpg")
        .args(["--dearmor", "--output", "-"])
        .arg(fixture_path(&format!("corpus/{name}")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn fingerprint(name: &str) -> String {
    RecipientKey::accept(&corpus(name), std::time::SystemTime::now())
        .unwrap()
        .fingerprint_grouped()
}

fn hash(address: &str) -> String {
    MailAddress::parse(address).unwrap().wkd_hash()
}

fn advanced(address: &str) -> String {
    let parsed = MailAddress::parse(address).unwrap();
    format!(
        "/.well-known/openpgpkey/{}/hu/{}",
        parsed.domain,
        hash(address)
    )
}

fn direct(address: &str) -> String {
    format!("/.well-known/openpgpkey/hu/{}", hash(address))
}

/// The corpus's signed security.txt, its Encryption field pointing at the test server (the
/// signature is not checked; the armor around the text is what matters here).
fn security_txt(key_url: &str) -> Vec<u8> {
    let signed = String::from_utf8(corpus("security-txt/shelltrail-signed.security.txt")).unwrap();
    signed
        .replace(
            "Encryption: https://www.shelltrail.com/.well-known/pgp-key.txt",
            &format!(
                "Encryption: {key_url}\nEncryption: openpgp4fpr:{}",
                fingerprint("shelltrail-security.asc").replace(' ', "")
            ),
        )
        .into_bytes()
}

/// The key server's files: one address per way of succeeding or failing.
fn wkd_files(base: &str) -> Vec<(String, Vec<u8>)> {
    let armored = String::from_utf8(corpus("monetr-security.asc")).unwrap();
    let bare_base64: String = armored
        .lines()
        .filter(|l| !l.starts_with("-----") && !l.starts_with('=') && !l.contains(':'))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        (
            advanced("alice@advanced.example"),
            binary("monetr-security.asc"),
        ),
        (
            direct("bob@direct.example"),
            corpus("qubes-security-team.asc"),
        ),
        (
            direct("carol@html.example"),
            b"<!doctype html><html><head><title>Welcome</title></head><body>Home</body></html>"
                .to_vec(),
        ),
        (direct("dave@bare.example"), bare_base64.into_bytes()),
        (
            direct("erin@expired.example"),
            binary("ethereum-security-from-SECURITY-md.asc"),
        ),
        (
            "/.well-known/security.txt".into(),
            security_txt(&format!("{base}keys/security.asc")),
        ),
        (
            "/keys/security.asc".into(),
            corpus("shelltrail-security.asc"),
        ),
    ]
}

/// A static server for the key files; with CORS headers for any page, or without.
fn key_server(cors: bool) -> StaticServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let files = wkd_files(&url_of(&listener));
    let headers = if cors {
        vec![("access-control-allow-origin".to_owned(), "*".to_owned())]
    } else {
        Vec::new()
    };
    let empty = tempfile::tempdir().unwrap();
    StaticServer::start_on(listener, empty.path(), Vec::new(), files, headers)
}

const RESULTS_DONE: &str = r#"
const button = document.querySelector('.discover form button');
const results = document.querySelector('.discover__results');
if (!button || !results || button.disabled) return null;
const text = results.innerText;
return text && !text.includes('Looking…') ? text : null;
"#;

async fn discover(browser: &Browser, address: &str) -> String {
    let input = browser.control_labelled("Security contact address").await;
    input.clear().await.unwrap();
    input.send_keys(address).await.unwrap();
    browser.press("Find key").await;
    // The button is disabled while looking: wait for that to start, then to end.
    tokio::time::sleep(Duration::from_millis(200)).await;
    browser
        .wait_for_script_within(RESULTS_DONE, Duration::from_secs(30))
        .await
}

/// The builder served on 127.0.0.1 with its look-ups sent to a key server (with CORS
/// headers or without): the page's server, the key server and the browser.
async fn builder_with_key_server(cors: bool) -> (StaticServer, StaticServer, Browser) {
    let keys = key_server(cors);
    // The strict CSP, with the key server allowed (a builder looking up real domains needs
    // `connect-src https:`).
    let page = StaticServer::start_with_headers(
        &dist_dir(),
        Vec::new(),
        Vec::new(),
        vec![(
            "Content-Security-Policy".into(),
            strict_csp(keys.url.trim_end_matches('/'), "'none'"),
        )],
    );
    let browser = Browser::start().await;
    let base = keys.url.trim_end_matches('/');
    browser
        .client
        .goto(&format!("{}?builder&discover_base={base}", page.url))
        .await
        .unwrap();
    (page, keys, browser)
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_are_found_by_wkd_and_security_txt_and_each_failure_is_explained() {
    let (_page, _keys, browser) = builder_with_key_server(true).await;

    // The advanced method finds the binary key; the direct one is not tried.
    let found = discover(&browser, "alice@advanced.example").await;
    browser
        .client
        .execute(
            "document.querySelector('.discover form').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    browser.screenshot("builder-discover-advanced.png").await;
    browser
        .assert_accessible("the builder's discovery results")
        .await;
    assert!(
        found.contains("Web Key Directory, advanced method"),
        "{found}"
    );
    assert!(
        found.contains(&fingerprint("monetr-security.asc")),
        "{found}"
    );
    assert!(found.contains("binary (OpenPGP packets)"), "{found}");
    // The corpus key is another project's: the directory serves it for an address it lacks.
    assert!(
        found.contains("None of this key's user IDs is alice@advanced.example"),
        "{found}"
    );
    assert!(
        found.contains("Not tried: the advanced method found a usable key."),
        "{found}"
    );
    // security.txt's Encryption field gives its own key, whose fingerprint it also names.
    assert!(
        found.contains(&fingerprint("shelltrail-security.asc")),
        "{found}"
    );
    assert!(found.contains("a key found here has it"), "{found}");

    // Nothing on the advanced path: the direct method finds the armored key, with a word on
    // the format.
    let found = discover(&browser, "bob@direct.example").await;
    assert!(
        found.contains("answered 404: there is no key there"),
        "{found}"
    );
    assert!(
        found.contains(&fingerprint("qubes-security-team.asc")),
        "{found}"
    );
    assert!(found.contains("this one is armored"), "{found}");

    let found = discover(&browser, "carol@html.example").await;
    assert!(
        found.contains("sent a web page (HTML), not a key"),
        "{found}"
    );
    let found = discover(&browser, "dave@bare.example").await;
    assert!(found.contains("base64 text without the"), "{found}");
    let found = discover(&browser, "erin@expired.example").await;
    assert!(found.contains("expired on 2026-02-22"), "{found}");

    // Using a found key puts it in the policy, fingerprint pinned: the policy is then whole.
    let found = discover(&browser, "alice@advanced.example").await;
    assert!(found.contains("Use this key"), "{found}");
    browser.press("Use this key").await;
    let json = browser
        .wait_for_script(
            "const j = document.getElementById('builder-json');\
             return j && j.value.includes('BEGIN PGP PUBLIC KEY BLOCK') ? j.value : null;",
        )
        .await;
    let policy: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        policy["recipients"][0]["fingerprint"],
        fingerprint("monetr-security.asc")
    );
    browser
        .wait_for_script(
            "const r = document.querySelector('.builder__ready'); return r ? r.innerText : null;",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_without_cors_headers_gets_the_cors_explanation() {
    let (page, keys, browser) = builder_with_key_server(false).await;
    let found = discover(&browser, "alice@advanced.example").await;
    browser.screenshot("builder-discover-cors.png").await;
    assert!(
        found.contains("without an Access-Control-Allow-Origin header"),
        "{found}"
    );
    assert!(found.contains(page.url.trim_end_matches('/')), "{found}");
    assert!(!found.contains("Nothing answered"), "{found}");
    // The server was asked (the probe included), and gave nothing the page could read.
    assert!(keys
        .requests()
        .iter()
        .any(|r| r.url.starts_with(&advanced("alice@advanced.example"))));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_real_page_ignores_the_test_server() {
    // `localhost` is a loopback page too; a test server on a non-loopback name is refused.
    let page = StaticServer::start(&dist_dir());
    let browser = Browser::start().await;
    browser
        .client
        .goto(&format!(
            "{}?builder&discover_base=https://keys.example.org",
            page.url
        ))
        .await
        .unwrap();
    let text = browser
        .wait_for_script(
            "const d = document.querySelector('.discover'); return d ? d.innerText : null;",
        )
        .await;
    assert!(
        text.contains("The test server https://keys.example.org was ignored"),
        "{text}"
    );
    browser.close().await;
}
