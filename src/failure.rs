//! Failing visibly and kindly: after an internal error (a panic; the release build aborts right after the hook), every
//! mounted widget is replaced by a short message in its language — the answers are still saved, reload to continue —
//! with the link to the offline file where there is one. Nothing the person typed is logged: not even the panic's
//! own message, which could quote an input.

use crate::i18n::t;
use crate::mount;
use giftcard_doctor_core::{Lang, UiKey};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Installs the hook through Yew, which would otherwise put its own (that logs the panic message) at the first render.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|_info| show()));
    install_test_trigger();
}

/// Replaces every mounted widget with the message. Uses the DOM directly: the app's state may be mid-update.
pub fn show() {
    web_sys::console::error_1(&JsValue::from_str(
        "giftcard-doctor stopped after an internal error (details are not logged, so no input can appear here)",
    ));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for (host, offline) in mount::mounted() {
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
    message.set_text_content(Some(t(UiKey::Failed, lang)));
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
/// end-to-end tests call it to prove the hook runs before the release build's `panic = "abort"`. It changes nothing
/// but this page's widgets.
fn install_test_trigger() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let trigger = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        panic!("giftcard-doctor: test panic");
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
