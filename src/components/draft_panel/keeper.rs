//! The draft's state and its saving, which must outlive the panel: the researcher ticks the box
//! in one step of the form and types in others, and every change is saved wherever they are.
//! Provided once by the page ([`provide_draft_keeper`]); a panel mounted without it makes its
//! own, which then lives as long as the panel.

use leptos::{prelude::*, task::spawn_local};
use sealpost_core::{
    draft::{self, Draft, DraftError, MIN_PASSPHRASE_CHARS},
    i18n::Texts,
    protocol::DraftSealRequest,
};

use super::SAVE_DELAY;
use crate::{
    services::draft_store::{self, StoreError},
    state::{use_report_state, ReportState},
};

/// What the draft panel says under itself. Kept as data and worded when shown, so switching
/// the page's language re-words it.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftStatus {
    Quiet,
    Opening,
    Restored,
    Saving,
    /// Saved at this time of day.
    Saved(String),
    Deleted,
    /// The chosen passphrase is shorter than [`MIN_PASSPHRASE_CHARS`].
    TooShort,
    /// The passphrase and its confirmation differ.
    Differ,
    Store(StoreError),
    Draft(DraftError),
}

impl DraftStatus {
    pub fn message(&self, texts: &Texts) -> String {
        let t = texts.keep;
        match self {
            DraftStatus::Quiet => String::new(),
            DraftStatus::Opening => t.opening.to_owned(),
            DraftStatus::Restored => t.restored.to_owned(),
            DraftStatus::Saving => t.saving.to_owned(),
            DraftStatus::Saved(time) => (t.saved_at)(time),
            DraftStatus::Deleted => t.deleted.to_owned(),
            DraftStatus::TooShort => (t.passphrase_too_short)(MIN_PASSPHRASE_CHARS),
            DraftStatus::Differ => t.type_twice.to_owned(),
            DraftStatus::Store(problem) => problem.message(texts),
            DraftStatus::Draft(problem) => problem.message(texts),
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(
            self,
            DraftStatus::TooShort
                | DraftStatus::Differ
                | DraftStatus::Store(_)
                | DraftStatus::Draft(_)
        )
    }
}

#[derive(Clone, Copy)]
pub struct DraftKeeper {
    pub(super) state: ReportState,
    /// This project's storage key.
    pub(super) key: StoredValue<String>,
    /// A draft already on this device for this project, until restored or deleted.
    pub(super) stored: RwSignal<Option<String>>,
    /// The box "Keep an encrypted draft on this device".
    pub(super) keep: RwSignal<bool>,
    /// The passphrase drafts are saved with, once chosen. Only in this page's memory.
    pub(super) active: RwSignal<Option<String>>,
    pub(super) status: RwSignal<DraftStatus>,
    /// The files a restored draft had attached (not kept: to attach again).
    pub(super) missed_files: RwSignal<Vec<String>>,
    /// What is being typed in the panel's passphrase boxes, cleared once used. Held here, not
    /// in the panel, so redrawing the form (another language) does not wipe it.
    pub(super) passphrase: RwSignal<String>,
    pub(super) confirm: RwSignal<String>,
    pub(super) restore_passphrase: RwSignal<String>,
    /// Bumped by every change: only the last change of a burst saves (the debounce).
    generation: StoredValue<u64>,
    /// Bumped by unticking: a save still in the worker then writes nothing, so unticking can
    /// never be undone by it. (The worker answers in order, so saves land in order.)
    epoch: StoredValue<u64>,
    last_saved: StoredValue<Option<Draft>>,
}

/// Makes the page's draft keeper and provides it as context. Call once in the page shell, after
/// the report state is provided, so saving goes on whichever step is shown.
pub fn provide_draft_keeper() {
    provide_context(DraftKeeper::new(use_report_state()));
}

/// The page's keeper, or a new one for this panel alone.
pub(super) fn use_draft_keeper() -> DraftKeeper {
    use_context().unwrap_or_else(|| DraftKeeper::new(use_report_state()))
}

impl DraftKeeper {
    fn new(state: ReportState) -> Self {
        let key = state
            .policy
            .with_value(|policy| draft::storage_key(&policy.project.name));
        let keeper = Self {
            state,
            key: StoredValue::new(key),
            stored: RwSignal::new(None),
            keep: RwSignal::new(false),
            active: RwSignal::new(None),
            status: RwSignal::new(DraftStatus::Quiet),
            missed_files: RwSignal::new(Vec::new()),
            passphrase: RwSignal::new(String::new()),
            confirm: RwSignal::new(String::new()),
            restore_passphrase: RwSignal::new(String::new()),
            generation: StoredValue::new(0),
            epoch: StoredValue::new(0),
            last_saved: StoredValue::new(None),
        };
        match draft_store::load(&keeper.key.get_value()) {
            Ok(found) => keeper.stored.set(found),
            Err(problem) => keeper.say(DraftStatus::Store(problem)),
        }
        // Syncing with the outside world (storage), which is what effects are for: every
        // change to the report or the attachment list, while a passphrase is active, saves
        // after a pause.
        Effect::new(move |_| {
            state.report.track();
            state.attachments.track();
            let Some(passphrase) = keeper.active.get() else {
                return;
            };
            keeper.generation.update_value(|g| *g += 1);
            let mine = keeper.generation.get_value();
            set_timeout(
                move || {
                    if keeper.generation.try_get_value() == Some(mine) {
                        keeper.save_now(passphrase);
                    }
                },
                SAVE_DELAY,
            );
        });
        keeper
    }

