//! Failing visibly and kindly: after an internal error, every mounted widget is replaced by a short message in its
//! language — with the answers saved, reload to continue; with `persist="false"`, reload to start again — and the
//! link to the offline file where there is one. Nothing the person typed is logged: not even the panic's own
//! message, which could quote an input.
//!
//! The release build compiles a panic to a bare wasm trap (`immediate-abort`, see `xtask/src/tools.rs`), which no
//! panic hook sees: there the trap itself is caught, as the `WebAssembly.RuntimeError` it becomes on `window` (an
//! uncaught error from an event handler, or an unhandled rejection from a future). Builds that still unwind or abort
//! after the hook (the component tests) go through the hook. Either way [`show`] runs once.

use crate::host;
use crate::i18n::t;
use giftcard_doctor_core::{Lang, UiKey};
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

thread_local! {
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Installs the hook through Yew, which would otherwise put its own (that logs the panic message) at the first
/// render, and the listener for the release build's traps.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|_info| show()));
    install_trap_listener();
    install_test_trigger();
}

/// Listens on `window` for a `WebAssembly.RuntimeError` of this app — not of another wasm module of a host page,
/// whose trap must not stop the widget. The error's stack must name this app's wasm module (Chromium's
/// `wasm://wasm/<id>`, always the first frame of a trap) or the script this app was loaded from (for stack formats
/// that name the script); both are read from a stack taken now, whose first frames are this module and its glue. A
/// trap deep in Yew has only wasm frames in a stack cut at ten, so the module is what finds it.
fn install_trap_listener() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let here = js_sys::Error::new("");
    let stack = js_sys::Reflect::get(&here, &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let marks: Vec<String> = [own_wasm_module(&stack), own_script_url(&stack)]
        .into_iter()
        .flatten()
        .collect();
    let listener = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let error = ["error", "reason"]
            .iter()
            .map(|key| js_sys::Reflect::get(&event, &JsValue::from_str(key)).unwrap_or_default())
            .find(|v| v.is_object())
            .unwrap_or_default();
        if !error.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
            return;
        }
        let stack = js_sys::Reflect::get(&error, &"stack".into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        if marks.is_empty() || marks.iter().any(|mark| stack.contains(mark.as_str())) {
            show();
        }
    });
    for kind in ["error", "unhandledrejection"] {
        let _ = window.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    listener.forget();
}

/// The first wasm module a Chromium stack names, as its frames locate it: `wasm://wasm/<id>` for a module compiled
/// from bytes (ours: the `<id>` is the module's own, another module has another), or the `.wasm` file's URL for one
/// fetched; returned with the `:wasm-function[` that follows, which every frame of that module carries.
pub fn own_wasm_module(stack: &str) -> Option<String> {
    const FUNCTION: &str = ":wasm-function[";
    let line = stack.lines().find(|l| l.contains(FUNCTION))?;
    let end = line.find(FUNCTION)?;
    let head = &line[..end];
    let start = head
        .rfind('(')
        .map(|i| i + 1)
        .or_else(|| head.find("at ").map(|i| i + 3))?;
    let location = head[start..].trim();
    (!location.is_empty()).then(|| format!("{location}{FUNCTION}"))
}

/// The first script address (`http(s):`, `file:` or `blob:`) a JS stack names: `at f (URL:line:col)` or
/// `at URL:line:col` in Chromium, `f@URL:line:col` in Firefox and Safari. `None` when there is none, and then
/// every trap counts as this app's.
pub fn own_script_url(stack: &str) -> Option<String> {
    stack.lines().find_map(|line| {
        let start = ["http://", "https://", "file://", "blob:"]
            .iter()
            .filter_map(|scheme| line.find(scheme))
            .min()?;
        let location = line[start..].trim_end().trim_end_matches(')');
        // Drop `:line:col` (two numeric suffixes).
        let mut url = location;
        for _ in 0..2 {
            match url.rsplit_once(':') {
                Some((head, tail))
                    if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    url = head;
                }
                _ => break,
            }
        }
        Some(url.to_owned())
    })
}

/// Whether the message has replaced the widgets: the app must not mount a new one into a stopped Yew.
pub fn has_failed() -> bool {
    SHOWN.with(Cell::get)
}

/// The message in one more mount point, added after the failure (its own shadow root if it has none yet).
pub fn show_in(host: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if host.shadow_root().is_none() {
        let _ = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open));
    }
    let offline = host::offline_href(host);
    let _ = replace(&document, host, offline.as_deref());
}

/// Replaces every mounted widget with the message. Uses the DOM directly: the app's state may be mid-update.
pub fn show() {
    if SHOWN.with(|shown| shown.replace(true)) {
        return;
    }
    web_sys::console::error_1(&JsValue::from_str(
        "giftcard-doctor stopped after an internal error (details are not logged, so no input can appear here)",
    ));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for (host, offline) in host::mounted() {
        let _ = replace(&document, &host, offline.as_deref());
    }
}

fn replace(
    document: &web_sys::Document,
    host: &Element,
    offline: Option<&str>,
) -> Result<(), JsValue> {
    let Some(shadow) = host.shadow_root() else {
        return Ok(());
    };
    // The language the widget was showing, from the `lang` on its own root.
    let lang = shadow
        .query_selector("[lang]")?
        .and_then(|el| el.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::Ja);
    let root = document.create_element("div")?;
    root.set_class_name("gcd-host");
    let section = document.create_element("section")?;
    section.set_class_name("gcd gcd-failed");
    section.set_attribute("role", "alert")?;
    section.set_attribute("lang", lang.tag())?;
    let message = document.create_element("p")?;
    let saved = host::persists(host);
    let text = if saved {
        UiKey::Failed
    } else {
        UiKey::FailedUnsaved
    };
    message.set_text_content(Some(t(text, lang)));
    section.append_child(&message)?;
    if let Some(href) = offline {
        let p = document.create_element("p")?;
        let link = document.create_element("a")?;
        link.set_class_name("gcd-link");
        link.set_attribute("href", href)?;
        link.set_text_content(Some(t(UiKey::FailedOffline, lang)));
        p.append_child(&link)?;
        section.append_child(&p)?;
    }
    root.append_child(&section)?;
    shadow.set_inner_html("");
    shadow.append_child(&root)?;
    Ok(())
}

/// `window.__giftcardDoctorPanicForTest()`, not enumerable and not documented (`GiftcardDoctor` is frozen): the
/// end-to-end tests call it to prove that a real panic of the release build (a trap, deep in the wasm) brings the
/// message. It changes nothing but this page's widgets.
fn install_test_trigger() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Forty calls deep, like a panic inside a component's view under Yew's scheduler: the trap's stack then holds
    // only wasm frames, which the listener must still recognise.
    #[inline(never)]
    fn deep(n: u32) -> u32 {
        let below = if n == 0 {
            panic!("giftcard-doctor: test panic")
        } else {
            deep(std::hint::black_box(n - 1))
        };
        std::hint::black_box(below).wrapping_mul(3) ^ n
    }
    let trigger = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        std::hint::black_box(deep(std::hint::black_box(40)));
    });
    let descriptor = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&descriptor, &"value".into(), trigger.as_ref());
    let _ = js_sys::Reflect::define_property(
        &window,
        &"__giftcardDoctorPanicForTest".into(),
        &descriptor,
    );
    trigger.forget();
}
