//! Sealing, the sealed report and every way of sending it: the output panel, the channel list,
//! the inbox upload and what its answers mean ([`crate::delivery`]), the hand-offs to other
//! platforms, copying, the offline copy of the page, and the encryption worker's own failures;
//! see [`crate::i18n`]. What goes to the project (the letter, a mail's subject, the receipt
//! file) stays English and is not here.

pub struct SendTexts {
    // The sealed report.
    pub sealed_heading: &'static str,
    pub sealed_intro: &'static str,
    /// "Report {id} · {cipher} · " before the sizes.
    pub report_and_cipher: fn(report_id: &str, cipher: &str) -> String,
    /// After the size before encryption, and after the size after it.
    pub size_before: &'static str,
    pub size_after: &'static str,
    pub stale: &'static str,
    pub ciphertext_label: &'static str,
    pub binary_note: &'static str,
    pub copy_to_clipboard: &'static str,
    pub download_file: fn(file: &str) -> String,
    pub downloaded: fn(file: &str) -> String,
    pub download_failed: fn(reason: &str) -> String,
    // Copying.
    pub copied_encrypted: &'static str,
    pub copied_field: &'static str,
    pub copied_report: &'static str,
    pub copy_failed: fn(reason: &str) -> String,
    // The channels.
    pub channels_heading: &'static str,
    /// Before the address on the mail button.
    pub email_to: &'static str,
    /// Before and after the backup address.
    pub backup: fn(hours: u32) -> String,
    pub backup_end: &'static str,
    pub too_long_for_link: fn(file: &str) -> String,
    pub too_big_for_mail: fn(size: &str) -> String,
    pub github_open: fn(repository: &str) -> String,
    pub github_then: &'static str,
    pub report_through: fn(name: &str) -> String,
    pub public_issue: &'static str,
    pub public_issue_warning: &'static str,
    // Hand-offs.
    pub advisory_summary: &'static str,
    pub advisory_warning: &'static str,
    pub not_in_report: &'static str,
    pub copy_named: fn(label: &str) -> String,
    pub copy_encrypted: &'static str,
    pub copy_plain: &'static str,
    pub plain_hint: &'static str,
    // The inbox.
    pub send_inbox: &'static str,
    pub send_again: &'static str,
    pub upload_label: &'static str,
    pub uploading: fn(sent: &str, total: &str) -> String,
    pub sending: &'static str,
    pub sent: &'static str,
    pub sent_receipt: fn(receipt: &str) -> String,
    pub download_receipt: &'static str,
    pub receipt_note: &'static str,
    /// A retry is coming: why the last attempt failed, and the wait in seconds.
    pub retrying: fn(reason: &str, seconds: u64) -> String,
    pub cannot_prepare: fn(detail: &str) -> String,
    pub cannot_build_form: &'static str,
    // What an inbox's answer means (crate::delivery). Each failure ends with `still_here`.
    pub still_here: &'static str,
    /// " It said: “…”." after a failure, with the server's own (untrusted) words.
    pub server_said: fn(message: &str) -> String,
    /// " Try again in … seconds." after a 429.
    pub try_again_in: fn(seconds: u64) -> String,
    pub inbox_too_large: fn(server_said: &str) -> String,
    pub inbox_busy: fn(try_again: &str) -> String,
    pub inbox_refused: fn(status: u16, server_said: &str) -> String,
    pub inbox_failed_times: fn(status: u16, attempts: u32, server_said: &str) -> String,
    pub offline: &'static str,
    pub cors_refused: fn(page_origin: &str) -> String,
    pub gave_up: fn(reason: &str, attempts: u32, hint: &str) -> String,
    pub hint_unreachable: &'static str,
    pub hint_timed_out: &'static str,
    pub reason_inbox_failed: fn(status: u16) -> String,
    pub reason_timed_out: fn(seconds: u64) -> String,
    pub reason_unreachable: &'static str,
    // The offline copy of the page.
    pub offline_button: &'static str,
    pub offline_busy: &'static str,
    pub offline_saved: fn(file: &str) -> String,
    pub offline_failed: fn(reason: &str) -> String,
    pub offline_not_built: &'static str,
    pub offline_not_loaded: &'static str,
    // The encryption worker.
    pub worker_stopped: fn(detail: &str) -> String,
    pub worker_not_loaded: &'static str,
    pub worker_silent: &'static str,
    pub worker_not_started: &'static str,
    pub worker_refused: fn(reason: &str) -> String,
    pub worker_unreachable: fn(detail: &str) -> String,
    pub worker_unreadable: fn(detail: &str) -> String,
    pub worker_no_message: &'static str,
}

