//! Every language's texts are there and every message with values shows them.
//!
//! The compiler already refuses a language value with a text missing; this catches what it
//! cannot: an empty or blank text, and a message function that drops one of its arguments (a
//! translation that forgot `{name}`, say). Each area struct is destructured without `..`, so a
//! text added to an area does not compile here until it is checked too.

use sealpost_core::{
    i18n::{
        advice::AdviceTexts, fields::FieldTexts, form::FormTexts, keep::KeepTexts,
        overview::OverviewTexts, problems::ProblemTexts, send::SendTexts, widgets::WidgetTexts,
        Lang,
    },
    policy::document::human_size,
};

/// Where a check failed: the language and the text's name.
struct Check {
    lang: Lang,
}

impl Check {
    fn text(&self, name: &str, text: &str) {
        assert!(
            !text.trim().is_empty(),
            "{}: `{name}` is empty",
            self.lang.tag()
        );
    }

    fn texts(&self, name: &str, texts: &[&str]) {
        for (index, text) in texts.iter().enumerate() {
            self.text(&format!("{name}[{index}]"), text);
        }
    }

    /// A formatted message: not empty, and showing every one of `values`.
    fn shows(&self, name: &str, message: String, values: &[&str]) {
        self.text(name, &message);
        for value in values {
            assert!(
                message.contains(value),
                "{}: `{name}` does not show “{value}”: {message}",
                self.lang.tag()
            );
        }
    }
}

// Sample values, distinct enough that finding one in a message means it was formatted in.
const S1: &str = "«alpha»";
const S2: &str = "«beta»";
const S3: &str = "«gamma»";
const N1: usize = 7301;
const N2: usize = 7302;
const U1: u32 = 8401;
const STATUS: u16 = 4187;
const SECS: u64 = 9501;

fn form(c: &Check, t: &FormTexts) {
    let FormTexts {
        step_names,
        step_headings,
        step_intros,
        progress_label,
        step_of,
        next,
        back,
        language,
        step_incomplete,
        not_ready,
        fix_these,
        review_exact,
        review_text_label,
        review_files,
        completeness,
        complete,
        must_fix,
        could_improve,
        anonymous_allowed,
        anonymous_choice,
        anonymous_refused,
        leave_warning,
        optional,
        choose,
        loading_policy,
        builder_missing,
        loading_builder,
        report_to,
        lede,
        encrypting,
        encrypt,
        attachment_limits,
        drop_files,
        remove,
        remove_named,
        policy_broken_heading,
        policy_broken,
        for_maintainers,
    } = t;
    c.texts("step_names", step_names);
    c.texts("step_headings", step_headings);
    c.texts("step_intros", step_intros);
    for (name, text) in [
        ("progress_label", progress_label),
        ("next", next),
        ("back", back),
        ("language", language),
        ("step_incomplete", step_incomplete),
        ("not_ready", not_ready),
        ("fix_these", fix_these),
        ("review_exact", review_exact),
        ("review_text_label", review_text_label),
        ("review_files", review_files),
        ("completeness", completeness),
        ("complete", complete),
        ("must_fix", must_fix),
        ("could_improve", could_improve),
        ("anonymous_allowed", anonymous_allowed),
        ("anonymous_choice", anonymous_choice),
        ("anonymous_refused", anonymous_refused),
        ("leave_warning", leave_warning),
        ("optional", optional),
        ("choose", choose),
        ("loading_policy", loading_policy),
        ("builder_missing", builder_missing),
        ("loading_builder", loading_builder),
        ("lede", lede),
        ("encrypting", encrypting),
        ("encrypt", encrypt),
        ("drop_files", drop_files),
        ("remove", remove),
        ("policy_broken_heading", policy_broken_heading),
        ("policy_broken", policy_broken),
        ("for_maintainers", for_maintainers),
    ] {
        c.text(name, text);
    }
    // The project's name goes between the two; one of them may be empty.
    c.text("report_to", &format!("{}{}", report_to.0, report_to.1));
    c.shows("step_of", step_of(N1, N2), &["7301", "7302"]);
    c.shows(
        "attachment_limits",
        attachment_limits(U1, S1, S2),
        &["8401", S1, S2],
    );
    c.shows("remove_named", remove_named(S1), &[S1]);
}

