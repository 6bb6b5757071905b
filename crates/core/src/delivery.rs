//! What to make of an endpoint's answer: delivered (with the receipt), try again later, or a
//! failure explained to the researcher. Pure rules, so the browser's sending loop stays thin and
//! these are tested natively.
//!
//! Network errors and 5xx answers are retried with backoff (the report is already sealed, so a
//! retry cannot leak anything); 4xx answers are not, since sending the same body again would get
//! the same answer. Every message ends by saying the encrypted report is still on the page.
//!
//! Outcomes are data ([`Failure`], [`RetryReason`]) rather than sentences, so the page words them
//! in its language (`message(&Texts)`); `Display` gives the English, for the command line.

use std::{fmt, time::Duration};

use crate::i18n::{self, Texts};

pub mod record;

/// How many times a report is sent before giving up on a transient failure.
pub const MAX_ATTEMPTS: u32 = 3;

/// What one attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The endpoint has the report; `receipt` is its id for it, if it gave one.
    Delivered { receipt: Option<String> },
    /// A transient failure: wait `after`, then send again.
    Retry {
        after: Duration,
        reason: RetryReason,
    },
    /// Sending again will not help.
    Failed(Failure),
}

/// Why an attempt failed in a way worth trying again. Kept as data so the page can say it in
/// its language ([`RetryReason::message`]); `Display` is English, for the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryReason {
    /// The inbox answered with this 5xx (or other non-4xx) status.
    InboxFailed(u16),
    /// No answer within this long.
    TimedOut(Duration),
    /// A network error: refused connection, DNS, TLS.
    Unreachable,
}

impl RetryReason {
    /// The reason for the researcher, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.send;
        match self {
            RetryReason::InboxFailed(status) => (t.reason_inbox_failed)(*status),
            RetryReason::TimedOut(limit) => (t.reason_timed_out)(limit.as_secs()),
            RetryReason::Unreachable => t.reason_unreachable.to_owned(),
        }
    }
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&i18n::EN))
    }
}

/// Why a report was not delivered, for good. `server_says` is the inbox's own words, if it gave
/// any (untrusted, clipped to one line of text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 413.
    TooLarge { server_says: Option<String> },
    /// 429, with the seconds the inbox asked to wait, if it said.
    TooMany { retry_after_secs: Option<u64> },
    /// Any other 4xx.
    Refused {
        status: u16,
        server_says: Option<String>,
    },
    /// 5xx on every attempt.
    InboxFailed {
        status: u16,
        attempts: u32,
        server_says: Option<String>,
    },
    /// The browser is offline.
    Offline,
    /// The server answers, but its CORS settings leave `page_origin` out.
    CorsRefused { page_origin: String },
    /// No answer on every attempt.
    NoAnswer { reason: RetryReason, attempts: u32 },
}

impl Failure {
    /// The message for the researcher, in `texts`' language. It always ends by saying the
    /// encrypted report is still on the page.
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.send;
        let said = |says: &Option<String>| says.as_deref().map(t.server_said).unwrap_or_default();
        let what = match self {
            Failure::TooLarge { server_says } => (t.inbox_too_large)(&said(server_says)),
            Failure::TooMany { retry_after_secs } => {
                (t.inbox_busy)(&retry_after_secs.map(t.try_again_in).unwrap_or_default())
            }
            Failure::Refused {
                status,
                server_says,
            } => (t.inbox_refused)(*status, &said(server_says)),
            Failure::InboxFailed {
                status,
                attempts,
                server_says,
            } => (t.inbox_failed_times)(*status, *attempts, &said(server_says)),
            Failure::Offline => t.offline.to_owned(),
            Failure::CorsRefused { page_origin } => (t.cors_refused)(page_origin),
            Failure::NoAnswer { reason, attempts } => {
                let hint = match reason {
                    RetryReason::Unreachable => t.hint_unreachable,
                    RetryReason::TimedOut(_) => t.hint_timed_out,
                    RetryReason::InboxFailed(_) => "",
                };
                (t.gave_up)(&reason.message(texts), *attempts, hint)
            }
        };
        format!("{what} {}", t.still_here)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&i18n::EN))
    }
}

/// The wait before attempt `attempt + 1` (attempts count from 1): 1 s, 3 s, 9 s…
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(3u64.saturating_pow(attempt.saturating_sub(1)))
}

