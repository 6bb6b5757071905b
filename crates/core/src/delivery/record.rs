//! The record a researcher keeps after sending a report to an endpoint: what to quote when
//! writing to the project later, and the SHA-256 of exactly what was sent. It names the report,
//! never its content, so it is safe to keep anywhere.

use std::time::SystemTime;

use crate::report::document::rfc3339;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRecord {
    pub project: String,
    /// The endpoint's URL.
    pub endpoint: String,
    /// The endpoint's id for the report, if it gave one.
    pub receipt: Option<String>,
    /// The report's own id (in its JSON and Message-ID).
    pub report_id: String,
    pub sent: SystemTime,
    /// SHA-256 of the sent OpenPGP message, lower-case hex.
    pub ciphertext_sha256: String,
    pub ciphertext_bytes: u64,
}

impl DeliveryRecord {
    /// A suggested file name: `sealpost-receipt-<receipt or report id>.txt`, with only safe
    /// characters from the (untrusted) receipt.
    pub fn file_name(&self) -> String {
        let id: String = self
            .receipt
            .as_deref()
            .unwrap_or(&self.report_id)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(64)
            .collect();
        format!("sealpost-receipt-{id}.txt")
    }

    /// The record as plain text, one `Name: value` line each.
    pub fn to_text(&self) -> String {
        let sent = rfc3339(self.sent);
        let receipt = self.receipt.as_deref().unwrap_or("(the inbox gave none)");
        format!(
            "Encrypted vulnerability report delivered with sealpost\n\
             \n\
             Project: {}\n\
             Sent to: {}\n\
             Sent at: {sent}\n\
             Receipt: {receipt}\n\
             Report id: {}\n\
             Encrypted report: {} bytes, SHA-256 {}\n\
             \n\
             Quote the receipt when you write to the project about this report.\n",
            one_line(&self.project),
            one_line(&self.endpoint),
            one_line(&self.report_id),
            self.ciphertext_bytes,
            self.ciphertext_sha256,
        )
    }
}

/// Untrusted values stay on their own line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn record(receipt: Option<&str>) -> DeliveryRecord {
        DeliveryRecord {
            project: "Widgets\nInjected: yes".into(),
            endpoint: "https://inbox.example.org/reports".into(),
            receipt: receipt.map(str::to_owned),
            report_id: "0123abcd".into(),
            sent: SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000),
            ciphertext_sha256: "ab".repeat(32),
            ciphertext_bytes: 1234,
        }
    }

    #[test]
    fn the_record_names_the_report_and_the_receipt() {
        let text = record(Some("r-42")).to_text();
        assert!(text.contains("Receipt: r-42\n"), "{text}");
        assert!(text.contains("Sent at: 2027-01-15T08:00:00Z\n"), "{text}");
        assert!(text.contains(&format!("1234 bytes, SHA-256 {}", "ab".repeat(32))));
        assert!(text.contains("Project: Widgets Injected: yes\n"), "{text}");
        assert!(record(None)
            .to_text()
            .contains("Receipt: (the inbox gave none)"));
    }

    #[test]
    fn the_file_name_keeps_only_safe_characters() {
        assert_eq!(
            record(Some("../../etc/passwd")).file_name(),
            "sealpost-receipt-etcpasswd.txt"
        );
        assert_eq!(record(None).file_name(), "sealpost-receipt-0123abcd.txt");
    }
}
