//! `window.GiftcardDoctor`: the core's functions for host pages, taking and returning plain JS objects. Bad input
//! throws an `Error` with a message naming the field; nothing panics.

use crate::js::{from_js, to_js, Refused, MAX_INPUT_CHARS};
use crate::page::browser_today as app_today;
use giftcard_doctor_core::calendar::expiry_calendar;
use giftcard_doctor_core::cards::{card_status, CardInput};
use giftcard_doctor_core::engine::{diagnose, next_question, QuestionView};
use giftcard_doctor_core::facts::{parse_date, Marketplace, RawCard, RawFacts};
use giftcard_doctor_core::history::{analyze, check_utf16_len};
use giftcard_doctor_core::{Facts, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// The error for a value [`from_js`] refused: `shape` names the expected shape; neither quotes the value.
fn refusal(refused: Refused, shape: &str) -> JsValue {
    match refused {
        Refused::Shape => error(shape),
        Refused::TooLarge => error(format!(
            "{}: larger than {MAX_INPUT_CHARS} characters as JSON; refused unread",
            shape.split(':').next().unwrap_or("input")
        )),
    }
}

/// A string option of the `{ lang, marketplace, today }` options object.
fn option(options: &JsValue, name: &str) -> Option<String> {
    if options.is_object() {
        js_sys::Reflect::get(options, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    } else {
        None
    }
}

fn lang_of(options: &JsValue) -> Lang {
    option(options, "lang")
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_else(|| crate::i18n::detect(None))
}

/// Reads facts from JS; `today` defaults to the browser's date.
pub fn facts_from_js(value: JsValue) -> Result<Facts, JsValue> {
    let raw: RawFacts = if value.is_undefined() || value.is_null() {
        RawFacts::default()
    } else {
        // serde's own message may quote the value (a code typed in the wrong place): name the shape instead.
        from_js(&value).map_err(|refused| {
            refusal(refused, "facts: expected an object of the documented shape (strings for values, a list for cards)")
        })?
    };
    let mut facts = raw.lower().map_err(error)?;
    if facts.today.is_none() {
        facts.today = app_today();
    }
    Ok(facts)
}

/// `GiftcardDoctor.diagnose(facts, { lang })`.
pub fn js_diagnose(facts: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let facts = facts_from_js(facts)?;
    let diagnosis = diagnose(&facts, lang_of(&options)).map_err(error)?;
    to_js(&diagnosis)
}

/// `GiftcardDoctor.nextQuestion(facts, { lang })`: the question, or `null` when none is left.
pub fn js_next_question(facts: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let facts = facts_from_js(facts)?;
    match next_question(&facts) {
        Some(q) => to_js(&QuestionView::new(q, lang_of(&options))),
        None => Ok(JsValue::NULL),
    }
}

fn marketplace_of(options: &JsValue) -> Result<Marketplace, JsValue> {
    match option(options, "marketplace") {
        None => Ok(Marketplace::Jp),
        Some(m) => Marketplace::from_id(&m).ok_or_else(|| {
            error("marketplace: expected one of jp, us, uk, de, fr, it, in, mx, other")
        }),
    }
}

/// `GiftcardDoctor.analyzeHistory(text, { marketplace, lang })`: the rows, totals by kind, unexplained changes and
/// unread lines of a pasted balance history. The text is read in memory and dropped.
pub fn js_analyze_history(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // Its length in JS first: a text over the limit is refused before a byte of it is copied into the wasm.
    let units = text
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| error("text: expected a string"))?
        .length();
    check_utf16_len(units as usize).map_err(|e| error(e.localized(lang_of(&options))))?;
    let mut text = text.as_string().unwrap_or_default();
    let report = analyze(&text, marketplace_of(&options)?);
    // The copy may hold a pasted code: overwritten before it is freed.
    giftcard_doctor_core::text::wipe(&mut text);
    to_js(&report.map_err(|e| error(e.localized(lang_of(&options))))?)
}

/// `GiftcardDoctor.cardStatus(card, { marketplace, today, lang })`: a card's expiry, its masked code and any
/// problems. Never returns more than the last four characters of a code.
pub fn js_card_status(card: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // Read loosely, then checked field by field, so an error names the field and never quotes the value.
    let raw: RawCard = from_js(&card).map_err(|refused| {
        refusal(
            refused,
            "card: expected an object { code, issued, kind, amount, marketplace }",
        )
    })?;
    let card = raw.lower("").map_err(error)?;
    let input = CardInput {
        code: raw.code().map_err(error)?.map(str::to_owned),
        issued: card.issued,
        kind: card.kind,
        amount: card.amount,
        marketplace: card.marketplace,
        issued_precision: card.issued_precision,
    };
    let today = match option(&options, "today") {
        Some(t) => parse_date("today", &t).map_err(error)?,
        None => app_today().ok_or_else(|| error("today: the browser's date is not available"))?,
    };
    let status = card_status(&input, marketplace_of(&options)?, today, lang_of(&options));
    // The input may hold a full code: it is overwritten before it is freed.
    let mut input = input;
    if let Some(code) = input.code.as_mut() {
        giftcard_doctor_core::text::wipe(code);
    }
    to_js(&status)
}

/// `GiftcardDoctor.expiryCalendar(cards, { marketplace, today, lang })`: the `.ics` text (RFC 5545) with one all-day
/// event per card whose expiry date is today or later, or `null` when there is none. Each card is in the shape
/// `cardStatus` takes; the text holds the masked code and the amount only.
pub fn js_expiry_calendar(cards: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let inputs: Vec<CardInput> =
        // The parser's own message may quote a value (an unknown `kind` given a code): only the shape is named.
        from_js(&cards).map_err(|refused| {
            refusal(refused, "cards: expected a list of { code, issued, issuedPrecision, kind, amount, marketplace }")
        })?;
    let today = match option(&options, "today") {
        Some(t) => parse_date("today", &t).map_err(error)?,
        None => app_today().ok_or_else(|| error("today: the browser's date is not available"))?,
    };
    let ics = expiry_calendar(&inputs, marketplace_of(&options)?, today, lang_of(&options));
    // The inputs may hold full codes: they are overwritten before they are freed.
    for mut input in inputs {
        if let Some(code) = input.code.as_mut() {
            giftcard_doctor_core::text::wipe(code);
        }
    }
    Ok(ics.map_or(JsValue::NULL, |text| JsValue::from_str(&text)))
}

type ApiFn = dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>;

/// Sets `window.GiftcardDoctor` (once per page).
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if js_sys::Reflect::has(&window, &"GiftcardDoctor".into()).unwrap_or(false) {
        return;
    }
    let api = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&api, &"version".into(), &crate::VERSION.into());
    let functions: [(&str, Box<ApiFn>); 5] = [
        ("diagnose", Box::new(js_diagnose)),
        ("nextQuestion", Box::new(js_next_question)),
        ("analyzeHistory", Box::new(js_analyze_history)),
        ("cardStatus", Box::new(js_card_status)),
        ("expiryCalendar", Box::new(js_expiry_calendar)),
    ];
    for (name, f) in functions {
        let closure = Closure::<ApiFn>::wrap(f);
        let _ = js_sys::Reflect::set(&api, &name.into(), closure.as_ref());
        // The API lives as long as the page.
        closure.forget();
    }
    let _ = js_sys::Object::freeze(&api);
    let _ = js_sys::Reflect::set(&window, &"GiftcardDoctor".into(), &api);
}

/// Fires `giftcard-doctor:ready` on `window`.
pub fn announce_ready() {
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::Event::new("giftcard-doctor:ready"),
    ) {
        let _ = window.dispatch_event(&event);
    }
}
