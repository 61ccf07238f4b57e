//! What the widget reads from, and tells, the page it runs in: today's date in the browser, whether the page is one of
//! our own, and the page's language following the widget's. The bottom of the app: imports nothing of the crate.

use chrono::NaiveDate;
use giftcard_doctor_core::Lang;
use wasm_bindgen::JsValue;

/// Today in the browser's time zone.
pub fn browser_today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// Whether this is one of our own pages (standalone, isolated frame, offline file: `<html class="gcd-page">`), where
/// no other script runs, rather than a host's page.
pub fn own_page() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.class_name().split_whitespace().any(|c| c == "gcd-page"))
}

/// On our own pages (`<html class="gcd-page">`), the document's `lang`, `<title>`, `<h1>` and description follow
/// the widget's language: the page's script (`static/js/prerender-page.js`, which holds the page's texts)
/// hears `giftcard-doctor:lang` on `window`. A host's page is left alone.
pub fn follow_page_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !own_page() {
        return;
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(lang.tag()));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("giftcard-doctor:lang", &init)
    {
        let _ = window.dispatch_event(&event);
    }
}
