//! `--at`: the moment keys are judged at, so one can ask "will this key still work on date X?".

use std::time::SystemTime;

use time::{format_description::well_known::Rfc3339, macros::format_description, Date};

#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a date: write YYYY-MM-DD (midnight UTC) or an RFC 3339 time such as 2026-11-23T14:05:00Z")]
pub struct NotAnInstant(String);

/// Parses an RFC 3339 time, or a calendar date taken as midnight UTC.
pub fn parse_instant(text: &str) -> Result<SystemTime, NotAnInstant> {
    let text = text.trim();
    if let Ok(moment) = time::OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(moment.into());
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map(|date| date.midnight().assume_utc().into())
        .map_err(|_| NotAnInstant(text.to_owned()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::time::{Duration, UNIX_EPOCH};

    use super::parse_instant;

    #[test]
    fn reads_dates_and_rfc3339_times() {
        let day = UNIX_EPOCH + Duration::from_secs(1_795_392_000);
        assert_eq!(parse_instant("2026-11-23").unwrap(), day);
        assert_eq!(
            parse_instant("2026-11-23T01:00:00+01:00").unwrap(),
            day,
            "offsets are honoured"
        );
        for bad in ["2026-13-01", "23.11.2026", "tomorrow", ""] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
    }
}
