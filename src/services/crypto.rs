//! The page's view of the cryptography: key acceptance and sealing, done elsewhere.
//!
//! In the app they run in the sealing worker (`crates/seal-worker`), so the page never links
//! rPGP and stays responsive while megabytes are encrypted. [`CryptoBackend`] is the seam: the
//! browser tests plug in an in-page backend running the same `sealpost_core::protocol::Sealer`.

use std::{cell::RefCell, collections::HashMap, future::Future, pin::Pin, rc::Rc};

use futures::channel::oneshot;
use js_sys::{Array, Object, Reflect, Uint8Array};
use sealpost_core::{
    draft::DraftError,
    i18n::{Lang, Texts},
    protocol::{
        AcceptRequest, AcceptResponse, DraftOpenRequest, DraftOpenResponse, DraftSealRequest,
        DraftSealResponse, KeyCheckRequest, KeyCheckResponse, KeyRefusal, ReplyKeyRequest,
        ReplyKeyResponse, SealRequest, SealResponse, SealedInfo,
    },
};
use serde::de::DeserializeOwned;
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{File, MessageEvent, Worker};

use super::worker_source::WorkerBuild;
use crate::browser::describe;

/// The texts of the page's language, as `<html lang>` says it now (the page keeps it in step).
/// The worker's failures arise outside the page's reactive tree and travel as text with the
/// worker's own answers, so they are worded in the language of the moment they happen.
fn texts() -> &'static Texts {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
        .texts()
}

pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Reports `(done, total)` bytes while sealing.
pub type Progress = Rc<dyn Fn(f64, f64)>;

/// A sealed report as the page holds it: the bytes stay a JavaScript array (they may be
/// hundreds of megabytes; they go to a Blob, never through the page's own memory).
#[derive(Clone)]
pub struct SealedMessage {
    pub bytes: Uint8Array,
    pub info: SealedInfo,
}

pub trait CryptoBackend {
    fn accept(&self, request: AcceptRequest) -> LocalFuture<AcceptResponse>;
    fn seal(
        &self,
        request: SealRequest,
        files: Vec<File>,
        progress: Progress,
    ) -> LocalFuture<Result<SealedMessage, String>>;
    /// Makes the researcher's reply key (the secret half comes back only to be downloaded).
    fn make_reply_key(&self, request: ReplyKeyRequest) -> LocalFuture<ReplyKeyResponse>;
    /// Encrypts a draft with the researcher's passphrase.
    fn seal_draft(&self, request: DraftSealRequest) -> LocalFuture<DraftSealResponse>;
    /// Opens a stored draft with the passphrase the researcher typed.
    fn open_draft(&self, request: DraftOpenRequest) -> LocalFuture<DraftOpenResponse>;
    /// Checks one key file on its own (the page builder's key).
    fn check_key(&self, request: KeyCheckRequest) -> LocalFuture<KeyCheckResponse>;
}

/// Where the worker's loader is served (copied from `public/` by Trunk; it imports the
/// worker's wasm-bindgen glue and starts its wasm).
pub const WORKER_LOADER: &str = "./seal-worker-loader.js";

/// The page's sealing workers: the one it seals with, started once per page, and where drafts
/// and the reply key go.
pub struct WorkerCrypto {
    sealer: Rc<WorkerLink>,
    keeper: Keeper,
}

/// Where drafts and the reply key go (see `crates/seal-worker`: two builds of one worker).
enum Keeper {
    /// The page seals with the full worker, which answers these too (the single file, and
    /// development builds).
    Sealer,
    /// A served page seals with the seal-only worker; the full one is fetched and started the
    /// first time the researcher asks for one of these, so filing a report never downloads it.
    OnFirstUse(RefCell<Option<Rc<WorkerLink>>>),
}

