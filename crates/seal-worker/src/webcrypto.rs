//! The bulk AES of a staged seal (`sealpost_core::seal::stage`) in the browser's WebCrypto,
//! which runs natively (AES instructions) where rPGP's wasm AES is software: CFB comes from one
//! AES-CBC encryption (see the stage's documentation for why that is the same).
//!
//! The CBC output is XORed into the message a chunk at a time, so it is never copied whole
//! into wasm memory. Where WebCrypto is missing (an insecure context) or fails, the caller
//! finishes in software instead.

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use sealpost_core::{protocol::SealedInfo, seal::CfbStage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto, WorkerGlobalScope};

use crate::worker::describe;

/// How much CBC output is XORed in per step (a buffer of this size is the only copy in wasm).
const CHUNK: u32 = 1 << 20;

/// Encrypts `stage`'s plaintext in place with WebCrypto's AES.
pub async fn encrypt(stage: &mut CfbStage) -> Result<(), String> {
    let subtle = subtle().ok_or("this context has no WebCrypto (crypto.subtle)")?;
    let key = import_key(&subtle, stage.session_key()).await?;
    let first = cbc(&subtle, &key, &[0; 16], &[0; 16]).await?;
    let first = Uint8Array::new(&first).subarray(0, 16).to_vec();
    let first_block: [u8; 16] = first
        .as_slice()
        .try_into()
        .map_err(|_| "WebCrypto's AES gave no block".to_string())?;
    let bulk = cbc(&subtle, &key, &first_block, stage.plaintext()).await?;
    let bulk = Uint8Array::new(&bulk);
    let needed = u32::try_from(stage.plaintext().len().saturating_sub(16))
        .map_err(|_| "the report is too large for WebCrypto".to_string())?;
    // Checked before any byte changes, so a failure can still fall back to software.
    if bulk.length() < needed {
        return Err(format!(
            "WebCrypto's AES-CBC gave {} bytes, short of {needed}",
            bulk.length()
        ));
    }
    stage.apply(&first, 0).map_err(|err| err.to_string())?;
    let mut buffer = vec![0u8; CHUNK.min(needed) as usize];
    let mut at = 0;
    while at < needed {
        let end = (at + CHUNK).min(needed);
        let chunk = &mut buffer[..(end - at) as usize];
        bulk.subarray(at, end).copy_to(chunk);
        stage
            .apply(chunk, 16 + at as usize)
            .map_err(|err| err.to_string())?;
        at = end;
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
        // Nothing was changed yet (or finishing in software refuses): rPGP's AES instead.
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

async fn import_key(subtle: &SubtleCrypto, key: &[u8]) -> Result<CryptoKey, String> {
    let usages = Array::of1(&"encrypt".into());
    let promise = subtle
        .import_key_with_str("raw", &Uint8Array::from(key), "AES-CBC", false, &usages)
        .map_err(describe)?;
    Ok(JsFuture::from(promise)
        .await
        .map_err(|err| format!("WebCrypto refused the AES key: {}", describe(err)))?
        .unchecked_into())
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
