//! Mounts the widget into every `<div data-giftcard-doctor>` of the page, each inside its own Shadow DOM root so
//! neither the host page's CSS nor ours leaks across, with options from data attributes. In an iframe, reports its
//! height to the parent page so the frame can follow its content. A first screen pre-rendered at build time (see
//! `src/bin/prerender.rs`) is taken over, keeping what the person did in it.

use crate::components::app::Takeover;
use crate::components::{App, AppProps};
use giftcard_doctor_core::facts::RawFacts;
use giftcard_doctor_core::Lang;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

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
        takeover: None,
    }
}

/// Mounts a widget into one element; returns false when it already holds one. A pre-rendered first screen in the
/// element (a declarative shadow root in our pages, or one written by `embed.js`) is taken over.
pub fn mount(el: &Element, instance: u32) -> Result<bool, JsValue> {
    if el.has_attribute("data-giftcard-doctor-mounted") {
        return Ok(false);
    }
    let (shadow, prerendered) = match el.shadow_root() {
        Some(shadow) => match read_prerendered(&shadow, instance) {
            Some(p) => (shadow, p),
            None => return Ok(false),
        },
        None => (
            el.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
            Prerendered::default(),
        ),
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    // The pre-rendered screen (and its inline <style>) goes; the adopted sheet styles what replaces it.
    shadow.set_inner_html("");
    if let Some(sheet) = sheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let root = document.create_element("div")?;
    root.set_class_name("gcd-host");
    shadow.append_child(&root)?;
    el.set_attribute("data-giftcard-doctor-mounted", "")?;
    let mut props = props_from(el, instance);
    props.takeover = prerendered.takeover.clone();
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    restore_after_render(shadow, prerendered);
    Ok(true)
}

/// The elements that can hold focus, in document order: the same list in the pre-render and in the rendered app,
/// since both come from the same components.
const FOCUSABLE: &str = "button, input, a[href], [tabindex]";

/// What the person did in a pre-rendered first screen before the wasm arrived.
#[derive(Default)]
struct Prerendered {
    takeover: Option<Takeover>,
    /// Index in [`FOCUSABLE`] of the element that had focus, when it was in the widget.
    focus: Option<u32>,
    /// The page's scroll position at takeover.
    scroll: Option<(f64, f64)>,
}

/// Reads the pre-rendered screen in a shadow root: the chosen radio (its name is `gcd-{instance}-{question}`),
/// whether Next was pressed (`data-gcd-submitted`, set by the pre-render script), focus and scroll. `None` when the
/// shadow root holds no pre-render (then it is someone else's, and not ours to replace).
fn read_prerendered(shadow: &ShadowRoot, instance: u32) -> Option<Prerendered> {
    let wrapper = shadow.query_selector("[data-gcd-prerender]").ok()??;
    let takeover = wrapper
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .and_then(|input| {
            let name = input.get_attribute("name")?;
            let question = name.strip_prefix(&format!("gcd-{instance}-"))?.to_owned();
            let submitted = input
                .closest("form")
                .ok()
                .flatten()
                .is_some_and(|f| f.has_attribute("data-gcd-submitted"));
            Some(Takeover {
                question,
                value: input.get_attribute("value")?,
                submitted,
            })
        });
    let focus = shadow.active_element().and_then(|active| {
        let nodes = shadow.query_selector_all(FOCUSABLE).ok()?;
        (0..nodes.length()).find(|&i| nodes.item(i).is_some_and(|n| n.is_same_node(Some(&active))))
    });
    let scroll = web_sys::window().and_then(|w| Some((w.scroll_x().ok()?, w.scroll_y().ok()?)));
    Some(Prerendered {
        takeover,
        focus,
        scroll,
    })
}

/// After Yew's first render (queued as a microtask, so a task queued after it runs once the DOM is there): put
/// focus back where it was and keep the page where it was scrolled. After a submitted answer the app moves focus to
/// the next question itself, as it does for every answer.
fn restore_after_render(shadow: ShadowRoot, prerendered: Prerendered) {
    let submitted = prerendered.takeover.as_ref().is_some_and(|t| t.submitted);
    if prerendered.focus.is_none() && prerendered.scroll.is_none() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let (Some(index), false) = (prerendered.focus, submitted) {
            let target = shadow
                .query_selector_all(FOCUSABLE)
                .ok()
                .and_then(|nodes| nodes.item(index))
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = target {
                let _ = el.focus();
            }
        }
        if let (Some((x, y)), Some(window)) = (prerendered.scroll, web_sys::window()) {
            window.scroll_to_with_x_and_y(x, y);
        }
    });
}

/// On our own pages (`<html class="gcd-page">`), the document's `lang`, `<title>`, `<h1>` and description follow
/// the widget's language: the page's script (`xtask/templates/prerender-page.js`, which holds the page's texts)
/// hears `giftcard-doctor:lang` on `window`. A host's page is left alone.
pub fn follow_page_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let ours = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("class"))
        .is_some_and(|c| c.split_whitespace().any(|c| c == "gcd-page"));
    if !ours {
        return;
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(lang.tag()));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("giftcard-doctor:lang", &init)
    {
        let _ = window.dispatch_event(&event);
    }
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
