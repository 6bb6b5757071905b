//! An endpoint on 127.0.0.1 that answers report uploads by a script — fail with 500, then
//! accept; never answer; read the body slowly — for the delivery failure tests. It speaks CORS
//! to any origin (as a project's endpoint must) and records every body it was sent.

use std::{
    sync::{Arc, Mutex},
    thread,
    time::Duration,
};

/// How to answer one POST.
#[derive(Debug, Clone)]
pub enum Reply {
    /// This status and body (JSON).
    Status(u16, String),
    /// No answer for this long (then a 504, long after any sane timeout).
    Hang(Duration),
}

/// The script's answer to POSTs after it runs out.
const CREATED: u16 = 201;

pub struct ScriptedServer {
    server: Arc<tiny_http::Server>,
    /// e.g. `http://127.0.0.1:40123/reports`
    pub url: String,
    bodies: Arc<Mutex<Vec<Vec<u8>>>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl ScriptedServer {
    /// Answers POSTs with `script` in order, then with 201 `{"id":"scripted-N"}`. Reads request
    /// bodies at `read_bytes_per_second` when given, so uploads take a while.
    pub fn start(script: Vec<Reply>, read_bytes_per_second: Option<usize>) -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("an IP listener").port();
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (server, bodies) = (server.clone(), bodies.clone());
            let script = Arc::new(Mutex::new(script.into_iter()));
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    // One thread per request: a hanging answer must not hold up the next.
                    let (bodies, script) = (bodies.clone(), script.clone());
                    thread::spawn(move || answer(request, &bodies, &script, read_bytes_per_second));
                }
            })
        };
        Self {
            server,
            url: format!("http://127.0.0.1:{port}/reports"),
            bodies,
            thread: Some(thread),
        }
    }

    /// Every POST body received, in order.
    pub fn bodies(&self) -> Vec<Vec<u8>> {
        self.bodies.lock().expect("bodies").clone()
    }
}

fn answer(
    mut request: tiny_http::Request,
    bodies: &Mutex<Vec<Vec<u8>>>,
    script: &Mutex<std::vec::IntoIter<Reply>>,
    read_bytes_per_second: Option<usize>,
) {
    let cors = [
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Methods", "POST"),
        ("Access-Control-Allow-Headers", "content-type"),
        ("Access-Control-Expose-Headers", "Location, Retry-After"),
    ];
    let respond = |request: tiny_http::Request, status: u16, body: String| {
        let mut response = tiny_http::Response::from_string(body).with_status_code(status);
        for (name, value) in cors.iter().chain([&("Content-Type", "application/json")]) {
            response.add_header(tiny_http::Header::from_bytes(*name, *value).expect("header"));
        }
        let _ = request.respond(response);
    };
    if request.method() == &tiny_http::Method::Options {
        return respond(request, 204, String::new());
    }
    let body = read_body(&mut request, read_bytes_per_second);
    let reply = {
        let mut bodies = bodies.lock().expect("bodies");
        bodies.push(body);
        let next = script.lock().expect("script").next();
        next.unwrap_or_else(|| {
            Reply::Status(CREATED, format!(r#"{{"id":"scripted-{}"}}"#, bodies.len()))
        })
    };
    match reply {
        Reply::Status(status, body) => respond(request, status, body),
        Reply::Hang(duration) => {
            thread::sleep(duration);
            respond(request, 504, r#"{"error":"too late"}"#.into());
        }
    }
}

fn read_body(request: &mut tiny_http::Request, bytes_per_second: Option<usize>) -> Vec<u8> {
    let mut body = Vec::new();
    let Some(rate) = bytes_per_second else {
        let _ = request.as_reader().read_to_end(&mut body);
        return body;
    };
    // Ten reads a second, each of a tenth of the rate.
    let mut chunk = vec![0; (rate / 10).max(1)];
    loop {
        match request.as_reader().read(&mut chunk) {
            Ok(0) | Err(_) => return body,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
        thread::sleep(Duration::from_millis(100));
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