fn fields(c: &Check, t: &FieldTexts) {
    let FieldTexts {
        labels,
        helps,
        acknowledge_rules,
        confirm_reproduced,
        confirm_reproduced_help,
        credit_options,
        stance_label,
        stances,
        pseudonym_label,
    } = t;
    c.texts("labels", labels);
    c.texts("helps", helps);
    c.texts("credit_options", credit_options);
    c.texts("stances", stances);
    c.text("acknowledge_rules", acknowledge_rules);
    c.text("confirm_reproduced", confirm_reproduced);
    c.text("confirm_reproduced_help", confirm_reproduced_help);
    c.text("stance_label", stance_label);
    c.text("pseudonym_label", pseudonym_label);
}

fn problems(c: &Check, t: &ProblemTexts) {
    let ProblemTexts {
        missing,
        not_checked,
        too_short,
        too_long,
        not_a_url,
        not_an_email,
        not_a_number,
        not_a_date,
        not_an_option,
        not_a_cvss_vector,
        in_ranges,
        no_evidence,
        range_empty,
        range_both_ends,
        range_not_a_version,
        range_unreadable,
        range_repeated,
        too_many_files,
        file_too_big,
        total_too_big,
    } = t;
    for (name, one_label) in [
        ("missing", missing),
        ("not_checked", not_checked),
        ("not_a_url", not_a_url),
        ("not_an_email", not_an_email),
        ("not_a_number", not_a_number),
        ("not_a_date", not_a_date),
    ] {
        c.shows(name, one_label(S1), &[S1]);
    }
    c.shows("too_short", too_short(S1, N1, N2), &[S1, "7301", "7302"]);
    // The third number is how much to cut: the difference.
    c.shows(
        "too_long",
        too_long(S1, N1, N2 + 5),
        &[S1, "7301", "7307", " 6 "],
    );
    c.shows("not_an_option", not_an_option(S1, S2), &[S1, S2]);
    c.shows(
        "not_a_cvss_vector",
        not_a_cvss_vector(S1, S2, S3),
        &[S1, S2, S3],
    );
    c.shows("in_ranges", in_ranges(S1, S2), &[S1, S2]);
    c.shows("no_evidence", no_evidence(N1, N2), &["7301", "7302"]);
    c.shows("range_empty", range_empty(N1), &["7301"]);
    c.shows("range_both_ends", range_both_ends(N1), &["7301"]);
    c.shows(
        "range_not_a_version",
        range_not_a_version(N1, S1),
        &["7301", S1],
    );
    c.shows("range_unreadable", range_unreadable(N1, S1), &["7301", S1]);
    c.shows("range_repeated", range_repeated(N1, S1), &["7301", S1]);
    c.shows("too_many_files", too_many_files(S1, U1), &[S1, "8401"]);
    c.shows("too_many_files(1)", too_many_files(S1, 1), &[S1, "1"]);
    let (small, big) = (3 * 1024 * 1024, 25 * 1024 * 1024);
    for (name, message) in [
        ("file_too_big", file_too_big(S1, big, small)),
        ("total_too_big", total_too_big(S1, big, small)),
    ] {
        c.shows(name, message, &[S1, &human_size(big), &human_size(small)]);
    }
}

fn overview(c: &Check, t: &OverviewTexts) {
    let OverviewTexts {
        project,
        languages,
        in_scope,
        out_of_scope,
        rules,
        commitments,
        notes,
        acknowledge_within,
        assessment_within,
        disclosure_within,
        safe_harbor,
        credit,
        bounty,
        anonymous_accepted,
        anonymous_refused,
        encrypted_to,
        checking_key,
        every_key,
        no_user_id,
        never_expires,
        expires,
        fingerprint,
        pinned,
        not_pinned,
        test_key,
    } = t;
    for (name, text) in [
        ("project", project),
        ("languages", languages),
        ("in_scope", in_scope),
        ("out_of_scope", out_of_scope),
        ("rules", rules),
        ("commitments", commitments),
        ("notes", notes),
        ("anonymous_accepted", anonymous_accepted),
        ("anonymous_refused", anonymous_refused),
        ("encrypted_to", encrypted_to),
        ("checking_key", checking_key),
        ("every_key", every_key),
        ("no_user_id", no_user_id),
        ("never_expires", never_expires),
        ("fingerprint", fingerprint),
        ("pinned", pinned),
        ("not_pinned", not_pinned),
        ("test_key", test_key),
    ] {
        c.text(name, text);
    }
    for (name, message) in [
        ("acknowledge_within", acknowledge_within(U1)),
        ("assessment_within", assessment_within(U1)),
        ("disclosure_within", disclosure_within(U1)),
    ] {
        c.shows(name, message, &["8401"]);
    }
    for (name, message) in [
        ("safe_harbor", safe_harbor(S1)),
        ("credit", credit(S1)),
        ("bounty", bounty(S1)),
        ("expires", expires(S1)),
    ] {
        c.shows(name, message, &[S1]);
    }
}