pub static EN: SendTexts = SendTexts {
    sealed_heading: "Your encrypted report",
    sealed_intro: "Only the project's keys can read this. Nothing has been sent yet.",
    report_and_cipher: |id, cipher| format!("Report {id} · {cipher} · "),
    size_before: " before encryption, ",
    size_after: " after.",
    stale: "You changed the report after encrypting it. Press “Encrypt report” again to include \
            your changes.",
    ciphertext_label: "Encrypted report (OpenPGP)",
    binary_note: "Your attachments make this report large, so it was encrypted as a binary \
                  file. Download it and send the file by one of the ways below.",
    copy_to_clipboard: "Copy to clipboard",
    download_file: |file| format!("Download {file}"),
    downloaded: |file| format!("Downloaded {file}."),
    download_failed: |reason| format!("Could not download ({reason}). Copy the text instead."),
    copied_encrypted: "Copied the encrypted report to the clipboard.",
    copied_field: "Copied the field to the clipboard.",
    copied_report: "Copied the report to the clipboard.",
    copy_failed: |reason| {
        format!("Could not copy ({reason}). Select the text and copy it by hand.")
    },
    channels_heading: "Send it to the project",
    email_to: "Email to ",
    backup: |hours| format!("No answer within {hours} hours? Write to "),
    backup_end: ".",
    too_long_for_link: |file| {
        format!(
            "This report is too long for an email link: the button downloads {file} and opens \
             a message asking you to attach it."
        )
    },
    too_big_for_mail: |size| {
        format!(
            "The encrypted report is {size}: most mail providers refuse messages over 20–25 MB. \
             If yours does, use another way below."
        )
    },
    github_open: |repository| format!("Open a private security advisory on GitHub ({repository})"),
    github_then: "Then copy your report into GitHub's form, field by field:",
    report_through: |name| format!("Report through {name}"),
    public_issue: "Open a public issue",
    public_issue_warning: "Issues are public: paste only the encrypted text above, never your \
                           report in plain words. Anyone can see that you reported something, \
                           but only the project can read it.",
    advisory_summary: "Your report in GitHub's advisory fields",
    advisory_warning: "These fields hold your report in plain text, to paste into GitHub's \
                       private advisory form, which only the repository's maintainers and \
                       people they invite can see. Paste them nowhere else. If you prefer, paste \
                       only the encrypted report into the description.",
    not_in_report: "Not in your report: fill it in on GitHub if you know it.",
    copy_named: |label| format!("Copy {label}"),
    copy_encrypted: "Copy the encrypted report",
    copy_plain: "Copy the report as plain text",
    plain_hint: "Paste the encrypted report if the form takes long text; paste the plain text \
                 only into a platform that keeps reports private.",
    send_inbox: "Send to the project's inbox",
    send_again: "Send again",
    upload_label: "Upload",
    uploading: |sent, total| format!("Uploading… {sent} of {total}"),
    sending: "Sending…",
    sent: "Sent. The project has your encrypted report.",
    sent_receipt: |receipt| {
        format!(
            "Sent. The project's receipt for your report: {receipt}. Keep it to refer to your \
             report."
        )
    },
    download_receipt: "Download the receipt",
    receipt_note: " It names the report and the SHA-256 of what was sent, nothing of its content.",
    retrying: |reason, seconds| format!("Not sent yet: {reason}. Trying again in {seconds} s…"),
    cannot_prepare: |detail| format!("could not prepare the request: {detail}"),
    cannot_build_form: "the browser cannot build a form",
    still_here: "Your encrypted report is still here: copy or download it, or use another way \
                 below.",
    server_said: |message| format!(" It said: “{message}”."),
    try_again_in: |seconds| format!(" Try again in {seconds} seconds."),
    inbox_too_large: |said| {
        format!("The project's inbox refused the report as too large (413).{said}")
    },
    inbox_busy: |wait| {
        format!("The project's inbox is receiving too many reports right now (429).{wait}")
    },
    inbox_refused: |status, said| {
        format!("The project's inbox refused the report ({status}).{said}")
    },
    inbox_failed_times: |status, attempts, said| {
        format!("The project's inbox failed ({status}) {attempts} times.{said}")
    },
    offline: "This device is offline, so nothing was sent. Send it once you are back online.",
    cors_refused: |origin| {
        format!(
            "The project's inbox is up, but it does not accept reports sent from this page \
             ({origin}): its CORS settings leave this site out, so the page cannot send the \
             report or read the answer. Let the project know."
        )
    },
    gave_up: |reason, attempts, hint| format!("Not sent: {reason}, {attempts} times.{hint}"),
    hint_unreachable: " The server may be down, or the address may be wrong.",
    hint_timed_out: " The server may be overloaded, or your connection too slow.",
    reason_inbox_failed: |status| format!("the project's inbox failed ({status})"),
    reason_timed_out: |seconds| format!("no answer within {seconds} seconds"),
    reason_unreachable: "the inbox could not be reached",
    offline_button: "Download this page for offline use",
    offline_busy: "Putting the page together…",
    offline_saved: |file| format!("Saved as {file}: open it in a browser, even offline."),
    offline_failed: |reason| format!("The offline copy could not be made: {reason}"),
    offline_not_built: "this page was not built for offline use",
    offline_not_loaded: "the policy has not finished loading",
    worker_stopped: |detail| {
        format!(
            "The encryption worker stopped: {detail}. Reload the page to try again; what you \
             typed is still here."
        )
    },
    worker_not_loaded: "it could not be loaded",
    worker_silent: "The encryption worker stopped before answering. Reload the page to try \
                    again; what you typed is still here.",
    worker_not_started: "the encryption worker did not start",
    worker_refused: |reason| format!("the browser would not start the encryption worker: {reason}"),
    worker_unreachable: |detail| format!("could not reach the encryption worker: {detail}"),
    worker_unreadable: |detail| format!("unreadable answer from the encryption worker: {detail}"),
    worker_no_message: "the encryption worker answered without a message",
};

