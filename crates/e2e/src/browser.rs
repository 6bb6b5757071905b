//! Headless Chromium driven over WebDriver by chromedriver, both from Debian.

use std::{
    net::{TcpListener, TcpStream},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A chromedriver process and one browser session in it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Self {
        Self::launch(1280, 1000, &[]).await
    }

    /// A browser whose window is `width` × `height` CSS pixels (375 wide for a phone).
    pub async fn start_sized(width: u32, height: u32) -> Self {
        Self::launch(width, height, &[]).await
    }

    /// Starts Chromium with `extra` command-line switches too (such as `--proxy-server=…`, to
    /// catch any request that tries to leave the machine).
    pub async fn start_with_args(extra: &[String]) -> Self {
        Self::launch(1280, 1000, extra).await
    }

    async fn launch(width: u32, height: u32, extra: &[String]) -> Self {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (cargo xtask setup)");
        wait_for_port(port);

        let profile = tempfile::tempdir().expect("browser profile dir");
        // Chromium's windows are at least 500 px wide: narrower screens are emulated, as a
        // phone's viewport.
        let emulation = (width < 500).then(|| {
            serde_json::json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1, "mobile": true, "touch": false }
            })
        });
        let capabilities = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "mobileEmulation": emulation.unwrap_or_else(|| serde_json::json!({})),
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    // Without these Chromium calls home at start, and this network refuses.
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
        });
        let mut capabilities = capabilities;
        if let Some(args) = capabilities["goog:chromeOptions"]["args"].as_array_mut() {
            args.extend(
                extra
                    .iter()
                    .map(|arg| serde_json::Value::from(arg.as_str())),
            );
        }
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        Self {
            client,
            driver,
            _profile: profile,
        }
    }

    /// The form control whose `<label>` reads exactly `label`, found as a person finds it.
    pub async fn control_labelled(&self, label: &str) -> fantoccini::elements::Element {
        let xpath = format!("//label[normalize-space(.)={}]", xpath_literal(label));
        let label_element = self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|err| panic!("no label “{label}”: {err}"));
        let id = label_element
            .attr("for")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("label “{label}” has no `for`"));
        self.client.find(Locator::Id(&id)).await.unwrap()
    }

    /// The button whose visible text is exactly `text`.
    pub async fn button(&self, text: &str) -> fantoccini::elements::Element {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        self.client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|err| panic!("no button “{text}”: {err}"))
    }

    /// Clicks the button whose visible text is exactly `text`.
    pub async fn press(&self, text: &str) {
        self.button(text)
            .await
            .click()
            .await
            .unwrap_or_else(|err| panic!("clicking “{text}”: {err}"));
    }

    /// Polls `script` (a function body returning a string or null) until it returns a string,
    /// for up to ten seconds.
    pub async fn wait_for_script(&self, script: &str) -> String {
        self.wait_for_script_within(script, Duration::from_secs(10))
            .await
    }

    /// Types `report`'s demo fields by their labels, step by step, presses "Encrypt report"
    /// and returns the armored message.
    pub async fn seal_demo_report(&self, report: &sealpost_core::Report) -> String {
        let entries: Vec<_> = crate::DEMO_FIELDS
            .iter()
            .map(|(id, label)| crate::steps::Entry::text(label, report.text(id)))
            .collect();
        self.fill_and_seal(&entries).await
    }

    /// The armored message, once the page shows one.
    pub async fn wait_for_ciphertext(&self) -> String {
        // Generous: on two cores another test's browser may be busy at the same time. A refusal
        // (the error summary, a sealing failure) ends the wait with its text.
        let script = "const c = document.getElementById('ciphertext');\
             if (c && c.value.startsWith('-----BEGIN PGP MESSAGE-----')) return c.value;\
             const e = [...document.querySelectorAll('.error-summary, .report-form p.error')]\
                 .find(e => !e.hidden);\
             return e ? 'NOT SEALED: ' + e.innerText : null;";
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let found = self
                .client
                .execute(script, vec![])
                .await
                .expect("run script");
            if let Some(found) = found.as_str() {
                assert!(!found.starts_with("NOT SEALED"), "{found}");
                return found.to_owned();
            }
            if Instant::now() > deadline {
                let page = self
                    .client
                    .execute("return document.body.innerText;", vec![])
                    .await
                    .expect("run script");
                panic!(
                    "no ciphertext after 30 s; the page says:\n{}",
                    page.as_str().unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The first recipient's fingerprint, once the worker has accepted the keys (the key
    /// card fills in; from a Blob URL worker that can take a while on two busy cores).
    pub async fn wait_for_fingerprint(&self) -> String {
        self.wait_for_script_within(
            "const c = document.querySelector('.fingerprint');\
             return c && c.innerText.trim() ? c.innerText : null;",
            Duration::from_secs(30),
        )
        .await
    }

    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(crate::artifacts_dir().join(name), png).expect("write screenshot");
    }

    /// Ends the browser session; dropping then stops chromedriver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // A test that panicked never closed its session, and killing chromedriver leaves that
        // Chromium running: find it (and its helpers) by this browser's own profile directory.
        kill_processes_mentioning(&self._profile.path().display().to_string());
    }
}

