//! In the isolated iframe: the page's height, posted to the embedding page's origin (learned from its hello, never
//! `*`) so the frame can follow its content. Only a number leaves the frame.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The embedding page's origin, once its hello has arrived (in an iframe only).
    static PARENT_ORIGIN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A message to the parent page: `{ type, height? }`, nothing else.
fn message(kind: &str, height: Option<i32>) -> js_sys::Object {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    if let Some(height) = height {
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    }
    message
}

/// Posts the page's height to the embedding origin, once it is known.
fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(origin) = PARENT_ORIGIN.with(|o| o.borrow().clone()) else {
        return;
    };
    // The root element's own height, not its scrollHeight: that never drops below the frame's current height, so the
    // frame could grow (for the result) but never shrink back (after "start over").
    let height = window
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.get_bounding_client_rect().height().ceil() as i32)
        .unwrap_or(0);
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(&message("giftcard-doctor:height", Some(height)), &origin);
    }
}

/// The first of `location.ancestorOrigins` (Chromium, Safari), when the browser names the embedding origin.
fn ancestor_origin(window: &web_sys::Window) -> Option<String> {
    let list = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
    if list.is_undefined() || list.is_null() {
        return None;
    }
    js_sys::Reflect::get(&list, &0.into()).ok()?.as_string()
}

/// In an iframe: says "ready" to the parent (a message with nothing in it), takes the origin of the parent's
/// `giftcard-doctor:hello` (from the parent window itself, and matching `ancestorOrigins` where the browser has it),
/// and from then on posts `{ type: "giftcard-doctor:height", height }` to that origin only, whenever the page's height
/// changes. Only a number leaves the frame.
pub fn report_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window
        .parent()
        .ok()
        .flatten()
        .filter(|p| !js_sys::Object::is(p, &window))
    else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let from_parent = match (event.source(), window.parent().ok().flatten()) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            let kind = js_sys::Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|k| k.as_string());
            let origin = event.origin();
            if !from_parent || kind.as_deref() != Some("giftcard-doctor:hello") || origin == "null"
            {
                return;
            }
            if ancestor_origin(&window).is_some_and(|named| named != origin) {
                return;
            }
            PARENT_ORIGIN.with(|o| *o.borrow_mut() = Some(origin));
            post_height();
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(|_entries: js_sys::Array| post_height());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The listener and the observer live as long as the page.
    callback.forget();
    // Nothing but the type: the parent answers with its hello, addressed to this frame's origin.
    let _ = parent.post_message(&message("giftcard-doctor:frame-ready", None), "*");
}
