//! What a mount point tells the widget: its options (data attributes, or the custom element's own attributes), its
//! checked offline link, and the list of mounted hosts the failure message covers. Plain data read from the page;
//! imports no view, so the failure screen, the start-up and the views can all stand on it.

use std::cell::RefCell;
use web_sys::Element;

/// The two forms of a mount point: the `div` with a data attribute and the custom element (registered by `embed.js`).
pub const SELECTOR: &str = "[data-giftcard-doctor], giftcard-doctor";

/// The custom element's name.
const ELEMENT: &str = "giftcard-doctor";

thread_local! {
    /// Every mounted widget's host element and its offline link, for the failure message (`crate::failure`).
    static MOUNTED: RefCell<Vec<(Element, Option<String>)>> = const { RefCell::new(Vec::new()) };
}

/// An option of a mount point: in our isolated frame, `lang` and `marketplace` from the frame's own address first
/// (`frame.html?lang=en&marketplace=us`: the host page cannot reach into the frame, so it says them there); else
/// `data-{name}`, else, on `<giftcard-doctor>`, the attribute `{name}` itself.
pub fn option(el: &Element, name: &str) -> Option<String> {
    let given = |attr: &str| el.get_attribute(attr).filter(|v| !v.trim().is_empty());
    matches!(name, "lang" | "marketplace")
        .then(|| frame_param(name))
        .flatten()
        .or_else(|| given(&format!("data-{name}")))
        .or_else(|| {
            el.local_name()
                .eq_ignore_ascii_case(ELEMENT)
                .then(|| given(name))
                .flatten()
        })
}

/// A parameter of the page's address, on our isolated frame's page only (`<html class="gcd-framed">`).
fn frame_param(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let framed = window
        .document()?
        .document_element()?
        .class_name()
        .split_whitespace()
        .any(|c| c == "gcd-framed");
    if !framed {
        return None;
    }
    let params = web_sys::UrlSearchParams::new_with_str(&window.location().search().ok()?).ok()?;
    params.get(name).filter(|v| !v.trim().is_empty())
}

/// Whether the mount point lets the widget keep answers in `sessionStorage` (`data-persist="false"` says no).
pub fn persists(el: &Element) -> bool {
    option(el, "persist").as_deref() != Some("false")
}

/// The name of the offline file `embed.js` offers by default (beside itself).
const OFFLINE_FILE: &str = "/giftcard-doctor-offline.html";

/// `data-offline-href` as given, when it is safe to put in a link: relative or same-origin, `http(s)`, a path ending
/// in `.html` with no query. Anything else (`javascript:`, another site's look-alike) is refused.
pub fn checked_offline_href(value: &str, base: &str, page_origin: &str) -> Option<String> {
    let url = web_sys::Url::new_with_base(value.trim(), base).ok()?;
    let ok = matches!(url.protocol().as_str(), "http:" | "https:")
        && url.origin() == page_origin
        && url.pathname().ends_with(".html")
        && url.search().is_empty();
    ok.then(|| url.href())
}

/// The offline link of a mount point: its checked `data-offline-href`, else the default `embed.js` put on the element
/// (the file beside it, possibly on the script's own origin), else none (e.g. in the offline file itself). An empty
/// `data-offline-href=""` means no link (the isolated iframe, whose sandbox allows no download).
pub fn offline_href(el: &Element) -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    if let Some(value) = el.get_attribute("data-offline-href") {
        if value.trim().is_empty() {
            return None;
        }
        if let (Some(base), Ok(origin)) = (
            window.document().and_then(|d| d.base_uri().ok().flatten()),
            location.origin(),
        ) {
            if let Some(href) = checked_offline_href(&value, &base, &origin) {
                return Some(href);
            }
        }
    }
    let default = js_sys::Reflect::get(el, &"gcdOfflineDefault".into())
        .ok()?
        .as_string()?;
    let url = web_sys::Url::new(&default).ok()?;
    (matches!(url.protocol().as_str(), "http:" | "https:")
        && url.pathname().ends_with(OFFLINE_FILE)
        && url.search().is_empty())
    .then(|| url.href())
}

/// Records a mounted widget's host and its offline link.
pub fn register(el: &Element, offline_href: Option<&str>) {
    MOUNTED.with(|m| {
        m.borrow_mut()
            .push((el.clone(), offline_href.map(str::to_owned)))
    });
}

/// Forgets a host whose widget was taken down.
pub fn unregister(el: &Element) {
    MOUNTED.with(|m| {
        m.borrow_mut()
            .retain(|(host, _)| !host.is_same_node(Some(el)))
    });
}

/// Every mounted widget's host element and offline link (an empty list while one is being mounted, so a panic
/// inside the mount cannot trip over the borrow).
pub fn mounted() -> Vec<(Element, Option<String>)> {
    MOUNTED.with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default())
}
