//! The page inside a project's site: its look (the policy's `theme`, or the host's URL
//! parameters) and, in an iframe, a few messages to the parent page.
//!
//! Messages go only to the origin named by `?embed=https://www.example.org` (never `"*"`), and
//! say only three things: `ready`, `height` (so the parent sizes the frame and it never scrolls)
//! and `sent` with the inbox's receipt id. Nothing typed, sealed or read from the policy is ever
//! posted, and the page listens to no message from the parent: a hostile page that frames it
//! and names itself in `?embed=` learns when the form is ready, how tall it is and a receipt id,
//! nothing more. Who may frame the page at all is the server's `frame-ancestors` (see
//! docs/embedding.md).

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use sealpost_core::policy::{check_theme_value, Theme, ThemeValue};
use wasm_bindgen::{prelude::*, JsCast};

use crate::browser;

thread_local! {
    static PARENT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets the page's CSS custom properties from the policy's theme, then from the URL
/// (`?accent=%23aa0000&radius=2px&font=…`, checked as strictly as the policy). Through the CSSOM
/// (`style.setProperty`), which a CSP without 'unsafe-inline' allows.
pub fn apply_theme(theme: &Theme) {
    let Some(root) = root_style() else { return };
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches());
    let mut values: Vec<(&str, String)> = Vec::new();
    let palette = match (&theme.dark, dark) {
        (Some(dark_colors), true) => dark_colors,
        _ => &theme.colors,
    };
    for (property, _, value) in palette.entries() {
        values.push((property, value.to_owned()));
    }
    values.extend(theme.font.clone().map(|font| ("--sp-font", font)));
    values.extend(theme.radius.clone().map(|radius| ("--sp-radius", radius)));
    let parameters = [
        ("accent", "--sp-accent", ThemeValue::Color),
        ("accent_text", "--sp-accent-text", ThemeValue::Color),
        ("background", "--sp-bg", ThemeValue::Color),
        ("surface", "--sp-surface", ThemeValue::Color),
        ("text", "--sp-text", ThemeValue::Color),
        ("font", "--sp-font", ThemeValue::Font),
        ("radius", "--sp-radius", ThemeValue::Radius),
    ];
    for (name, property, kind) in parameters {
        if let Some(value) = browser::query_parameter(name) {
            // A bad value is dropped: the page keeps its own look.
            if check_theme_value(kind, &value).is_ok() {
                values.push((property, value));
            }
        }
    }
    for (property, value) in values {
        let _ = root.set_property(property, &value);
    }
}

fn root_style() -> Option<web_sys::CssStyleDeclaration> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.dyn_into::<web_sys::HtmlElement>().ok()?.style())
}

/// The parent's origin, when the page is framed and told whom to talk to with `?embed=`.
fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    if Object::is(&parent, &window) {
        return None;
    }
    let claimed = browser::query_parameter("embed")?;
    let origin = web_sys::Url::new(&claimed).ok()?.origin();
    // Only a bare origin (http(s)://host[:port]); where the browser knows who the parent
    // really is (ancestorOrigins), it must be that one.
    if origin != claimed || !(origin.starts_with("https://") || origin.starts_with("http://")) {
        return None;
    }
    let ancestors = Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
    if !ancestors.is_undefined() {
        let first = Reflect::get(&ancestors, &0.into()).ok()?.as_string();
        if first.as_deref() != Some(origin.as_str()) {
            return None;
        }
    }
    Some(origin)
}

/// The form is on screen: tell the parent, and from now on keep it told of the page's height.
pub fn announce_ready() {
    let Some(origin) = parent_origin() else {
        return;
    };
    PARENT.with(|parent| *parent.borrow_mut() = Some(origin));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("sp-embedded");
        let observed = root.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            // The root's own box: scrollHeight would never shrink below the frame's height.
            let height = observed.get_bounding_client_rect().height().ceil();
            post("height", &[("height", JsValue::from_f64(height))]);
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
            // Observes for the page's lifetime.
            on_resize.forget();
            std::mem::forget(observer);
        }
    }
    post("ready", &[]);
}

/// The report reached the project's inbox: the parent gets the receipt id, nothing else.
pub fn announce_sent(receipt: Option<&str>) {
    let receipt = receipt.map_or(JsValue::NULL, JsValue::from_str);
    post("sent", &[("receipt", receipt)]);
}

fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(origin) = PARENT.with(|parent| parent.borrow().clone()) else {
        return;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"source".into(), &"sealpost".into());
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    // The target origin makes the browser drop the message if the parent is anyone else.
    let _ = parent.post_message(&message, &origin);
}