/// Kills every process whose command line contains `needle` (Linux `/proc`).
fn kill_processes_mentioning(needle: &str) {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let mentions = std::fs::read(entry.path().join("cmdline"))
            .is_ok_and(|cmdline| String::from_utf8_lossy(&cmdline).contains(needle));
        if mentions {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `text` as an XPath string literal (XPath 1.0 has no escapes, hence concat for quotes).
pub(crate) fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

impl Browser {
    /// Polls `script` every 100 ms for up to `timeout` until it returns a string (benchmarks and
    /// huge attachments take longer than [`Browser::wait_for_script`]'s ten seconds).
    pub async fn wait_for_script_within(&self, script: &str, timeout: Duration) -> String {
        self.wait_for_script_with(script, Vec::new(), timeout).await
    }

    /// [`Browser::wait_for_script_within`] with `arguments` for the script.
    pub async fn wait_for_script_with(
        &self,
        script: &str,
        arguments: Vec<serde_json::Value>,
        timeout: Duration,
    ) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self
                .client
                .execute(script, arguments.clone())
                .await
                .expect("run script");
            if let Some(text) = value.as_str() {
                return text.to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for: {script}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Browser {
    /// Lets the page save downloads (such as "Download report.pgp") into `dir`, without asking:
    /// Chromium's DevTools `Browser.setDownloadBehavior`, sent through chromedriver's
    /// `goog/cdp/execute` endpoint (fantoccini has no command for it).
    pub async fn allow_downloads_to(&self, dir: &std::path::Path) {
        let session = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a WebDriver session");
        let port = driver_port(self.driver.id());
        let body = serde_json::json!({
            "cmd": "Browser.setDownloadBehavior",
            "params": { "behavior": "allow", "downloadPath": dir, "eventsEnabled": false },
        })
        .to_string();
        let path = format!("/session/{session}/goog/cdp/execute");
        let response = tokio::task::spawn_blocking(move || http_post(port, &path, &body))
            .await
            .expect("the request thread");
        assert!(
            response.starts_with("HTTP/1.1 200"),
            "chromedriver refused Browser.setDownloadBehavior: {response}"
        );
    }
}

/// The `--port=` chromedriver `pid` was started with.
fn driver_port(pid: u32) -> u16 {
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).expect("chromedriver's cmdline");
    cmdline
        .split(|byte| *byte == 0)
        .filter_map(|arg| std::str::from_utf8(arg).ok())
        .find_map(|arg| arg.strip_prefix("--port="))
        .and_then(|port| port.parse().ok())
        .expect("chromedriver was started with --port")
}

/// A minimal HTTP/1.1 POST of a JSON `body` to 127.0.0.1:`port`: the status line and the body
/// (read by its Content-Length, since chromedriver keeps connections open), within 30 seconds.
fn http_post(port: u16, path: &str, body: &str) -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to chromedriver");
    let timeout = Some(Duration::from_secs(30));
    stream.set_read_timeout(timeout).expect("socket timeout");
    stream.set_write_timeout(timeout).expect("socket timeout");
    write!(
        &stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send to chromedriver");
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader
        .read_line(&mut status)
        .expect("read chromedriver's answer");
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .expect("read chromedriver's answer");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut answer = vec![0; length];
    reader
        .read_exact(&mut answer)
        .expect("read chromedriver's answer");
    format!(
        "{}\n{}",
        status.trim_end(),
        String::from_utf8_lossy(&answer)
    )
}
