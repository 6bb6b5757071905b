//! CVSS 3.1's metrics and values (FIRST's specification, section 7.4), in vector order.
//! The help texts are short paraphrases of the specification for the form.

use super::metrics::{v, Group, Metric, MetricValue};

const IMPACT: &[MetricValue] = &[v("H", "High"), v("L", "Low"), v("N", "None")];
const MODIFIED_IMPACT: &[MetricValue] = &[
    v("X", "Not Defined"),
    v("H", "High"),
    v("L", "Low"),
    v("N", "None"),
];
const REQUIREMENT: &[MetricValue] = &[
    v("X", "Not Defined"),
    v("H", "High"),
    v("M", "Medium"),
    v("L", "Low"),
];

pub(super) static METRICS: &[Metric] = &[
    Metric {
        id: "AV",
        name: "Attack Vector",
        help: "How remote the attacker can be: over the network, from an adjacent network, \
               with local access, or only by touching the device.",
        group: Group::Base,
        values: &[
            v("N", "Network"),
            v("A", "Adjacent"),
            v("L", "Local"),
            v("P", "Physical"),
        ],
    },
    Metric {
        id: "AC",
        name: "Attack Complexity",
        help: "Whether the attack needs conditions beyond the attacker's control, such as \
               winning a race or knowing target-specific secrets.",
        group: Group::Base,
        values: &[v("L", "Low"), v("H", "High")],
    },
    Metric {
        id: "PR",
        name: "Privileges Required",
        help: "The privileges the attacker needs before the attack: none, an ordinary user, \
               or an administrator.",
        group: Group::Base,
        values: &[v("N", "None"), v("L", "Low"), v("H", "High")],
    },
    Metric {
        id: "UI",
        name: "User Interaction",
        help: "Whether someone other than the attacker must do something, such as open a \
               link or a file, for the attack to succeed.",
        group: Group::Base,
        values: &[v("N", "None"), v("R", "Required")],
    },
    Metric {
        id: "S",
        name: "Scope",
        help: "Whether the attack reaches beyond the vulnerable component's security \
               authority, e.g. from a guest into its host or from a page into the browser.",
        group: Group::Base,
        values: &[v("U", "Unchanged"), v("C", "Changed")],
    },
    Metric {
        id: "C",
        name: "Confidentiality",
        help: "How much information the attacker can read that they should not.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "I",
        name: "Integrity",
        help: "How much the attacker can modify that they should not.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "A",
        name: "Availability",
        help: "How far the attacker can deny use of the affected component.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "E",
        name: "Exploit Code Maturity",
        help: "How mature the known exploit techniques or code are.",
        group: Group::Temporal,
        values: &[
            v("X", "Not Defined"),
            v("H", "High"),
            v("F", "Functional"),
            v("P", "Proof-of-Concept"),
            v("U", "Unproven"),
        ],
    },
    Metric {
        id: "RL",
        name: "Remediation Level",
        help: "What fix or workaround is available.",
        group: Group::Temporal,
        values: &[
            v("X", "Not Defined"),
            v("U", "Unavailable"),
            v("W", "Workaround"),
            v("T", "Temporary Fix"),
            v("O", "Official Fix"),
        ],
    },
    Metric {
        id: "RC",
        name: "Report Confidence",
        help: "How confident one can be that the vulnerability exists as described.",
        group: Group::Temporal,
        values: &[
            v("X", "Not Defined"),
            v("C", "Confirmed"),
            v("R", "Reasonable"),
            v("U", "Unknown"),
        ],
    },
    Metric {
        id: "CR",
        name: "Confidentiality Requirement",
        help: "How much confidentiality matters for the affected system in your environment.",
        group: Group::Environmental,
        values: REQUIREMENT,
    },
    Metric {
        id: "IR",
        name: "Integrity Requirement",
        help: "How much integrity matters for the affected system in your environment.",
        group: Group::Environmental,
        values: REQUIREMENT,
    },
    Metric {
        id: "AR",
        name: "Availability Requirement",
        help: "How much availability matters for the affected system in your environment.",
        group: Group::Environmental,
        values: REQUIREMENT,
    },
    Metric {
        id: "MAV",
        name: "Modified Attack Vector",
        help: "Attack Vector as it is in your environment.",
        group: Group::Environmental,
        values: &[
            v("X", "Not Defined"),
            v("N", "Network"),
            v("A", "Adjacent"),
            v("L", "Local"),
            v("P", "Physical"),
        ],
    },
    Metric {
        id: "MAC",
        name: "Modified Attack Complexity",
        help: "Attack Complexity as it is in your environment.",
        group: Group::Environmental,
        values: &[v("X", "Not Defined"), v("L", "Low"), v("H", "High")],
    },
    Metric {
        id: "MPR",
        name: "Modified Privileges Required",
        help: "Privileges Required as it is in your environment.",
        group: Group::Environmental,
        values: &[
            v("X", "Not Defined"),
            v("N", "None"),
            v("L", "Low"),
            v("H", "High"),
        ],
    },
    Metric {
        id: "MUI",
        name: "Modified User Interaction",
        help: "User Interaction as it is in your environment.",
        group: Group::Environmental,
        values: &[v("X", "Not Defined"), v("N", "None"), v("R", "Required")],
    },
    Metric {
        id: "MS",
        name: "Modified Scope",
        help: "Scope as it is in your environment.",
        group: Group::Environmental,
        values: &[
            v("X", "Not Defined"),
            v("U", "Unchanged"),
            v("C", "Changed"),
        ],
    },
    Metric {
        id: "MC",
        name: "Modified Confidentiality",
        help: "Confidentiality impact as it is in your environment.",
        group: Group::Environmental,
        values: MODIFIED_IMPACT,
    },
    Metric {
        id: "MI",
        name: "Modified Integrity",
        help: "Integrity impact as it is in your environment.",
        group: Group::Environmental,
        values: MODIFIED_IMPACT,
    },
    Metric {
        id: "MA",
        name: "Modified Availability",
        help: "Availability impact as it is in your environment.",
        group: Group::Environmental,
        values: MODIFIED_IMPACT,
    },
];