impl WorkerCrypto {
    /// Starts the page's sealing worker once the form's first step is painted (at most a second
    /// from now): compiling its wasm (megabytes: rPGP) would otherwise compete with the page's
    /// own for the first paint. It loads in the background while the researcher reads the
    /// policy and types; requests wait until it says it is ready.
    pub fn start() -> Result<Self, String> {
        let (sealer, keeper) = if super::worker_source::names(WorkerBuild::SealOnly) {
            (
                WorkerBuild::SealOnly,
                Keeper::OnFirstUse(RefCell::new(None)),
            )
        } else {
            (WorkerBuild::Full, Keeper::Sealer)
        };
        Ok(Self {
            sealer: Rc::new(WorkerLink::start(sealer, Some(FIRST_STEP_WAIT_MS))),
            keeper,
        })
    }

    /// The worker for drafts and the reply key, started now if it has not been.
    fn keeper(&self) -> Rc<WorkerLink> {
        match &self.keeper {
            Keeper::Sealer => Rc::clone(&self.sealer),
            Keeper::OnFirstUse(started) => Rc::clone(
                started
                    .borrow_mut()
                    .get_or_insert_with(|| Rc::new(WorkerLink::start(WorkerBuild::Full, None))),
            ),
        }
    }
}

/// One worker and the page's requests waiting on it.
struct WorkerLink {
    /// Set once the worker's code is loaded (see `worker_source`).
    worker: Rc<RefCell<Option<Worker>>>,
    shared: Rc<RefCell<Shared>>,
    // Kept alive as long as the worker: the browser calls them.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

#[derive(Default)]
struct Shared {
    /// `Some(Ok)` once the worker said it is ready; `Some(Err)` if it failed to start.
    state: Option<Result<(), String>>,
    waiting: Vec<oneshot::Sender<Result<(), String>>>,
    next_id: u32,
    pending: HashMap<u32, Pending>,
}

struct Pending {
    reply: oneshot::Sender<Reply>,
    progress: Option<Progress>,
}

struct Reply {
    kind: String,
    json: String,
    message: JsValue,
}

/// The longest the sealing worker waits for the first step to be painted before it starts anyway.
const FIRST_STEP_WAIT_MS: i32 = 1000;

impl WorkerLink {
    /// Fetches (or unpacks) `build`'s code and starts it in the background, after the first
    /// step is painted if `after_first_step` gives the longest wait for that.
    fn start(build: WorkerBuild, after_first_step: Option<i32>) -> Self {
        let shared = Rc::new(RefCell::new(Shared::default()));

        let on_message = {
            let shared = Rc::clone(&shared);
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                handle_message(&shared, &event.data())
            })
        };
        let on_error = {
            let shared = Rc::clone(&shared);
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let detail = event
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| texts().send.worker_not_loaded.into());
                fail_all(&shared, (texts().send.worker_stopped)(&detail));
            })
        };
        // The worker's code is fetched (integrity-checked) or unpacked first, so it starts in
        // the background; requests wait for its "ready" as before.
        let worker = Rc::new(RefCell::new(None));
        {
            let (worker, shared) = (Rc::clone(&worker), Rc::clone(&shared));
            let handlers: (JsValue, JsValue) =
                (on_message.as_ref().clone(), on_error.as_ref().clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(at_most_ms) = after_first_step {
                    crate::browser::first_step_painted(at_most_ms).await;
                }
                let options = web_sys::WorkerOptions::new();
                options.set_name(build.name());
                match super::worker_source::start_worker(build, &options).await {
                    Ok(started) => {
                        started.set_onmessage(Some(handlers.0.unchecked_ref()));
                        started.set_onerror(Some(handlers.1.unchecked_ref()));
                        *worker.borrow_mut() = Some(started);
                    }
                    Err(reason) => fail_all(&shared, (texts().send.worker_refused)(&reason)),
                }
            });
        }
        Self {
            worker,
            shared,
            _on_message: on_message,
            _on_error: on_error,
        }
    }

    fn request(
        &self,
        kind: &'static str,
        json: String,
        files: Vec<File>,
        progress: Option<Progress>,
    ) -> LocalFuture<Result<Reply, String>> {
        let worker = Rc::clone(&self.worker);
        let shared = Rc::clone(&self.shared);
        Box::pin(async move {
            ready(&shared).await?;
            let worker = worker
                .borrow()
                .clone()
                .ok_or(texts().send.worker_not_started)?;
            let (reply, receive) = oneshot::channel();
            let id = {
                let mut shared = shared.borrow_mut();
                shared.next_id += 1;
                let id = shared.next_id;
                shared.pending.insert(id, Pending { reply, progress });
                id
            };
            let message = Object::new();
            set(&message, "id", &JsValue::from(id));
            set(&message, "type", &JsValue::from_str(kind));
            set(&message, "json", &JsValue::from_str(&json));
            let list = Array::new();
            for file in files {
                list.push(&file);
            }
            set(&message, "files", &list);
            worker
                .post_message(&message)
                .map_err(|err| (texts().send.worker_unreachable)(&describe(&err)))?;
            receive
                .await
                .map_err(|_| texts().send.worker_silent.to_owned())
        })
    }
}

