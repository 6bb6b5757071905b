//! From a policy document to a checked [`Policy`], naming every problem by its path.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::{i18n::Texts, report::Stance};

use super::{
    builtin::Builtin,
    document::{
        Channel, Commitments, FieldKind, FieldSpec, FieldStatus, PolicyDocument, Quality,
        Recipient, Severity, Theme,
    },
    Control, CvssVersion, FieldDef, KeySource, Policy, PolicyError, RecipientSource, Step,
    CONFIRM_REPRODUCED_ID, CREDIT_OPTIONS, POLICY_VERSION, REPORTER_STANCE_ID,
    RULES_ACKNOWLEDGEMENT_ID,
};

/// Custom text fields get these limits unless the policy sets its own.
const DEFAULT_MAX_LINE: usize = 200;
const DEFAULT_MAX_TEXT: usize = 20_000;

pub(super) fn parse(json: &str) -> Result<PolicyDocument, PolicyError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    PolicyDocument::deserialize(&mut deserializer).map_err(|err| {
        let path = match super::error_path::path_at(json, err.line(), err.column()) {
            path if is_channel_list_or_item(&path) => failing_channel(json).unwrap_or(path),
            path => path,
        };
        let reason = if err.is_syntax() || err.is_eof() {
            format!("this is not valid JSON: {err}")
        } else {
            err.to_string()
        };
        PolicyError { path, reason }
    })
}

/// `channels` or `channels[N]`: where serde_json leaves an error in a channel.
fn is_channel_list_or_item(path: &str) -> bool {
    path.strip_prefix("channels")
        .is_some_and(|rest| rest.is_empty() || (rest.starts_with('[') && !rest.contains('.')))
}

/// A channel is read whole before its `type` says what it is (serde buffers internally tagged
/// enums), so serde_json places an error in one only after it: at the next channel, or at the
/// end of the list. Read each channel alone to name the one that fails.
fn failing_channel(json: &str) -> Option<String> {
    let document: serde_json::Value = serde_json::from_str(json).ok()?;
    let channels = document.get("channels")?.as_array()?;
    let index = channels
        .iter()
        .position(|channel| Channel::deserialize(channel).is_err())?;
    Some(format!("channels[{index}]"))
}

pub(super) fn resolve(doc: PolicyDocument, texts: &Texts) -> Result<Policy, Vec<PolicyError>> {
    let mut errors = Errors::default();
    if doc.version != POLICY_VERSION {
        errors.add(
            "version",
            format!(
                "this sealpost reads policy version {POLICY_VERSION}; this file says version {}",
                doc.version
            ),
        );
    }
    if doc.project.name.trim().is_empty() {
        errors.add(
            "project.name",
            "the project needs a name to show researchers",
        );
    }
    let recipients = resolve_recipients(&doc.recipients, &mut errors);
    let theme = doc.theme.clone().unwrap_or_default();
    check_theme(&theme, &mut errors);
    check_channels(&doc.channels, &mut errors);
    let mut fields = resolve_fields(&doc.fields, &doc.severity, texts, &mut errors);
    if let Severity::Levels { levels } = &doc.severity {
        if levels.is_empty() {
            errors.add("severity.levels", "list at least one severity level");
        }
    }
    if !doc.rules.is_empty() {
        fields.push(FieldDef {
            id: RULES_ACKNOWLEDGEMENT_ID.into(),
            builtin: None,
            control: Control::Checkbox,
            label: texts.fields.acknowledge_rules.into(),
            help: None,
            placeholder: None,
            required: true,
            min_chars: 0,
            max_chars: 0,
            step: Step::Start,
            choice_labels: BTreeMap::new(),
        });
    }
    add_stance(&mut fields, &doc.commitments, texts);
    check_quality(&doc.quality, &fields, &mut errors);
    check_translations(&doc, &fields, &mut errors);
    if doc.quality.confirm_reproduced {
        fields.push(FieldDef {
            id: CONFIRM_REPRODUCED_ID.into(),
            builtin: None,
            control: Control::Checkbox,
            label: texts.fields.confirm_reproduced.into(),
            help: Some(texts.fields.confirm_reproduced_help.into()),
            placeholder: None,
            required: true,
            min_chars: 0,
            max_chars: 0,
            step: Step::How,
            choice_labels: BTreeMap::new(),
        });
    }
    errors.finish(Policy {
        project: doc.project,
        recipients,
        channels: doc.channels,
        fields,
        severity: doc.severity,
        scope: doc.scope,
        rules: doc.rules,
        commitments: doc.commitments,
        attachments: doc.attachments,
        quality: doc.quality,
        theme,
    })
}

