//! The balance-history analyzer: the person pastes what they copied from their balance page; the core reads it in
//! memory and this shows where the money went, with the balance timeline. The pasted text is never stored.
//!
//! The text stays in the text area until 読み取る is pressed: it is not copied into the wasm on every keystroke, the
//! size is checked on the browser's own length first (a 40 MiB paste is refused without being copied), and the copy
//! that was read is overwritten once the report is made.

use crate::components::markup::{attrs, el, el_dyn, el_text, on_click, owned, owned_el, text};
use crate::components::timeline::{rows_head, TimelineChart};
use crate::i18n::{t, tf, use_lang};
use chrono::NaiveDate;
use giftcard_doctor_core::display::format_date;
use giftcard_doctor_core::facts::{Card, Findings, Marketplace};
use giftcard_doctor_core::history::{analyze, HistoryError, Kind, Report, MAX_BYTES};
use giftcard_doctor_core::money::format_amount;
use giftcard_doctor_core::text::wipe;
use giftcard_doctor_core::timeline;
use giftcard_doctor_core::{content, Lang, UiKey};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;
use yew::virtual_dom::VList;

/// Rows shown at first and added by each "show more"; the totals and the timeline always count every row.
const ROWS_STEP: usize = 200;

#[derive(Properties, PartialEq)]
pub struct HistoryAnalyzerProps {
    pub marketplace: Marketplace,
    pub instance: u32,
    /// The listed cards, for their expiry dates on the timeline.
    #[prop_or_default]
    pub cards: Vec<Card>,
    #[prop_or_default]
    pub today: Option<NaiveDate>,
    /// The findings for the diagnosis, or `None` when cleared.
    pub on_findings: Callback<Option<Findings>>,
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
        return el_text(
            "p",
            attrs!("role" = "status", "class" = "gcd-error"),
            t(UiKey::HistoryNothing, lang),
        );
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
    let muted = |s: String| el("p", attrs!("class" = "gcd-muted"), vec![owned(s)]);
    let shown = shown.min(report.rows.len());
    let more = (report.rows.len() - shown).min(ROWS_STEP);
    let total = report.rows.len().to_string();
    let unexplained = if report.unexplained.is_empty() {
        Html::default()
    } else {
        let items = report
            .unexplained
            .iter()
            .map(|u| owned_el("li", u.localized(market, lang)))
            .collect::<Html>();
        el(
            "div",
            attrs!("class" = "gcd-warning"),
            vec![
                el("ul", &[], vec![items]),
                el_text("p", &[], t(UiKey::HistoryUnexplainedMeaning, lang)),
            ],
        )
    };
    let ambiguous = if report.ambiguous_date_lines.is_empty() {
        Html::default()
    } else {
        muted(tf(
            UiKey::HistoryAmbiguousDates,
            lang,
            &[("lines", &list(&report.ambiguous_date_lines))],
        ))
    };
    let totals = Kind::ALL
        .iter()
        .filter(|k| report.totals.get(**k) != 0)
        .map(|k| {
            let linked = match k.linked_cause() {
                Some(cause) => owned(tf(
                    UiKey::HistoryLinkedCause,
                    lang,
                    &[("cause", &cause_title(cause, lang))],
                )),
                None => Html::default(),
            };
            el_dyn(
                "tr",
                &["data-kind"],
                vec![Some(AttrValue::Static(k.id()))],
                vec![
                    el_text("th", attrs!("scope" = "row"), k.label(lang)),
                    el(
                        "td",
                        attrs!("class" = "gcd-num"),
                        vec![owned(money(report.totals.get(*k)))],
                    ),
                    el("td", &[], vec![linked]),
                ],
            )
        })
        .collect::<Html>();
    let added = if added.is_empty() {
        Html::default()
    } else {
        let codes = added
            .iter()
            .map(|l| format!("xxxx-xxxxxx-{l}"))
            .collect::<Vec<_>>()
            .join(", ");
        el(
            "p",
            &[],
            vec![
                owned(format!("{}: ", t(UiKey::HistoryCardsAdded, lang))),
                el("span", attrs!("class" = "gcd-code"), vec![owned(codes)]),
            ],
        )
    };
    let unread = if report.unread_lines.is_empty() {
        Html::default()
    } else {
        muted(tf(
            UiKey::HistoryUnread,
            lang,
            &[("lines", &list(&report.unread_lines))],
        ))
    };
    let capped = if shown < report.rows.len() {
        muted(tf(
            UiKey::HistoryRowsCapped,
            lang,
            &[("shown", &shown.to_string()), ("total", &total)],
        ))
    } else {
        Html::default()
    };
    let rows = report
        .rows
        .iter()
        .take(shown)
        .map(|r| {
            el_dyn(
                "tr",
                &["data-kind"],
                vec![Some(AttrValue::Static(r.kind.id()))],
                vec![
                    owned_el("td", format_date(r.date, lang)),
                    el(
                        "td",
                        &[],
                        vec![
                            text(r.kind.label(lang)),
                            el("br", &[], vec![]),
                            el(
                                "span",
                                attrs!("class" = "gcd-muted gcd-raw-row"),
                                vec![owned(r.description.clone())],
                            ),
                        ],
                    ),
                    el(
                        "td",
                        attrs!("class" = "gcd-num"),
                        vec![owned(money(r.amount))],
                    ),
                    el(
                        "td",
                        attrs!("class" = "gcd-num"),
                        vec![owned(r.balance.map(money).unwrap_or_default())],
                    ),
                ],
            )
        })
        .collect::<Html>();
    let more = if more > 0 {
        on_click(
            el(
                "button",
                attrs!("type" = "button", "class" = "gcd-button gcd-button-quiet"),
                vec![owned(tf(
                    UiKey::HistoryShowMore,
                    lang,
                    &[("count", &more.to_string())],
                ))],
            ),
            on_more,
        )
    } else {
        Html::default()
    };
    let table = |children: Vec<Html>| {
        el(
            "div",
            attrs!("class" = "gcd-table-wrap"),
            vec![el("table", attrs!("class" = "gcd-table"), children)],
        )
    };
    el(
        "div",
        attrs!("class" = "gcd-history-report"),
        vec![
            el(
                "p",
                attrs!("role" = "status"),
                vec![owned(tf(
                    UiKey::HistoryUnderstood,
                    lang,
                    &[("read", &total), ("total", &reading.lines.to_string())],
                ))],
            ),
            unexplained,
            ambiguous,
            el_text(
                "h4",
                attrs!("class" = "gcd-subheading"),
                t(UiKey::HistoryTotals, lang),
            ),
            table(vec![el("tbody", &[], vec![totals])]),
            added,
            unread,
            el(
                "details",
                attrs!("class" = "gcd-history-rows"),
                vec![
                    owned_el(
                        "summary",
                        format!("{} ({})", t(UiKey::HistoryRows, lang), report.rows.len()),
                    ),
                    capped,
                    table(vec![rows_head(lang), el("tbody", &[], vec![rows])]),
                    more,
                ],
            ),
        ],
    )
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
    let lang = use_lang();
    let field_ref = use_node_ref();
    // Memory only: the report of the last reading, or the message why it was refused.
    let reading = use_state(|| None::<Result<Rc<Reading>, String>>);
    let shown = use_state(|| ROWS_STEP);
    let serial = use_mut_ref(|| 0u32);
    let market = props.marketplace;

