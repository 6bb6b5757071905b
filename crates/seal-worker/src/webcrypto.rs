//! The bulk AES of a staged seal (`sealpost_core::seal::stage`) in the browser's WebCrypto,
//! which runs natively (AES instructions) where rPGP's wasm AES is software: CFB comes from one
//! AES-CBC encryption (see the stage's documentation for why that is the same).
//!
//! WebCrypto gets the message a chunk at a time ([`CfbStage::next_cbc`]): each call copies its
//! input and makes its output, so whole-message calls would hold the message three times
//! over. Where WebCrypto is missing (an insecure context) or fails, even part way, the caller
//! finishes in software instead, from where WebCrypto stopped.

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use sealpost_core::{protocol::SealedInfo, seal::CfbStage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto, WorkerGlobalScope};

use crate::worker::describe;

/// How much plaintext goes to WebCrypto per call: its copy of the input and its output are the
/// only other copies of the message that exist, a chunk each.
pub const CHUNK: usize = 4 << 20;

/// Up to this size the MDC's SHA-1 runs in WebCrypto too (native, several times rPGP's wasm
/// SHA-1). Its digest takes the whole input at once and copies it: above this, the software
/// hash keeps a large attachment held once.
pub const MDC_IN_WEBCRYPTO_MAX: usize = 32 << 20;

/// Encrypts `stage`'s plaintext in place with WebCrypto's AES (and its SHA-1 for the MDC, up to
/// [`MDC_IN_WEBCRYPTO_MAX`]).
pub async fn encrypt(stage: &mut CfbStage) -> Result<(), String> {
    let subtle = subtle().ok_or("this context has no WebCrypto (crypto.subtle)")?;
    // The MDC's SHA-1 and the key's import are both under way before either is awaited.
    let sha1 = stage
        .mdc_input()
        .filter(|input| input.len() <= MDC_IN_WEBCRYPTO_MAX)
        .and_then(|input| subtle.digest_with_str_and_u8_array("SHA-1", input).ok());
    let key = start_import_key(&subtle, stage.session_key())?;
    if let Some(sha1) = sha1 {
        // If this fails, `begin_cbc` hashes in software: the message is the same either way.
        if let Ok(digest) = JsFuture::from(sha1).await {
            stage
                .set_mdc(&Uint8Array::new(&digest).to_vec())
                .map_err(|err| err.to_string())?;
        }
    }
    let key: CryptoKey = JsFuture::from(key)
        .await
        .map_err(|err| format!("WebCrypto refused the AES key: {}", describe(err)))?
        .unchecked_into();
    let first_block = stage.first_cbc_block().map_err(|err| err.to_string())?;
    stage
        .begin_cbc(first_block)
        .map_err(|err| err.to_string())?;
    let mut output = Vec::new();
    while let Some(step) = stage.next_cbc(CHUNK) {
        // WebCrypto copies its input before it returns, so the stage may change it after.
        let encrypted = cbc(&subtle, &key, &step.iv, stage.cbc_input(&step)).await?;
        let encrypted = Uint8Array::new(&encrypted);
        output.resize(encrypted.length() as usize, 0);
        encrypted.copy_to(&mut output);
        stage
            .take_cbc(&step, &output)
            .map_err(|err| err.to_string())?;
    }
    Ok(())
}

/// Finishes a staged report: WebCrypto if it works, else rPGP's software AES.
pub async fn finish(
    mut staged: sealpost_core::protocol::StagedSeal,
) -> Result<(Vec<u8>, SealedInfo), String> {
    match encrypt(&mut staged.stage).await {
        // Every byte is encrypted now: nothing more to XOR.
        Ok(()) => staged.finish_encrypted(),
        // rPGP's AES from where WebCrypto stopped (the bytes it encrypted stay).
        Err(reason) => {
            web_sys::console::warn_1(&format!("sealing in software: {reason}").into());
            staged.finish_in_software()
        }
    }
}

fn subtle() -> Option<SubtleCrypto> {
    let scope: WorkerGlobalScope = js_sys::global().dyn_into().ok()?;
    Some(scope.crypto().ok()?.subtle())
}

/// Starts importing the AES key; the promise gives the `CryptoKey`.
fn start_import_key(subtle: &SubtleCrypto, key: &[u8]) -> Result<js_sys::Promise, String> {
    let usages = Array::of1(&"encrypt".into());
    subtle
        .import_key_with_str("raw", &Uint8Array::from(key), "AES-CBC", false, &usages)
        .map_err(describe)
}

/// AES-CBC of `data` under `iv` (WebCrypto adds a PKCS#7 block, which CFB ignores).
async fn cbc(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
    iv: &[u8; 16],
    data: &[u8],
) -> Result<ArrayBuffer, String> {
    let params = Object::new();
    let _ = Reflect::set(&params, &"name".into(), &"AES-CBC".into());
    let _ = Reflect::set(&params, &"iv".into(), &Uint8Array::from(&iv[..]));
    let promise = subtle
        .encrypt_with_object_and_u8_array(&params, key, data)
        .map_err(describe)?;
    let result: JsValue = JsFuture::from(promise)
        .await
        .map_err(|err| format!("WebCrypto's AES-CBC failed: {}", describe(err)))?;
    Ok(result.unchecked_into())
}