/// The evidence gate needs a field that can hold evidence.
fn check_quality(quality: &Quality, fields: &[FieldDef], errors: &mut Errors) {
    let holds_evidence = fields.iter().any(|field| {
        matches!(
            field.builtin,
            Some(Builtin::ProofOfConcept | Builtin::ReproductionSteps | Builtin::Attachments)
        )
    });
    if quality.require_evidence && !holds_evidence {
        errors.add(
            "quality.require_evidence",
            "evidence is required, but the form has no proof_of_concept, reproduction_steps or \
             attachments field to give it in",
        );
    }
    if quality.min_reproduction_steps == 0 || quality.min_reproduction_steps > 50 {
        errors.add("quality.min_reproduction_steps", "must be between 1 and 50");
    }
}

#[derive(Default)]
struct Errors(Vec<PolicyError>);

impl Errors {
    fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.0.push(PolicyError {
            path: path.into(),
            reason: reason.into(),
        });
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<PolicyError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

fn resolve_recipients(recipients: &[Recipient], errors: &mut Errors) -> Vec<RecipientSource> {
    if recipients.is_empty() {
        errors.add(
            "recipients",
            "at least one recipient key is required: sealpost encrypts every report to it",
        );
    }
    recipients
        .iter()
        .enumerate()
        .filter_map(|(i, recipient)| {
            let path = format!("recipients[{i}]");
            let key = match (&recipient.key, &recipient.key_url) {
                (Some(armored), None) => KeySource::Inline(armored.clone()),
                (None, Some(url)) => {
                    if !is_same_site_path(url) {
                        errors.add(
                            format!("{path}.key_url"),
                            format!(
                                "`{url}` is not a path on this site; give a path such as \
                                 /.well-known/security.asc (a key fetched from another site \
                                 could be swapped without you noticing)"
                            ),
                        );
                    }
                    KeySource::Url(url.clone())
                }
                (Some(_), Some(_)) => {
                    errors.add(path, "give either `key` or `key_url`, not both");
                    return None;
                }
                (None, None) => {
                    errors.add(
                        path,
                        "missing the recipient's key: give `key` (armored) or `key_url`",
                    );
                    return None;
                }
            };
            let fingerprint = recipient.fingerprint.as_deref().and_then(|fpr| {
                let normalized = normalize_fingerprint(fpr);
                if normalized.is_none() {
                    errors.add(
                        format!("{path}.fingerprint"),
                        format!(
                            "`{fpr}` is not a fingerprint: expected 40 (v4) or 64 (v6) hex digits"
                        ),
                    );
                }
                normalized
            });
            Some(RecipientSource {
                name: recipient.name.clone(),
                key,
                fingerprint,
                test_key: recipient.test_key,
            })
        })
        .collect()
}

/// Upper-case hex without spaces, if `text` is a v4 or v6 fingerprint.
pub(crate) fn normalize_fingerprint(text: &str) -> Option<String> {
    let hex: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let hex = hex.strip_prefix("0X").unwrap_or(&hex).to_owned();
    (matches!(hex.len(), 40 | 64) && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(hex)
}

/// Whether `url` is a relative reference that stays on the page's own site.
pub fn is_same_site_path(url: &str) -> bool {
    // A relative reference with no scheme and no authority ("//host/…") stays on the page's site.
    !url.is_empty() && !url.starts_with("//") && !url.contains(':') && !url.contains('\\')
}

fn check_channels(channels: &[Channel], errors: &mut Errors) {
    if channels.is_empty() {
        errors.add(
            "channels",
            "list at least one channel (https, email, github_advisory, web_form or public_issue): \
             researchers need a way to send the sealed report",
        );
    }
    for (i, channel) in channels.iter().enumerate() {
        let path = format!("channels[{i}]");
        match channel {
            Channel::Https {
                url,
                headers,
                timeout_seconds,
                ..
            } => {
                check_web_url(&format!("{path}.url"), url, true, errors);
                if *timeout_seconds == Some(0) {
                    errors.add(
                        format!("{path}.timeout_seconds"),
                        "must be at least 1: a timeout of 0 would give up before sending",
                    );
                }
                for name in headers.keys() {
                    if name.is_empty()
                        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    {
                        errors.add(
                            format!("{path}.headers"),
                            format!("`{name}` is not a valid header name"),
                        );
                    }
                }
            }
            Channel::Email { address, backup } => {
                check_email(&format!("{path}.address"), address, errors);
                if let Some(backup) = backup {
                    check_email(&format!("{path}.backup.address"), &backup.address, errors);
                }
            }
            Channel::GithubAdvisory { repository } => {
                let valid = repository.split('/').count() == 2
                    && repository.split('/').all(|part| {
                        !part.is_empty()
                            && part
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    });
                if !valid {
                    errors.add(
                        format!("{path}.repository"),
                        format!(
                            "`{repository}` is not a GitHub repository: write it as owner/name"
                        ),
                    );
                }
            }
            Channel::WebForm { name, url } => {
                if name.trim().is_empty() {
                    errors.add(
                        format!("{path}.name"),
                        "name the platform or form, e.g. HackerOne",
                    );
                }
                check_web_url(&format!("{path}.url"), url, false, errors);
            }
            Channel::PublicIssue { url } => {
                check_web_url(&format!("{path}.url"), url, false, errors)
            }
        }
    }
}

/// HTTPS only, but for loopback addresses when `allow_loopback_http` (a local inbox in tests).
fn check_web_url(path: &str, text: &str, allow_loopback_http: bool, errors: &mut Errors) {
    match crate::web_url::parse(text) {
        Ok(url) if url.scheme == "https" => {}
        Ok(url)
            if allow_loopback_http
                && url.scheme == "http"
                && matches!(
                    url.host.as_deref(),
                    Some("127.0.0.1" | "localhost" | "[::1]")
                ) => {}
        Ok(url) => errors.add(
            path,
            format!("`{text}` uses {}: only https URLs are allowed", url.scheme),
        ),
        Err(err) => errors.add(path, format!("`{text}` is not a URL ({err})")),
    }
}

fn check_email(path: &str, address: &str, errors: &mut Errors) {
    let mut parts = address.split('@');
    let valid = matches!((parts.next(), parts.next(), parts.next()),
        (Some(local), Some(domain), None) if !local.is_empty() && domain.contains('.'))
        && !address
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '?' | '&' | '<' | '>' | ',' | '"'));
    if !valid {
        errors.add(path, format!("`{address}` is not an email address"));
    }
}

