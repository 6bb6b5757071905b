//! The HTTP surface: `POST <path>` takes a report, `GET /health` says the server is up.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    body::Body,
    extract::{ConnectInfo, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tokio::sync::Semaphore;
use tower_http::{
    cors::{AllowHeaders, AllowOrigin, CorsLayer},
    trace::TraceLayer,
};

use crate::{
    api_error::ApiError,
    ciphertext::{self, Encoding},
    client_ip::client_ip,
    config::{Config, CorsConfig},
    extract::{self, BodyFormat},
    rate_limit::{Decision, RateLimiter},
    store::{message_file_name, new_report_id, Arrival, ReportStore},
};

pub struct AppState {
    config: Config,
    store: ReportStore,
    limiter: Option<RateLimiter>,
    /// Bounds how many bodies are held in memory at once (see `max_concurrent_reports`).
    checking: Semaphore,
}

impl AppState {
    pub fn new(config: Config, store: ReportStore) -> Self {
        let limiter = config
            .rate_limit
            .enabled
            .then(|| RateLimiter::new(&config.rate_limit));
        let checking = Semaphore::new(config.server.max_concurrent_reports);
        Self {
            config,
            store,
            limiter,
            checking,
        }
    }

    fn origin_allowed(&self, origin: &HeaderValue) -> bool {
        let allowed = &self.config.cors.allowed_origins;
        allowed
            .iter()
            .any(|entry| entry == "*" || entry.as_bytes() == origin.as_bytes())
    }
}

pub fn router(state: Arc<AppState>) -> Router {
    let cors = cors_layer(&state.config.cors);
    Router::new()
        .route(&state.config.server.path, post(receive_report))
        .route("/health", get(health))
        .fallback(not_found)
        .with_state(state)
        .layer(cors)
        .layer(TraceLayer::new_for_http())
}

/// Browsers ask before sending JSON or `application/pgp-encrypted` from another origin; only
/// listed origins get an answer that lets them. `multipart/form-data` is sent without asking,
/// which is why [`receive_report`] also refuses unlisted origins itself.
fn cors_layer(config: &CorsConfig) -> CorsLayer {
    let origins = if config.allowed_origins.iter().any(|origin| origin == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            config
                .allowed_origins
                .iter()
                .filter_map(|origin| HeaderValue::from_str(origin).ok()),
        )
    };
    CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::POST])
        // A policy's channel may add headers of its own (e.g. a token): allow what is asked.
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([header::LOCATION])
        .max_age(Duration::from_secs(config.max_age_seconds))
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("nothing here: {}", uri.path()),
    )
}

async fn receive_report(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match receive(&state, peer, &headers, body).await {
        Ok(response) => response,
        Err(refusal) => {
            tracing::info!(status = refusal.status.as_u16(), error = %refusal.message, "refused a report");
            refusal.into_response()
        }
    }
}

async fn receive(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if let Some(origin) = headers.get(header::ORIGIN) {
        if !state.origin_allowed(origin) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                format!(
                    "pages from {} may not send reports to this inbox",
                    String::from_utf8_lossy(origin.as_bytes())
                ),
            ));
        }
    }
    let client = client_ip(state.config.server.client_ip, peer, headers);
    if let Some(limiter) = &state.limiter {
        if let Decision::Limited { retry_after } = limiter.check(client) {
            return Err(ApiError::rate_limited(
                retry_after.as_secs_f64().ceil() as u64
            ));
        }
    }

    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    let format = body_format(state, content_type)?;
    let limit = state.config.reports.max_body_bytes;
    if declared_length(headers).is_some_and(|length| length > limit) {
        return Err(ApiError::too_large(limit));
    }

    // Closed only when the server shuts down, which ends this request anyway.
    let _permit = state
        .checking
        .acquire()
        .await
        .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the inbox is stopping"))?;
    let timeout = Duration::from_secs(state.config.server.body_timeout_seconds);
    let body = tokio::time::timeout(timeout, read_limited(body, limit))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the report took more than {} seconds to arrive",
                    timeout.as_secs()
                ),
            )
        })??;
    let message = extract::message(format, content_type, &state.config.reports.field, body)
        .await
        .map_err(|err| match err {
            extract::ExtractError::UnsupportedType(_)
            | extract::ExtractError::FormatNotAccepted(_) => {
                ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, err.to_string())
            }
            _ => ApiError::bad_request(err),
        })?;

    let sender = Sender {
        format,
        client_ip: client.to_string(),
        user_agent: headers
            .get(header::USER_AGENT)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned()),
    };
    let store = state.store.clone();
    // Checking walks the whole message and saving waits for the disk: off the async threads.
    let arrival = tokio::task::spawn_blocking(move || check_and_save(&store, &message, sender))
        .await
        .map_err(|err| {
            tracing::error!(%err, "the report check stopped unexpectedly");
            storage_failed()
        })??;

    tracing::info!(
        id = %arrival.id,
        size = arrival.size,
        format = arrival.format,
        encoding = arrival.encoding,
        client = %arrival.client_ip,
        "stored a report"
    );
    let location = format!("{}/{}", state.config.server.path, arrival.id);
    let answer = Json(serde_json::json!({ "id": arrival.id, "received": arrival.received }));
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], answer).into_response())
}

fn body_format(state: &AppState, content_type: Option<&str>) -> Result<BodyFormat, ApiError> {
    let unsupported = |err: extract::ExtractError| {
        ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, err.to_string())
    };
    let format = extract::format_of(content_type).map_err(unsupported)?;
    if !state.config.reports.formats.contains(&format) {
        return Err(unsupported(extract::ExtractError::FormatNotAccepted(
            format.name(),
        )));
    }
    Ok(format)
}

fn declared_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// Reads the whole body, stopping as soon as it passes `limit` (a missing or false
/// `Content-Length` does not get around it).
async fn read_limited(body: Body, limit: usize) -> Result<Bytes, ApiError> {
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            Err(ApiError::too_large(limit))
        }
        Err(err) => Err(ApiError::bad_request(format!(
            "the request body could not be read: {err}"
        ))),
    }
}

/// What is known of a report's sender before its body is checked.
struct Sender {
    format: BodyFormat,
    client_ip: String,
    user_agent: Option<String>,
}

fn check_and_save(
    store: &ReportStore,
    message: &[u8],
    sender: Sender,
) -> Result<Arrival, ApiError> {
    let encoding: Encoding = ciphertext::inspect(message).map_err(ApiError::bad_request)?;
    let id = new_report_id();
    let arrival = Arrival {
        file: message_file_name(&id, encoding),
        id,
        received: now_rfc3339(),
        size: message.len(),
        format: sender.format.name(),
        encoding: encoding.name(),
        client_ip: sender.client_ip,
        user_agent: sender.user_agent,
    };
    store.save(message, encoding, &arrival).map_err(|err| {
        tracing::error!(%err, id = %arrival.id, "cannot store a report");
        storage_failed()
    })?;
    Ok(arrival)
}

fn storage_failed() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the report could not be stored, so it was not received: please try again later",
    )
}

fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    // Milliseconds are plenty to order reports; nanoseconds would only be noise.
    let now = now.replace_millisecond(now.millisecond()).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}
