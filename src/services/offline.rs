//! "Download this page for offline use": the page fetches its own built assets (same origin,
//! each with the integrity the build recorded in its manifest), gzips the wasm with the
//! browser's `CompressionStream` (no compressor linked into the page) and assembles the single
//! file with sealpost-bundle, exactly as `cargo xtask bundle` does, with the policy and keys
//! this page loaded.

use js_sys::Uint8Array;
use sealpost_bundle::{Asset, Manifest, Packed, SingleFile, MANIFEST_FILE};
use sealpost_core::i18n::Texts;
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::JsFuture;

use crate::{browser::describe, services::load_policy};

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` (web-sys has it only behind its unstable-APIs flag).
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Compressor) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Compressor) -> web_sys::WritableStream;
}

/// Whether this page can make its offline copy: a hardened build served over http(s) (the
/// single file itself, opened from disk, has nothing to fetch its assets from).
pub fn available() -> bool {
    asset_base().is_some()
}

/// Why the offline copy could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfflineError {
    /// This build names no assets to fetch (a development build, or the single file itself).
    NotBuilt,
    /// The policy is still loading.
    NotLoaded,
    /// An asset could not be fetched or read, or the file not assembled: the browser's or the
    /// bundler's words (English, with the URL), for someone who can fix the build.
    Assets(String),
}

impl From<String> for OfflineError {
    fn from(detail: String) -> Self {
        OfflineError::Assets(detail)
    }
}

impl OfflineError {
    pub fn message(&self, texts: &Texts) -> String {
        (texts.send.offline_failed)(self.reason(texts))
    }

    /// Why, without the sentence around it (the builder words its own).
    pub fn reason<'a>(&'a self, texts: &'a Texts) -> &'a str {
        let t = texts.send;
        match self {
            OfflineError::NotBuilt => t.offline_not_built,
            OfflineError::NotLoaded => t.offline_not_loaded,
            OfflineError::Assets(detail) => detail,
        }
    }
}

/// The offline page: its file name and its HTML.
pub async fn offline_page() -> Result<(String, String), OfflineError> {
    let (policy_json, keys) = load_policy::loaded_source().ok_or(OfflineError::NotLoaded)?;
    single_file(&policy_json, &keys).await
}

/// This build as one file with `policy_json` in it (the page builder's edited policy, say);
/// `keys` gives the text of each `key_url` key as `(key_url, text)`.
pub async fn single_file(
    policy_json: &str,
    keys: &[(String, String)],
) -> Result<(String, String), OfflineError> {
    let base = asset_base().ok_or(OfflineError::NotBuilt)?;
    let manifest_text = text(&fetch(&format!("{base}{MANIFEST_FILE}"), None).await?).await?;
    let manifest: Manifest = serde_json::from_str(&manifest_text)
        .map_err(|err| format!("{MANIFEST_FILE} is unreadable: {err}"))?;
    let mut sheets = Vec::new();
    for sheet in &manifest.css {
        sheets.push(text(&fetch_asset(&base, sheet).await?).await?);
    }
    let css = sheets.join("\n");
    let favicon = bytes(&fetch_asset(&base, &manifest.favicon).await?)
        .await?
        .to_vec();
    let app_js = text(&fetch_asset(&base, &manifest.app_js).await?).await?;
    let worker_js = text(&fetch_asset(&base, &manifest.worker_js).await?).await?;
    let app_wasm = gzip(&fetch_asset(&base, &manifest.app_wasm).await?).await?;
    let worker_wasm = gzip(&fetch_asset(&base, &manifest.worker_wasm).await?).await?;
    let policy = sealpost_bundle::inline_keys(policy_json, |url| {
        keys.iter()
            .find(|(key_url, _)| key_url == url)
            .map(|(_, key)| key.clone())
    })
    .map_err(|err| err.to_string())?;
    let project = sealpost_core::Policy::from_json(&policy)
        .map(|p| p.project.name)
        .unwrap_or_default();
    let connect_src = sealpost_bundle::connect_sources(&policy);
    let html = sealpost_bundle::render(&SingleFile {
        project: &project,
        css: &css,
        favicon_svg: &favicon,
        app_js: &app_js,
        app_wasm,
        worker_js: &worker_js,
        worker_wasm,
        policy_json: &policy,
        connect_src: &connect_src,
        boot_script_sha256: &manifest.boot_script_sha256,
        style_sha256: &manifest.style_sha256,
    })
    .map_err(|err| err.to_string())?;
    Ok((file_name(&project), html))
}

/// `sealpost-<project>.html`, with only letters, digits and hyphens from the project's name.
fn file_name(project: &str) -> String {
    let slug: String = project
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "sealpost.html".into()
    } else {
        format!("sealpost-{slug}.html")
    }
}

/// Where the build's assets are: the directory of the worker's glue, which a hardened build
/// names in `<link id="sealpost-worker-js">`.
fn asset_base() -> Option<String> {
    let link = web_sys::window()?
        .document()?
        .get_element_by_id("sealpost-worker-js")?;
    if !link.tag_name().eq_ignore_ascii_case("link") {
        return None;
    }
    let href = link.get_attribute("href")?;
    Some(href[..href.rfind('/').map_or(0, |i| i + 1)].to_owned())
}

async fn fetch_asset(base: &str, asset: &Asset) -> Result<web_sys::Response, String> {
    fetch(&format!("{base}{}", asset.file), Some(&asset.integrity)).await
}

async fn fetch(url: &str, integrity: Option<&str>) -> Result<web_sys::Response, String> {
    let init = web_sys::RequestInit::new();
    if let Some(integrity) = integrity {
        init.set_integrity(integrity);
    }
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|err| format!("could not fetch {url}: {}", describe(&err)))?
        .unchecked_into();
    if response.ok() {
        Ok(response)
    } else {
        Err(format!(
            "fetching {url}: the server answered {}",
            response.status()
        ))
    }
}

async fn text(response: &web_sys::Response) -> Result<String, String> {
    let promise = response.text().map_err(|e| describe(&e))?;
    let value = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    Ok(value.as_string().unwrap_or_default())
}

async fn bytes(response: &web_sys::Response) -> Result<Uint8Array, String> {
    let promise = response.array_buffer().map_err(|e| describe(&e))?;
    let buffer = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    Ok(Uint8Array::new(&buffer))
}

/// The response's body gzipped by the browser, as base64.
async fn gzip(response: &web_sys::Response) -> Result<Packed, String> {
    let body = response.body().ok_or("an asset came without a body")?;
    let compressor = Compressor::new("gzip").map_err(|e| describe(&e))?;
    let pair = web_sys::ReadableWritablePair::new(&compressor.readable(), &compressor.writable());
    let compressed = body.pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed))
        .map_err(|e| describe(&e))?;
    let packed = bytes(&response).await?.to_vec();
    Ok(Packed {
        base64: sealpost_bundle::base64(&packed),
        gzip: true,
    })
}
