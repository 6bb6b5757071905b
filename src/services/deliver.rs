//! Sending the sealed report to a project's HTTPS endpoint. Only ciphertext is ever sent, and
//! only to the endpoint the policy names. Transient failures (network errors, 5xx, timeouts) are
//! retried with backoff; what each answer means is decided by `sealpost_core::delivery`.
//!
//! The upload itself is an `XMLHttpRequest`, not `fetch` (gloo-net): only XHR reports upload
//! progress, which a researcher sending a 100 MB report over a slow link needs to see. gloo-net
//! still makes the one request fetch is right for: the CORS probe (`super::probe`).

use std::{cell::RefCell, collections::BTreeMap, rc::Rc, time::Duration};

use futures::channel::oneshot;
use js_sys::Uint8Array;
use sealpost_core::{
    armor::armor_message,
    delivery::{
        attempt_timeout, judge_no_answer, judge_response, Failure, NoAnswer, Outcome, RetryReason,
    },
    i18n::Texts,
    policy::BodyFormat,
};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{ProgressEvent, XmlHttpRequest};

/// Where and how the policy says to send reports.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub url: String,
    pub format: BodyFormat,
    /// The JSON key or form field that carries the message.
    pub field: String,
    pub headers: BTreeMap<String, String>,
    /// The policy's timeout for one attempt, if it sets one.
    pub timeout_seconds: Option<u32>,
}

/// The sealed message as the page holds it.
#[derive(Clone)]
pub enum Message {
    Armored(String),
    /// Large reports stay binary (a JavaScript array, never copied into wasm unless a JSON
    /// body needs it armored).
    Binary(Uint8Array),
}

impl Message {
    fn len(&self) -> u64 {
        match self {
            Self::Armored(text) => text.len() as u64,
            Self::Binary(bytes) => u64::from(bytes.length()),
        }
    }
}

/// What the sending loop tells the page while it works.
pub enum Progress {
    /// Bytes of the request body uploaded so far, of `total`.
    Uploading { sent: f64, total: f64 },
    /// An attempt failed in a way worth retrying; the next starts after `seconds`.
    Waiting { reason: RetryReason, seconds: u64 },
}

/// Why a report was not sent: what the inbox's answers came to, or a request the browser could
/// not even make. Data, so the page words it in its language.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    Failed(Failure),
    /// The browser refused to build the request (its own words, in English).
    CannotPrepare(String),
    CannotBuildForm,
}

impl SendError {
    pub fn message(&self, texts: &Texts) -> String {
        match self {
            SendError::Failed(failure) => failure.message(texts),
            SendError::CannotPrepare(detail) => (texts.send.cannot_prepare)(detail),
            SendError::CannotBuildForm => (texts.send.cannot_prepare)(texts.send.cannot_build_form),
        }
    }
}

/// POSTs `message` to `endpoint` until it is delivered or the failure is final. Returns the
/// inbox's receipt, if it gave one.
pub async fn post_report(
    endpoint: &Endpoint,
    message: &Message,
    on_progress: impl Fn(Progress),
) -> Result<Option<String>, SendError> {
    let timeout = attempt_timeout(endpoint.timeout_seconds, message.len());
    let body = Body::for_endpoint(endpoint, message)?;
    let mut attempt = 1;
    loop {
        let outcome = match attempt_once(endpoint, &body, timeout, &on_progress).await? {
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
            Outcome::Failed(failure) => return Err(SendError::Failed(failure)),
            Outcome::Retry { after, reason } => {
                on_progress(Progress::Waiting {
                    reason,
                    seconds: after.as_secs(),
                });
                sleep(after).await;
                attempt += 1;
            }
        }
    }
}

/// The request body in the policy's format, built once for all attempts.
enum Body {
    Text {
        text: String,
        content_type: &'static str,
    },
    Bytes(Uint8Array),
    Form(web_sys::FormData),
}

impl Body {
    fn for_endpoint(endpoint: &Endpoint, message: &Message) -> Result<Self, SendError> {
        let form_error = |_| SendError::CannotBuildForm;
        Ok(match (endpoint.format, message) {
            (BodyFormat::Json, message) => {
                let armored = match message {
                    Message::Armored(text) => text.clone(),
                    Message::Binary(bytes) => armor_message(&bytes.to_vec()),
                };
                Body::Text {
                    text: serde_json::json!({ &endpoint.field: armored }).to_string(),
                    content_type: "application/json",
                }
            }
            (BodyFormat::Raw, Message::Armored(text)) => Body::Text {
                text: text.clone(),
                content_type: "application/pgp-encrypted",
            },
            (BodyFormat::Raw, Message::Binary(bytes)) => Body::Bytes(bytes.clone()),
            (BodyFormat::Multipart, message) => {
                let form = web_sys::FormData::new().map_err(form_error)?;
                match message {
                    Message::Armored(text) => form.append_with_str(&endpoint.field, text),
                    Message::Binary(bytes) => {
                        let blob = crate::browser::blob(bytes, "application/octet-stream")
                            .map_err(SendError::CannotPrepare)?;
                        form.append_with_blob_and_filename(&endpoint.field, &blob, "report.pgp")
                    }
                }
                .map_err(form_error)?;
                Body::Form(form)
            }
        })
    }
}

