//! Taking the message out of a request body in the three formats a sealpost policy names
//! (`channels[].body`), exactly as the browser app sends them (src/services/deliver.rs):
//!
//! - `json`: `{"<field>": "<armored message>"}` as `application/json`;
//! - `raw`: the message itself as `application/pgp-encrypted` (or `application/octet-stream`
//!   for a binary message sent by other tools);
//! - `multipart`: a `multipart/form-data` form whose part `<field>` holds the message.
//!
//! Other JSON keys and form parts are ignored and never stored.

use bytes::Bytes;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    Json,
    Raw,
    Multipart,
}

impl BodyFormat {
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Raw => "raw",
            Self::Multipart => "multipart",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error(
        "unsupported Content-Type {0:?}: send application/json, application/pgp-encrypted, \
         application/octet-stream or multipart/form-data"
    )]
    UnsupportedType(String),
    #[error("this inbox does not accept the {0} body format")]
    FormatNotAccepted(&'static str),
    #[error("the body is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("the JSON body must be an object with a {0:?} key holding the armored message")]
    MissingJsonField(String),
    #[error("the JSON {0:?} value must be a string holding the armored message")]
    JsonFieldNotString(String),
    #[error("the multipart form is damaged: {0}")]
    InvalidMultipart(String),
    #[error("the multipart form has no part named {0:?} holding the message")]
    MissingFormField(String),
    #[error("the multipart form has more than one part named {0:?}")]
    DuplicateFormField(String),
}

/// Decides the body format from the request's `Content-Type`, before the body is read.
pub fn format_of(content_type: Option<&str>) -> Result<BodyFormat, ExtractError> {
    let full = content_type.unwrap_or("");
    let essence = full
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/json" => Ok(BodyFormat::Json),
        "application/pgp-encrypted" | "application/octet-stream" => Ok(BodyFormat::Raw),
        "multipart/form-data" => Ok(BodyFormat::Multipart),
        _ => Err(ExtractError::UnsupportedType(full.to_owned())),
    }
}

/// The message carried by `body`, as the exact bytes the sender encoded.
pub async fn message(
    format: BodyFormat,
    content_type: Option<&str>,
    field: &str,
    body: Bytes,
) -> Result<Bytes, ExtractError> {
    match format {
        BodyFormat::Raw => Ok(body),
        BodyFormat::Json => from_json(field, &body),
        BodyFormat::Multipart => from_multipart(content_type.unwrap_or(""), field, body).await,
    }
}

fn from_json(field: &str, body: &[u8]) -> Result<Bytes, ExtractError> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|err| ExtractError::InvalidJson(err.to_string()))?;
    match value.get(field) {
        Some(serde_json::Value::String(text)) => Ok(Bytes::from(text.clone())),
        Some(_) => Err(ExtractError::JsonFieldNotString(field.to_owned())),
        None => Err(ExtractError::MissingJsonField(field.to_owned())),
    }
}

async fn from_multipart(
    content_type: &str,
    field: &str,
    body: Bytes,
) -> Result<Bytes, ExtractError> {
    let damaged = |err: multer::Error| ExtractError::InvalidMultipart(err.to_string());
    let boundary = multer::parse_boundary(content_type).map_err(damaged)?;
    let whole_body = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut form = multer::Multipart::new(whole_body, boundary);
    let mut found = None;
    while let Some(part) = form.next_field().await.map_err(damaged)? {
        if part.name() != Some(field) {
            continue;
        }
        if found.is_some() {
            return Err(ExtractError::DuplicateFormField(field.to_owned()));
        }
        found = Some(part.bytes().await.map_err(damaged)?);
    }
    found.ok_or_else(|| ExtractError::MissingFormField(field.to_owned()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn content_types_pick_the_format() {
        assert_eq!(
            format_of(Some("application/json; charset=utf-8")),
            Ok(BodyFormat::Json)
        );
        assert_eq!(
            format_of(Some("Application/PGP-Encrypted")),
            Ok(BodyFormat::Raw)
        );
        assert_eq!(
            format_of(Some("multipart/form-data; boundary=x")),
            Ok(BodyFormat::Multipart)
        );
        assert!(format_of(Some("text/plain")).is_err());
        assert!(format_of(None).is_err());
    }

    #[tokio::test]
    async fn json_gives_the_string_value_unchanged() {
        let body = Bytes::from_static(br#"{"report": "-----BEGIN PGP MESSAGE-----\n\u0041\n"}"#);
        let message = message(BodyFormat::Json, None, "report", body)
            .await
            .unwrap();
        assert_eq!(&message[..], b"-----BEGIN PGP MESSAGE-----\nA\n");
    }

    #[tokio::test]
    async fn json_errors_name_the_field() {
        let wrong_key = Bytes::from_static(br#"{"message": "x"}"#);
        let err = message(BodyFormat::Json, None, "report", wrong_key)
            .await
            .unwrap_err();
        assert_eq!(err, ExtractError::MissingJsonField("report".to_owned()));
        let number = Bytes::from_static(br#"{"report": 5}"#);
        let err = message(BodyFormat::Json, None, "report", number)
            .await
            .unwrap_err();
        assert_eq!(err, ExtractError::JsonFieldNotString("report".to_owned()));
    }

    #[tokio::test]
    async fn multipart_gives_the_named_part() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nignored\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\nthe message\r\n\
                    --XyZ--\r\n";
        let content_type = "multipart/form-data; boundary=XyZ";
        let message = message(
            BodyFormat::Multipart,
            Some(content_type),
            "report",
            Bytes::from(body),
        )
        .await
        .unwrap();
        assert_eq!(&message[..], b"the message");
    }
}