impl WorkerLink {
    /// A request answered with JSON alone. A worker that is gone, or that could not read the
    /// request, becomes an answer of type `T` through `unreachable`.
    fn exchange<T: DeserializeOwned + 'static>(
        &self,
        kind: &'static str,
        request: &impl serde::Serialize,
        unreachable: fn(String) -> T,
    ) -> LocalFuture<T> {
        let json = serde_json::to_string(request).unwrap_or_default();
        let reply = self.request(kind, json, Vec::new(), None);
        Box::pin(async move {
            let reply = match reply.await {
                Ok(reply) => reply,
                Err(reason) => return unreachable(reason),
            };
            if reply.kind == "failed" {
                // `fail` in the worker: `{"Err": reason}`.
                let reason = serde_json::from_str::<Result<serde_json::Value, String>>(&reply.json)
                    .ok()
                    .and_then(Result::err)
                    .unwrap_or(reply.json);
                return unreachable(reason);
            }
            serde_json::from_str::<T>(&reply.json).unwrap_or_else(|err| {
                unreachable((texts().send.worker_unreadable)(&err.to_string()))
            })
        })
    }
}

impl CryptoBackend for WorkerCrypto {
    fn accept(&self, request: AcceptRequest) -> LocalFuture<AcceptResponse> {
        let json = serde_json::to_string(&request).unwrap_or_default();
        let reply = self.sealer.request("accept", json, Vec::new(), None);
        Box::pin(async move {
            let reply = reply.await.map_err(|reason| vec![page_error(reason)])?;
            serde_json::from_str::<AcceptResponse>(&reply.json).unwrap_or_else(|err| {
                Err(vec![page_error((texts().send.worker_unreadable)(
                    &err.to_string(),
                ))])
            })
        })
    }

    fn seal(
        &self,
        request: SealRequest,
        files: Vec<File>,
        progress: Progress,
    ) -> LocalFuture<Result<SealedMessage, String>> {
        let json = serde_json::to_string(&request).unwrap_or_default();
        let reply = self.sealer.request("seal", json, files, Some(progress));
        Box::pin(async move {
            let reply = reply.await?;
            let info = serde_json::from_str::<SealResponse>(&reply.json)
                .map_err(|err| (texts().send.worker_unreadable)(&err.to_string()))??;
            if reply.kind != "sealed" {
                return Err(texts().send.worker_no_message.into());
            }
            Ok(SealedMessage {
                bytes: reply.message.unchecked_into(),
                info,
            })
        })
    }

    fn make_reply_key(&self, request: ReplyKeyRequest) -> LocalFuture<ReplyKeyResponse> {
        self.keeper().exchange("reply-key", &request, Err)
    }

    fn seal_draft(&self, request: DraftSealRequest) -> LocalFuture<DraftSealResponse> {
        self.keeper().exchange("seal-draft", &request, |reason| {
            Err(DraftError::Unavailable(reason))
        })
    }

    fn open_draft(&self, request: DraftOpenRequest) -> LocalFuture<DraftOpenResponse> {
        self.keeper().exchange("open-draft", &request, |reason| {
            Err(DraftError::Unavailable(reason))
        })
    }

    fn check_key(&self, request: KeyCheckRequest) -> LocalFuture<KeyCheckResponse> {
        self.sealer
            .exchange("check-key", &request, |reason| Err(unavailable_key(reason)))
    }
}

