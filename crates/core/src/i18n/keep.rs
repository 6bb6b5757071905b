//! Keeping work: encrypted drafts on this device ([`crate::draft`], the page's draft store) and
//! the reply key pair, with the passphrase both ask for; see [`crate::i18n`].

pub struct KeepTexts {
    // A new passphrase, typed twice.
    pub same_again: &'static str,
    pub passphrases_differ: &'static str,
    // The draft panel.
    pub drafts_heading: &'static str,
    pub draft_found: &'static str,
    pub restore_passphrase: &'static str,
    pub restore: &'static str,
    pub delete_draft: &'static str,
    pub keep_label: &'static str,
    pub keep_help: &'static str,
    pub draft_passphrase: &'static str,
    pub draft_passphrase_help: fn(min_chars: usize) -> String,
    pub keep_button: &'static str,
    /// Before the names of files to attach again.
    pub attach_again: &'static str,
    pub passphrase_too_short: fn(min_chars: usize) -> String,
    pub type_twice: &'static str,
    pub opening: &'static str,
    pub restored: &'static str,
    pub saving: &'static str,
    pub saved_at: fn(time: &str) -> String,
    pub deleted: &'static str,
    // What went wrong with a draft (crate::draft::DraftError).
    pub choose_longer: fn(min_chars: usize) -> String,
    pub wrong_passphrase: &'static str,
    pub damaged: fn(detail: &str) -> String,
    pub not_encrypted_by_library: fn(detail: &str) -> String,
    // What the browser's storage refused (the page's draft store).
    pub storage_unavailable: &'static str,
    pub storage_refused: fn(reason: &str) -> String,
    pub storage_not_encrypted: &'static str,
    // The reply key.
    pub reply_heading: &'static str,
    /// The explanation, around the two GnuPG commands shown as code: before
    /// `gpg --import`, between it and `gpg --decrypt`, after.
    pub reply_intro: (&'static str, &'static str, &'static str),
    pub reply_passphrase: &'static str,
    pub reply_passphrase_help: &'static str,
    pub optional_recommended: &'static str,
    pub make_key: &'static str,
    pub fingerprint: &'static str,
    pub added_after_download: &'static str,
    pub added: &'static str,
    pub download_secret: &'static str,
    pub reply_differ: &'static str,
    pub making: &'static str,
    pub made: &'static str,
    pub secret_downloaded: fn(file: &str) -> String,
    pub secret_download_failed: fn(reason: &str) -> String,
    pub reply_removed: &'static str,
}

pub static EN: KeepTexts = KeepTexts {
    same_again: "The same passphrase again",
    passphrases_differ: "The two passphrases differ.",
    drafts_heading: "Drafts on this device",
    draft_found: "A draft of a report for this project is saved on this device, encrypted.",
    restore_passphrase: "Passphrase of the draft",
    restore: "Restore your draft",
    delete_draft: "Delete the draft",
    keep_label: "Keep an encrypted draft on this device",
    keep_help: "Off unless you tick it. What you type is encrypted with a passphrase you choose \
                and saved in this browser, again after each change; unticking deletes it. \
                Attached files are not kept, only their names: attach them again when you come \
                back.",
    draft_passphrase: "Passphrase for the draft",
    draft_passphrase_help: |min| {
        format!(
            "At least {min} characters. Without it the draft cannot be opened; sealpost cannot \
             recover it."
        )
    },
    keep_button: "Keep the draft",
    attach_again: "Files are not kept with a draft. Attach these again: ",
    passphrase_too_short: |min| {
        format!("At least {min} characters; a few unrelated words are best.")
    },
    type_twice: "Type the same passphrase twice.",
    opening: "Opening your draft…",
    restored: "Your draft is restored. It stays saved on this device, encrypted, as you \
               continue.",
    saving: "Saving the draft…",
    saved_at: |time| format!("Draft saved on this device, encrypted, at {time}."),
    deleted: "The draft was deleted from this device.",
    choose_longer: |min| format!("Choose a passphrase of at least {min} characters."),
    wrong_passphrase: "That passphrase does not open the draft. Nothing was lost: check it and \
                       try again.",
    damaged: |detail| {
        format!(
            "The saved draft is damaged and cannot be read ({detail}). You can delete it and \
             start again."
        )
    },
    not_encrypted_by_library: |detail| format!("The draft could not be encrypted: {detail}"),
    storage_unavailable: "This browser does not let the page keep anything on this device \
                          (private browsing, blocked site data, or a page opened from a file), \
                          so no draft can be kept. Your report stays here while this page is \
                          open.",
    storage_refused: |reason| {
        format!(
            "The browser refused to keep the draft ({reason}). Your report stays here while \
             this page is open."
        )
    },
    storage_not_encrypted: "The draft was not encrypted, so it was not kept. Nothing was \
                            written to this device.",
    reply_heading: "A key for the project's reply (optional)",
    reply_intro: (
        "The project can answer you encrypted if your report carries a public key of yours. \
         You can make one here: it is made in this page, the secret half is downloaded to your \
         device and never sent or stored, and only the public half goes into the report. Open \
         the project's answer with the secret key (for example with GnuPG: ",
        " the file, then ",
        ").",
    ),
    reply_passphrase: "Passphrase for the secret key",
    reply_passphrase_help: "Protects the downloaded secret key. sealpost cannot recover it.",
    optional_recommended: "optional, recommended",
    make_key: "Make a reply key",
    fingerprint: "Fingerprint: ",
    added_after_download: "The key is added to your report once you have downloaded the secret \
                           key.",
    added: "Added to your report: the project will see this fingerprint.",
    download_secret: "Download your secret key",
    reply_differ: "The two passphrases differ. Type the same one twice, or leave both empty.",
    making: "Making your key…",
    made: "Your key is made. Download the secret key now: it is the only way to read the \
           project's reply, and this page does not keep it.",
    secret_downloaded: |file| {
        format!(
            "Downloaded {file}. Keep it safe. Your report will carry the public key, so the \
             project can reply encrypted to it."
        )
    },
    secret_download_failed: |reason| {
        format!(
            "Could not download the secret key ({reason}). The key was not added to your report."
        )
    },
    reply_removed: "The reply key was removed; your report will not carry one.",
};

pub static DE: KeepTexts = KeepTexts {
    same_again: "Dieselbe Passphrase noch einmal",
    passphrases_differ: "Die beiden Passphrasen unterscheiden sich.",
    drafts_heading: "Entwürfe auf diesem Gerät",
    draft_found: "Auf diesem Gerät ist ein verschlüsselter Entwurf eines Berichts für dieses \
                  Projekt gespeichert.",
    restore_passphrase: "Passphrase des Entwurfs",
    restore: "Entwurf wiederherstellen",
    delete_draft: "Entwurf löschen",
    keep_label: "Einen verschlüsselten Entwurf auf diesem Gerät behalten",
    keep_help: "Aus, solange Sie es nicht ankreuzen. Was Sie eingeben, wird mit einer \
                Passphrase Ihrer Wahl verschlüsselt und in diesem Browser gespeichert, nach \
                jeder Änderung erneut; das Abwählen löscht den Entwurf. Angehängte Dateien \
                werden nicht behalten, nur ihre Namen: Hängen Sie sie erneut an, wenn Sie \
                zurückkommen.",
    draft_passphrase: "Passphrase für den Entwurf",
    draft_passphrase_help: |min| {
        format!(
            "Mindestens {min} Zeichen. Ohne sie lässt sich der Entwurf nicht öffnen; sealpost \
             kann sie nicht wiederherstellen."
        )
    },
    keep_button: "Entwurf behalten",
    attach_again: "Dateien werden mit einem Entwurf nicht gespeichert. Hängen Sie diese erneut \
                   an: ",
    passphrase_too_short: |min| {
        format!("Mindestens {min} Zeichen; am besten einige Wörter, die nichts miteinander zu tun haben.")
    },
    type_twice: "Geben Sie zweimal dieselbe Passphrase ein.",
    opening: "Ihr Entwurf wird geöffnet…",
    restored: "Ihr Entwurf ist wiederhergestellt. Er bleibt verschlüsselt auf diesem Gerät \
               gespeichert, während Sie weiterarbeiten.",
    saving: "Der Entwurf wird gespeichert…",
    saved_at: |time| format!("Entwurf um {time} verschlüsselt auf diesem Gerät gespeichert."),
    deleted: "Der Entwurf wurde von diesem Gerät gelöscht.",
    choose_longer: |min| format!("Wählen Sie eine Passphrase mit mindestens {min} Zeichen."),
    wrong_passphrase: "Diese Passphrase öffnet den Entwurf nicht. Es ist nichts verloren: \
                       Prüfen Sie sie und versuchen Sie es erneut.",
    damaged: |detail| {
        format!(
            "Der gespeicherte Entwurf ist beschädigt und nicht lesbar ({detail}). Sie können \
             ihn löschen und neu beginnen."
        )
    },
    not_encrypted_by_library: |detail| {
        format!("Der Entwurf konnte nicht verschlüsselt werden: {detail}")
    },
    storage_unavailable: "Dieser Browser erlaubt der Seite nicht, etwas auf diesem Gerät zu \
                          speichern (privates Surfen, blockierte Website-Daten oder eine aus \
                          einer Datei geöffnete Seite), daher kann kein Entwurf behalten werden. \
                          Ihr Bericht bleibt hier, solange diese Seite geöffnet ist.",
    storage_refused: |reason| {
        format!(
            "Der Browser hat das Speichern des Entwurfs abgelehnt ({reason}). Ihr Bericht \
             bleibt hier, solange diese Seite geöffnet ist."
        )
    },
    storage_not_encrypted: "Der Entwurf war nicht verschlüsselt und wurde daher nicht \
                            gespeichert. Auf dieses Gerät wurde nichts geschrieben.",
    reply_heading: "Ein Schlüssel für die Antwort des Projekts (freiwillig)",
    reply_intro: (
        "Das Projekt kann Ihnen verschlüsselt antworten, wenn Ihr Bericht einen öffentlichen \
         Schlüssel von Ihnen enthält. Sie können hier einen erzeugen: Er entsteht in dieser \
         Seite, die geheime Hälfte wird auf Ihr Gerät heruntergeladen und nie gesendet oder \
         gespeichert, und nur die öffentliche Hälfte kommt in den Bericht. Öffnen Sie die \
         Antwort des Projekts mit dem geheimen Schlüssel (zum Beispiel mit GnuPG: ",
        " für die Datei, dann ",
        ").",
    ),
    reply_passphrase: "Passphrase für den geheimen Schlüssel",
    reply_passphrase_help: "Schützt den heruntergeladenen geheimen Schlüssel. sealpost kann sie \
                            nicht wiederherstellen.",
    optional_recommended: "freiwillig, empfohlen",
    make_key: "Antwortschlüssel erzeugen",
    fingerprint: "Fingerabdruck: ",
    added_after_download: "Der Schlüssel kommt in Ihren Bericht, sobald Sie den geheimen \
                           Schlüssel heruntergeladen haben.",
    added: "In Ihren Bericht aufgenommen: Das Projekt sieht diesen Fingerabdruck.",
    download_secret: "Ihren geheimen Schlüssel herunterladen",
    reply_differ: "Die beiden Passphrasen unterscheiden sich. Geben Sie zweimal dieselbe ein \
                   oder lassen Sie beide leer.",
    making: "Ihr Schlüssel wird erzeugt…",
    made: "Ihr Schlüssel ist erzeugt. Laden Sie jetzt den geheimen Schlüssel herunter: Nur mit \
           ihm können Sie die Antwort des Projekts lesen, und diese Seite behält ihn nicht.",
    secret_downloaded: |file| {
        format!(
            "{file} wurde heruntergeladen. Bewahren Sie die Datei sicher auf. Ihr Bericht \
             enthält den öffentlichen Schlüssel, damit das Projekt Ihnen verschlüsselt antworten \
             kann."
        )
    },
    secret_download_failed: |reason| {
        format!(
            "Der geheime Schlüssel konnte nicht heruntergeladen werden ({reason}). Der \
             Schlüssel wurde Ihrem Bericht nicht hinzugefügt."
        )
    },
    reply_removed: "Der Antwortschlüssel wurde entfernt; Ihr Bericht enthält keinen.",
};
