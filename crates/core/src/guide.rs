//! The guided form: which steps a policy needs, which fields each holds, and the review's
//! completeness list — problems that block sealing first, then advice that makes a report easier
//! to act on. Pure rules, so the UI stays a thin layer and these are tested natively.

use crate::{
    i18n::Texts,
    policy::{Builtin, FieldDef, Policy, Step},
    report::{numbered::count_steps, Report},
    validate::FieldError,
};

/// The steps this policy's form shows, in order: the start (the project, its key and rules),
/// each step that holds at least one field, then review and send.
pub fn steps(policy: &Policy) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|&step| {
            matches!(step, Step::Start | Step::Review | Step::Send)
                || policy.fields.iter().any(|field| field.step == step)
        })
        .collect()
}

/// The fields of `step`, in the policy's order.
pub fn fields_in(policy: &Policy, step: Step) -> impl Iterator<Item = &FieldDef> {
    policy.fields.iter().filter(move |field| field.step == step)
}

/// The step that shows field `id`.
pub fn step_of(policy: &Policy, id: &str) -> Option<Step> {
    policy
        .fields
        .iter()
        .find(|field| field.id == id)
        .map(|field| field.step)
}

/// One line of the review's completeness list, linking to its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub field: String,
    pub step: Step,
    /// A problem that stops sealing (else advice).
    pub blocking: bool,
    what: GapKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum GapKind {
    Problem(FieldError),
    Advice(Advice),
}

/// A weak (not invalid) answer: the report can be sealed, but would be easier to act on with more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Advice {
    ShortTitle,
    NoVersions,
    NoSteps,
    OneStep,
    NoProof,
    NoImpact,
    BriefImpact,
}

impl Gap {
    /// The line for the researcher, in `texts`' language.
    pub fn message(&self, texts: &Texts) -> String {
        match &self.what {
            GapKind::Problem(problem) => problem.message(texts),
            GapKind::Advice(advice) => advice.message(texts).to_owned(),
        }
    }

    /// The advice, when this line is advice.
    pub fn advice(&self) -> Option<Advice> {
        match self.what {
            GapKind::Advice(advice) => Some(advice),
            GapKind::Problem(_) => None,
        }
    }
}

impl Advice {
    pub fn message(self, texts: &Texts) -> &'static str {
        let t = texts.advice;
        match self {
            Advice::ShortTitle => t.short_title,
            Advice::NoVersions => t.no_versions,
            Advice::NoSteps => t.no_steps,
            Advice::OneStep => t.one_step,
            Advice::NoProof => t.no_proof,
            Advice::NoImpact => t.no_impact,
            Advice::BriefImpact => t.brief_impact,
        }
    }
}

/// Everything missing or weak in `report`: every problem in `problems` (blocking), then advice.
pub fn gaps(
    policy: &Policy,
    report: &Report,
    problems: &[FieldError],
    attachments: usize,
) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = problems
        .iter()
        .filter_map(|problem| {
            Some(Gap {
                field: problem.field.clone(),
                step: step_of(policy, &problem.field)?,
                blocking: true,
                what: GapKind::Problem(problem.clone()),
            })
        })
        .collect();
    for (field, advice) in advice(policy, report, attachments) {
        if !gaps.iter().any(|gap| gap.field == field.id) {
            gaps.push(Gap {
                field: field.id.clone(),
                step: field.step,
                blocking: false,
                what: GapKind::Advice(advice),
            });
        }
    }
    gaps
}

/// Below these, a filled-in field is probably too thin to act on.
const SHORT_TITLE_CHARS: usize = 12;
const SHORT_IMPACT_CHARS: usize = 40;

