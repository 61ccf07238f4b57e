//! Mounts the widget into every `<div data-giftcard-doctor>` and `<giftcard-doctor>` element of the page, each inside
//! its own Shadow DOM root so neither the host page's CSS nor ours leaks across, with options from data attributes
//! (or, on the custom element, the same names without `data-`), and later into any mount point its loader names
//! with [`MOUNT_EVENT`] (an element added after the app started). In an iframe, reports its
//! height to the embedding page's origin (learned from its hello, never `*`) so the frame can follow its content. A
//! first screen pre-rendered at build time (see `src/bin/prerender.rs`) is taken over, keeping what the person did
//! in it.
//!
//! The shadow root stays open: a closed one would hide nothing from the host page's scripts (they see every key
//! press, which is composed out of the root, and can replace `attachShadow` before we run) and it blinds axe-core and
//! Playwright, so the accessibility and end-to-end checks could no longer look inside (measured; see ARCHITECTURE.md).
//! A page that runs scripts it does not trust should use the isolated iframe instead.

use crate::components::app::Takeover;
use crate::components::{App, AppProps};
use crate::host::{self, SELECTOR};
use crate::{frame, page};
use giftcard_doctor_core::facts::RawFacts;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Where the loaders leave the widget's stylesheet (issue 13: the wasm no longer carries its own copy, which cost it
/// 2.3 KB after xz). `embed.js` puts the text under this global symbol; our own pages carry it in the light DOM as
/// `<template id="gcd-widget-css">` beside the declarative shadow root (so gzip stores the second copy almost for
/// free), where a copy saved with the browser's "Save page as, complete" still has it: the consumed shadow root is
/// not saved, the template is.
const CSS_SYMBOL: &str = "giftcard-doctor:css";
/// The id of the pages' stylesheet template (`xtask/src/prerender.rs` `inject_prerender`).
const CSS_TEMPLATE: &str = "gcd-widget-css";

/// The JS property that marks a mounted element. A property, not an attribute: the browser's "Save page as,
/// complete" writes the live DOM's attributes into the saved file, where a marker would stop the copy from booting.
const MOUNTED_MARK: &str = "gcdMounted";

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Each running app with its host element, so a host taken out of the page can take its app down ([`unmount`]).
    static APPS: RefCell<Vec<(Element, yew::AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
    /// One past the highest instance number given so far, for widgets mounted after the first ones.
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// The stylesheet every shadow root adopts (no inline style, so a strict CSP holds), made once from the text the
/// loader left ([`CSS_SYMBOL`], [`CSS_TEMPLATE`]) or, failing both, from the pre-rendered screen's own `<style>` in
/// `shadow`. With none of them the widget still works, unstyled.
fn sheet(shadow: &ShadowRoot) -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(&css_text(shadow)?).ok()?;
            *cell = Some(sheet);
        }
        cell.clone()
    })
}

fn css_text(shadow: &ShadowRoot) -> Option<String> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &js_sys::Symbol::for_(CSS_SYMBOL))
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| {
            let template = window.document()?.get_element_by_id(CSS_TEMPLATE)?;
            template
                .dyn_into::<web_sys::HtmlTemplateElement>()
                .ok()?
                .content()
                .text_content()
        })
        .or_else(|| shadow.query_selector("style").ok()??.text_content())
        .filter(|css| !css.trim().is_empty())
}

/// Whether a widget runs in this element already.
fn is_mounted(el: &Element) -> bool {
    js_sys::Reflect::get(el, &MOUNTED_MARK.into()).is_ok_and(|v| v.is_truthy())
}

/// Reads a mount point's options (data attributes, or the custom element's attributes) into the app's props.
pub fn props_from(el: &Element, instance: u32) -> AppProps {
    let attr = |name: &str| host::option(el, name);
    let mut start = attr("facts")
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .and_then(|v| serde_wasm_bindgen::from_value::<RawFacts>(v).ok())
        .and_then(|raw| raw.lower().ok());
    if let Some(market) =
        attr("marketplace").and_then(|m| giftcard_doctor_core::facts::Marketplace::from_id(&m))
    {
        start.get_or_insert_with(Default::default).marketplace = Some(market);
    }
    AppProps {
        instance,
        lang: attr("lang").map(Into::into),
        start,
        today: None,
        offline_href: host::offline_href(el).map(Into::into),
        embedded: !page::own_page(),
        persist: host::persists(el),
        takeover: None,
    }
}