fn send(c: &Check, t: &SendTexts) {
    let SendTexts {
        sealed_heading,
        sealed_intro,
        report_and_cipher,
        size_before,
        size_after,
        stale,
        ciphertext_label,
        binary_note,
        copy_to_clipboard,
        download_file,
        downloaded,
        download_failed,
        copied_encrypted,
        copied_field,
        copied_report,
        copy_failed,
        channels_heading,
        email_to,
        backup,
        backup_end,
        too_long_for_link,
        too_big_for_mail,
        github_open,
        github_then,
        report_through,
        public_issue,
        public_issue_warning,
        advisory_summary,
        advisory_warning,
        not_in_report,
        copy_named,
        copy_encrypted,
        copy_plain,
        plain_hint,
        send_inbox,
        send_again,
        upload_label,
        uploading,
        sending,
        sent,
        sent_receipt,
        download_receipt,
        receipt_note,
        retrying,
        cannot_prepare,
        cannot_build_form,
        still_here,
        server_said,
        try_again_in,
        inbox_too_large,
        inbox_busy,
        inbox_refused,
        inbox_failed_times,
        offline,
        cors_refused,
        gave_up,
        hint_unreachable,
        hint_timed_out,
        reason_inbox_failed,
        reason_timed_out,
        reason_unreachable,
        offline_button,
        offline_busy,
        offline_saved,
        offline_failed,
        offline_not_built,
        offline_not_loaded,
        worker_stopped,
        worker_not_loaded,
        worker_silent,
        worker_not_started,
        worker_refused,
        worker_unreachable,
        worker_unreadable,
        worker_no_message,
    } = t;
    for (name, text) in [
        ("sealed_heading", sealed_heading),
        ("sealed_intro", sealed_intro),
        ("size_before", size_before),
        ("size_after", size_after),
        ("stale", stale),
        ("ciphertext_label", ciphertext_label),
        ("binary_note", binary_note),
        ("copy_to_clipboard", copy_to_clipboard),
        ("copied_encrypted", copied_encrypted),
        ("copied_field", copied_field),
        ("copied_report", copied_report),
        ("channels_heading", channels_heading),
        ("email_to", email_to),
        ("backup_end", backup_end),
        ("github_then", github_then),
        ("public_issue", public_issue),
        ("public_issue_warning", public_issue_warning),
        ("advisory_summary", advisory_summary),
        ("advisory_warning", advisory_warning),
        ("not_in_report", not_in_report),
        ("copy_encrypted", copy_encrypted),
        ("copy_plain", copy_plain),
        ("plain_hint", plain_hint),
        ("send_inbox", send_inbox),
        ("send_again", send_again),
        ("upload_label", upload_label),
        ("sending", sending),
        ("sent", sent),
        ("download_receipt", download_receipt),
        ("receipt_note", receipt_note),
        ("cannot_build_form", cannot_build_form),
        ("still_here", still_here),
        ("offline", offline),
        ("hint_unreachable", hint_unreachable),
        ("hint_timed_out", hint_timed_out),
        ("reason_unreachable", reason_unreachable),
        ("offline_button", offline_button),
        ("offline_busy", offline_busy),
        ("offline_not_built", offline_not_built),
        ("offline_not_loaded", offline_not_loaded),
        ("worker_not_loaded", worker_not_loaded),
        ("worker_silent", worker_silent),
        ("worker_not_started", worker_not_started),
        ("worker_no_message", worker_no_message),
    ] {
        c.text(name, text);
    }
    for (name, message) in [
        ("download_file", download_file(S1)),
        ("downloaded", downloaded(S1)),
        ("download_failed", download_failed(S1)),
        ("copy_failed", copy_failed(S1)),
        ("too_long_for_link", too_long_for_link(S1)),
        ("too_big_for_mail", too_big_for_mail(S1)),
        ("github_open", github_open(S1)),
        ("report_through", report_through(S1)),
        ("copy_named", copy_named(S1)),
        ("sent_receipt", sent_receipt(S1)),
        ("cannot_prepare", cannot_prepare(S1)),
        ("server_said", server_said(S1)),
        ("inbox_too_large", inbox_too_large(S1)),
        ("inbox_busy", inbox_busy(S1)),
        ("cors_refused", cors_refused(S1)),
        ("offline_saved", offline_saved(S1)),
        ("offline_failed", offline_failed(S1)),
        ("worker_stopped", worker_stopped(S1)),
        ("worker_refused", worker_refused(S1)),
        ("worker_unreachable", worker_unreachable(S1)),
        ("worker_unreadable", worker_unreadable(S1)),
    ] {
        c.shows(name, message, &[S1]);
    }
    c.shows("report_and_cipher", report_and_cipher(S1, S2), &[S1, S2]);
    c.shows("backup", backup(U1), &["8401"]);
    c.shows("uploading", uploading(S1, S2), &[S1, S2]);
    c.shows("retrying", retrying(S1, SECS), &[S1, "9501"]);
    c.shows("try_again_in", try_again_in(SECS), &["9501"]);
    c.shows("inbox_refused", inbox_refused(STATUS, S1), &["4187", S1]);
    c.shows(
        "inbox_failed_times",
        inbox_failed_times(STATUS, U1, S1),
        &["4187", "8401", S1],
    );
    c.shows("gave_up", gave_up(S1, U1, S2), &[S1, "8401", S2]);
    c.shows(
        "reason_inbox_failed",
        reason_inbox_failed(STATUS),
        &["4187"],
    );
    c.shows("reason_timed_out", reason_timed_out(SECS), &["9501"]);
}