/// A key check that never reached the worker.
fn unavailable_key(message: String) -> KeyRefusal {
    KeyRefusal {
        code: "unavailable".into(),
        message,
    }
}

async fn ready(shared: &Rc<RefCell<Shared>>) -> Result<(), String> {
    let receive = {
        let mut shared = shared.borrow_mut();
        match &shared.state {
            Some(state) => return state.clone(),
            None => {
                let (send, receive) = oneshot::channel();
                shared.waiting.push(send);
                receive
            }
        }
    };
    receive
        .await
        .unwrap_or_else(|_| Err(texts().send.worker_not_started.into()))
}

fn handle_message(shared: &Rc<RefCell<Shared>>, data: &JsValue) {
    let kind = get(data, "type").as_string().unwrap_or_default();
    if kind == "ready" {
        let waiting = {
            let mut shared = shared.borrow_mut();
            shared.state = Some(Ok(()));
            std::mem::take(&mut shared.waiting)
        };
        for waiter in waiting {
            let _ = waiter.send(Ok(()));
        }
        return;
    }
    let Some(id) = get(data, "id").as_f64().map(|id| id as u32) else {
        return;
    };
    if kind == "progress" {
        let progress = shared
            .borrow()
            .pending
            .get(&id)
            .and_then(|pending| pending.progress.clone());
        if let Some(progress) = progress {
            let number = |key| get(data, key).as_f64().unwrap_or(0.0);
            progress(number("done"), number("total"));
        }
        return;
    }
    let pending = shared.borrow_mut().pending.remove(&id);
    if let Some(pending) = pending {
        let _ = pending.reply.send(Reply {
            kind,
            json: get(data, "json").as_string().unwrap_or_default(),
            message: get(data, "message"),
        });
    }
}

/// The worker is gone: every waiting request learns why (dropping the senders would only say
/// "cancelled").
fn fail_all(shared: &Rc<RefCell<Shared>>, reason: String) {
    let (waiting, pending) = {
        let mut shared = shared.borrow_mut();
        shared.state = Some(Err(reason.clone()));
        (
            std::mem::take(&mut shared.waiting),
            std::mem::take(&mut shared.pending),
        )
    };
    for waiter in waiting {
        let _ = waiter.send(Err(reason.clone()));
    }
    for (_, pending) in pending {
        let response: SealResponse = Err(reason.clone());
        let _ = pending.reply.send(Reply {
            kind: "failed".into(),
            json: serde_json::to_string(&response).unwrap_or_default(),
            message: JsValue::UNDEFINED,
        });
    }
}

fn page_error(reason: String) -> sealpost_core::PolicyError {
    sealpost_core::PolicyError {
        path: ".".into(),
        reason,
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// What the page uses when no worker could be started: every request says why.
pub struct UnavailableCrypto(pub String);

impl CryptoBackend for UnavailableCrypto {
    fn accept(&self, _: AcceptRequest) -> LocalFuture<AcceptResponse> {
        let reason = self.0.clone();
        Box::pin(async move { Err(vec![page_error(reason)]) })
    }

    fn seal(
        &self,
        _: SealRequest,
        _: Vec<File>,
        _: Progress,
    ) -> LocalFuture<Result<SealedMessage, String>> {
        let reason = self.0.clone();
        Box::pin(async move { Err(reason) })
    }

    fn make_reply_key(&self, _: ReplyKeyRequest) -> LocalFuture<ReplyKeyResponse> {
        let reason = self.0.clone();
        Box::pin(async move { Err(reason) })
    }

    fn seal_draft(&self, _: DraftSealRequest) -> LocalFuture<DraftSealResponse> {
        let reason = self.0.clone();
        Box::pin(async move { Err(DraftError::Unavailable(reason)) })
    }

    fn open_draft(&self, _: DraftOpenRequest) -> LocalFuture<DraftOpenResponse> {
        let reason = self.0.clone();
        Box::pin(async move { Err(DraftError::Unavailable(reason)) })
    }

    fn check_key(&self, _: KeyCheckRequest) -> LocalFuture<KeyCheckResponse> {
        let reason = self.0.clone();
        Box::pin(async move { Err(unavailable_key(reason)) })
    }
}