pub static DE: SendTexts = SendTexts {
    sealed_heading: "Ihr verschlüsselter Bericht",
    sealed_intro: "Nur die Schlüssel des Projekts können dies lesen. Noch wurde nichts gesendet.",
    report_and_cipher: |id, cipher| format!("Bericht {id} · {cipher} · "),
    size_before: " vor der Verschlüsselung, ",
    size_after: " danach.",
    stale: "Sie haben den Bericht nach dem Verschlüsseln geändert. Drücken Sie erneut „Bericht \
            verschlüsseln“, um Ihre Änderungen aufzunehmen.",
    ciphertext_label: "Verschlüsselter Bericht (OpenPGP)",
    binary_note: "Ihre Anhänge machen diesen Bericht groß, daher wurde er als Binärdatei \
                  verschlüsselt. Laden Sie ihn herunter und senden Sie die Datei auf einem der \
                  Wege unten.",
    copy_to_clipboard: "In die Zwischenablage kopieren",
    download_file: |file| format!("{file} herunterladen"),
    downloaded: |file| format!("{file} wurde heruntergeladen."),
    download_failed: |reason| {
        format!("Herunterladen nicht möglich ({reason}). Kopieren Sie stattdessen den Text.")
    },
    copied_encrypted: "Der verschlüsselte Bericht wurde in die Zwischenablage kopiert.",
    copied_field: "Das Feld wurde in die Zwischenablage kopiert.",
    copied_report: "Der Bericht wurde in die Zwischenablage kopiert.",
    copy_failed: |reason| {
        format!("Kopieren nicht möglich ({reason}). Markieren Sie den Text und kopieren Sie ihn von Hand.")
    },
    channels_heading: "An das Projekt senden",
    email_to: "E-Mail an ",
    backup: |hours| format!("Keine Antwort innerhalb von {hours} Stunden? Schreiben Sie an "),
    backup_end: ".",
    too_long_for_link: |file| {
        format!(
            "Dieser Bericht ist zu lang für einen E-Mail-Link: Die Schaltfläche lädt {file} \
             herunter und öffnet eine Nachricht, an die Sie die Datei anhängen."
        )
    },
    too_big_for_mail: |size| {
        format!(
            "Der verschlüsselte Bericht ist {size} groß: Die meisten E-Mail-Anbieter lehnen \
             Nachrichten über 20–25 MB ab. Falls Ihrer das tut, nutzen Sie einen anderen Weg \
             unten."
        )
    },
    github_open: |repository| {
        format!(
            "Eine private Sicherheitsmeldung (Security Advisory) auf GitHub öffnen ({repository})"
        )
    },
    github_then: "Übertragen Sie Ihren Bericht dann Feld für Feld in das Formular von GitHub:",
    report_through: |name| format!("Über {name} melden"),
    public_issue: "Ein öffentliches Issue eröffnen",
    public_issue_warning: "Issues sind öffentlich: Fügen Sie nur den verschlüsselten Text oben \
                           ein, niemals Ihren Bericht im Klartext. Alle können sehen, dass Sie \
                           etwas gemeldet haben, aber nur das Projekt kann es lesen.",
    advisory_summary: "Ihr Bericht in den Feldern der GitHub-Sicherheitsmeldung",
    advisory_warning: "Diese Felder enthalten Ihren Bericht im Klartext, zum Einfügen in das \
                       private Advisory-Formular von GitHub, das nur die Betreuer des \
                       Repositorys und von ihnen eingeladene Personen sehen. Fügen Sie sie \
                       nirgendwo sonst ein. Wenn Sie möchten, fügen Sie nur den verschlüsselten \
                       Bericht in die Beschreibung ein.",
    not_in_report: "Nicht in Ihrem Bericht: Tragen Sie es auf GitHub ein, wenn Sie es wissen.",
    copy_named: |label| format!("{label} kopieren"),
    copy_encrypted: "Den verschlüsselten Bericht kopieren",
    copy_plain: "Den Bericht als Klartext kopieren",
    plain_hint: "Fügen Sie den verschlüsselten Bericht ein, wenn das Formular lange Texte \
                 annimmt; den Klartext nur in eine Plattform, die Berichte vertraulich hält.",
    send_inbox: "An den Posteingang des Projekts senden",
    send_again: "Erneut senden",
    upload_label: "Hochladen",
    uploading: |sent, total| format!("Wird hochgeladen… {sent} von {total}"),
    sending: "Wird gesendet…",
    sent: "Gesendet. Das Projekt hat Ihren verschlüsselten Bericht.",
    sent_receipt: |receipt| {
        format!(
            "Gesendet. Die Empfangsbestätigung des Projekts für Ihren Bericht: {receipt}. \
             Bewahren Sie sie auf, um sich später auf Ihren Bericht zu beziehen."
        )
    },
    download_receipt: "Empfangsbestätigung herunterladen",
    receipt_note: " Sie nennt den Bericht und die SHA-256-Prüfsumme des Gesendeten, nichts von \
                   seinem Inhalt.",
    retrying: |reason, seconds| {
        format!("Noch nicht gesendet: {reason}. Neuer Versuch in {seconds} s…")
    },
    cannot_prepare: |detail| format!("die Anfrage konnte nicht vorbereitet werden: {detail}"),
    cannot_build_form: "der Browser kann kein Formular erstellen",
    still_here: "Ihr verschlüsselter Bericht ist noch hier: Kopieren Sie ihn, laden Sie ihn \
                 herunter oder nutzen Sie einen anderen Weg unten.",
    server_said: |message| format!(" Die Antwort lautete: „{message}“."),
    try_again_in: |seconds| format!(" Versuchen Sie es in {seconds} Sekunden erneut."),
    inbox_too_large: |said| {
        format!("Der Posteingang des Projekts hat den Bericht als zu groß abgelehnt (413).{said}")
    },
    inbox_busy: |wait| {
        format!("Der Posteingang des Projekts erhält gerade zu viele Berichte (429).{wait}")
    },
    inbox_refused: |status, said| {
        format!("Der Posteingang des Projekts hat den Bericht abgelehnt ({status}).{said}")
    },
    inbox_failed_times: |status, attempts, said| {
        format!(
            "Der Posteingang des Projekts hat {attempts}-mal mit einem Fehler geantwortet \
             ({status}).{said}"
        )
    },
    offline: "Dieses Gerät ist offline, daher wurde nichts gesendet. Senden Sie den Bericht, \
              sobald Sie wieder online sind.",
    cors_refused: |origin| {
        format!(
            "Der Posteingang des Projekts ist erreichbar, nimmt aber keine Berichte von dieser \
             Seite an ({origin}): Seine CORS-Einstellungen schließen diese Website aus, daher \
             kann die Seite den Bericht weder senden noch die Antwort lesen. Geben Sie dem \
             Projekt Bescheid."
        )
    },
    gave_up: |reason, attempts, hint| {
        format!("Nicht gesendet: {reason} ({attempts} Versuche).{hint}")
    },
    hint_unreachable: " Der Server ist vielleicht ausgefallen, oder die Adresse ist falsch.",
    hint_timed_out: " Der Server ist vielleicht überlastet, oder Ihre Verbindung zu langsam.",
    reason_inbox_failed: |status| {
        format!("der Posteingang des Projekts hat mit einem Fehler geantwortet ({status})")
    },
    reason_timed_out: |seconds| format!("keine Antwort innerhalb von {seconds} Sekunden"),
    reason_unreachable: "der Posteingang war nicht erreichbar",
    offline_button: "Diese Seite für die Offline-Nutzung herunterladen",
    offline_busy: "Die Seite wird zusammengestellt…",
    offline_saved: |file| {
        format!("Gespeichert als {file}: Öffnen Sie die Datei in einem Browser, auch offline.")
    },
    offline_failed: |reason| format!("Die Offline-Kopie konnte nicht erstellt werden: {reason}"),
    offline_not_built: "diese Seite wurde nicht für die Offline-Nutzung gebaut",
    offline_not_loaded: "die Richtlinie ist noch nicht fertig geladen",
    worker_stopped: |detail| {
        format!(
            "Die Verschlüsselung im Hintergrund (Worker) wurde beendet: {detail}. Laden Sie die \
             Seite neu, um es erneut zu versuchen; was Sie eingegeben haben, ist noch hier."
        )
    },
    worker_not_loaded: "der Worker konnte nicht geladen werden",
    worker_silent: "Die Verschlüsselung im Hintergrund (Worker) wurde beendet, bevor sie \
                    antwortete. Laden Sie die Seite neu, um es erneut zu versuchen; was Sie \
                    eingegeben haben, ist noch hier.",
    worker_not_started: "die Verschlüsselung im Hintergrund (Worker) ist nicht gestartet",
    worker_refused: |reason| {
        format!(
            "der Browser hat die Verschlüsselung im Hintergrund (Worker) nicht gestartet: {reason}"
        )
    },
    worker_unreachable: |detail| {
        format!("die Verschlüsselung im Hintergrund (Worker) ist nicht erreichbar: {detail}")
    },
    worker_unreadable: |detail| {
        format!("unlesbare Antwort der Verschlüsselung im Hintergrund (Worker): {detail}")
    },
    worker_no_message: "die Verschlüsselung im Hintergrund (Worker) antwortete ohne Nachricht",
};