fn resolve_fields(
    specs: &[FieldSpec],
    severity: &Severity,
    texts: &Texts,
    errors: &mut Errors,
) -> Vec<FieldDef> {
    let mut seen = HashSet::new();
    let mut fields = Vec::new();
    let errors_before = errors.0.len();
    let mut severity_listed = false;
    for (i, spec) in specs.iter().enumerate() {
        let path = format!("fields[{i}]");
        if !seen.insert(spec.id.as_str()) {
            errors.add(
                format!("{path}.id"),
                format!("the field `{}` is listed twice", spec.id),
            );
            continue;
        }
        let builtin = Builtin::from_id(&spec.id);
        severity_listed |= builtin == Some(Builtin::Severity) && spec.status != FieldStatus::Hidden;
        let Some(control) = control_for(&path, spec, builtin, severity, errors) else {
            continue;
        };
        if spec.status == FieldStatus::Hidden {
            continue;
        }
        let label = match (&spec.label, builtin) {
            (Some(label), _) => label.clone(),
            (None, Some(builtin)) => texts.fields.label(builtin).into(),
            (None, None) => {
                errors.add(
                    format!("{path}.label"),
                    format!("the custom field `{}` needs a label", spec.id),
                );
                continue;
            }
        };
        let default_max = match control {
            Control::Text | Control::Url | Control::Cvss(_) => DEFAULT_MAX_LINE,
            _ => DEFAULT_MAX_TEXT,
        };
        let min_chars = spec.min_length.map_or(0, |n| n as usize);
        let max_chars = spec.max_length.map_or(default_max, |n| n as usize);
        if min_chars > max_chars {
            errors.add(
                format!("{path}.min_length"),
                format!("min_length ({min_chars}) is larger than max_length ({max_chars})"),
            );
        }
        let step = match (builtin, spec.step) {
            (Some(builtin), None) => Step::of_builtin(builtin),
            (Some(_), Some(_)) => {
                errors.add(
                    format!("{path}.step"),
                    format!(
                        "`{}` is a built-in field with its own step: remove `step`",
                        spec.id
                    ),
                );
                continue;
            }
            (None, Some(step)) if !step.takes_fields() => {
                errors.add(
                    format!("{path}.step"),
                    "custom fields go in start, what, how, impact or you",
                );
                continue;
            }
            (None, step) => step.unwrap_or(Step::DEFAULT_FOR_CUSTOM),
        };
        fields.push(FieldDef {
            id: spec.id.clone(),
            builtin,
            control,
            label,
            help: spec
                .help
                .clone()
                .or_else(|| builtin.map(|b| texts.fields.help(b).to_owned())),
            placeholder: spec.placeholder.clone(),
            required: spec.status == FieldStatus::Required,
            min_chars,
            max_chars,
            step,
            choice_labels: if builtin == Some(Builtin::Credit) {
                credit_labels(texts)
            } else {
                BTreeMap::new()
            },
        });
    }
    if *severity != Severity::None && !severity_listed {
        errors.add(
            "fields",
            "severity.mode is set, but no `severity` field is listed: add { \"id\": \"severity\" }",
        );
    }
    let field_errors = errors.0.len() > errors_before;
    if fields.is_empty() && !specs.is_empty() && !field_errors {
        errors.add("fields", "every field is hidden: the form would be empty");
    } else if specs.is_empty() {
        errors.add(
            "fields",
            "list the fields the report form asks for (at least one)",
        );
    }
    fields
}

