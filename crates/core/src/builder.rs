//! The page builder's form controls over a policy file: the settings most projects change
//! (name, key, where reports go, which fields are asked for), read from and written to the
//! policy's JSON text. The text stays the source of truth — it is what the maintainer edits
//! freely beside the controls and what they download — so every edit is a function from text
//! to text, and a control can only be used while the text is a readable policy document.

use crate::policy::{
    document::{FieldSpec, FieldStatus, Recipient},
    parse_document, Builtin, Channel, PolicyDocument, PolicyError, Project, POLICY_VERSION,
};

/// One change made with a form control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    ProjectName(String),
    /// The first email channel's address; empty removes that channel.
    Email(String),
    /// The first https channel's URL; empty removes that channel.
    Endpoint(String),
    /// The first recipient's key, inline, with its fingerprint pinned when the file holds one
    /// certificate (a team file's keys all become recipients, so none is pinned).
    Key {
        armored: String,
        fingerprint: Option<String>,
    },
    /// A field's status; `None` leaves the field out of the policy (not asked at all).
    Field {
        id: String,
        status: Option<FieldStatus>,
    },
}

/// What the controls show, read from the policy text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub project_name: String,
    pub email: String,
    pub endpoint: String,
    /// The first recipient's pinned fingerprint, if any.
    pub fingerprint: Option<String>,
    pub has_key: bool,
    /// Every built-in field, then the policy's own fields, each with its status in the policy.
    pub fields: Vec<FieldSetting>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSetting {
    pub id: String,
    /// The built-in field's English label, or the policy's label, or the id.
    pub label: String,
    pub status: Option<FieldStatus>,
}

/// The fields a new policy asks for: what most projects' disclosure policies ask (title,
/// versions, description and steps required; the rest optional).
pub fn starter_fields() -> Vec<FieldSpec> {
    let field = |builtin: Builtin, status: FieldStatus| FieldSpec {
        id: builtin.id().into(),
        status,
        ..FieldSpec::default()
    };
    vec![
        field(Builtin::Title, FieldStatus::Required),
        field(Builtin::VulnerabilityType, FieldStatus::Optional),
        field(Builtin::AffectedComponent, FieldStatus::Optional),
        field(Builtin::AffectedVersions, FieldStatus::Required),
        field(Builtin::Description, FieldStatus::Required),
        field(Builtin::ReproductionSteps, FieldStatus::Required),
        field(Builtin::Impact, FieldStatus::Optional),
        field(Builtin::Attachments, FieldStatus::Optional),
        field(Builtin::ReporterIdentity, FieldStatus::Optional),
        field(Builtin::ReporterContact, FieldStatus::Optional),
        field(Builtin::Credit, FieldStatus::Optional),
    ]
}

/// The policy the builder starts from: everything but the key, which the maintainer adds
/// (until then the preview lists that as the one problem).
pub fn starter_json() -> String {
    let document = PolicyDocument {
        schema: None,
        version: POLICY_VERSION,
        project: Project {
            name: "Your project".into(),
            homepage: None,
            languages: vec!["en".into()],
        },
        recipients: Vec::new(),
        channels: vec![Channel::Email {
            address: "security@example.org".into(),
            backup: None,
        }],
        fields: starter_fields(),
        severity: Default::default(),
        scope: Default::default(),
        rules: Vec::new(),
        commitments: Default::default(),
        attachments: Default::default(),
        quality: Default::default(),
        theme: None,
        translations: Default::default(),
    };
    to_json(&document)
}

/// The controls' values for `json`, or why the text is not a policy document.
pub fn settings(json: &str) -> Result<Settings, PolicyError> {
    let document = parse_document(json)?;
    let first = document.recipients.first();
    let mut fields: Vec<FieldSetting> = Builtin::ALL
        .iter()
        .map(|builtin| FieldSetting {
            id: builtin.id().into(),
            label: builtin.label().into(),
            status: status_of(&document, builtin.id()),
        })
        .collect();
    fields.extend(
        document
            .fields
            .iter()
            .filter(|spec| Builtin::from_id(&spec.id).is_none())
            .map(|spec| FieldSetting {
                id: spec.id.clone(),
                label: spec.label.clone().unwrap_or_else(|| spec.id.clone()),
                status: Some(spec.status),
            }),
    );
    Ok(Settings {
        project_name: document.project.name.clone(),
        email: first_email(&document.channels).unwrap_or_default(),
        endpoint: first_endpoint(&document.channels).unwrap_or_default(),
        fingerprint: first.and_then(|r| r.fingerprint.clone()),
        has_key: first.is_some_and(|r| r.key.is_some() || r.key_url.is_some()),
        fields,
    })
}

