//! The review's advice on weak (not invalid) answers; see [`crate::i18n`] and
//! [`crate::guide::Advice`].

pub struct AdviceTexts {
    pub short_title: &'static str,
    pub no_versions: &'static str,
    pub no_steps: &'static str,
    pub one_step: &'static str,
    pub no_proof: &'static str,
    pub no_impact: &'static str,
    pub brief_impact: &'static str,
}

pub static EN: AdviceTexts = AdviceTexts {
    short_title: "The title is very short: name the flaw and where it is, e.g. “SQL injection in \
                  the search endpoint”.",
    no_versions: "No affected versions: say which release or commit you tested.",
    no_steps: "No reproduction steps: reports the project can reproduce are fixed sooner.",
    one_step: "Only one reproduction step: number each action, from a clean install to the \
               effect you saw.",
    no_proof: "No proof of concept or file: a request, script or failing test makes triage much \
               faster.",
    no_impact: "No impact: say what an attacker gains, and what they need first.",
    brief_impact: "The impact is brief: say what an attacker gains, and what they need first.",
};

pub static DE: AdviceTexts = AdviceTexts {
    short_title: "Der Titel ist sehr kurz: Nennen Sie die Schwachstelle und wo sie liegt, z. B. \
                  „SQL-Injection im Such-Endpunkt“.",
    no_versions: "Keine betroffenen Versionen: Geben Sie an, welches Release oder welchen Commit \
                  Sie getestet haben.",
    no_steps: "Keine Schritte zum Nachvollziehen: Meldungen, die das Projekt nachvollziehen kann, \
               werden schneller behoben.",
    one_step:
        "Nur ein Schritt zum Nachvollziehen: Nummerieren Sie jede Aktion, von einer frischen \
               Installation bis zur beobachteten Wirkung.",
    no_proof: "Kein Proof of Concept und keine Datei: Eine Anfrage, ein Skript oder ein \
               fehlschlagender Test beschleunigt die Bewertung sehr.",
    no_impact: "Keine Auswirkung angegeben: Sagen Sie, was ein Angreifer gewinnt und was er \
                zuvor braucht.",
    brief_impact: "Die Auswirkung ist knapp beschrieben: Sagen Sie, was ein Angreifer gewinnt und \
                   was er zuvor braucht.",
};
