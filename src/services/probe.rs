//! Telling a server that is down from one that refuses this page by CORS: the browser reports
//! both as the same bare network error. A `no-cors` GET of the same URL resolves (with an
//! opaque answer the page cannot read) only when the server answered at all. The probe sends
//! no credentials and carries nothing of what the page was doing.

/// Whether anything answers at `url`.
pub async fn server_answers(url: &str) -> bool {
    gloo_net::http::Request::get(url)
        .mode(web_sys::RequestMode::NoCors)
        .credentials(web_sys::RequestCredentials::Omit)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .is_ok()
}

/// This page's origin, for messages that tell a server which origin to allow.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_else(|| "this page".into())
}