struct Answer {
    status: u16,
    body: String,
    location: Option<String>,
    retry_after: Option<String>,
}

/// How an XHR ended.
enum Ended {
    Loaded,
    NetworkError,
    TimedOut,
}

/// One POST. The outer error is for a request the browser cannot even make.
async fn attempt_once(
    endpoint: &Endpoint,
    body: &Body,
    timeout: Duration,
    on_progress: &impl Fn(Progress),
) -> Result<Result<Answer, NoAnswer>, SendError> {
    if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
        return Ok(Err(NoAnswer::Offline));
    }
    let fail = |err: JsValue| SendError::CannotPrepare(crate::browser::describe(&err));
    let xhr = XmlHttpRequest::new().map_err(fail)?;
    xhr.open_with_async("POST", &endpoint.url, true)
        .map_err(fail)?;
    for (name, value) in &endpoint.headers {
        xhr.set_request_header(name, value).map_err(fail)?;
    }
    xhr.set_timeout(u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX));

    // Each handler sends at most once; whichever fires first ends the attempt.
    let (done, ended) = oneshot::channel::<Ended>();
    let done = Rc::new(RefCell::new(Some(done)));
    let on = |how: fn() -> Ended| {
        let done = Rc::clone(&done);
        Closure::<dyn FnMut()>::new(move || {
            if let Some(done) = done.borrow_mut().take() {
                let _ = done.send(how());
            }
        })
    };
    let (on_load, on_error, on_timeout) = (
        on(|| Ended::Loaded),
        on(|| Ended::NetworkError),
        on(|| Ended::TimedOut),
    );
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_error.as_ref().unchecked_ref()));
    xhr.set_ontimeout(Some(on_timeout.as_ref().unchecked_ref()));
    // Events cannot reach `on_progress` directly (it is not 'static): they go through a cell
    // read while the attempt is awaited.
    let uploaded = Rc::new(RefCell::new(None::<(f64, f64)>));
    let on_upload = {
        let uploaded = Rc::clone(&uploaded);
        Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
            *uploaded.borrow_mut() = Some((event.loaded(), event.total()));
        })
    };
    xhr.upload()
        .map_err(fail)?
        .set_onprogress(Some(on_upload.as_ref().unchecked_ref()));

    match body {
        Body::Text { text, content_type } => {
            xhr.set_request_header("Content-Type", content_type)
                .map_err(fail)?;
            xhr.send_with_opt_str(Some(text))
        }
        Body::Bytes(bytes) => {
            xhr.set_request_header("Content-Type", "application/octet-stream")
                .map_err(fail)?;
            xhr.send_with_opt_buffer_source(Some(bytes))
        }
        Body::Form(form) => xhr.send_with_opt_form_data(Some(form)),
    }
    .map_err(fail)?;

    let ended = report_progress_until(ended, &uploaded, on_progress).await;
    match ended {
        Ended::Loaded => {}
        Ended::TimedOut => return Ok(Err(NoAnswer::TimedOut(timeout))),
        Ended::NetworkError => return Ok(Err(why_unanswered(&endpoint.url).await)),
    }
    let header = |name| xhr.get_response_header(name).ok().flatten();
    Ok(Ok(Answer {
        status: xhr.status().unwrap_or(0),
        body: xhr.response_text().ok().flatten().unwrap_or_default(),
        location: header("Location"),
        retry_after: header("Retry-After"),
    }))
}

/// Waits for the attempt to end, passing on upload progress every 200 ms.
async fn report_progress_until(
    mut ended: oneshot::Receiver<Ended>,
    uploaded: &RefCell<Option<(f64, f64)>>,
    on_progress: &impl Fn(Progress),
) -> Ended {
    use futures::future::Either;
    loop {
        let tick = Box::pin(sleep(Duration::from_millis(200)));
        match futures::future::select(&mut ended, tick).await {
            Either::Left((ended, _)) => return ended.unwrap_or(Ended::NetworkError),
            Either::Right(((), _)) => {
                if let Some((sent, total)) = uploaded.borrow_mut().take() {
                    on_progress(Progress::Uploading { sent, total });
                }
            }
        }
    }
}

/// Tells a server that is down from one that refuses this page by CORS (see [`super::probe`]).
async fn why_unanswered(url: &str) -> NoAnswer {
    if super::probe::server_answers(url).await {
        NoAnswer::CorsRefused {
            page_origin: super::probe::page_origin(),
        }
    } else {
        NoAnswer::Unreachable
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