fn control_for(
    path: &str,
    spec: &FieldSpec,
    builtin: Option<Builtin>,
    severity: &Severity,
    errors: &mut Errors,
) -> Option<Control> {
    let control = match (builtin, spec.kind) {
        (Some(_), Some(_)) => {
            errors.add(
                format!("{path}.kind"),
                format!(
                    "`{}` is a built-in field with its own kind: remove `kind`",
                    spec.id
                ),
            );
            return None;
        }
        (Some(Builtin::Severity), None) => match severity {
            Severity::None => {
                if spec.status != FieldStatus::Hidden {
                    errors.add(
                        path,
                        "the `severity` field needs `severity.mode` (cvss31, cvss40 or levels) at the top level",
                    );
                }
                return None;
            }
            Severity::Cvss31 => Control::Cvss(CvssVersion::V3_1),
            Severity::Cvss40 => Control::Cvss(CvssVersion::V4_0),
            Severity::Levels { levels } => {
                Control::Select(levels.iter().map(|level| level.name.clone()).collect())
            }
        },
        (Some(Builtin::Attachments), None) => Control::Attachments,
        (Some(Builtin::ReporterContact), None) => Control::Email,
        (Some(Builtin::Credit), None) => {
            Control::Select(CREDIT_OPTIONS.iter().map(|&o| o.to_owned()).collect())
        }
        (Some(Builtin::AffectedVersions), None)
            if spec.format == Some(super::document::FieldFormat::Structured) =>
        {
            Control::VersionRanges
        }
        (Some(builtin), None) if builtin.is_multiline() => Control::Textarea,
        (Some(_), None) => Control::Text,
        (None, None) => {
            if !is_identifier(&spec.id) {
                errors.add(
                    format!("{path}.id"),
                    format!(
                        "`{}` is neither a built-in field nor a valid custom id \
                         (lower-case letters, digits and _, starting with a letter)",
                        spec.id
                    ),
                );
            } else {
                errors.add(
                    format!("{path}.kind"),
                    format!(
                        "`{}` is not a built-in field, so it needs a `kind` (text, textarea, select, \
                         multi_select, checkbox, url, number or date)",
                        spec.id
                    ),
                );
            }
            return None;
        }
        (None, Some(kind)) => {
            if !is_identifier(&spec.id)
                || spec.id == RULES_ACKNOWLEDGEMENT_ID
                || spec.id == CONFIRM_REPRODUCED_ID
                || spec.id == REPORTER_STANCE_ID
            {
                errors.add(
                    format!("{path}.id"),
                    format!("`{}` is not a usable id (lower-case letters, digits and _, starting with a letter)", spec.id),
                );
                return None;
            }
            match kind {
                FieldKind::Text => Control::Text,
                FieldKind::Textarea => Control::Textarea,
                FieldKind::Checkbox => Control::Checkbox,
                FieldKind::Url => Control::Url,
                FieldKind::Number => Control::Number,
                FieldKind::Date => Control::Date,
                FieldKind::Email => Control::Email,
                FieldKind::Select | FieldKind::MultiSelect => {
                    if spec.options.is_empty() {
                        errors.add(
                            format!("{path}.options"),
                            format!(
                                "the {} field `{}` needs `options`",
                                kind_name(kind),
                                spec.id
                            ),
                        );
                        return None;
                    }
                    if kind == FieldKind::Select {
                        Control::Select(spec.options.clone())
                    } else {
                        Control::MultiSelect(spec.options.clone())
                    }
                }
            }
        }
    };
    if spec.format.is_some() && builtin != Some(Builtin::AffectedVersions) {
        errors.add(
            format!("{path}.format"),
            format!(
                "`format` applies only to the built-in `affected_versions` field (structured or \
                 text), not to `{}`",
                spec.id
            ),
        );
    }
    if !spec.options.is_empty() && !matches!(control, Control::Select(_) | Control::MultiSelect(_))
    {
        errors.add(
            format!("{path}.options"),
            "`options` applies only to select and multi_select fields",
        );
    }
    Some(control)
}

fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Select => "select",
        FieldKind::MultiSelect => "multi_select",
        _ => "text",
    }
}

fn is_identifier(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.len() <= 64
}

/// What a theme value is, for [`check_theme_value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeValue {
    Color,
    Font,
    Radius,
}

/// Checks one theme value strictly, so it can only ever be a colour, a list of installed font
/// families or a length: no CSS functions (`url(…)` could make the page fetch), no `;` or braces.
/// The host page's URL parameters go through the same check.
pub fn check_theme_value(kind: ThemeValue, value: &str) -> Result<(), String> {
    match kind {
        ThemeValue::Color => {
            let hex = value.strip_prefix('#').unwrap_or("");
            if value.starts_with('#')
                && matches!(hex.len(), 3 | 6)
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
            {
                Ok(())
            } else {
                Err(format!("`{value}` is not a colour: write #rgb or #rrggbb"))
            }
        }
        ThemeValue::Font => {
            let allowed = |c: char| c.is_alphanumeric() || " ,-\"".contains(c);
            if value.trim().is_empty() || value.chars().count() > 200 {
                Err("a font list is 1 to 200 characters".into())
            } else if !value.chars().all(allowed) {
                Err(format!(
                    "`{value}` is not a font list: use letters, digits, spaces, commas, hyphens \
                     and double quotes only (such as \"Inter\", system-ui, sans-serif)"
                ))
            } else if !value.matches('"').count().is_multiple_of(2) {
                Err(format!("`{value}` has an unclosed double quote"))
            } else {
                Ok(())
            }
        }
        ThemeValue::Radius => {
            let number = value
                .strip_suffix("px")
                .or_else(|| value.strip_suffix("rem"))
                .unwrap_or("");
            let valid = !number.is_empty()
                && number.len() <= 6
                && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && number.matches('.').count() <= 1
                && number.parse::<f64>().is_ok();
            if valid {
                Ok(())
            } else {
                Err(format!(
                    "`{value}` is not a radius: write a number of px or rem, such as 4px or 0.5rem"
                ))
            }
        }
    }
}

