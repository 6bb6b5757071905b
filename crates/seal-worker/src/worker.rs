use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8Array};
use sealpost_core::protocol::{
    AcceptRequest, DraftOpenRequest, DraftSealRequest, KeyCheckRequest, ReplyKeyRequest, SealJob,
    SealRequest, SealResponse, SealedInfo, Sealer,
};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

thread_local! {
    static SEALER: RefCell<Sealer> = RefCell::new(Sealer::default());
}

/// Answers the requests only the full worker takes (the reply key, drafts); `false` for any
/// other kind.
pub type KeepRequests = fn(id: &JsValue, kind: &str, json: &str) -> bool;

/// Answers the page's messages, then tells it the worker is ready. The seal-only worker passes
/// `None`: it never names [`keep`], so its wasm links none of that code (key generation, Argon2,
/// message decryption and decompression: a fifth of the full worker's wasm).
pub fn start(keep_requests: Option<KeepRequests>) {
    install_url_parser();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = get(&data, "id");
        let kind = get(&data, "type").as_string().unwrap_or_default();
        let json = get(&data, "json").as_string().unwrap_or_default();
        match kind.as_str() {
            "accept" => accept(&id, &json),
            "seal" => seal(&id, &json, &get(&data, "files")),
            "encrypt" => encrypt(&id, &json, &get(&data, "files")),
            "check-key" => answer(&id, "key-checked", &json, |request: KeyCheckRequest| {
                to_json(&Sealer::check_key(&request))
            }),
            other if keep_requests.is_some_and(|keep| keep(&id, other, &json)) => {}
            other => post(
                &reply(&id, "failed", &format!("unknown request {other:?}")),
                None,
            ),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&reply(&JsValue::NULL, "ready", ""), None);
}

/// The full worker's own requests (a [`KeepRequests`]).
pub fn keep(id: &JsValue, kind: &str, json: &str) -> bool {
    match kind {
        "reply-key" => answer(id, "reply-key", json, |request: ReplyKeyRequest| {
            to_json(&Sealer::make_reply_key(&request, rand_core::OsRng))
        }),
        "seal-draft" => answer(id, "draft-sealed", json, |request: DraftSealRequest| {
            to_json(&Sealer::seal_draft(&request, rand_core::OsRng))
        }),
        "open-draft" => answer(id, "draft-opened", json, |request: DraftOpenRequest| {
            to_json(&Sealer::open_draft(&request))
        }),
        _ => return false,
    }
    true
}