fn keep(c: &Check, t: &KeepTexts) {
    let KeepTexts {
        same_again,
        passphrases_differ,
        drafts_heading,
        draft_found,
        restore_passphrase,
        restore,
        delete_draft,
        keep_label,
        keep_help,
        draft_passphrase,
        draft_passphrase_help,
        keep_button,
        attach_again,
        passphrase_too_short,
        type_twice,
        opening,
        restored,
        saving,
        saved_at,
        deleted,
        choose_longer,
        wrong_passphrase,
        damaged,
        not_encrypted_by_library,
        storage_unavailable,
        storage_refused,
        storage_not_encrypted,
        reply_heading,
        reply_intro,
        reply_passphrase,
        reply_passphrase_help,
        optional_recommended,
        make_key,
        fingerprint,
        added_after_download,
        added,
        download_secret,
        reply_differ,
        making,
        made,
        secret_downloaded,
        secret_download_failed,
        reply_removed,
    } = t;
    for (name, text) in [
        ("same_again", same_again),
        ("passphrases_differ", passphrases_differ),
        ("drafts_heading", drafts_heading),
        ("draft_found", draft_found),
        ("restore_passphrase", restore_passphrase),
        ("restore", restore),
        ("delete_draft", delete_draft),
        ("keep_label", keep_label),
        ("keep_help", keep_help),
        ("draft_passphrase", draft_passphrase),
        ("keep_button", keep_button),
        ("attach_again", attach_again),
        ("type_twice", type_twice),
        ("opening", opening),
        ("restored", restored),
        ("saving", saving),
        ("deleted", deleted),
        ("wrong_passphrase", wrong_passphrase),
        ("storage_unavailable", storage_unavailable),
        ("storage_not_encrypted", storage_not_encrypted),
        ("reply_heading", reply_heading),
        ("reply_passphrase", reply_passphrase),
        ("reply_passphrase_help", reply_passphrase_help),
        ("optional_recommended", optional_recommended),
        ("make_key", make_key),
        ("fingerprint", fingerprint),
        ("added_after_download", added_after_download),
        ("added", added),
        ("download_secret", download_secret),
        ("reply_differ", reply_differ),
        ("making", making),
        ("made", made),
        ("reply_removed", reply_removed),
    ] {
        c.text(name, text);
    }
    c.texts(
        "reply_intro",
        &[reply_intro.0, reply_intro.1, reply_intro.2],
    );
    for (name, message) in [
        ("draft_passphrase_help", draft_passphrase_help(N1)),
        ("passphrase_too_short", passphrase_too_short(N1)),
        ("choose_longer", choose_longer(N1)),
    ] {
        c.shows(name, message, &["7301"]);
    }
    for (name, message) in [
        ("saved_at", saved_at(S1)),
        ("damaged", damaged(S1)),
        ("not_encrypted_by_library", not_encrypted_by_library(S1)),
        ("storage_refused", storage_refused(S1)),
        ("secret_downloaded", secret_downloaded(S1)),
        ("secret_download_failed", secret_download_failed(S1)),
    ] {
        c.shows(name, message, &[S1]);
    }
}

