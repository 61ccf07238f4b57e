//! Mounts the widget into every `<div data-giftcard-doctor>` of the page, each inside its own Shadow DOM root so
//! neither the host page's CSS nor ours leaks across, with options from data attributes. In an iframe, reports its
//! height to the parent page so the frame can follow its content.

use crate::components::{App, AppProps};
use giftcard_doctor_core::facts::RawFacts;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet, from `static/widget.css`; adopted by each shadow root (no inline style, so a strict CSP
/// holds).
pub const CSS: &str = include_str!("../static/widget.css");

/// Attribute that marks a mount point.
pub const SELECTOR: &str = "[data-giftcard-doctor]";

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            *cell = Some(sheet);
        }
        cell.clone()
    })
}

/// Reads a mount point's data attributes into the app's props.
pub fn props_from(el: &Element, instance: u32) -> AppProps {
    let attr = |name: &str| el.get_attribute(name).filter(|v| !v.trim().is_empty());
    let mut start = attr("data-facts")
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .and_then(|v| serde_wasm_bindgen::from_value::<RawFacts>(v).ok())
        .and_then(|raw| raw.lower().ok());
    if let Some(market) =
        attr("data-marketplace").and_then(|m| giftcard_doctor_core::facts::Marketplace::from_id(&m))
    {
        start.get_or_insert_with(Default::default).marketplace = Some(market);
    }
    AppProps {
        instance,
        lang: attr("data-lang").map(Into::into),
        start,
        today: None,
        offline_href: attr("data-offline-href").map(Into::into),
        persist: attr("data-persist").as_deref() != Some("false"),
    }
}

/// Mounts a widget into one element; returns false when it already holds one.
pub fn mount(el: &Element, instance: u32) -> Result<bool, JsValue> {
    if el.shadow_root().is_some() || el.has_attribute("data-giftcard-doctor-mounted") {
        return Ok(false);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let shadow = el.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    if let Some(sheet) = sheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let root = document.create_element("div")?;
    root.set_class_name("gcd-host");
    shadow.append_child(&root)?;
    el.set_attribute("data-giftcard-doctor-mounted", "")?;
    yew::Renderer::<App>::with_root_and_props(root, props_from(el, instance)).render();
    Ok(true)
}

/// Mounts every widget of the page; returns how many were mounted.
pub fn mount_all() -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all(SELECTOR) else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if mount(&el, i).unwrap_or(false) {
                mounted += 1;
            }
        }
    }
    if mounted > 0 {
        report_height_to_parent();
    }
    mounted
}

/// In an iframe, posts `{ type: "giftcard-doctor:height", height }` to the parent whenever the page's height
/// changes. Only a number leaves the frame.
fn report_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let in_frame = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| !js_sys::Object::is(&p, &window));
    let Some(body) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    if !in_frame {
        return;
    }
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let Some(window) = web_sys::window() else {
            return;
        };
        // The root element's own height, not its scrollHeight: that never drops below the frame's current height,
        // so the frame could grow (for the result) but never shrink back (after "start over").
        let height = window
            .document()
            .and_then(|d| d.document_element())
            .map(|e| e.get_bounding_client_rect().height().ceil() as i32)
            .unwrap_or(0);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"giftcard-doctor:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}
