//! Where the sealing workers' code comes from, and starting one with its integrity checked.
//!
//! - A hardened release build (`cargo xtask build`) names each worker's glue and wasm in
//!   `<link id="sealpost-worker-js|-wasm" href integrity>` (the full worker) and
//!   `<link id="sealpost-seal-only-worker-js|-wasm">` (the seal-only one): both files are fetched
//!   with that integrity (a tampered file fails the fetch), and the worker runs from a Blob URL
//!   made of the checked glue, receiving the checked wasm by message. (`new Worker(url)` and
//!   `importScripts` take no integrity, so loading the files by URL could not be checked.)
//! - The single file (`sealpost.html`) carries the full worker's in `<script id=…>` data blocks:
//!   the same Blob URL worker, given the base64 wasm; nothing is fetched, so it works from
//!   `file://`.
//! - A development build (`trunk serve`) has neither: the full worker loads by URL
//!   ([`WORKER_LOADER`](super::crypto::WORKER_LOADER)).

use js_sys::{Array, ArrayBuffer, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Worker, WorkerOptions};

use crate::browser::describe;

/// The two builds of the sealing worker (`crates/seal-worker`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WorkerBuild {
    /// Accepts keys and seals reports: what a served page starts in the background.
    SealOnly,
    /// Every request, drafts and the reply key included.
    Full,
}

impl WorkerBuild {
    /// The ids of the elements naming its glue and wasm (sealpost-bundle's `ids` agree).
    fn ids(self) -> (&'static str, &'static str) {
        match self {
            Self::SealOnly => (
                "sealpost-seal-only-worker-js",
                "sealpost-seal-only-worker-wasm",
            ),
            Self::Full => ("sealpost-worker-js", "sealpost-worker-wasm"),
        }
    }

    /// The worker's name, as the browser's developer tools show it.
    pub fn name(self) -> &'static str {
        match self {
            Self::SealOnly => "sealpost-seal-worker",
            Self::Full => "sealpost-full-worker",
        }
    }
}

/// Whether this page names `build`'s files.
pub fn names(build: WorkerBuild) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(build.ids().0))
        .is_some()
}

/// Appended to the worker's glue: wait for the wasm (bytes, or base64 text, gzipped or not),
/// then start it; the wasm's `main` then answers the page's messages. A failure is rethrown
/// outside the promise so the page's `onerror` hears it.
const BOOTSTRAP: &str = r#"
self.onmessage = (event) => {
  self.onmessage = null;
  const { wasm, encoding } = event.data;
  (async () => {
    let bytes = wasm;
    if (typeof wasm === "string") {
      const text = atob(wasm);
      bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    }
    if (encoding === "gzip") {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = await new Response(stream).arrayBuffer();
    }
    await wasm_bindgen({ module_or_path: bytes });
  })().catch((error) => setTimeout(() => { throw error; }));
};
"#;

/// Starts `build` from wherever this page has it; a page that names no worker files at all
/// (a development build) loads the full worker by URL.
pub async fn start_worker(build: WorkerBuild, options: &WorkerOptions) -> Result<Worker, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let (js_id, wasm_id) = build.ids();
    let (Some(js), Some(wasm)) = (
        document.get_element_by_id(js_id),
        document.get_element_by_id(wasm_id),
    ) else {
        return Worker::new_with_options(super::crypto::WORKER_LOADER, options)
            .map_err(|err| describe(&err));
    };
    let message = Object::new();
    let transfer = Array::new();
    let glue = if js.tag_name().eq_ignore_ascii_case("link") {
        let glue = fetch_checked(&js).await?;
        let glue = JsFuture::from(glue.text().map_err(|e| describe(&e))?)
            .await
            .map_err(|e| describe(&e))?;
        let bytes: ArrayBuffer = JsFuture::from(
            fetch_checked(&wasm)
                .await?
                .array_buffer()
                .map_err(|e| describe(&e))?,
        )
        .await
        .map_err(|e| describe(&e))?
        .unchecked_into();
        set(&message, "wasm", &bytes);
        set(&message, "encoding", &"identity".into());
        transfer.push(&bytes);
        glue.as_string().unwrap_or_default()
    } else {
        set(
            &message,
            "wasm",
            &wasm.text_content().unwrap_or_default().into(),
        );
        let encoding = wasm.get_attribute("data-encoding").unwrap_or_default();
        set(&message, "encoding", &encoding.into());
        js.text_content().unwrap_or_default()
    };
    let source = Array::of2(&glue.into(), &BOOTSTRAP.into());
    let options_js = web_sys::BlobPropertyBag::new();
    options_js.set_type("text/javascript");
    let script = web_sys::Blob::new_with_str_sequence_and_options(&source, &options_js)
        .map_err(|e| describe(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&script).map_err(|e| describe(&e))?;
    // The object URL is not revoked: the worker fetches its script asynchronously, and
    // revoking the URL right after `new Worker` made that fetch fail now and then on a busy
    // machine (the seal then waited forever). It is a few hundred KB, once per page.
    let worker = Worker::new_with_options(&url, options).map_err(|e| describe(&e))?;
    // Queued until the worker's script has run and set its handler.
    worker
        .post_message_with_transfer(&message, &transfer)
        .map_err(|e| describe(&e))?;
    Ok(worker)
}

/// GETs a `<link>`'s `href` with its `integrity`: the browser refuses bytes that do not match.
async fn fetch_checked(link: &Element) -> Result<web_sys::Response, String> {
    let href = link.get_attribute("href").unwrap_or_default();
    let init = web_sys::RequestInit::new();
    init.set_integrity(&link.get_attribute("integrity").unwrap_or_default());
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&href, &init))
        .await
        .map_err(|err| {
            format!(
                "{href} could not be loaded or failed its integrity check: {}",
                describe(&err)
            )
        })?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{href}: the server answered {}", response.status()));
    }
    Ok(response)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
