//! A static file server for the built app on 127.0.0.1, recording every request it gets so tests
//! can assert what the page sent (and that it sent no plaintext).

use std::{
    path::{Component, Path, PathBuf},
    sync::{Arc, Mutex},
    thread,
};

use axum::{body::Bytes, http::StatusCode, response::IntoResponse};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct SeenRequest {
    pub method: String,
    pub url: String,
    pub body: Vec<u8>,
}

/// Served by axum on its own thread and runtime. (tiny_http served it until the page started
/// preloading its wasm: now and then a page load then stalled for good, with requests that never
/// reached the server; Python's http.server and axum never stalled.)
pub struct StaticServer {
    pub url: String,
    seen: Arc<Mutex<Vec<SeenRequest>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl StaticServer {
    pub fn start(root: &Path) -> Self {
        Self::start_with(root, Vec::new())
    }

    /// Serves `root`, and also each `(path, body)` in `extra` (paths such as `/test/policy.json`),
    /// so a test can add files without touching the build.
    pub fn start_with(root: &Path, extra: Vec<(String, Vec<u8>)>) -> Self {
        Self::start_with_files(root, Vec::new(), extra)
    }

    pub fn requests(&self) -> Vec<SeenRequest> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What a request for `url` gets: status, Content-Type and body.
type Answer = (StatusCode, &'static str, Vec<u8>);

fn respond(root: &Path, url: &str) -> Answer {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = PathBuf::from(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
        && path != "/"
    {
        return (StatusCode::BAD_REQUEST, "text/plain", b"bad path".to_vec());
    }
    let file = if path == "/" {
        root.join("index.html")
    } else {
        root.join(relative)
    };
    match std::fs::read(&file) {
        Ok(bytes) => (StatusCode::OK, content_type_for(&file), bytes),
        Err(_) => (StatusCode::NOT_FOUND, "text/plain", b"not found".to_vec()),
    }
}

impl StaticServer {
    /// Serves `root`, and also each `(path, file)` in `files` (read from disk at each request,
    /// with a Content-Type from the file's extension, so module scripts such as `.mjs` load)
    /// and each `(path, body)` in `extra`. For pages that live outside the build, such as the
    /// benchmark, next to the built app on the same origin.
    pub fn start_with_files(
        root: &Path,
        files: Vec<(String, PathBuf)>,
        extra: Vec<(String, Vec<u8>)>,
    ) -> Self {
        Self::start_with_headers(root, files, extra, Vec::new())
    }

    /// As [`StaticServer::start_with_files`], adding `headers` (such as a
    /// Content-Security-Policy) to every response.
    pub fn start_with_headers(
        root: &Path,
        files: Vec<(String, PathBuf)>,
        extra: Vec<(String, Vec<u8>)>,
        headers: Vec<(String, String)>,
    ) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        Self::start_on(listener, root, files, extra, headers)
    }

    /// As [`StaticServer::start_with_headers`], on a `listener` bound already: for files that
    /// must name the server's own URL (`http://127.0.0.1:PORT/`, see [`url_of`]).
    pub fn start_on(
        listener: std::net::TcpListener,
        root: &Path,
        files: Vec<(String, PathBuf)>,
        extra: Vec<(String, Vec<u8>)>,
        headers: Vec<(String, String)>,
    ) -> Self {
        let headers: Arc<Vec<(axum::http::HeaderName, axum::http::HeaderValue)>> = Arc::new(
            headers
                .iter()
                .map(|(name, value)| {
                    (
                        axum::http::HeaderName::try_from(name.as_str()).expect("a header name"),
                        axum::http::HeaderValue::try_from(value.as_str()).expect("a header value"),
                    )
                })
                .collect(),
        );
        let url = url_of(&listener);
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = {
            let (seen, root) = (seen.clone(), root.to_path_buf());
            let (files, extra) = (Arc::new(files), Arc::new(extra));
            thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .expect("a runtime for the static server");
                runtime.block_on(async move {
                    let handler = move |request: axum::extract::Request| {
                        let (seen, root, files, extra, headers) = (
                            seen.clone(),
                            root.clone(),
                            files.clone(),
                            extra.clone(),
                            headers.clone(),
                        );
                        async move {
                            let method = request.method().to_string();
                            // As sent: a path, or for a proxy the whole URL or `host:port`.
                            let url = request.uri().to_string();
                            let path = request
                                .uri()
                                .path_and_query()
                                .map_or("/".to_owned(), |p| p.as_str().to_owned());
                            let body = axum::body::to_bytes(request.into_body(), usize::MAX)
                                .await
                                .unwrap_or_default();
                            seen.lock().unwrap().push(SeenRequest {
                                method,
                                url,
                                body: body.to_vec(),
                            });
                            let (status, content_type, bytes) =
                                answer(&root, &files, &extra, &path);
                            let mut response =
                                (status, [("content-type", content_type)], Bytes::from(bytes))
                                    .into_response();
                            for (name, value) in headers.iter() {
                                response.headers_mut().insert(name.clone(), value.clone());
                            }
                            response
                        }
                    };
                    let app = axum::Router::new().fallback(handler);
                    let listener =
                        tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                    let _ = axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _ = stopped.await;
                        })
                        .await;
                });
            })
        };
        Self {
            url,
            seen,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

/// The URL a server on `listener` has: `http://127.0.0.1:PORT/`.
pub fn url_of(listener: &std::net::TcpListener) -> String {
    let port = listener.local_addr().expect("a local address").port();
    format!("http://127.0.0.1:{port}/")
}

fn answer(
    root: &Path,
    files: &[(String, PathBuf)],
    extra: &[(String, Vec<u8>)],
    url: &str,
) -> Answer {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let file = files.iter().find(|(file_path, _)| file_path == path);
    match (file, extra.iter().find(|(p, _)| p == path)) {
        (Some((_, file)), _) => match std::fs::read(file) {
            Ok(bytes) => (StatusCode::OK, content_type_for(file), bytes),
            Err(err) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "text/plain",
                format!("{}: {err}", file.display()).into_bytes(),
            ),
        },
        (None, Some((path, body))) => (
            StatusCode::OK,
            content_type_for(Path::new(path)),
            body.clone(),
        ),
        (None, None) => respond(root, url),
    }
}

/// The Content-Type a browser needs for `file`, by its extension.
pub fn content_type_for(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("asc" | "txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