/// `json` with `edit` made, pretty-printed; or why the text is not a policy document.
pub fn apply(json: &str, edit: &Edit) -> Result<String, PolicyError> {
    let mut document = parse_document(json)?;
    match edit {
        Edit::ProjectName(name) => document.project.name = name.clone(),
        Edit::Email(address) => set_channel(
            &mut document.channels,
            |c| matches!(c, Channel::Email { .. }),
            address,
            |address| Channel::Email {
                address,
                backup: None,
            },
            |channel, address| {
                if let Channel::Email { address: a, .. } = channel {
                    *a = address;
                }
            },
        ),
        Edit::Endpoint(url) => set_channel(
            &mut document.channels,
            |c| matches!(c, Channel::Https { .. }),
            url,
            |url| Channel::Https {
                url,
                body: Default::default(),
                field: "report".into(),
                headers: Default::default(),
                timeout_seconds: None,
            },
            |channel, new| {
                if let Channel::Https { url, .. } = channel {
                    *url = new;
                }
            },
        ),
        Edit::Key {
            armored,
            fingerprint,
        } => {
            if document.recipients.is_empty() {
                document.recipients.push(Recipient {
                    name: None,
                    key: None,
                    key_url: None,
                    fingerprint: None,
                    test_key: false,
                });
            }
            let recipient = &mut document.recipients[0];
            recipient.key = Some(armored.clone());
            recipient.key_url = None;
            recipient.fingerprint = fingerprint.clone();
            // A key the maintainer chose is theirs, not a repository test key.
            recipient.test_key = false;
        }
        Edit::Field { id, status } => set_field(&mut document.fields, id, *status),
    }
    Ok(to_json(&document))
}

fn status_of(document: &PolicyDocument, id: &str) -> Option<FieldStatus> {
    document
        .fields
        .iter()
        .find(|spec| spec.id == id)
        .map(|spec| spec.status)
}

fn first_email(channels: &[Channel]) -> Option<String> {
    channels.iter().find_map(|channel| match channel {
        Channel::Email { address, .. } => Some(address.clone()),
        _ => None,
    })
}

fn first_endpoint(channels: &[Channel]) -> Option<String> {
    channels.iter().find_map(|channel| match channel {
        Channel::Https { url, .. } => Some(url.clone()),
        _ => None,
    })
}

/// Sets the first channel that `is_kind` to `value` (updating it in place, so its other
/// settings stay), adds one at the end if there is none, or removes it when `value` is empty.
fn set_channel(
    channels: &mut Vec<Channel>,
    is_kind: impl Fn(&Channel) -> bool,
    value: &str,
    new: impl FnOnce(String) -> Channel,
    update: impl FnOnce(&mut Channel, String),
) {
    let value = value.trim();
    let position = channels.iter().position(is_kind);
    match (position, value.is_empty()) {
        (Some(index), true) => {
            channels.remove(index);
        }
        (Some(index), false) => update(&mut channels[index], value.to_owned()),
        (None, false) => channels.push(new(value.to_owned())),
        (None, true) => {}
    }
}

/// Sets field `id`'s status, adding a built-in field where the built-in order puts it, or
/// removes the field (`None`).
fn set_field(fields: &mut Vec<FieldSpec>, id: &str, status: Option<FieldStatus>) {
    let position = fields.iter().position(|spec| spec.id == id);
    match (position, status) {
        (Some(index), None) => {
            fields.remove(index);
        }
        (Some(index), Some(status)) => fields[index].status = status,
        (None, None) => {}
        (None, Some(status)) => {
            let order = |id: &str| Builtin::ALL.iter().position(|b| b.id() == id);
            let rank = order(id);
            // After the last field that comes before it among the built-ins.
            let at = fields
                .iter()
                .rposition(|spec| order(&spec.id).zip(rank).is_some_and(|(a, b)| a < b))
                .map_or(0, |index| index + 1);
            let spec = FieldSpec {
                id: id.to_owned(),
                status,
                ..FieldSpec::default()
            };
            if rank.is_some() {
                fields.insert(at, spec);
            } else {
                fields.push(spec);
            }
        }
    }
}

fn to_json(document: &PolicyDocument) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut json = serde_json::to_string_pretty(document).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests;