/// Mounts a widget into one element; returns false when it already holds one. A pre-rendered first screen in the
/// element (a declarative shadow root in our pages, or one written by `embed.js`) is taken over.
pub fn mount(el: &Element, instance: u32) -> Result<bool, JsValue> {
    if is_mounted(el) {
        return Ok(false);
    }
    let (shadow, prerendered) = match el.shadow_root() {
        Some(shadow) => match read_prerendered(&shadow) {
            Some(p) => (shadow, p),
            // Left empty by `unmount`: the element came back.
            None if shadow.child_element_count() == 0 => (shadow, Prerendered::default()),
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
    let sheet = sheet(&shadow);
    shadow.set_inner_html("");
    if let Some(sheet) = sheet {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let root = document.create_element("div")?;
    root.set_class_name("gcd-host");
    shadow.append_child(&root)?;
    js_sys::Reflect::set(el, &MOUNTED_MARK.into(), &JsValue::TRUE)?;
    let mut props = props_from(el, instance);
    props.takeover = prerendered.takeover.clone();
    host::register(el, props.offline_href.as_deref());
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    APPS.with(|apps| apps.borrow_mut().push((el.clone(), app)));
    restore_after_render(shadow, prerendered);
    Ok(true)
}

/// Takes down the widget of an element taken out of the page (a single-page host replacing its content): its app
/// is destroyed, so what the person answered no longer lives in memory (the wiping allocator zeroes what it frees),
/// its shadow root is emptied and its mark cleared, so that put back, it mounts afresh. `embed.js` calls this from
/// the custom element's `disconnectedCallback`, once the element is still out after a microtask (a move is not a
/// removal).
pub fn unmount(el: &Element) {
    if el.is_connected() {
        return;
    }
    let app = APPS.with(|apps| {
        let mut apps = apps.borrow_mut();
        let at = apps
            .iter()
            .position(|(host, _)| host.is_same_node(Some(el)))?;
        Some(apps.swap_remove(at).1)
    });
    let Some(app) = app else {
        return;
    };
    app.destroy();
    host::unregister(el);
    if let Some(shadow) = el.shadow_root() {
        shadow.set_inner_html("");
    }
    let _ = js_sys::Reflect::set(el, &MOUNTED_MARK.into(), &JsValue::FALSE);
}

/// `window[Symbol.for("giftcard-doctor:unmount")]`, the entry `embed.js` calls with an element taken out of the page.
fn expose_unmount() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let entry = Closure::<dyn Fn(JsValue)>::new(|el: JsValue| {
        if let Ok(el) = el.dyn_into::<Element>() {
            unmount(&el);
        }
    });
    let _ = js_sys::Reflect::set(
        &window,
        &js_sys::Symbol::for_("giftcard-doctor:unmount").into(),
        entry.as_ref(),
    );
    entry.forget();
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
fn read_prerendered(shadow: &ShadowRoot) -> Option<Prerendered> {
    let wrapper = shadow.query_selector("[data-gcd-prerender]").ok()??;
    let takeover = wrapper
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .and_then(|input| {
            // `gcd-<n>-<question>`, with the number its loader gave the screen: a second `embed.js` may have
            // numbered it otherwise than the app numbers the widget, which must not lose the answer.
            let name = input.get_attribute("name")?;
            let (number, question) = name.strip_prefix("gcd-")?.split_once('-')?;
            number.parse::<u32>().ok()?;
            let question = question.to_owned();
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

/// Mounts every widget of the page; returns how many were mounted.
pub fn mount_all() -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all(SELECTOR) else {
        return 0;
    };
    listen_for_late_mounts();
    expose_unmount();
    NEXT_INSTANCE.set(NEXT_INSTANCE.get().max(nodes.length()));
    let mut mounted = 0;
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if mount(&el, i).unwrap_or(false) {
                mounted += 1;
            }
        }
    }
    if mounted > 0 {
        frame::report_height_to_parent();
    }
    mounted
}

/// The event a loader (`embed.js`) fires on a mount point that came after the app started: a `<giftcard-doctor>`
/// added later (its `connectedCallback`), or the mount points of a second copy of `embed.js` in the page. It bubbles
/// and is composed, so it also arrives from inside a host's own shadow roots.
pub const MOUNT_EVENT: &str = "giftcard-doctor:mount";

/// Mounts the element a [`MOUNT_EVENT`] was fired on, when it is a mount point without a widget yet.
fn listen_for_late_mounts() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_mount = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        // The element itself: `target` is retargeted to the outermost shadow host on its way to `window`.
        let Ok(el) = event.composed_path().get(0).dyn_into::<Element>() else {
            return;
        };
        if !el.matches(SELECTOR).unwrap_or(false) || is_mounted(&el) {
            return;
        }
        if crate::failure::has_failed() {
            crate::failure::show_in(&el);
            return;
        }
        let first = host::mounted().is_empty();
        if mount(&el, late_instance(&el)).unwrap_or(false) && first {
            frame::report_height_to_parent();
        }
    });
    let _ = window.add_event_listener_with_callback(MOUNT_EVENT, on_mount.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_mount.forget();
}

/// The instance number of a widget mounted late: its place among the page's mount points (as `embed.js` numbered
/// the first screen it pre-rendered there, and as the widget's saved answers are keyed), unless that number is
/// taken. The takeover does not depend on it: it reads the pre-render's own number from its radios.
fn late_instance(el: &Element) -> u32 {
    let index = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(SELECTOR).ok())
        .and_then(|nodes| {
            (0..nodes.length()).find(|&i| nodes.item(i).is_some_and(|n| n.is_same_node(Some(el))))
        });
    let next = NEXT_INSTANCE.get();
    let instance = index.map_or(next, |i| i.max(next));
    NEXT_INSTANCE.set(instance + 1);
    instance
}