fn widgets(c: &Check, t: &WidgetTexts) {
    let WidgetTexts {
        cvss_placeholder,
        cvss_vector,
        cvss_more,
        cvss_invalid,
        cvss_score,
        cvss_missing,
        cvss_groups,
        cvss_ratings,
        cwe_placeholder,
        cwe_not_listed,
        cwe_no_match,
        cwe_matching,
        introduced,
        fixed,
        last_affected,
        range_number,
        remove_range,
        add_range,
        ranges_hint,
        ranges_unreadable,
        steps_none,
        steps_one,
        steps_many,
    } = t;
    for (name, text) in [
        ("cvss_vector", cvss_vector),
        ("cvss_more", cvss_more),
        ("cvss_invalid", cvss_invalid),
        ("cwe_placeholder", cwe_placeholder),
        ("cwe_no_match", cwe_no_match),
        ("cwe_matching", cwe_matching),
        ("introduced", introduced),
        ("fixed", fixed),
        ("last_affected", last_affected),
        ("add_range", add_range),
        ("ranges_hint", ranges_hint),
        ("steps_none", steps_none),
        ("steps_one", steps_one),
    ] {
        c.text(name, text);
    }
    c.texts("cvss_groups", cvss_groups);
    c.texts("cvss_ratings", cvss_ratings);
    c.texts(
        "ranges_unreadable",
        &[ranges_unreadable.0, ranges_unreadable.1],
    );
    // The hint names the three boxes by their labels.
    for label in [introduced, fixed, last_affected] {
        c.shows("ranges_hint", ranges_hint.to_string(), &[label]);
    }
    c.shows("cvss_placeholder", cvss_placeholder(S1), &[S1]);
    c.shows("cvss_score", cvss_score(S1, S2), &[S1, S2]);
    c.shows("cvss_missing", cvss_missing(N1, S1), &["7301", S1]);
    c.shows("cvss_missing(1)", cvss_missing(1, S1), &[S1]);
    c.shows("cwe_not_listed", cwe_not_listed(S1), &[S1]);
    c.shows("range_number", range_number(N1), &["7301"]);
    c.shows("remove_range", remove_range(N1), &["7301"]);
    c.shows("steps_many", steps_many(N1), &["7301"]);
}

fn advice(c: &Check, t: &AdviceTexts) {
    let AdviceTexts {
        short_title,
        no_versions,
        no_steps,
        one_step,
        no_proof,
        no_impact,
        brief_impact,
    } = t;
    c.texts(
        "advice",
        &[
            short_title,
            no_versions,
            no_steps,
            one_step,
            no_proof,
            no_impact,
            brief_impact,
        ],
    );
}

#[test]
fn every_language_has_every_text_and_every_message_shows_its_values() {
    for lang in Lang::ALL {
        let texts = lang.texts();
        let c = Check { lang };
        form(&c, texts.form);
        fields(&c, texts.fields);
        problems(&c, texts.problems);
        overview(&c, texts.overview);
        send(&c, texts.send);
        keep(&c, texts.keep);
        widgets(&c, texts.widgets);
        advice(&c, texts.advice);
    }
}

#[test]
fn other_languages_are_translations_not_copies_of_english() {
    let en = Lang::En.texts();
    for lang in Lang::ALL.into_iter().filter(|&lang| lang != Lang::En) {
        let texts = lang.texts();
        // A sample from each area: an untranslated area would keep the English.
        for (english, other) in [
            (en.form.next, texts.form.next),
            (en.fields.labels[0], texts.fields.labels[0]),
            (en.overview.encrypted_to, texts.overview.encrypted_to),
            (en.send.sealed_heading, texts.send.sealed_heading),
            (en.keep.drafts_heading, texts.keep.drafts_heading),
            (en.widgets.add_range, texts.widgets.add_range),
        ] {
            assert_ne!(english, other, "{}: still English", lang.tag());
        }
        assert_ne!((en.problems.missing)(S1), (texts.problems.missing)(S1));
    }
}
