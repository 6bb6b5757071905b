//! axe-core (npm, pinned in tools/axe and installed by `cargo xtask setup`) run on the page as it
//! is, through WebDriver: the page's own Content-Security-Policy does not apply to scripts the
//! driver injects, so the page needs no exception for it.

use std::path::PathBuf;

use crate::browser::Browser;

fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tools/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err} (run `cargo xtask setup`, which installs axe-core)",
            path.display()
        )
    })
}

const RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(result => done(result.violations.map(v =>
    `${v.id} (${v.impact}): ${v.help} — ` +
    v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\s+/g, ' ') + ']' : '')).join('; '))))
  .catch(error => done(['axe could not run: ' + error]));
"#;

impl Browser {
    /// Every axe-core violation on the page now, one line each (rule, impact, help, where).
    pub async fn axe_violations(&self) -> Vec<String> {
        let loaded = self
            .client
            .execute("return typeof axe !== 'undefined';", vec![])
            .await
            .expect("run script");
        if loaded != serde_json::Value::Bool(true) {
            self.client
                .execute(&format!("{}\nreturn null;", axe_source()), vec![])
                .await
                .expect("load axe-core into the page");
        }
        let found = self
            .client
            .execute_async(RUN, vec![])
            .await
            .expect("run axe-core");
        serde_json::from_value(found).expect("a list of violations")
    }

    /// Fails with every violation axe-core finds on the page, naming `where_`.
    pub async fn assert_accessible(&self, where_: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core, {where_}:\n{}",
            violations.join("\n")
        );
    }
}