/// Advice for weak (not invalid) answers, on the fields this report counts (a withheld field
/// gets none).
fn advice<'p>(
    policy: &'p Policy,
    report: &'p Report,
    attachments: usize,
) -> Vec<(&'p FieldDef, Advice)> {
    let mut out = Vec::new();
    let field = |builtin| {
        policy
            .fields_for(report)
            .find(|f| f.builtin == Some(builtin))
    };
    let text = |field: &FieldDef| report.text(&field.id).trim().to_owned();

    if let Some(title) = field(Builtin::Title) {
        if (1..SHORT_TITLE_CHARS).contains(&text(title).chars().count()) {
            out.push((title, Advice::ShortTitle));
        }
    }
    if let Some(versions) = field(Builtin::AffectedVersions) {
        if text(versions).is_empty() {
            out.push((versions, Advice::NoVersions));
        }
    }
    if let Some(steps) = field(Builtin::ReproductionSteps) {
        match count_steps(&text(steps)) {
            0 => out.push((steps, Advice::NoSteps)),
            1 => out.push((steps, Advice::OneStep)),
            _ => {}
        }
    }
    if let Some(poc) = field(Builtin::ProofOfConcept) {
        if text(poc).is_empty() && attachments == 0 {
            out.push((poc, Advice::NoProof));
        }
    }
    if let Some(impact) = field(Builtin::Impact) {
        match text(impact).chars().count() {
            0 => out.push((impact, Advice::NoImpact)),
            chars if chars < SHORT_IMPACT_CHARS => out.push((impact, Advice::BriefImpact)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{demo, validate::validate};

    fn policy(json: &str) -> Policy {
        Policy::from_json(json).unwrap()
    }

    fn with_fields(fields: &str, extra: &str) -> Policy {
        let mut doc: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
        doc["fields"] = serde_json::from_str(fields).unwrap();
        doc.as_object_mut().unwrap().remove("severity");
        if !extra.is_empty() {
            let extra: serde_json::Value = serde_json::from_str(extra).unwrap();
            for (key, value) in extra.as_object().unwrap() {
                doc[key] = value.clone();
            }
        }
        policy(&doc.to_string())
    }

    #[test]
    fn steps_without_fields_are_skipped() {
        let p = with_fields(
            r#"[{"id":"title","status":"required"},{"id":"impact"}]"#,
            "",
        );
        assert_eq!(
            steps(&p),
            [
                Step::Start,
                Step::What,
                Step::Impact,
                Step::Review,
                Step::Send
            ]
        );
        let demo = demo::policy();
        assert_eq!(
            steps(&demo),
            [
                Step::Start,
                Step::What,
                Step::How,
                Step::Impact,
                Step::You,
                Step::Review,
                Step::Send
            ]
        );
    }

    #[test]
    fn custom_fields_go_where_the_policy_says_else_to_how() {
        let p = with_fields(
            r#"[{"id":"title"},
                {"id":"disclosed","kind":"checkbox","label":"Already public?","step":"start"},
                {"id":"notes","kind":"textarea","label":"Notes"}]"#,
            "",
        );
        assert_eq!(step_of(&p, "disclosed"), Some(Step::Start));
        assert_eq!(step_of(&p, "notes"), Some(Step::How));
        assert_eq!(
            fields_in(&p, Step::What)
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>(),
            ["title"]
        );
    }

    #[test]
    fn built_in_fields_may_not_move_and_nothing_goes_in_review() {
        let doc = |fields: &str| {
            let mut doc: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
            doc["fields"] = serde_json::from_str(fields).unwrap();
            doc.as_object_mut().unwrap().remove("severity");
            Policy::from_json(&doc.to_string()).unwrap_err()
        };
        let errors = doc(r#"[{"id":"title","step":"you"}]"#);
        assert!(errors[0].reason.contains("own step"), "{errors:?}");
        let errors = doc(r#"[{"id":"x","kind":"text","label":"X","step":"review"}]"#);
        assert!(errors[0].reason.contains("start, what, how"), "{errors:?}");
    }

    #[test]
    fn the_review_lists_problems_first_then_advice() {
        let p = demo::policy();
        let report = Report::default()
            .with_text("title", "XSS")
            .with_text("reproduction_steps", "1. Open the page");
        let problems = validate(&p, &report);
        let gaps = gaps(&p, &report, &problems, 0);
        let blocking: Vec<_> = gaps
            .iter()
            .filter(|g| g.blocking)
            .map(|g| g.field.as_str())
            .collect();
        assert_eq!(
            blocking,
            ["vulnerability_type", "affected_versions", "impact"]
        );
        let advice: Vec<_> = gaps.iter().filter(|g| !g.blocking).collect();
        assert!(advice
            .iter()
            .any(|g| g.field == "title" && g.advice() == Some(Advice::ShortTitle)));
        assert!(advice
            .iter()
            .any(|g| g.field == "reproduction_steps" && g.step == Step::How));
        // A field with a blocking problem gets no advice on top.
        assert!(!advice.iter().any(|g| g.field == "impact"));
    }

    #[test]
    fn the_evidence_gate_takes_a_poc_a_file_or_enough_steps() {
        let p = with_fields(
            r#"[{"id":"title","status":"required"},{"id":"reproduction_steps"},{"id":"proof_of_concept"}]"#,
            r#"{"quality":{"require_evidence":true,"min_reproduction_steps":3,"confirm_reproduced":true}}"#,
        );
        let base = Report::default()
            .with_text("title", "Heap overflow in the parser")
            .with_text("reproduction_steps", "1. Build\n2. Run");
        let problems = crate::validate::validate_with(&p, &base, 0);
        let evidence = problems
            .iter()
            .find(|e| e.field == "proof_of_concept")
            .unwrap();
        assert!(evidence
            .to_string()
            .contains("at least 3 numbered reproduction steps (you gave 2)"));
        assert!(problems.iter().any(|e| e.field == "confirm_reproduced"));
        assert_eq!(step_of(&p, "confirm_reproduced"), Some(Step::How));

        let confirmed = base
            .clone()
            .with("confirm_reproduced", crate::Value::Checked(true));
        assert!(
            crate::validate::validate_with(&p, &confirmed, 1).is_empty(),
            "a file is evidence"
        );
        let with_poc = confirmed
            .clone()
            .with_text("proof_of_concept", "curl -d @x http://h/");
        assert!(crate::validate::validate_with(&p, &with_poc, 0).is_empty());
        let three = confirmed.with_text("reproduction_steps", "1. Build\n2. Run\n3. Crash");
        assert!(crate::validate::validate_with(&p, &three, 0).is_empty());
    }

    #[test]
    fn an_evidence_gate_needs_somewhere_to_put_evidence() {
        let mut doc: serde_json::Value = serde_json::from_str(demo::POLICY_JSON).unwrap();
        doc["fields"] = serde_json::json!([{ "id": "title" }]);
        doc.as_object_mut().unwrap().remove("severity");
        doc["quality"] = serde_json::json!({ "require_evidence": true });
        let errors = Policy::from_json(&doc.to_string()).unwrap_err();
        assert_eq!(errors[0].path, "quality.require_evidence");
    }

    #[test]
    fn contact_addresses_are_checked_for_plain_mistakes() {
        let p = with_fields(
            r#"[{"id":"title"},{"id":"reporter_contact"},{"id":"credit"}]"#,
            "",
        );
        let check = |text: &str| {
            validate(&p, &Report::default().with_text("reporter_contact", text))
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        };
        assert!(check("ana@example.org").is_empty());
        assert_eq!(
            check("ana at example.org"),
            ["Your contact address must be an address like name@example.org."]
        );
        assert_eq!(step_of(&p, "credit"), Some(Step::You));
    }
}