    let on_analyze = {
        let (reading, shown, field_ref, serial) = (
            reading.clone(),
            shown.clone(),
            field_ref.clone(),
            serial.clone(),
        );
        let on_findings = props.on_findings.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = field_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            // The size first, on the browser's own count of UTF-16 units, before a single byte is copied: every unit
            // is at least one byte of UTF-8, so more units than the byte limit is certainly too large.
            let units = usize::try_from(area.text_length()).unwrap_or(usize::MAX);
            if units > MAX_BYTES {
                on_findings.emit(None);
                let error = HistoryError::TooLarge {
                    bytes: units,
                    lines: 0,
                };
                reading.set(Some(Err(error.localized(lang))));
                return;
            }
            let mut text = area.value();
            let result = analyze(&text, market);
            let lines = text.lines().count();
            wipe(&mut text);
            match result {
                Ok(report) => {
                    on_findings.emit(Some(report.findings()));
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
                    on_findings.emit(None);
                    reading.set(Some(Err(e.localized(lang))));
                }
            }
        })
    };
    // A paste is measured before the browser inserts it: far too large a text is refused here, without entering the
    // text area (whose layout alone would take seconds for tens of megabytes) and without a copy into the wasm.
    let on_paste = {
        let reading = reading.clone();
        let on_findings = props.on_findings.clone();
        Callback::from(move |e: Event| {
            let units = pasted_length(&e);
            if units > MAX_BYTES {
                e.prevent_default();
                on_findings.emit(None);
                let error = HistoryError::TooLarge {
                    bytes: units,
                    lines: 0,
                };
                reading.set(Some(Err(error.localized(lang))));
            }
        })
    };
    let on_clear = {
        let (reading, field_ref) = (reading.clone(), field_ref.clone());
        let on_findings = props.on_findings.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = field_ref.cast::<HtmlTextAreaElement>() {
                area.set_value("");
            }
            reading.set(None);
            on_findings.emit(None);
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
    let field = format!("gcd-{}-history", props.instance);
    let result = match &*reading {
        None => Html::default(),
        Some(Err(message)) => el(
            "p",
            attrs!("role" = "alert", "class" = "gcd-error"),
            vec![owned(message.clone())],
        ),
        Some(Ok(r)) => {
            let chart = match (*chart).clone() {
                Some(tl) => html! {
                    <TimelineChart timeline={tl} id={AttrValue::from(format!("{field}-timeline"))} />
                },
                None => Html::default(),
            };
            VList::with_children(
                vec![chart, report_view(r, *shown, on_more, market, lang)],
                None,
            )
            .into()
        }
    };
    el(
        "details",
        attrs!("class" = "gcd-panel gcd-history"),
        vec![
            el_text("summary", &[], t(UiKey::HistoryHeading, lang)),
            el_text(
                "p",
                attrs!("class" = "gcd-muted"),
                t(UiKey::HistoryLead, lang),
            ),
            el_dyn(
                "label",
                &["for", "class"],
                vec![
                    Some(field.clone().into()),
                    Some(AttrValue::Static("gcd-field-label")),
                ],
                vec![text(t(UiKey::HistoryPaste, lang))],
            ),
            html! {
                <textarea id={field.clone()} ref={field_ref} class="gcd-input gcd-history-text" rows="8" spellcheck="false"
                    autocomplete="off" autocapitalize="off" onpaste={on_paste} />
            },
            el(
                "div",
                attrs!("class" = "gcd-actions"),
                vec![
                    on_click(
                        el_text(
                            "button",
                            attrs!("type" = "button", "class" = "gcd-button gcd-button-primary"),
                            t(UiKey::HistoryAnalyze, lang),
                        ),
                        on_analyze,
                    ),
                    on_click(
                        el_text(
                            "button",
                            attrs!("type" = "button", "class" = "gcd-button"),
                            t(UiKey::HistoryClear, lang),
                        ),
                        on_clear,
                    ),
                ],
            ),
            result,
        ],
    )
}
