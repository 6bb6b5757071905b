//! Sending the sealed report to a project's HTTPS endpoint. Only ciphertext is ever sent, and
//! only to the endpoint the policy names.

use std::collections::BTreeMap;

use sealpost_core::policy::BodyFormat;

/// POSTs `armored` to `url` in the policy's body format; returns the server's answer text
/// (a receipt, if it sends one).
pub async fn post_report(
    url: &str,
    format: BodyFormat,
    field: &str,
    headers: &BTreeMap<String, String>,
    armored: &str,
) -> Result<String, String> {
    let mut request = gloo_net::http::Request::post(url);
    for (name, value) in headers {
        request = request.header(name, value);
    }
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
            let form = web_sys::FormData::new()
                .map_err(|_| "the browser cannot build a form".to_owned())?;
            form.append_with_str(field, armored)
                .map_err(|_| "the browser cannot build a form".to_owned())?;
            request.body(form)
        }
    }
    .map_err(|err| format!("could not prepare the request: {err}"))?;
    let response = request.send().await.map_err(|err| {
        format!(
            "the endpoint could not be reached ({err}). You may be offline, or the server may \
             not allow this page to send to it. Your encrypted report is still here."
        )
    })?;
    let answer = response.text().await.unwrap_or_default();
    if response.ok() {
        Ok(answer)
    } else {
        Err(format!(
            "the endpoint answered {} {}. Your encrypted report is still here: try again or use \
             another way below.",
            response.status(),
            response.status_text()
        ))
    }
}