/// Lets sealpost-core parse URLs with the browser's own WHATWG `URL` (the worker builds core
/// without its `url` feature: see `sealpost_core::web_url`). The page links the url crate for
/// the builder's key discovery, so only the worker needs this.
fn install_url_parser() {
    sealpost_core::web_url::set_parser(|text| {
        let url = web_sys::Url::new(text).map_err(|err| {
            let message = describe(err);
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

fn accept(id: &JsValue, json: &str) {
    let response = match serde_json::from_str::<AcceptRequest>(json) {
        Ok(request) => SEALER.with(|sealer| sealer.borrow_mut().accept(&request)),
        Err(err) => Err(vec![sealpost_core::PolicyError {
            path: ".".into(),
            reason: format!("the page sent a malformed request: {err}"),
        }]),
    };
    post(&reply(id, "accepted", &to_json(&response)), None);
}

fn seal(id: &JsValue, json: &str, files: &JsValue) {
    let request = match serde_json::from_str::<SealRequest>(json) {
        Ok(request) => request,
        Err(err) => return fail(id, format!("the page sent a malformed request: {err}")),
    };
    let contents = match read_files(files) {
        Ok(contents) => contents,
        Err(reason) => return fail(id, reason),
    };
    let on_progress = |done: u64, total: u64| {
        let message = reply(id, "progress", "");
        set(&message, "done", &JsValue::from_f64(done as f64));
        set(&message, "total", &JsValue::from_f64(total as f64));
        post(&message, None);
    };
    let job = SEALER.with(|sealer| {
        sealer
            .borrow()
            .stage_seal(&request, contents, rand_core::OsRng, on_progress)
    });
    match job {
        Ok(SealJob::Done(sealed)) => post_sealed(id, Ok(sealed)),
        // The bulk AES runs in WebCrypto, asynchronously; messages that arrive meanwhile are
        // answered in turn (the page seals one report at a time).
        Ok(SealJob::Staged(staged)) => {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                post_sealed(&id, crate::webcrypto::finish(staged).await);
            });
        }
        Err(reason) => fail(id, reason),
    }
}

fn post_sealed(id: &JsValue, sealed: Result<(Vec<u8>, SealedInfo), String>) {
    match sealed {
        Ok((message, info)) => {
            let response: SealResponse = Ok(info);
            let reply = reply(id, "sealed", &to_json(&response));
            let bytes = Uint8Array::from(message.as_slice());
            drop(message);
            set(&reply, "message", &bytes);
            // Transfer, not copy: the page gets the buffer without a second copy of it.
            post(&reply, Some(&Array::of1(&bytes.buffer())));
        }
        Err(reason) => fail(id, reason),
    }
}

/// Answers a request that is JSON in and JSON out (the reply key, drafts): `{id, type: kind,
/// json}`, or `failed` if the page's JSON does not parse.
fn answer<T: serde::de::DeserializeOwned>(
    id: &JsValue,
    kind: &str,
    json: &str,
    work: impl FnOnce(T) -> String,
) {
    match serde_json::from_str::<T>(json) {
        Ok(request) => post(&reply(id, kind, &work(request)), None),
        Err(err) => fail(id, format!("the page sent a malformed request: {err}")),
    }
}

/// Raw encryption, for benchmarks and tools: `json` is `{"keys": [armored public keys],
/// "armor": bool}` and `files` holds one `Blob` of plaintext. Each key is accepted as the app
/// accepts policy keys, then the plaintext is encrypted to all of them. Replies `{type:
/// "encrypted", json: {"ms_inside", "ms_keys", "ms_read", "cipher", "wasm_memory_bytes",
/// "js_working_bytes"}, message}` (the buffer transferred) or `failed`. `ms_inside` is the time
/// spent sealing alone, `ms_keys` accepting the keys, `ms_read` reading the Blob into wasm;
/// `wasm_memory_bytes` the worker's linear memory afterwards (its peak: it never shrinks);
/// `js_working_bytes` the most it held in JavaScript buffers at once before the reply.
fn encrypt(id: &JsValue, json: &str, files: &JsValue) {
    let request: serde_json::Value = match serde_json::from_str(json) {
        Ok(request) => request,
        Err(err) => return fail(id, format!("malformed encrypt request: {err}")),
    };
    let Some(armored_keys) = request.get("keys").and_then(serde_json::Value::as_array) else {
        return fail(id, "the encrypt request has no `keys` array".into());
    };
    let encoding = match request.get("armor").and_then(serde_json::Value::as_bool) {
        Some(false) => sealpost_core::Encoding::Binary,
        _ => sealpost_core::Encoding::Armored,
    };
    let now = sealpost_core::protocol::system_time(js_sys::Date::now());
    let began = now_ms();
    let mut keys = Vec::with_capacity(armored_keys.len());
    for (index, key) in armored_keys.iter().enumerate() {
        let Some(text) = key.as_str() else {
            return fail(id, format!("keys[{index}] is not a string"));
        };
        match sealpost_core::RecipientKey::accept(text.as_bytes(), now) {
            Ok(key) => keys.push(key),
            Err(err) => return fail(id, format!("keys[{index}]: {err}")),
        }
    }
    let keys_accepted = now_ms();
    let plaintext = match read_files(files) {
        Ok(mut contents) if contents.len() == 1 => contents.remove(0),
        Ok(contents) => {
            return fail(
                id,
                format!("expected one plaintext Blob, got {}", contents.len()),
            )
        }
        Err(reason) => return fail(id, reason),
    };
    let id = id.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let started = now_ms();
        let sealed = seal_fast(plaintext, &keys, encoding).await;
        let times = Times {
            keys: keys_accepted - began,
            read: started - keys_accepted,
            inside: now_ms() - started,
        };
        post_encrypted(&id, sealed, times);
    });
}

/// Raw sealing as the app seals: staged with WebCrypto's AES where the keys take SEIPD v1
/// with AES, else rPGP alone.
async fn seal_fast(
    plaintext: Vec<u8>,
    keys: &[sealpost_core::RecipientKey],
    encoding: sealpost_core::Encoding,
) -> Result<(Vec<u8>, String), String> {
    if sealpost_core::seal::staged_cipher(keys).is_none() {
        return sealpost_core::seal(&plaintext, keys, encoding, rand_core::OsRng)
            .map(|(message, cipher)| (message, format!("{cipher}, rPGP's AES")))
            .map_err(|err| err.to_string());
    }
    let mut stage = sealpost_core::seal::stage(plaintext, keys, encoding, rand_core::OsRng)
        .map_err(|err| err.to_string())?
        .ok_or("no AES cipher to stage")?;
    let cipher = stage.cipher();
    // Which AES ran is part of the answer, so the benchmark shows a silent fallback.
    let (message, engine) = match crate::webcrypto::encrypt(&mut stage).await {
        Ok(()) => (stage.into_message(), "WebCrypto's AES"),
        Err(_) => (stage.finish_in_software(), "rPGP's AES (no WebCrypto)"),
    };
    message
        .map(|message| (message, format!("{cipher}, {engine}")))
        .map_err(|err| err.to_string())
}

/// Where an encrypt request's time went, in milliseconds: accepting its keys, reading its Blob
/// into wasm, and sealing (the benchmark's "inside").
struct Times {
    keys: f64,
    read: f64,
    inside: f64,
}

fn post_encrypted(id: &JsValue, sealed: Result<(Vec<u8>, String), String>, times: Times) {
    match sealed {
        Ok((message, cipher)) => {
            // Linear memory never shrinks: its size now is the most this request needed.
            let info = serde_json::json!({
                "ms_inside": times.inside,
                "ms_keys": times.keys,
                "ms_read": times.read,
                "cipher": cipher,
                "wasm_memory_bytes": wasm_memory_bytes(),
                // The most this worker holds on the JavaScript side at once before the reply:
                // one chunk read from the file, or one WebCrypto call's copy of its input and
                // its output.
                "js_working_bytes": READ_CHUNK.max(2.0 * crate::webcrypto::CHUNK as f64 + 16.0),
            });
            let reply = reply(id, "encrypted", &info.to_string());
            let bytes = Uint8Array::from(message.as_slice());
            drop(message);
            set(&reply, "message", &bytes);
            post(&reply, Some(&Array::of1(&bytes.buffer())));
        }
        Err(reason) => fail(id, reason),
    }
}

/// The size of this worker's wasm linear memory, in bytes.
fn wasm_memory_bytes() -> f64 {
    get(&get(&wasm_bindgen::memory(), "buffer"), "byteLength")
        .as_f64()
        .unwrap_or(0.0)
}

/// A high-resolution clock in milliseconds: the global `performance.now()` where there is one,
/// else `Date.now()`.
fn now_ms() -> f64 {
    let performance = get(&js_sys::global(), "performance");
    get(&performance, "now")
        .dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|now| now.call0(&performance).ok())
        .and_then(|value| value.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

/// How much of a file is read at once: the only JavaScript-side copy of its bytes. Each read of
/// a slice costs about as much as reading the whole Blob (Chromium: 16 MiB whole in ~17 ms, as
/// four 4 MiB slices in ~35 ms), so the slices are as large as the memory budget allows: a
/// 100 MB attachment is then held in wasm once, its sealed copy once, and 16 MiB beside them.
pub const READ_CHUNK: f64 = (16 << 20) as f64;

/// Reads each attached `Blob` straight into wasm memory, a chunk at a time, so no whole copy of
/// it exists on the JavaScript side; each buffer has room for the packets sealing puts around
/// it ([`sealpost_core::seal::HEADROOM`]). Synchronous reads are allowed (and simplest) in a
/// worker.
fn read_files(files: &JsValue) -> Result<Vec<Vec<u8>>, String> {
    if files.is_undefined() || files.is_null() {
        return Ok(Vec::new());
    }
    let reader = FileReaderSync::new().map_err(describe)?;
    Array::from(files)
        .iter()
        .map(|file| {
            let blob: Blob = file
                .dyn_into()
                .map_err(|_| "an attachment is not a file".to_owned())?;
            read_blob(&reader, &blob)
        })
        .collect()
}

fn read_blob(reader: &FileReaderSync, blob: &Blob) -> Result<Vec<u8>, String> {
    let size = blob.size();
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(size as usize + sealpost_core::seal::HEADROOM)
        .map_err(|_| format!("there is not enough memory to read a file of {size} bytes"))?;
    let mut at = 0.0;
    while at < size {
        let end = (at + READ_CHUNK).min(size);
        let part = blob.slice_with_f64_and_f64(at, end).map_err(describe)?;
        let buffer = reader
            .read_as_array_buffer(&part)
            .map_err(|err| format!("could not read an attachment: {}", describe(err)))?;
        let view = Uint8Array::new(&buffer);
        if view.length() == 0 {
            return Err(
                "an attachment changed or vanished while it was read; attach it again".into(),
            );
        }
        let start = bytes.len();
        bytes.resize(start + view.length() as usize, 0);
        view.copy_to(&mut bytes[start..]);
        at += f64::from(view.length());
    }
    Ok(bytes)
}

fn fail(id: &JsValue, reason: String) {
    let response: SealResponse = Err(reason);
    post(&reply(id, "failed", &to_json(&response)), None);
}

fn reply(id: &JsValue, kind: &str, json: &str) -> Object {
    let message = Object::new();
    set(&message, "id", id);
    set(&message, "type", &JsValue::from_str(kind));
    set(&message, "json", &JsValue::from_str(json));
    message
}

fn post(message: &Object, transfer: Option<&Array>) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let result = match transfer {
        Some(transfer) => scope.post_message_with_transfer(message, transfer),
        None => scope.post_message(message),
    };
    if let Err(err) = result {
        web_sys::console::error_1(&err);
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|err| format!("\"{err}\""))
}

pub fn describe(err: JsValue) -> String {
    err.as_string()
        .or_else(|| {
            err.dyn_ref::<js_sys::Error>()
                .map(|err| String::from(err.message()))
        })
        .unwrap_or_else(|| "unknown error".into())
}