/// Judges an HTTP answer to attempt number `attempt`.
pub fn judge_response(
    status: u16,
    body: &str,
    location: Option<&str>,
    retry_after: Option<&str>,
    attempt: u32,
) -> Outcome {
    let server_says = server_message(body);
    match status {
        200..=299 => Outcome::Delivered {
            receipt: receipt(body, location),
        },
        413 => Outcome::Failed(Failure::TooLarge { server_says }),
        429 => Outcome::Failed(Failure::TooMany {
            retry_after_secs: retry_after.and_then(|value| value.trim().parse::<u64>().ok()),
        }),
        400..=499 => Outcome::Failed(Failure::Refused {
            status,
            server_says,
        }),
        _ if attempt < MAX_ATTEMPTS => Outcome::Retry {
            after: backoff(attempt),
            reason: RetryReason::InboxFailed(status),
        },
        _ => Outcome::Failed(Failure::InboxFailed {
            status,
            attempts: MAX_ATTEMPTS,
            server_says,
        }),
    }
}

/// Judges an attempt that got no HTTP answer at all.
pub fn judge_no_answer(kind: NoAnswer, attempt: u32) -> Outcome {
    let reason = match kind {
        NoAnswer::Offline => return Outcome::Failed(Failure::Offline),
        // Sending again cannot help: the server's settings decide, not chance.
        NoAnswer::CorsRefused { page_origin } => {
            return Outcome::Failed(Failure::CorsRefused { page_origin })
        }
        NoAnswer::TimedOut(limit) => RetryReason::TimedOut(limit),
        NoAnswer::Unreachable => RetryReason::Unreachable,
    };
    if attempt < MAX_ATTEMPTS {
        return Outcome::Retry {
            after: backoff(attempt),
            reason,
        };
    }
    Outcome::Failed(Failure::NoAnswer {
        reason,
        attempts: MAX_ATTEMPTS,
    })
}

/// Why an attempt got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoAnswer {
    /// The browser says it is offline.
    Offline,
    /// The attempt was given up after this long.
    TimedOut(Duration),
    /// The server answers, but not to this page: its CORS settings leave `page_origin` out.
    /// (A browser reports this as a plain network error; the page tells it apart by probing the
    /// endpoint without CORS, which succeeds only when the server is up.)
    CorsRefused { page_origin: String },
    /// A network error: refused connection, DNS, TLS.
    Unreachable,
}

/// How long to wait for an answer to a report of `bytes`: a minute, plus time to upload at a
/// slow 1 Mbit/s.
pub fn timeout_for(bytes: u64) -> Duration {
    Duration::from_secs(60 + bytes / (128 * 1024))
}

/// The timeout for one attempt: the policy's `timeout_seconds` when it sets one.
pub fn attempt_timeout(policy_seconds: Option<u32>, bytes: u64) -> Duration {
    policy_seconds.map_or_else(|| timeout_for(bytes), |s| Duration::from_secs(s.into()))
}

/// The receipt an inbox gave: `id` or `receipt` in a JSON answer, else the last segment of the
/// `Location` header, else a short plain-text answer.
pub fn receipt(body: &str, location: Option<&str>) -> Option<String> {
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(body) {
        for key in ["id", "receipt", "report_id"] {
            if let Some(value) = map.get(key).and_then(|v| v.as_str().map(str::to_owned)) {
                return Some(clip(&value));
            }
        }
    }
    if let Some(last) = location
        .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
        .filter(|s| !s.is_empty())
    {
        return Some(clip(last));
    }
    let text = body.trim();
    (!text.is_empty() && text.chars().count() <= 200 && !text.starts_with('<')).then(|| clip(text))
}

/// The `error` or `message` of a JSON answer, or a short plain-text answer (never HTML).
fn server_message(body: &str) -> Option<String> {
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(body) {
        return ["error", "message"]
            .iter()
            .find_map(|key| map.get(*key).and_then(|v| v.as_str()).map(clip));
    }
    let text = body.trim();
    (!text.is_empty() && !text.starts_with('<')).then(|| clip(text))
}

