//! A static file server for the built app on 127.0.0.1, recording every request it gets so tests
//! can assert what the page sent (and that it sent no plaintext).

use std::{
    path::{Component, Path, PathBuf},
    sync::{Arc, Mutex},
    thread,
};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct SeenRequest {
    pub method: String,
    pub url: String,
    pub body: Vec<u8>,
}

pub struct StaticServer {
    server: Arc<tiny_http::Server>,
    pub url: String,
    seen: Arc<Mutex<Vec<SeenRequest>>>,
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
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn respond(root: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = PathBuf::from(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
        && path != "/"
    {
        return tiny_http::Response::from_string("bad path").with_status_code(400);
    }
    let file = if path == "/" {
        root.join("index.html")
    } else {
        root.join(relative)
    };
    match std::fs::read(&file) {
        Ok(bytes) => {
            let content_type = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("svg") => "image/svg+xml",
                _ => "application/octet-stream",
            };
            let header = tiny_http::Header::from_bytes("Content-Type", content_type).unwrap();
            tiny_http::Response::from_data(bytes).with_header(header)
        }
        Err(_) => tiny_http::Response::from_string("not found").with_status_code(404),
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
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("an IP listener").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (server, seen, root) = (server.clone(), seen.clone(), root.to_path_buf());
            thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let mut body = Vec::new();
                    let _ = request.as_reader().read_to_end(&mut body);
                    seen.lock().unwrap().push(SeenRequest {
                        method: request.method().to_string(),
                        url: request.url().to_owned(),
                        body,
                    });
                    let path = request.url().split(['?', '#']).next().unwrap_or("/");
                    let file = files.iter().find(|(file_path, _)| file_path == path);
                    let response = match (file, extra.iter().find(|(p, _)| p == path)) {
                        (Some((_, file)), _) => match std::fs::read(file) {
                            Ok(bytes) => {
                                let header = tiny_http::Header::from_bytes(
                                    "Content-Type",
                                    content_type_for(file),
                                )
                                .unwrap();
                                tiny_http::Response::from_data(bytes).with_header(header)
                            }
                            Err(err) => tiny_http::Response::from_string(format!(
                                "{}: {err}",
                                file.display()
                            ))
                            .with_status_code(500),
                        },
                        (None, Some((_, body))) => tiny_http::Response::from_data(body.clone()),
                        (None, None) => respond(&root, request.url()),
                    };
                    let _ = request.respond(response);
                }
            })
        };
        Self {
            server,
            url: format!("http://127.0.0.1:{port}/"),
            seen,
            thread: Some(thread),
        }
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
