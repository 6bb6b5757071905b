//! The inbox's settings: a TOML file where every key has a default, so an empty file (or none)
//! is a working configuration for trying it out on one machine.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::extract::BodyFormat;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
pub const DEFAULT_MAX_BODY_BYTES: usize = 128 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
// Unknown keys are errors: a misspelt `alowed_origins` must not silently leave CORS shut.
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub server: ServerConfig,
    pub reports: ReportsConfig,
    pub cors: CorsConfig,
    pub rate_limit: RateLimitConfig,
    pub log: LogConfig,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Where reports are POSTed; the policy's channel `url` ends with this path.
    pub path: String,
    /// Where the client's address comes from (for the rate limit and the sidecar).
    pub client_ip: ClientIpSource,
    /// How many reports are read and checked at once; more wait their turn. Bounds memory:
    /// each may hold up to `max_body_bytes` a few times over while it is checked.
    pub max_concurrent_reports: usize,
    /// How long a client may take to send a report's body, in seconds: a slow or stalled
    /// upload must not hold a slot (and its memory) for ever.
    pub body_timeout_seconds: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN.parse().unwrap_or_else(|_| unreachable!()),
            path: "/reports".to_owned(),
            client_ip: ClientIpSource::Peer,
            max_concurrent_reports: 16,
            body_timeout_seconds: 300,
        }
    }
}

/// Behind a reverse proxy every connection comes from the proxy, so the real client's address
/// must be read from the header the proxy sets. Trusting such a header without a proxy would
/// let any client choose its own address and so dodge the rate limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientIpSource {
    /// The TCP peer address (no proxy in front).
    Peer,
    /// The last address in `X-Forwarded-For`, the one your proxy appended.
    XForwardedFor,
    /// `X-Real-IP`, as nginx's `proxy_set_header X-Real-IP $remote_addr;` sets it.
    XRealIp,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportsConfig {
    /// Directory the reports and their sidecars are written to (created if missing).
    pub storage_dir: PathBuf,
    /// The largest request body accepted, in bytes (JSON or multipart framing included).
    pub max_body_bytes: usize,
    /// The JSON key or multipart form field that carries the message (the policy's `field`).
    pub field: String,
    /// Which of the policy's body formats are accepted.
    pub formats: Vec<BodyFormat>,
}

impl Default for ReportsConfig {
    fn default() -> Self {
        Self {
            storage_dir: PathBuf::from("./inbox-reports"),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            field: "report".to_owned(),
            formats: vec![BodyFormat::Json, BodyFormat::Raw, BodyFormat::Multipart],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CorsConfig {
    /// Origins (scheme://host[:port]) of the pages allowed to send reports, e.g. the page
    /// hosting sealpost. `"*"` allows every origin. Empty: no browser page may send.
    pub allowed_origins: Vec<String>,
    /// How long a browser may cache a preflight answer, in seconds.
    pub max_age_seconds: u64,
}

impl Default for CorsConfig {
    fn default() -> Self {
        Self {
            allowed_origins: Vec::new(),
            max_age_seconds: 3600,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimitConfig {
    /// Set to false to turn the per-client limit off (e.g. when the proxy limits instead).
    pub enabled: bool,
    /// Reports each client address may send per minute, on average.
    pub per_minute: f64,
    /// How many reports a client may send at once before the average applies.
    pub burst: u32,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            per_minute: 10.0,
            burst: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    pub format: LogFormat,
    /// A tracing filter such as `info` or `sealpost_inbox=debug,tower_http=info`; the
    /// `RUST_LOG` environment variable wins over it.
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: LogFormat::Compact,
            level: "info".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One line per event, for people.
    Compact,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the configuration file {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl Config {
    /// Reads and checks a TOML configuration file.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_toml(&text).map_err(|err| match err {
            ConfigError::Parse { message, .. } => ConfigError::Parse {
                path: path.to_owned(),
                message,
            },
            other => other,
        })
    }

    /// Parses and checks TOML text (the file name in errors is left empty).
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|err| ConfigError::Parse {
            path: PathBuf::new(),
            message: err.to_string(),
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Refuses settings that would make a server that cannot work, with the reason.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |message: &str| Err(ConfigError::Invalid(message.to_owned()));
        if !self.server.path.starts_with('/') || self.server.path.len() < 2 {
            return invalid("server.path must start with '/' and name a path, e.g. \"/reports\"");
        }
        if self.server.path.ends_with('/') {
            return invalid("server.path must not end with '/'");
        }
        if self.server.max_concurrent_reports == 0 {
            return invalid("server.max_concurrent_reports must be at least 1");
        }
        if self.server.body_timeout_seconds == 0 {
            return invalid("server.body_timeout_seconds must be at least 1");
        }
        if self.reports.max_body_bytes == 0 {
            return invalid("reports.max_body_bytes must be at least 1");
        }
        if self.reports.field.is_empty() {
            return invalid("reports.field must not be empty");
        }
        if self.reports.formats.is_empty() {
            return invalid("reports.formats must name at least one of json, raw, multipart");
        }
        for origin in &self.cors.allowed_origins {
            check_origin(origin)?;
        }
        let limit = &self.rate_limit;
        let usable_rate = limit.per_minute.is_finite() && limit.per_minute > 0.0;
        if limit.enabled && (!usable_rate || limit.burst == 0) {
            return invalid(
                "rate_limit.per_minute must be above 0 and rate_limit.burst at least 1 \
                 (or set rate_limit.enabled = false)",
            );
        }
        Ok(())
    }
}

/// An origin is compared byte for byte with the browser's `Origin` header, which never has a
/// path or a trailing slash: one written with either would never match, so say so now.
fn check_origin(origin: &str) -> Result<(), ConfigError> {
    if origin == "*" {
        return Ok(());
    }
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains('/') => Ok(()),
        _ => Err(ConfigError::Invalid(format!(
            "cors.allowed_origins: {origin:?} is not an origin: write scheme://host[:port] \
             with no path or trailing slash, e.g. \"https://widgets.example.org\""
        ))),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let config = Config::from_toml("").unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.server.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(config.reports.max_body_bytes, 128 * 1024 * 1024);
    }

    #[test]
    fn unknown_keys_are_refused() {
        let err = Config::from_toml("[cors]\nalowed_origins = []\n").unwrap_err();
        assert!(err.to_string().contains("alowed_origins"), "{err}");
    }

    #[test]
    fn origins_with_a_path_are_refused() {
        let err =
            Config::from_toml("[cors]\nallowed_origins = [\"https://a.example/\"]\n").unwrap_err();
        assert!(err.to_string().contains("not an origin"), "{err}");
    }

    #[test]
    fn a_full_file_parses() {
        let config = Config::from_toml(
            r#"
            [server]
            listen = "0.0.0.0:9000"
            path = "/inbox"
            client_ip = "x-forwarded-for"
            [reports]
            storage_dir = "/var/lib/inbox"
            max_body_bytes = 1048576
            field = "ciphertext"
            formats = ["raw"]
            [cors]
            allowed_origins = ["https://widgets.example.org", "http://localhost:8080"]
            [rate_limit]
            per_minute = 2.5
            burst = 1
            [log]
            format = "json"
            "#,
        )
        .unwrap();
        assert_eq!(config.server.client_ip, ClientIpSource::XForwardedFor);
        assert_eq!(config.reports.formats, vec![BodyFormat::Raw]);
        assert_eq!(config.log.format, LogFormat::Json);
    }
}