/// At most 200 characters of one line: server text is untrusted and shown as text.
fn clip(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 200 {
        line.chars().take(199).chain(['…']).collect()
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STILL_HERE: &str = i18n::EN.send.still_here;

    #[test]
    fn success_gives_the_receipt_from_json_location_or_text() {
        assert_eq!(
            judge_response(201, r#"{"id":"ab12","received":"…"}"#, None, None, 1),
            Outcome::Delivered {
                receipt: Some("ab12".into())
            }
        );
        assert_eq!(receipt("", Some("/reports/9f8e7d")), Some("9f8e7d".into()));
        assert_eq!(receipt("TICKET-42\n", None), Some("TICKET-42".into()));
        assert_eq!(receipt("<html>ok</html>", None), None);
    }

    #[test]
    fn server_errors_and_network_errors_are_retried_with_backoff_then_fail() {
        assert_eq!(
            judge_response(503, "", None, None, 1),
            Outcome::Retry {
                after: Duration::from_secs(1),
                reason: RetryReason::InboxFailed(503)
            }
        );
        assert!(matches!(
            judge_no_answer(NoAnswer::Unreachable, 2),
            Outcome::Retry { after, .. } if after == Duration::from_secs(3)
        ));
        match judge_no_answer(NoAnswer::Unreachable, MAX_ATTEMPTS) {
            Outcome::Failed(failure) => {
                let message = failure.to_string();
                assert!(
                    message.contains("could not be reached, 3 times"),
                    "{message}"
                );
                assert!(message.ends_with(STILL_HERE), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(judge_response(500, "", None, None, MAX_ATTEMPTS), Outcome::Failed(m) if m.to_string().contains("(500) 3 times"))
        );
    }

    #[test]
    fn client_errors_are_not_retried_and_say_what_the_server_said() {
        match judge_response(
            413,
            r#"{"error":"report too large: limit 10 MiB"}"#,
            None,
            None,
            1,
        ) {
            Outcome::Failed(failure) => {
                let message = failure.to_string();
                assert!(message.contains("too large (413)"), "{message}");
                assert!(
                    message.contains("“report too large: limit 10 MiB”"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            judge_response(429, "", None, Some("30"), 1),
            Outcome::Failed(m) if m.to_string().contains("Try again in 30 seconds")
        ));
        assert!(matches!(
            judge_response(400, "<html><script>x</script></html>", None, None, 1),
            Outcome::Failed(m) if !m.to_string().contains("script")
        ));
        assert!(
            matches!(judge_no_answer(NoAnswer::Offline, 1), Outcome::Failed(m) if m.to_string().contains("offline"))
        );
    }

    #[test]
    fn a_cors_refusal_fails_at_once_and_names_the_page() {
        let refused = NoAnswer::CorsRefused {
            page_origin: "https://example.org".into(),
        };
        match judge_no_answer(refused, 1) {
            Outcome::Failed(failure) => {
                let message = failure.to_string();
                assert!(message.contains("CORS"), "{message}");
                assert!(message.contains("(https://example.org)"), "{message}");
                assert!(message.ends_with(STILL_HERE), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_timeout_is_retried_then_explained() {
        let limit = NoAnswer::TimedOut(Duration::from_secs(5));
        assert!(matches!(
            judge_no_answer(limit.clone(), 1),
            Outcome::Retry { reason, .. } if reason.to_string() == "no answer within 5 seconds"
        ));
        assert!(matches!(
            judge_no_answer(limit, MAX_ATTEMPTS),
            Outcome::Failed(m) if m.to_string().starts_with("Not sent: no answer within 5 seconds, 3 times.")
        ));
    }

    #[test]
    fn big_reports_get_more_time_unless_the_policy_says() {
        assert_eq!(attempt_timeout(Some(7), 1 << 30), Duration::from_secs(7));
        assert_eq!(attempt_timeout(None, 0), timeout_for(0));
        assert_eq!(timeout_for(0), Duration::from_secs(60));
        assert_eq!(
            timeout_for(100 * 1024 * 1024),
            Duration::from_secs(60 + 800)
        );
    }

    #[test]
    fn outcomes_are_worded_in_the_page_language_and_in_english_for_display() {
        let failure = match judge_response(413, r#"{"error":"zu groß"}"#, None, None, 1) {
            Outcome::Failed(failure) => failure,
            other => panic!("{other:?}"),
        };
        let german = failure.message(&i18n::DE);
        assert!(german.contains("(413)"), "{german}");
        assert!(german.contains("„zu groß“"), "{german}");
        assert!(german.ends_with(i18n::DE.send.still_here), "{german}");
        assert_eq!(failure.to_string(), failure.message(&i18n::EN));
        let reason = RetryReason::TimedOut(Duration::from_secs(5));
        assert_eq!(
            reason.message(&i18n::DE),
            "keine Antwort innerhalb von 5 Sekunden"
        );
    }
}
