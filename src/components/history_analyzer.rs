//! The balance-history analyzer: the person pastes what they copied from their balance page; the core reads it in
//! memory and this shows where the money went, with the balance timeline. The pasted text is never stored.
//!
//! The text stays in the text area until 読み取る is pressed: it is not copied into the wasm on every keystroke, the
//! size is checked on the browser's own length first, on every way a text comes in (a paste before the browser
//! inserts it; any other change, from a drop, typing, an IME, autofill or a script, as its `input` event arrives;
//! and again on 読み取る), so a 40 MiB text is refused without being copied or laid out; and the copy that was read
//! is overwritten once the report is made.

use crate::components::timeline::{rows_head, timeline_chart, use_active_mark};
use crate::i18n::{t, tf};
use crate::state::Action;
use chrono::NaiveDate;
use giftcard_doctor_core::display::format_date;
use giftcard_doctor_core::facts::{Card, Marketplace};
use giftcard_doctor_core::history::{analyze, check_utf16_len, Kind, Report};
use giftcard_doctor_core::money::format_amount;
use giftcard_doctor_core::text::wipe;
use giftcard_doctor_core::timeline;
use giftcard_doctor_core::{content, Lang, UiKey};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Rows shown at first and added by each "show more"; the totals and the timeline always count every row.
const ROWS_STEP: usize = 200;

#[derive(Properties, PartialEq)]
pub struct HistoryAnalyzerProps {
    pub lang: Lang,
    pub marketplace: Marketplace,
    pub instance: u32,
    /// The listed cards, for their expiry dates on the timeline.
    #[prop_or_default]
    pub cards: Vec<Card>,
    #[prop_or_default]
    pub today: Option<NaiveDate>,
    /// The reducer's callback, which gets the findings for the diagnosis, or `None` when cleared.
    pub send: Callback<Action>,
}

fn cause_title(id: &str, lang: Lang) -> String {
    content()
        .cause(id)
        .map(|c| c.title.get(lang).to_owned())
        .unwrap_or_default()
}

/// A read paste: the report, how many lines it had, and a number that changes with every reading (what the
/// timeline is memoized on, so it is laid out once per reading, not once per render).
#[derive(PartialEq)]
struct Reading {
    report: Report,
    lines: usize,
    serial: u32,
}