    pub(super) fn say(&self, status: DraftStatus) {
        self.status.set(status);
    }

    /// Starts keeping drafts with `passphrase`, saving at once.
    pub(super) fn start(self, passphrase: String) {
        self.say(DraftStatus::Saving);
        // Setting `active` runs the effect, which would save only after the usual pause; save
        // at once, so the researcher sees it happen (the effect's save then finds it done).
        self.active.set(Some(passphrase.clone()));
        self.save_now(passphrase);
    }

    /// Goes on keeping a draft just restored with `passphrase` (it was kept at the
    /// researcher's request).
    pub(super) fn resume(self, draft: Draft, passphrase: String) {
        self.state.report.set(draft.report.clone());
        self.missed_files.set(draft.attachment_names.clone());
        self.stored.set(None);
        self.last_saved.set_value(Some(draft));
        self.keep.set(true);
        self.active.set(Some(passphrase));
    }

    /// Stops keeping drafts and deletes the one on this device.
    pub(super) fn stop(self) {
        self.epoch.update_value(|e| *e += 1);
        self.keep.set(false);
        self.active.set(None);
        self.last_saved.set_value(None);
        self.delete();
    }

    /// Deletes the draft on this device.
    pub(super) fn delete(self) {
        match draft_store::delete(&self.key.get_value()) {
            Ok(()) => {
                self.stored.set(None);
                self.say(DraftStatus::Deleted);
            }
            Err(problem) => self.say(DraftStatus::Store(problem)),
        }
    }

    fn save_now(self, passphrase: String) {
        let draft = current_draft(&self.state);
        if self
            .last_saved
            .with_value(|last| last.as_ref() == Some(&draft))
        {
            return;
        }
        let mine = self.epoch.get_value();
        let crypto = self.state.crypto.get_value();
        spawn_local(async move {
            let sealed = crypto
                .seal_draft(DraftSealRequest {
                    draft: draft.clone(),
                    passphrase,
                })
                .await;
            // Gone (unmounted meanwhile), unticked, or stopped: write nothing.
            if self.epoch.try_get_value() != Some(mine)
                || self.active.try_get_untracked().flatten().is_none()
            {
                return;
            }
            let saved = sealed.map_err(DraftStatus::Draft).and_then(|armored| {
                draft_store::save(&self.key.get_value(), &armored).map_err(DraftStatus::Store)
            });
            match saved {
                Ok(()) => {
                    self.last_saved.set_value(Some(draft));
                    self.say(DraftStatus::Saved(clock()));
                }
                Err(problem) => self.say(problem),
            }
        });
    }
}

/// The draft as it stands: what was typed, and the names of attached files.
fn current_draft(state: &ReportState) -> Draft {
    Draft {
        report: state.report.get_untracked(),
        attachment_names: state
            .attachments
            .with_untracked(|files| files.iter().map(web_sys::File::name).collect()),
    }
}

/// The time of day, for "saved at".
fn clock() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}
