//! Sending the sealed report to a project's HTTPS endpoint. Only ciphertext is ever sent, and
//! only to the endpoint the policy names. Transient failures (network errors, 5xx, timeouts) are
//! retried with backoff; what each answer means is decided by `sealpost_core::delivery`.

use std::{collections::BTreeMap, time::Duration};

use sealpost_core::{
    delivery::{judge_no_answer, judge_response, timeout_for, NoAnswer, Outcome},
    policy::BodyFormat,
};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// POSTs `armored` to `url` in the policy's body format until it is delivered or the failure is
/// final; `on_retry` hears each wait. Returns the inbox's receipt, if it gave one.
pub async fn post_report(
    url: &str,
    format: BodyFormat,
    field: &str,
    headers: &BTreeMap<String, String>,
    armored: &str,
    on_retry: impl Fn(String),
) -> Result<Option<String>, String> {
    let timeout = timeout_for(armored.len() as u64);
    let mut attempt = 1;
    loop {
        let outcome = match attempt_once(url, format, field, headers, armored, timeout).await? {
            Ok(answer) => judge_response(
                answer.status,
                &answer.body,
                answer.location.as_deref(),
                answer.retry_after.as_deref(),
                attempt,
            ),
            Err(no_answer) => judge_no_answer(no_answer, attempt),
        };
        match outcome {
            Outcome::Delivered { receipt } => return Ok(receipt),
            Outcome::Failed(message) => return Err(message),
            Outcome::Retry { after, reason } => {
                on_retry(format!(
                    "Not sent yet: {reason}. Trying again in {} s…",
                    after.as_secs()
                ));
                sleep(after).await;
                attempt += 1;
            }
        }
    }
}

struct Answer {
    status: u16,
    body: String,
    location: Option<String>,
    retry_after: Option<String>,
}

/// One POST. The outer error is for a request the browser cannot even build.
async fn attempt_once(
    url: &str,
    format: BodyFormat,
    field: &str,
    headers: &BTreeMap<String, String>,
    armored: &str,
    timeout: Duration,
) -> Result<Result<Answer, NoAnswer>, String> {
    if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
        return Ok(Err(NoAnswer::Offline));
    }
    let controller = web_sys::AbortController::new()
        .map_err(|_| "the browser cannot time requests out".to_owned())?;
    let mut request = gloo_net::http::Request::post(url).abort_signal(Some(&controller.signal()));
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let prepare = |err: &dyn std::fmt::Display| format!("could not prepare the request: {err}");
    let form_error = |_| "the browser cannot build a form".to_owned();
    let request = match format {
        BodyFormat::Json => {
            let body = serde_json::json!({ field: armored }).to_string();
            request
                .header("Content-Type", "application/json")
                .body(body)
        }
        BodyFormat::Raw => request
            .header("Content-Type", "application/pgp-encrypted")
            .body(armored.to_owned()),
        BodyFormat::Multipart => {
            let form = web_sys::FormData::new().map_err(form_error)?;
            form.append_with_str(field, armored).map_err(form_error)?;
            request.body(form)
        }
    }
    .map_err(|err| prepare(&err))?;

    let timer = Timer::start(timeout, move || controller.abort());
    let sent = request.send().await;
    let timed_out = timer.fired();
    let response = match sent {
        Ok(response) => response,
        Err(_) if timed_out => return Ok(Err(NoAnswer::TimedOut(timeout))),
        Err(_) => return Ok(Err(NoAnswer::Unreachable)),
    };
    let header = |name| response.headers().get(name);
    let (location, retry_after) = (header("Location"), header("Retry-After"));
    let body = response.text().await.unwrap_or_default();
    Ok(Ok(Answer {
        status: response.status(),
        body,
        location,
        retry_after,
    }))
}

/// A `setTimeout` that calls `on_fire` unless dropped first.
struct Timer {
    handle: i32,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn start(after: Duration, on_fire: impl Fn() + 'static) -> Self {
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        let callback = {
            let fired = std::rc::Rc::clone(&fired);
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                on_fire();
            })
        };
        let handle = web_sys::window()
            .and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        callback.as_ref().unchecked_ref(),
                        i32::try_from(after.as_millis()).unwrap_or(i32::MAX),
                    )
                    .ok()
            })
            .unwrap_or(0);
        Self {
            handle,
            fired,
            _callback: callback,
        }
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}

/// Waits `duration` without blocking the page.
async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(duration.as_millis()).unwrap_or(i32::MAX),
            );
        }
    });
    let _: Result<JsValue, JsValue> = wasm_bindgen_futures::JsFuture::from(promise).await;
}