fn report_view(
    reading: &Reading,
    shown: usize,
    on_more: Callback<MouseEvent>,
    market: Marketplace,
    lang: Lang,
) -> Html {
    let report = &reading.report;
    if report.rows.is_empty() {
        return html! { <p class="gcd-error" role="status">{ t(UiKey::HistoryNothing, lang) }</p> };
    }
    let money = |v: i64| format_amount(v, market);
    let added: Vec<&str> = report
        .rows
        .iter()
        .filter(|r| r.kind == Kind::Added)
        .filter_map(|r| r.code_last4.as_deref())
        .collect();
    let list = |lines: &[usize]| {
        lines
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shown = shown.min(report.rows.len());
    let more = (report.rows.len() - shown).min(ROWS_STEP);
    html! {
        <div class="gcd-history-report">
            <p role="status">{ tf(UiKey::HistoryUnderstood, lang, &[("read", &report.rows.len().to_string()), ("total", &reading.lines.to_string())]) }</p>
            if !report.unexplained.is_empty() {
                <div class="gcd-warning">
                    <ul>
                        { for report.unexplained.iter().map(|u| html! { <li>{ u.localized(market, lang) }</li> }) }
                    </ul>
                    <p>{ t(UiKey::HistoryUnexplainedMeaning, lang) }</p>
                </div>
            }
            if !report.ambiguous_date_lines.is_empty() {
                <p class="gcd-muted">{ tf(UiKey::HistoryAmbiguousDates, lang, &[("lines", &list(&report.ambiguous_date_lines))]) }</p>
            }
            <h4 class="gcd-subheading">{ t(UiKey::HistoryTotals, lang) }</h4>
            <div class="gcd-table-wrap">
                <table class="gcd-table">
                    <tbody>
                        { for Kind::ALL.iter().filter(|k| report.totals.get(**k) != 0).map(|k| html! {
                            <tr data-kind={k.id()}>
                                <th scope="row">{ k.label(lang) }</th>
                                <td class="gcd-num">{ money(report.totals.get(*k)) }</td>
                                <td>
                                    if let Some(cause) = k.linked_cause() {
                                        { tf(UiKey::HistoryLinkedCause, lang, &[("cause", &cause_title(cause, lang))]) }
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if !added.is_empty() {
                <p>{ format!("{}: ", t(UiKey::HistoryCardsAdded, lang)) }
                    <span class="gcd-code">{ added.iter().map(|l| format!("xxxx-xxxxxx-{l}")).collect::<Vec<_>>().join(", ") }</span>
                </p>
            }
            if !report.unread_lines.is_empty() {
                <p class="gcd-muted">{ tf(UiKey::HistoryUnread, lang, &[("lines", &list(&report.unread_lines))]) }</p>
            }
            <details class="gcd-history-rows">
                <summary>{ format!("{} ({})", t(UiKey::HistoryRows, lang), report.rows.len()) }</summary>
                if shown < report.rows.len() {
                    <p class="gcd-muted">{ tf(UiKey::HistoryRowsCapped, lang, &[("shown", &shown.to_string()), ("total", &report.rows.len().to_string())]) }</p>
                }
                <div class="gcd-table-wrap">
                    <table class="gcd-table">
                        { rows_head(lang) }
                        <tbody>
                            { for report.rows.iter().take(shown).map(|r| html! {
                                <tr data-kind={r.kind.id()}>
                                    <td>{ format_date(r.date, lang) }</td>
                                    <td>{ r.kind.label(lang) }<br /><span class="gcd-muted gcd-raw-row">{ &r.description }</span></td>
                                    <td class="gcd-num">{ money(r.amount) }</td>
                                    <td class="gcd-num">{ r.balance.map(money).unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if more > 0 {
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={on_more}>
                        { tf(UiKey::HistoryShowMore, lang, &[("count", &more.to_string())]) }
                    </button>
                }
            </details>
        </div>
    }
}

/// The length, in UTF-16 units, of the text a paste event carries, read on the JS side: the text itself is never
/// copied into the wasm here. 0 when the event has no text.
fn pasted_length(event: &Event) -> usize {
    let text = js_sys::Reflect::get(event, &"clipboardData".into())
        .ok()
        .filter(|d| d.is_object())
        .and_then(|data| {
            let get = js_sys::Reflect::get(&data, &"getData".into()).ok()?;
            let get: &js_sys::Function = get.dyn_ref()?;
            get.call1(&data, &"text/plain".into()).ok()
        });
    text.and_then(|t| t.dyn_into::<js_sys::JsString>().ok())
        .map_or(0, |t| t.length() as usize)
}

#[component]
pub fn HistoryAnalyzer(props: &HistoryAnalyzerProps) -> Html {
    let lang = props.lang;
    let field_ref = use_node_ref();
    // Memory only: the report of the last reading, or the message why it was refused.
    let reading = use_state(|| None::<Result<Rc<Reading>, String>>);
    let shown = use_state(|| ROWS_STEP);
    let serial = use_mut_ref(|| 0u32);
    let market = props.marketplace;

    // The one refusal, whichever way the text came: the message in place of any report, and the findings withdrawn.
    // Returns whether the text was refused.
    let refused = {
        let reading = reading.clone();
        let send = props.send.clone();
        Rc::new(move |units: usize| match check_utf16_len(units) {
            Ok(()) => false,
            Err(error) => {
                send.emit(Action::SetHistory(None));
                reading.set(Some(Err(error.localized(lang))));
                true
            }
        })
    };

    let on_analyze = {
        let refused = refused.clone();
        let (reading, shown, field_ref, serial) = (
            reading.clone(),
            shown.clone(),
            field_ref.clone(),
            serial.clone(),
        );
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = field_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            // The size first, on the browser's own count of UTF-16 units, before a single byte is copied.
            if refused(usize::try_from(area.text_length()).unwrap_or(usize::MAX)) {
                return;
            }
            let mut text = area.value();
            let result = analyze(&text, market);
            let lines = text.lines().count();
            wipe(&mut text);
            match result {
                Ok(report) => {
                    send.emit(Action::SetHistory(Some(report.findings())));
                    *serial.borrow_mut() += 1;
                    let number = *serial.borrow();
                    shown.set(ROWS_STEP);
                    reading.set(Some(Ok(Rc::new(Reading {
                        report,
                        lines,
                        serial: number,
                    }))));
                }
                Err(e) => {
                    send.emit(Action::SetHistory(None));
                    reading.set(Some(Err(e.localized(lang))));
                }
            }
        })
    };
    // A paste is measured before the browser inserts it: far too large a text is refused here, without entering the
    // text area and without a copy into the wasm.
    let on_paste = {
        let refused = refused.clone();
        Callback::from(move |e: Event| {
            if refused(pasted_length(&e)) {
                e.prevent_default();
            }
        })
    };
    // Every other way in (a drop, typing, an IME, autofill, a script setting the value) ends in an `input` event: a
    // text over the limit is taken out of the box there, before the browser lays it out (36 s for 40 MiB, issue 21)
    // and before 読み取る could copy it. (A drop needs no handler of its own: measuring it before insertion would only
    // save the browser one copy, for a listener and an event type more in the wasm.)
    let on_input = {
        let field_ref = field_ref.clone();
        Callback::from(move |_: InputEvent| {
            let Some(area) = field_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if refused(usize::try_from(area.text_length()).unwrap_or(usize::MAX)) {
                area.set_value("");
            }
        })
    };
    let on_clear = {
        let (reading, field_ref) = (reading.clone(), field_ref.clone());
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = field_ref.cast::<HtmlTextAreaElement>() {
                area.set_value("");
            }
            reading.set(None);
            send.emit(Action::SetHistory(None));
        })
    };
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + ROWS_STEP))
    };
    // The timeline is laid out once per reading (and when the cards or language change), not on every render.
    let current = match &*reading {
        Some(Ok(r)) => Some(r.clone()),
        _ => None,
    };
    let chart = use_memo(
        (
            current.as_ref().map(|r| r.serial),
            props.cards.clone(),
            market,
            props.today,
            lang,
        ),
        {
            let current = current.clone();
            move |(_, cards, market, today, lang)| {
                let r = current.as_ref()?;
                let today = (*today)?;
                timeline::from_report(&r.report, cards, *market, today, *lang).map(Rc::new)
            }
        },
    );
    let active_mark = use_active_mark(current.is_some() && chart.is_some());
    let field = format!("gcd-{}-history", props.instance);
    html! {
        <details class="gcd-panel gcd-history">
            <summary>{ t(UiKey::HistoryHeading, lang) }</summary>
            <p class="gcd-muted">{ t(UiKey::HistoryLead, lang) }</p>
            <label class="gcd-field-label" for={field.clone()}>{ t(UiKey::HistoryPaste, lang) }</label>
            <textarea id={field.clone()} ref={field_ref} class="gcd-input gcd-history-text" rows="8" spellcheck="false"
                autocomplete="off" autocapitalize="off" onpaste={on_paste}
                oninput={on_input} />
            <div class="gcd-actions">
                <button type="button" class="gcd-button gcd-button-primary" onclick={on_analyze}>{ t(UiKey::HistoryAnalyze, lang) }</button>
                <button type="button" class="gcd-button" onclick={on_clear}>{ t(UiKey::HistoryClear, lang) }</button>
            </div>
            { match &*reading {
                None => html! {},
                Some(Err(message)) => html! { <p class="gcd-error" role="alert">{ message }</p> },
                Some(Ok(r)) => html! {
                    <>
                        if let Some(tl) = (*chart).clone() {
                            { timeline_chart(&tl, &format!("{field}-timeline"), &active_mark, lang) }
                        }
                        { report_view(r, *shown, on_more, market, lang) }
                    </>
                },
            } }
        </details>
    }
}
