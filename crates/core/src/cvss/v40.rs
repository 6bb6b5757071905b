//! CVSS 4.0's metrics and values (FIRST's specification, section 7), in vector order.
//! The help texts are short paraphrases of the specification for the form.

use super::metrics::{v, Group, Metric, MetricValue};

const IMPACT: &[MetricValue] = &[v("H", "High"), v("L", "Low"), v("N", "None")];
const MODIFIED_VULNERABLE_IMPACT: &[MetricValue] = &[
    v("X", "Not Defined"),
    v("H", "High"),
    v("L", "Low"),
    v("N", "None"),
];
/// Integrity and availability of subsequent systems may also be raised to Safety.
const MODIFIED_SUBSEQUENT_SAFETY: &[MetricValue] = &[
    v("X", "Not Defined"),
    v("S", "Safety"),
    v("H", "High"),
    v("L", "Low"),
    v("N", "Negligible"),
];
const REQUIREMENT: &[MetricValue] = &[
    v("X", "Not Defined"),
    v("H", "High"),
    v("M", "Medium"),
    v("L", "Low"),
];

pub(super) static METRICS: &[Metric] = &[
    // Base: what the vulnerability is, whoever runs the product.
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
        help: "Whether the attacker must evade or defeat security measures, such as exploit \
               mitigations, or obtain target-specific secrets.",
        group: Group::Base,
        values: &[v("L", "Low"), v("H", "High")],
    },
    Metric {
        id: "AT",
        name: "Attack Requirements",
        help: "Whether the attack depends on conditions of the deployment that are not \
               security measures, such as a race condition or a particular configuration.",
        group: Group::Base,
        values: &[v("N", "None"), v("P", "Present")],
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
        help: "Whether another person must take part: not at all, passively (e.g. by \
               visiting a page), or actively (e.g. by dismissing a warning or running a file).",
        group: Group::Base,
        values: &[v("N", "None"), v("P", "Passive"), v("A", "Active")],
    },
    Metric {
        id: "VC",
        name: "Vulnerable System Confidentiality",
        help: "How much information in the vulnerable system the attacker can read.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "VI",
        name: "Vulnerable System Integrity",
        help: "How much in the vulnerable system the attacker can modify.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "VA",
        name: "Vulnerable System Availability",
        help: "How far the attacker can deny use of the vulnerable system.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "SC",
        name: "Subsequent System Confidentiality",
        help: "How much information in other systems (beyond the vulnerable one) the \
               attacker can read.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "SI",
        name: "Subsequent System Integrity",
        help: "How much in other systems (beyond the vulnerable one) the attacker can modify.",
        group: Group::Base,
        values: IMPACT,
    },
    Metric {
        id: "SA",
        name: "Subsequent System Availability",
        help: "How far the attacker can deny use of other systems (beyond the vulnerable one).",
        group: Group::Base,
        values: IMPACT,
    },
    // Threat and environmental: what is known about attacks, and the consumer's view.
    Metric {
        id: "E",
        name: "Exploit Maturity",
        help: "What is known about attacks: reported attacks, a public proof of concept, \
               or neither.",
        group: Group::Threat,
        values: &[
            v("X", "Not Defined"),
            v("A", "Attacked"),
            v("P", "POC"),
            v("U", "Unreported"),
        ],
    },
    Metric {
        id: "CR",
        name: "Confidentiality Requirements",
        help: "How much confidentiality matters for the vulnerable system in your environment.",
        group: Group::Environmental,
        values: REQUIREMENT,
    },
    Metric {
        id: "IR",
        name: "Integrity Requirements",
        help: "How much integrity matters for the vulnerable system in your environment.",
        group: Group::Environmental,
        values: REQUIREMENT,
    },
    Metric {
        id: "AR",
        name: "Availability Requirements",
        help: "How much availability matters for the vulnerable system in your environment.",
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
        id: "MAT",
        name: "Modified Attack Requirements",
        help: "Attack Requirements as they are in your environment.",
        group: Group::Environmental,
        values: &[v("X", "Not Defined"), v("N", "None"), v("P", "Present")],
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
        values: &[
            v("X", "Not Defined"),
            v("N", "None"),
            v("P", "Passive"),
            v("A", "Active"),
        ],
    },
    Metric {
        id: "MVC",
        name: "Modified Vulnerable System Confidentiality",
        help: "Confidentiality impact on the vulnerable system in your environment.",
        group: Group::Environmental,
        values: MODIFIED_VULNERABLE_IMPACT,
    },
    Metric {
        id: "MVI",
        name: "Modified Vulnerable System Integrity",
        help: "Integrity impact on the vulnerable system in your environment.",
        group: Group::Environmental,
        values: MODIFIED_VULNERABLE_IMPACT,
    },
    Metric {
        id: "MVA",
        name: "Modified Vulnerable System Availability",
        help: "Availability impact on the vulnerable system in your environment.",
        group: Group::Environmental,
        values: MODIFIED_VULNERABLE_IMPACT,
    },
    Metric {
        id: "MSC",
        name: "Modified Subsequent System Confidentiality",
        help: "Confidentiality impact on other systems in your environment.",
        group: Group::Environmental,
        values: &[
            v("X", "Not Defined"),
            v("H", "High"),
            v("L", "Low"),
            v("N", "Negligible"),
        ],
    },
    Metric {
        id: "MSI",
        name: "Modified Subsequent System Integrity",
        help: "Integrity impact on other systems in your environment; Safety if it can \
               injure people.",
        group: Group::Environmental,
        values: MODIFIED_SUBSEQUENT_SAFETY,
    },
    Metric {
        id: "MSA",
        name: "Modified Subsequent System Availability",
        help: "Availability impact on other systems in your environment; Safety if it can \
               injure people.",
        group: Group::Environmental,
        values: MODIFIED_SUBSEQUENT_SAFETY,
    },
    // Supplemental: extra context that never changes the score.
    Metric {
        id: "S",
        name: "Safety",
        help: "Whether exploiting the vulnerability can injure people.",
        group: Group::Supplemental,
        values: &[
            v("X", "Not Defined"),
            v("N", "Negligible"),
            v("P", "Present"),
        ],
    },
    Metric {
        id: "AU",
        name: "Automatable",
        help: "Whether an attacker can automate exploitation across many targets.",
        group: Group::Supplemental,
        values: &[v("X", "Not Defined"), v("N", "No"), v("Y", "Yes")],
    },
    Metric {
        id: "R",
        name: "Recovery",
        help: "How the system recovers after an attack: by itself, by a user, or not at all.",
        group: Group::Supplemental,
        values: &[
            v("X", "Not Defined"),
            v("A", "Automatic"),
            v("U", "User"),
            v("I", "Irrecoverable"),
        ],
    },
    Metric {
        id: "V",
        name: "Value Density",
        help: "Whether one successful attack yields the resources of one user or of many.",
        group: Group::Supplemental,
        values: &[
            v("X", "Not Defined"),
            v("D", "Diffuse"),
            v("C", "Concentrated"),
        ],
    },
    Metric {
        id: "RE",
        name: "Vulnerability Response Effort",
        help: "How hard it is for consumers to respond, e.g. to deploy the fix.",
        group: Group::Supplemental,
        values: &[
            v("X", "Not Defined"),
            v("L", "Low"),
            v("M", "Moderate"),
            v("H", "High"),
        ],
    },
    Metric {
        id: "U",
        name: "Provider Urgency",
        help: "How urgent the product's provider rates the vulnerability.",
        group: Group::Supplemental,
        values: &[
            v("X", "Not Defined"),
            v("Clear", "Clear"),
            v("Green", "Green"),
            v("Amber", "Amber"),
            v("Red", "Red"),
        ],
    },
];
