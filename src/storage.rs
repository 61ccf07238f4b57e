//! Where answers survive a reload: `sessionStorage` (this tab only, gone when it closes), plus the URL fragment of a
//! shared link. Only answers, cards' last four characters and ticks are kept; never a full claim code, never pasted
//! history text or its findings.

use crate::state::{Position, State};
use giftcard_doctor_core::facts::RawFacts;
use giftcard_doctor_core::share::{from_fragment, to_fragment};
use giftcard_doctor_core::{Facts, Lang};
use serde::{Deserialize, Serialize};

/// The prefix of a shared link's fragment: `#gcd?marketplace=jp&loss=all`.
pub const FRAGMENT_PREFIX: &str = "#gcd?";

#[derive(Serialize, Deserialize)]
struct Saved {
    facts: RawFacts,
    asked: Vec<String>,
    /// The question shown, or `None` for the result.
    position: Option<String>,
    ticks: Vec<String>,
    lang: Lang,
}

/// The storage key of one widget: the value's format (`v1`), the widget's place on its page, and the page itself
/// (origin and path, never the query), so two articles on one site, each with a widget, do not share answers.
fn key(instance: u32) -> String {
    let page = web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("giftcard-doctor:v1:{instance}:{page}")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Saves the state for a reload; a state with nothing in it (a fresh start, or just after "forget my answers")
/// removes what was saved instead, so forgetting leaves nothing behind.
pub fn save(instance: u32, state: &State) {
    let mut facts = state.facts.clone();
    facts.history = None;
    facts.today = None;
    if facts == Facts::default() && state.asked.is_empty() && state.ticks.is_empty() {
        if let Some(storage) = session() {
            let _ = storage.remove_item(&key(instance));
        }
        return;
    }
    let saved = Saved {
        facts: facts.to_raw(),
        asked: state.asked.clone(),
        position: match &state.position {
            Position::Question(q) => Some(q.clone()),
            Position::Result => None,
        },
        ticks: state.ticks.iter().cloned().collect(),
        lang: state.lang,
    };
    // As plain objects (`js::to_js`): the facts serialise as a map (their yes / no answers are flattened in), which
    // must become an object, not a JS `Map` that `JSON.stringify` would write as `{}`, losing every answer.
    let json = crate::js::to_js(&saved)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok());
    if let (Some(storage), Some(json)) = (session(), json.and_then(|j| j.as_string())) {
        // A full or disabled storage only costs the reload-survival; the widget keeps working.
        let _ = storage.set_item(&key(instance), &json);
    }
}

/// The state saved by an earlier page load in this tab, if any.
pub fn load(instance: u32, today: Option<chrono::NaiveDate>) -> Option<State> {
    let json = session()?.get_item(&key(instance)).ok()??;
    let value = js_sys::JSON::parse(&json).ok()?;
    let saved: Saved = serde_wasm_bindgen::from_value(value).ok()?;
    let mut facts = saved.facts.lower().ok()?;
    facts.today = today;
    let mut state = State::new(facts, saved.lang);
    state.asked = saved.asked;
    state.ticks = saved.ticks.into_iter().collect();
    if let Some(q) = saved.position {
        if giftcard_doctor_core::content().question(&q).is_some() {
            state.position = Position::Question(q);
        }
    } else {
        state.position = Position::Result;
    }
    Some(state)
}

/// Forgets everything saved, here and in the URL.
pub fn forget(instance: u32) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(&key(instance));
    }
    if shared_fragment().is_some() {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = page_url_without_fragment();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

fn page_url_without_fragment() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or("").to_owned()
}

/// The answers of a shared link, when the page was opened with one.
pub fn shared_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix(FRAGMENT_PREFIX).map(str::to_owned)
}

/// Facts from a shared link's fragment.
pub fn shared_facts() -> Option<Facts> {
    shared_fragment().map(|f| from_fragment(&f))
}

/// A link to this page that carries the answers in its fragment (which browsers never send to a server): the page's
/// origin and path, never its query (which may carry a host's tracking or session parameters). From a saved file
/// (`file://`) only the fragment, since the path would name the person's folders; see [`is_fragment_only`].
pub fn share_link(facts: &Facts) -> String {
    let fragment = format!("{FRAGMENT_PREFIX}{}", to_fragment(facts));
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return fragment;
    };
    match location.protocol().as_deref() {
        Ok("http:" | "https:") => format!(
            "{}{}{fragment}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        ),
        _ => fragment,
    }
}

/// Whether a share link is only the fragment (from a saved file): the person is told how to use it.
pub fn is_fragment_only(link: &str) -> bool {
    link.starts_with('#')
}
