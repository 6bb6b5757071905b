//! `?builder`: the report page hands over to the page builder, a wasm of its own
//! (crates/builder-app), so a researcher's first paint never downloads the builder, its key
//! discovery or the url crate.
//!
//! - A hardened release build (`cargo xtask build`) describes the builder's files, with their
//!   integrity, in `<template id="sealpost-builder">`: inert markup (nothing is fetched until
//!   it is copied into the page), a modulepreload link for the glue and the boot script that
//!   fetches the checked wasm.
//! - A development build (`trunk serve`) has no template: `builder-boot.js` (public/) loads the
//!   builder by URL.
//! - A copy without the builder (the single file) fails to load the script: the page says so.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Document, Element, HtmlTemplateElement};

use crate::i18n::detect;

/// The element id the hardened build gives the builder's template (xtask/src/bundle.rs agrees).
const TEMPLATE: &str = "sealpost-builder";
/// The builder's boot script in a development build.
const DEV_BOOT: &str = "./builder-boot.js";

/// Loads the page builder in place of the report form; the builder's wasm replaces what this
/// shows while it loads.
pub fn start_builder() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let texts = detect().texts().form;
    show(&document, texts.loading_builder);
    let Some(head) = document.head() else {
        return;
    };
    for element in builder_elements(&document) {
        if element.tag_name().eq_ignore_ascii_case("script") {
            let on_error = Closure::once_into_js({
                let document = document.clone();
                move || show(&document, texts.builder_missing)
            });
            let _ = element.add_event_listener_with_callback("error", on_error.unchecked_ref());
        }
        let _ = head.append_child(&element);
    }
}

/// Fresh copies of the template's elements (a script copied from a template may not run, one
/// created here does), or the development boot script.
fn builder_elements(document: &Document) -> Vec<Element> {
    let template = document
        .get_element_by_id(TEMPLATE)
        .and_then(|element| element.dyn_into::<HtmlTemplateElement>().ok());
    let Some(template) = template else {
        return script(document, DEV_BOOT).into_iter().collect();
    };
    let children = template.content().children();
    (0..children.length())
        .filter_map(|index| children.item(index))
        .filter_map(|original| {
            let copy = document.create_element(&original.tag_name()).ok()?;
            for name in original.get_attribute_names().iter() {
                let name = name.as_string()?;
                copy.set_attribute(&name, &original.get_attribute(&name)?)
                    .ok()?;
            }
            Some(copy)
        })
        .collect()
}

fn script(document: &Document, src: &str) -> Option<Element> {
    let script = document.create_element("script").ok()?;
    script.set_attribute("type", "module").ok()?;
    script.set_attribute("src", src).ok()?;
    Some(script)
}

/// The page's only content: one line of text (set as text, never as markup).
fn show(document: &Document, text: &str) {
    let Some(body) = document.body() else {
        return;
    };
    body.set_text_content(None);
    let Ok(main) = document.create_element("main") else {
        return;
    };
    let Ok(line) = document.create_element("p") else {
        return;
    };
    line.set_class_name("loading");
    line.set_text_content(Some(text));
    let _ = main.append_child(&line);
    let _ = body.append_child(&main);
}

/// Removes what the report page showed while the builder loaded (the builder's first act).
pub fn clear_page() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_text_content(None);
    }
}
