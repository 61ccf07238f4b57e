//! `t()` for UI texts from the content, and how the widget's language is picked. The language reaches each component
//! as a prop rather than a Yew context: the context provider and `use_context` cost the wasm 1.2 KB of xz (issue 13).

use giftcard_doctor_core::{content, Lang, UiKey};

/// A UI text in a language.
pub fn t(key: UiKey, lang: Lang) -> &'static str {
    content().ui(key, lang)
}

/// A UI text with placeholders filled in.
pub fn tf(key: UiKey, lang: Lang, args: &[(&str, &str)]) -> String {
    content().ui_with(key, lang, args)
}

/// A counted UI text (one with `{count}`): the plural form for `count`, with `{count}` and the other placeholders
/// filled in. The build refuses a counted text without its plural forms.
pub fn tn(key: UiKey, lang: Lang, count: usize, args: &[(&str, &str)]) -> String {
    content().ui_count(key, lang, count as u64, args)
}

/// Picks the language: an explicit choice, else the host page's `lang`, else the browser's languages; Japanese
/// when none of them is Japanese or English. `auto` skips the host page's `lang`: our own pages say `lang="ja"`
/// for their Japanese title, and must not hide an English-speaking browser's wish.
pub fn detect(explicit: Option<&str>) -> Lang {
    if let Some(lang) = explicit.and_then(Lang::from_tag) {
        return lang;
    }
    if explicit == Some("auto") {
        return browser_lang();
    }
    let window = web_sys::window();
    let host = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    if let Some(lang) = host.as_deref().and_then(Lang::from_tag) {
        return lang;
    }
    browser_lang()
}

/// The first of the browser's languages that is Japanese or English; Japanese otherwise.
fn browser_lang() -> Lang {
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|a| a.to_vec())
        .unwrap_or_default();
    languages
        .iter()
        .filter_map(|l| l.as_string())
        .find_map(|l| Lang::from_tag(&l))
        .unwrap_or_default()
}
