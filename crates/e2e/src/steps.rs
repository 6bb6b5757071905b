//! Walking the guided form as a person does: fill what the current step shows, press "Next",
//! and so on; "Encrypt report" is on the last step.

use std::time::Duration;

use crate::browser::{xpath_literal, Browser};

/// One thing to enter, found by its visible label.
#[derive(Debug, Clone)]
pub enum Entry {
    /// Type this into the control labelled so.
    Text(String, String),
    /// Tick the checkbox labelled so.
    Tick(String),
    /// Pick this file in the file input labelled so.
    File(String, String),
}

impl Entry {
    pub fn text(label: &str, text: &str) -> Self {
        Entry::Text(label.to_owned(), text.to_owned())
    }

    fn label(&self) -> &str {
        match self {
            Entry::Text(label, _) | Entry::Tick(label) | Entry::File(label, _) => label,
        }
    }
}

/// The current step's heading, or the summary's text when "Next" was refused.
const STEP_AFTER_NEXT: &str = r#"
const [before] = arguments;
const summary = document.querySelector('.error-summary');
if (summary && !summary.hidden) return 'REFUSED: ' + summary.innerText;
const h = document.querySelector('.step > h2');
return h && h.innerText !== before ? h.innerText : null;
"#;

impl Browser {
    /// The heading of the step on screen.
    pub async fn step_heading(&self) -> String {
        self.wait_for_script(
            "const h = document.querySelector('.step > h2'); return h ? h.innerText : null;",
        )
        .await
    }

    /// Presses "Next" and waits for the next step; panics with the page's summary if the step
    /// was refused.
    pub async fn next_step(&self) -> String {
        let before = self.step_heading().await;
        self.press("Next").await;
        let after = self
            .wait_for_script_with(
                STEP_AFTER_NEXT,
                vec![before.clone().into()],
                Duration::from_secs(10),
            )
            .await;
        assert!(!after.starts_with("REFUSED"), "“{before}”: {after}");
        after
    }

    /// Whether a label reading exactly `label` is on the page now.
    pub async fn has_label(&self, label: &str) -> bool {
        self.has_element("label", label).await
    }

    /// Whether a button reading exactly `text` is on the page now.
    pub async fn has_button(&self, text: &str) -> bool {
        self.has_element("button", text).await
    }

    /// Whether a `tag` element whose text is exactly `text` is on the page now.
    async fn has_element(&self, tag: &str, text: &str) -> bool {
        let xpath = format!("//{tag}[normalize-space(.)={}]", xpath_literal(text));
        let script = format!(
            "return document.evaluate({}, document, null, XPathResult.BOOLEAN_TYPE, null).booleanValue;",
            serde_json::to_string(&xpath).expect("a string")
        );
        self.client
            .execute(&script, vec![])
            .await
            .expect("run script")
            .as_bool()
            .unwrap_or(false)
    }

    /// Fills `entries` step by step from the current one, pressing "Next" between steps, and
    /// stops on the step holding the last of them.
    pub async fn fill_steps(&self, entries: &[Entry]) {
        let mut left: Vec<&Entry> = entries.iter().collect();
        for _ in 0..10 {
            let mut remaining = Vec::new();
            for entry in left {
                if self.has_label(entry.label()).await {
                    self.enter(entry).await;
                } else {
                    remaining.push(entry);
                }
            }
            left = remaining;
            if left.is_empty() {
                return;
            }
            self.next_step().await;
        }
        panic!(
            "never found the steps for: {:?}",
            left.iter().map(|e| e.label()).collect::<Vec<_>>()
        );
    }

    async fn enter(&self, entry: &Entry) {
        let control = self.control_labelled(entry.label()).await;
        match entry {
            Entry::Text(_, text) | Entry::File(_, text) => {
                control.send_keys(text).await.expect("type");
            }
            Entry::Tick(_) => control.click().await.expect("tick"),
        }
    }

    /// Opens seed preset `name` (`dist/policies/<name>.json`) from `server` with `?policy=`, as
    /// a project links it, and returns the policy the page reads.
    pub async fn open_preset(
        &self,
        server: &crate::static_server::StaticServer,
        name: &str,
    ) -> sealpost_core::Policy {
        let file = crate::dist_dir()
            .join("policies")
            .join(format!("{name}.json"));
        let json = std::fs::read_to_string(file).expect("presets are copied into dist/policies");
        let policy = sealpost_core::Policy::from_json(&json).expect("a valid preset");
        let url = format!("{}?policy=/policies/{name}.json", server.url);
        self.client.goto(&url).await.expect("open the preset");
        policy
    }

    /// Presses "Next" until the last step ("Encrypt report") is on screen.
    pub async fn go_to_last_step(&self) {
        for _ in 0..10 {
            if self.has_button("Encrypt report").await {
                return;
            }
            self.next_step().await;
        }
        panic!("no step with “Encrypt report”");
    }

    /// Fills `entries`, goes to the last step, presses "Encrypt report" and returns the armored
    /// message.
    pub async fn fill_and_seal(&self, entries: &[Entry]) -> String {
        self.fill_steps(entries).await;
        self.go_to_last_step().await;
        self.press("Encrypt report").await;
        self.wait_for_ciphertext().await
    }
}