fn check_theme(theme: &Theme, errors: &mut Errors) {
    let palettes = [
        ("theme.colors", Some(&theme.colors)),
        ("theme.dark", theme.dark.as_ref()),
    ];
    for (path, colors) in palettes {
        for (_, key, value) in colors.map(|c| c.entries()).unwrap_or_default() {
            if let Err(reason) = check_theme_value(ThemeValue::Color, value) {
                errors.add(format!("{path}.{key}"), reason);
            }
        }
    }
    let others = [
        ("theme.font", ThemeValue::Font, &theme.font),
        ("theme.radius", ThemeValue::Radius, &theme.radius),
    ];
    for (path, kind, value) in others {
        if let Some(value) = value {
            if let Err(reason) = check_theme_value(kind, value) {
                errors.add(path, reason);
            }
        }
    }
}

/// The credit field's choices as the page's language words them (the report keeps the English).
fn credit_labels(texts: &Texts) -> BTreeMap<String, String> {
    CREDIT_OPTIONS
        .iter()
        .zip(texts.fields.credit_options)
        .filter(|(choice, shown)| *choice != shown)
        .map(|(choice, shown)| ((*choice).to_owned(), shown.to_owned()))
        .collect()
}

/// Every translation names only fields, choices, rules and notes the policy has.
fn check_translations(doc: &PolicyDocument, fields: &[FieldDef], errors: &mut Errors) {
    for (tag, translation) in &doc.translations {
        let path = format!("translations.{tag}");
        if !is_language_tag(tag) {
            errors.add(
                &path,
                format!("`{tag}` is not a language tag such as de, fr or pt-BR"),
            );
        }
        for (id, text) in &translation.fields {
            let field_path = format!("{path}.fields.{id}");
            let Some(field) = fields.iter().find(|f| &f.id == id) else {
                let listed = doc.fields.iter().any(|spec| &spec.id == id);
                errors.add(
                    field_path,
                    if listed {
                        format!("`{id}` is hidden, so there is nothing to translate")
                    } else {
                        format!("there is no field `{id}` in this policy")
                    },
                );
                continue;
            };
            let choices = super::translate::choices(&field.control);
            for choice in text.options.keys() {
                if !choices.contains(choice) {
                    errors.add(
                        format!("{field_path}.options"),
                        format!("`{id}` offers no choice “{choice}”"),
                    );
                }
            }
        }
        let counts = [
            ("rules", translation.rules.len(), doc.rules.len()),
            (
                "notes",
                translation.notes.len(),
                doc.commitments.notes.len(),
            ),
        ];
        for (list, translated, original) in counts {
            if translated != 0 && translated != original {
                errors.add(
                    format!("{path}.{list}"),
                    format!(
                        "{translated} {list} translated, but the policy has {original}: give \
                         one for each, in the same order"
                    ),
                );
            }
        }
    }
}

/// A BCP 47 tag as policies use them: a 2–3 letter language, then letter/digit subtags.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let language_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// "How do you want to report?" opens "About you" when the policy asks for the reporter's name:
/// with it, by a pseudonym, or (unless the policy refuses anonymous reports or requires the name)
/// anonymously.
fn add_stance(fields: &mut Vec<FieldDef>, commitments: &Commitments, texts: &Texts) {
    let Some(at) = fields
        .iter()
        .position(|f| f.builtin == Some(Builtin::ReporterIdentity))
    else {
        return;
    };
    let anonymous_allowed = commitments.anonymous_reports != Some(false) && !fields[at].required;
    let stances: Vec<Stance> = Stance::ALL
        .into_iter()
        .filter(|&stance| stance != Stance::Anonymous || anonymous_allowed)
        .collect();
    let choice_labels = stances
        .iter()
        .map(|&stance| {
            (
                stance.choice().to_owned(),
                texts.fields.stances[stance as usize].to_owned(),
            )
        })
        .filter(|(choice, shown)| choice != shown)
        .collect();
    let stance_field = FieldDef {
        id: REPORTER_STANCE_ID.into(),
        builtin: None,
        control: Control::Select(stances.iter().map(|s| s.choice().to_owned()).collect()),
        label: texts.fields.stance_label.into(),
        help: None,
        placeholder: None,
        required: false,
        min_chars: 0,
        max_chars: DEFAULT_MAX_LINE,
        step: Step::You,
        choice_labels,
    };
    fields.insert(at, stance_field);
}
