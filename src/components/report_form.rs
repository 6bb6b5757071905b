//! The last step: "Encrypt report" checks the whole report, hands it to the sealing worker with
//! a progress bar, then shows the sealed output and the ways to send it.

use leptos::{html, prelude::*, task::spawn_local};
use sealpost_core::{
    protocol::{AttachmentMeta, SealRequest},
    Encoding,
};

use crate::{
    components::sealed_output::SealedOutput,
    i18n::use_texts,
    state::{use_report_state, ReportState, Sealed},
};

/// Reports whose attachments total more than this are sealed as binary OpenPGP (a third
/// smaller than armor, and never put into a text box); smaller ones are armored for pasting.
pub const ARMOR_LIMIT_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

#[component]
pub fn SealStep(
    /// Called when "Encrypt report" finds problems: the form's summary lists them and takes focus.
    on_incomplete: Callback<()>,
) -> impl IntoView {
    let state = use_report_state();
    let sealed_heading = NodeRef::<html::H2>::new();
    let failure = RwSignal::new(None::<String>);
    let busy = move || state.progress.read().is_some();
    let t = use_texts();

    let encrypt = move |_| {
        if busy() {
            return;
        }
        state.check(&state.steps.get_value());
        failure.set(None);
        if !state.problems.read().is_empty() {
            on_incomplete.run(());
            return;
        }
        spawn_local(async move {
            match seal(state).await {
                Ok(sealed) => {
                    state.sealed.set(Some(sealed));
                    focus_after_render(move || {
                        sealed_heading.try_get_untracked().flatten().map(Into::into)
                    });
                }
                Err(reason) => failure.set(Some(reason)),
            }
            state.progress.set(None);
        });
    };

    let percent = move || {
        state.progress.get().map(|(done, total)| {
            if total > 0.0 {
                (done / total * 100.0).round()
            } else {
                0.0
            }
        })
    };

    view! {
        <div class="report-form">
            <p class="error" role="alert" hidden=move || failure.read().is_none()>
                {move || failure.get()}
            </p>
            <div class="progress" role="status" hidden=move || !busy()>
                <label for="seal-progress">{move || t().form.encrypting}</label>
                <progress id="seal-progress" max="100" value=move || percent().unwrap_or(0.0)></progress>
                <span>{move || percent().map(|p| format!("{p}%"))}</span>
            </div>
            <button type="button" class="primary" on:click=encrypt disabled=busy>{move || t().form.encrypt}</button>
        </div>
        <SealedOutput heading=sealed_heading />
    }
}

/// Sends the report and the attached files to the worker and waits for the sealed message.
async fn seal(state: ReportState) -> Result<Sealed, String> {
    let report = state.report.get_untracked();
    let files = state.attachments.get_untracked();
    let total_bytes: f64 = files.iter().map(|file| file.size()).sum();
    let encoding = if total_bytes > ARMOR_LIMIT_BYTES {
        Encoding::Binary
    } else {
        Encoding::Armored
    };
    let request = SealRequest {
        report: report.clone(),
        attachments: files
            .iter()
            .map(|file| AttachmentMeta {
                name: file.name(),
                media_type: file.type_(),
            })
            .collect(),
        encoding,
        now_ms: js_sys::Date::now(),
        reply_public_key: state.reply_public_key.get_untracked(),
    };
    let attachment_names = files.iter().map(web_sys::File::name).collect();
    state.progress.set(Some((0.0, total_bytes)));
    let progress = std::rc::Rc::new(move |done: f64, total: f64| {
        state.progress.set(Some((done, total)));
    });
    let crypto = state.crypto.get_value();
    let sealed = crypto.seal(request, files, progress).await?;
    let armored = (sealed.info.encoding == Encoding::Armored)
        .then(|| String::from_utf8_lossy(&sealed.bytes.to_vec()).into_owned());
    Ok(Sealed {
        bytes: sealed.bytes,
        armored,
        info: sealed.info,
        from: report,
        attachment_names,
    })
}

/// Moves focus to what `target` finds once the DOM shows it (it may be un-hidden by this very
/// update, which Leptos applies asynchronously).
fn focus_after_render(target: impl Fn() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(element) = target() {
            let _ = element.focus();
        }
    });
}
