//! Browser services, kept out of the components so they read as plain UI.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use wasm_bindgen::{JsCast, JsValue};

/// The wall clock. `SystemTime::now()` panics on wasm32-unknown-unknown; the browser knows.
pub fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(js_sys::Date::now() as u64)
}

/// Puts `text` on the clipboard. Fails where the page is not allowed to (insecure origin,
/// denied permission); the caller says so and the text stays on the page to select by hand.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|err| describe(&err))
}

/// Offers `text` as a file download named `file_name`, without any network request.
pub fn download_text(file_name: &str, mime_type: &str, text: &str) -> Result<(), String> {
    download_parts(
        file_name,
        mime_type,
        &js_sys::Array::of1(&JsValue::from_str(text)),
    )
}

/// Offers `bytes` (a JavaScript array, possibly huge) as a file download named `file_name`.
pub fn download_bytes(
    file_name: &str,
    mime_type: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<(), String> {
    download_parts(file_name, mime_type, &js_sys::Array::of1(bytes))
}

/// `bytes` as a Blob of type `mime_type` (for uploads and downloads; no copy into wasm).
pub fn blob(bytes: &js_sys::Uint8Array, mime_type: &str) -> Result<web_sys::Blob, String> {
    blob_of(&js_sys::Array::of1(bytes), mime_type)
}

fn blob_of(parts: &js_sys::Array, mime_type: &str) -> Result<web_sys::Blob, String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    web_sys::Blob::new_with_blob_sequence_and_options(parts, &options).map_err(|err| describe(&err))
}

/// `parts` (strings or byte arrays) as one Blob, downloaded through a temporary object URL.
fn download_parts(file_name: &str, mime_type: &str, parts: &js_sys::Array) -> Result<(), String> {
    let blob = blob_of(parts, mime_type)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|err| describe(&err))?;
    let result = click_download_link(&url, file_name);
    // The click has started the download; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

fn click_download_link(url: &str, file_name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|err| describe(&err))?
        .unchecked_into();
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// A JavaScript error as a short message for people.
pub fn describe(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

/// The value of `name` in the page's query string, if present and not empty.
pub fn query_parameter(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|value| !value.is_empty())
}

/// Lets sealpost-core parse URLs with the browser's own WHATWG `URL`: the report page builds
/// core without its `url` feature (see `sealpost_core::web_url`), which keeps the url crate and
/// its IDNA tables out of the first-paint wasm. (The builder's wasm has the feature, and there
/// this changes nothing.) Idempotent.
pub fn install_url_parser() {
    sealpost_core::web_url::set_parser(|text| {
        let url = web_sys::Url::new(text).map_err(|err| {
            let message = describe(&err);
            // Chromium: "Failed to construct 'URL': Invalid URL".
            message
                .rsplit(": ")
                .next()
                .unwrap_or(&message)
                .to_lowercase()
        })?;
        let host = url.hostname();
        Ok(sealpost_core::web_url::WebUrl {
            scheme: url.protocol().trim_end_matches(':').to_owned(),
            host: (!host.is_empty()).then_some(host),
        })
    });
}

/// The Performance API mark set when the form's first step is usable (drawn, its handlers
/// attached): the benchmark's "navigation to a usable first step".
pub const FIRST_STEP_MARK: &str = "sealpost:first-step";

/// The Performance API mark set when the page's wasm starts running: the benchmark splits the
/// first step's time at it (loading and compiling, then reading the policy and drawing).
pub const WASM_STARTED_MARK: &str = "sealpost:wasm-started";

thread_local! {
    /// Resolved once the first step has been painted ([`first_step_drawn`]).
    static FIRST_STEP: (js_sys::Promise, js_sys::Function) = {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
        (promise, resolve.expect("a promise's executor runs at once"))
    };
}

/// Marks the first step as drawn ([`FIRST_STEP_MARK`]) and, once the browser has painted it,
/// lets [`first_step_painted`] go on.
pub fn first_step_drawn() {
    mark(FIRST_STEP_MARK);
    let Some(window) = web_sys::window() else {
        return;
    };
    let resolve = FIRST_STEP.with(|(_, resolve)| resolve.clone());
    // A frame callback runs just before the paint; a task it queues runs after it.
    let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(after_paint.unchecked_ref());
}

/// Waits until the form's first step has been painted, or `at_most_ms`, whichever is first (a
/// policy that fails to load draws no step; a hidden tab paints no frames).
pub async fn first_step_painted(at_most_ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let painted = FIRST_STEP.with(|(promise, _)| promise.clone());
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, at_most_ms);
    });
    let either = js_sys::Promise::race(&js_sys::Array::of2(&painted, &timeout));
    let _ = wasm_bindgen_futures::JsFuture::from(either).await;
}

/// Sets a Performance API mark (`performance.mark(name)`), where there is a `performance`.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Whether the page's query string names `name` at all (`?builder` has no value).
pub fn has_query_parameter(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .is_some_and(|params| params.has(name))
}
