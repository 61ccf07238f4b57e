//! The card list: the person adds their cards (a claim code is optional and only its last four characters are
//! kept), and sees each card's expiry, the totals that expired and are still valid, a timeline drawn from the cards
//! when no history was pasted, and a calendar file of the expiry dates. Every label and sentence comes from the core.
//!
//! The code field is not mirrored in the widget's state: each keystroke's value is normalised at once into what may
//! be shown (the masked form and the problems) and the copy is overwritten; on "add" the last four are kept and the
//! field is cleared.

use crate::components::markup::{
    self, attrs, el, el_dyn, el_text, on_click, owned, owned_el, text, with_class, Fixed,
};
use crate::components::timeline::TimelineChart;
use crate::i18n::{t, tf, use_lang};
use chrono::NaiveDate;
use giftcard_doctor_core::calendar::expiry_calendar;
use giftcard_doctor_core::cards::{
    card_details, card_label, kind_label, status_of, totals, CardInput, CardStatus, CardTotals,
    Tone,
};
use giftcard_doctor_core::code::normalize;
use giftcard_doctor_core::facts::{parse_loose_date, Card, CardKind, Marketplace, Precision};
use giftcard_doctor_core::money::{format_amount, parse_amount};
use giftcard_doctor_core::text::wipe;
use giftcard_doctor_core::timeline;
use giftcard_doctor_core::{Lang, UiKey};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew::virtual_dom::VList;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub cards: Vec<Card>,
    pub marketplace: Marketplace,
    pub today: Option<NaiveDate>,
    pub instance: u32,
    /// A pasted history is shown (with its own timeline), so the cards-only timeline is not drawn.
    #[prop_or_default]
    pub has_history: bool,
    pub on_add: Callback<Card>,
    pub on_remove: Callback<usize>,
}

/// What may be shown about the code being typed: never the code itself.
#[derive(Clone, PartialEq, Default)]
struct CodeHint {
    masked: String,
    problems: Vec<String>,
    length_unchecked: bool,
}

fn expiry_line(status: &CardStatus, lang: Lang) -> Html {
    let text = status.expiry_text(lang);
    let class = match text.tone {
        Tone::Valid => "gcd-valid",
        Tone::Expired => "gcd-expired",
        Tone::Unknown => "gcd-muted",
    };
    let muted = |s: &str| {
        el(
            "span",
            attrs!("class" = "gcd-muted"),
            vec![owned(s.to_owned())],
        )
    };
    VList::with_children(
        vec![
            match &text.expires {
                Some(expires) => VList::with_children(
                    vec![owned_el("span", expires.clone()), markup::text(" · ")],
                    None,
                )
                .into(),
                None => Html::default(),
            },
            with_class("span", AttrValue::Static(class), owned(text.state.clone())),
            match &text.rule {
                Some(rule) => {
                    VList::with_children(vec![el("br", &[], vec![]), muted(rule)], None).into()
                }
                None => Html::default(),
            },
            match &text.last_day_note {
                Some(note) => {
                    VList::with_children(vec![markup::text(" "), muted(note)], None).into()
                }
                None => Html::default(),
            },
        ],
        None,
    )
    .into()
}

/// Offers the `.ics` text as a download made in the page: a Blob behind an object URL, clicked, then revoked. No
/// request leaves the page.
fn download_ics(ics: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&ics.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download("giftcard-expiry.ics");
        anchor.click();
    }
    // Revoked a moment later rather than at once: some browsers start reading the Blob only after the click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// One listed card: its masked label, details, expiry and a remove button.
#[inline(never)]
fn card_item(
    i: usize,
    card: &Card,
    status: &Option<CardStatus>,
    market: Marketplace,
    lang: Lang,
    on_remove: &Callback<usize>,
) -> Html {
    let label = card_label(card, i, lang);
    let on_remove = {
        let cb = on_remove.clone();
        Callback::from(move |_: MouseEvent| cb.emit(i))
    };
    let remove = t(UiKey::CardRemove, lang);
    let expiry = match status {
        Some(status) => {
            let mut line = vec![expiry_line(status, lang)];
            line.extend(status.problems.iter().map(|p| {
                el(
                    "span",
                    attrs!("class" = "gcd-error"),
                    vec![text(" "), owned(p.clone())],
                )
            }));
            line.into_iter().collect()
        }
        None => Html::default(),
    };
    el_dyn(
        "li",
        &["data-card-index", "class"],
        vec![
            Some(i.to_string().into()),
            Some(AttrValue::Static("gcd-card-item")),
        ],
        vec![
            el(
                "span",
                attrs!("class" = "gcd-code"),
                vec![owned(label.clone())],
            ),
            el("span", &[], vec![owned(card_details(card, market, lang))]),
            el("span", &[], vec![expiry]),
            on_click(
                el_dyn(
                    "button",
                    &["type", "aria-label", "class"],
                    vec![
                        Some(AttrValue::Static("button")),
                        Some(format!("{remove} ({label})").into()),
                        Some(AttrValue::Static("gcd-button gcd-button-quiet")),
                    ],
                    vec![text(remove)],
                ),
                on_remove,
            ),
        ],
    )
}

/// The listed cards with their totals, the calendar download and the cards-only timeline.
#[inline(never)]
fn listed_cards(
    props: &CardListProps,
    statuses: &[Option<CardStatus>],
    sums: &CardTotals,
    on_calendar: Option<Callback<MouseEvent>>,
    chart: Option<Rc<timeline::Timeline>>,
    lang: Lang,
) -> Html {
    let market = props.marketplace;
    let id = |name: &str| format!("gcd-{}-card-{name}", props.instance);
    let total = |key: UiKey, class: Fixed, amount: i64| {
        el(
            "span",
            class,
            vec![owned(tf(
                key,
                lang,
                &[("amount", &format_amount(amount, market))],
            ))],
        )
    };
    let calendar = match on_calendar {
        Some(on_calendar) => el(
            "div",
            attrs!("class" = "gcd-actions gcd-calendar"),
            vec![
                on_click(
                    el_dyn(
                        "button",
                        &["type", "aria-describedby", "class"],
                        vec![
                            Some(AttrValue::Static("button")),
                            Some(id("calendar-help").into()),
                            Some(AttrValue::Static("gcd-button")),
                        ],
                        vec![text(t(UiKey::CalendarButton, lang))],
                    ),
                    on_calendar,
                ),
                el_dyn(
                    "p",
                    &["id", "class"],
                    vec![
                        Some(id("calendar-help").into()),
                        Some(AttrValue::Static("gcd-muted")),
                    ],
                    vec![text(t(UiKey::CalendarHelp, lang))],
                ),
            ],
        ),
        None => Html::default(),
    };
    let chart = match chart {
        Some(chart) => {
            html! { <TimelineChart timeline={chart} id={AttrValue::from(id("timeline"))} /> }
        }
        None => Html::default(),
    };
    let items = props
        .cards
        .iter()
        .zip(statuses)
        .enumerate()
        .map(|(i, (card, status))| card_item(i, card, status, market, lang, &props.on_remove))
        .collect();
    VList::with_children(
        vec![
            el("ul", attrs!("class" = "gcd-card-list"), vec![items]),
            el(
                "p",
                attrs!("class" = "gcd-totals"),
                vec![
                    total(
                        UiKey::CardsTotalExpired,
                        attrs!("class" = "gcd-expired"),
                        sums.expired,
                    ),
                    el("br", &[], vec![]),
                    total(
                        UiKey::CardsTotalValid,
                        attrs!("class" = "gcd-valid"),
                        sums.valid,
                    ),
                ],
            ),
            calendar,
            chart,
        ],
        None,
    )
    .into()
}

#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let lang = use_lang();
    let code_ref = use_node_ref();
    let hint = use_state(|| None::<CodeHint>);
    let issued = use_state(String::new);
    // A guessed date: near an expiry boundary the card then only "may have expired" (the same rule as the wizard).
    let approximate = use_state(|| false);
    let kind = use_state(|| CardKind::Unknown);
    let amount = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let market = props.marketplace;

    let on_code = {
        let hint = hint.clone();
        Callback::from(move |e: InputEvent| {
            let mut value = e.target_unchecked_into::<HtmlInputElement>().value();
            let shown = if value.trim().is_empty() {
                None
            } else {
                let check = normalize(&value, market);
                Some(CodeHint {
                    masked: check.masked.clone(),
                    problems: check.localized_problems(lang),
                    length_unchecked: !check.length_checked,
                })
                // `check` (holding the normalised code) is overwritten as it is dropped here.
            };
            wipe(&mut value);
            hint.set(shown);
        })
    };
    let on_issued = {
        let issued = issued.clone();
        Callback::from(move |e: InputEvent| {
            issued.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_approximate = {
        let approximate = approximate.clone();
        Callback::from(move |e: Event| {
            approximate.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            kind.set(CardKind::from_id(&value).unwrap_or_default());
        })
    };
    let on_amount = {
        let amount = amount.clone();
        Callback::from(move |e: InputEvent| {
            amount.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let approximate = approximate.clone();
        let (code_ref, hint, issued, kind, amount, problem) = (
            code_ref.clone(),
            hint.clone(),
            issued.clone(),
            kind.clone(),
            amount.clone(),
            problem.clone(),
        );
        let on_add = props.on_add.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let amount_value = if amount.trim().is_empty() {
                None
            } else {
                match parse_amount(&amount, market) {
                    Some(v) => Some(v),
                    None => return problem.set(Some(t(UiKey::CardAmountInvalid, lang).to_owned())),
                }
            };
            let issued_value = if issued.trim().is_empty() {
                None
            } else {
                match parse_loose_date(&issued) {
                    Some(d) => Some(d),
                    None => return problem.set(Some(t(UiKey::DateInvalid, lang).to_owned())),
                }
            };
            let field = code_ref.cast::<HtmlInputElement>();
            let mut typed = field
                .as_ref()
                .map(HtmlInputElement::value)
                .unwrap_or_default();
            let mut input = CardInput {
                code: Some(typed.clone()).filter(|c| !c.trim().is_empty()),
                issued: issued_value,
                kind: *kind,
                amount: amount_value,
                marketplace: None,
                issued_precision: if *approximate {
                    Precision::Approximate
                } else {
                    Precision::Exact
                },
            };
            // From here on only the last four characters exist: the copies of the full code are overwritten and
            // the field is emptied.
            let card = input.to_card();
            if let Some(code) = input.code.as_mut() {
                wipe(code);
            }
            wipe(&mut typed);
            if let Some(field) = field {
                field.set_value("");
            }
            on_add.emit(card);
            hint.set(None);
            issued.set(String::new());
            approximate.set(false);
            amount.set(String::new());
            kind.set(CardKind::Unknown);
            problem.set(None);
        })
    };

    let today = props.today;
    let statuses: Vec<Option<CardStatus>> = props
        .cards
        .iter()
        .map(|c| today.map(|d| status_of(c, market, d, lang)))
        .collect();
    let sums = totals(statuses.iter().flatten());
    let id = |name: &str| format!("gcd-{}-card-{name}", props.instance);
    // The calendar and the cards-only timeline depend on the cards, the site, the day and the language only.
    let derived = use_memo(
        (props.cards.clone(), market, today, lang, props.has_history),
        |(cards, market, today, lang, has_history)| {
            let Some(today) = *today else {
                return (None, None);
            };
            let inputs: Vec<CardInput> = cards
                .iter()
                .map(|c| CardInput {
                    code: c.last4.clone(),
                    issued: c.issued,
                    kind: c.kind,
                    amount: c.amount,
                    marketplace: c.marketplace,
                    issued_precision: c.issued_precision,
                })
                .collect();
            let ics = expiry_calendar(&inputs, *market, today, *lang).map(Rc::new);
            let chart = (!*has_history)
                .then(|| timeline::from_cards(cards, *market, today, *lang))
                .flatten()
                .map(Rc::new);
            (ics, chart)
        },
    );
    let (ics, chart) = (*derived).clone();
    let on_calendar = ics
        .clone()
        .map(|ics| Callback::from(move |_: MouseEvent| download_ics(&ics)));

    let listed = if props.cards.is_empty() {
        el_text("p", &[], t(UiKey::CardsEmpty, lang))
    } else {
        listed_cards(props, &statuses, &sums, on_calendar, chart, lang)
    };
    let field_label =
        |key: UiKey| el_text("span", attrs!("class" = "gcd-field-label"), t(key, lang));
    let hint = match &*hint {
        Some(hint) => {
            let mut lines = vec![
                owned_el(
                    "p",
                    tf(UiKey::CardKeptAs, lang, &[("masked", &hint.masked)]),
                ),
                if hint.length_unchecked {
                    el_text("p", &[], t(UiKey::CodeLengthUnchecked, lang))
                } else {
                    Html::default()
                },
            ];
            lines.extend(
                hint.problems
                    .iter()
                    .map(|p| el("p", attrs!("class" = "gcd-error"), vec![owned(p.clone())])),
            );
            VList::with_children(lines, None).into()
        }
        None => Html::default(),
    };
    let kinds = CardKind::ALL
        .iter()
        .map(|k| {
            el_dyn(
                "option",
                &["value", "selected"],
                vec![
                    Some(AttrValue::Static(k.id())),
                    (*k == *kind).then_some(AttrValue::Static("selected")),
                ],
                vec![owned(kind_label(*k, lang))],
            )
        })
        .collect::<Html>();
    let grid = el(
        "div",
        attrs!("class" = "gcd-form-grid"),
        vec![
            el_dyn(
                "label",
                &["for", "class"],
                vec![
                    Some(id("code").into()),
                    Some(AttrValue::Static("gcd-field")),
                ],
                vec![field_label(UiKey::CardCode)],
            ),
            html! {
                <input id={id("code")} ref={code_ref} class="gcd-input gcd-code" type="text" autocomplete="off"
                    spellcheck="false" autocapitalize="off" oninput={on_code}
                    aria-describedby={id("code-help")} />
            },
            el_dyn(
                "div",
                &["id", "aria-live", "class"],
                vec![
                    Some(id("code-help").into()),
                    Some(AttrValue::Static("polite")),
                    Some(AttrValue::Static("gcd-help")),
                ],
                vec![el_text("p", &[], t(UiKey::CardCodeHelp, lang)), hint],
            ),
            el(
                "label",
                attrs!("class" = "gcd-field"),
                vec![
                    field_label(UiKey::CardIssued),
                    html! {
                        <input class="gcd-input" type="date" autocomplete="off" spellcheck="false"
                            value={parse_loose_date(&issued).map(|d| d.to_string()).unwrap_or_default()}
                            max={today.map(|d| d.to_string())} oninput={on_issued} />
                    },
                ],
            ),
            el(
                "label",
                attrs!("class" = "gcd-field gcd-field-check"),
                vec![
                    html! { <input type="checkbox" checked={*approximate} onchange={on_approximate} /> },
                    el_text("span", &[], t(UiKey::DatePrecisionApproximate, lang)),
                ],
            ),
            el(
                "label",
                attrs!("class" = "gcd-field"),
                vec![
                    field_label(UiKey::CardKind),
                    html! { <select class="gcd-input" onchange={on_kind}>{ kinds }</select> },
                ],
            ),
            el(
                "label",
                attrs!("class" = "gcd-field"),
                vec![
                    field_label(UiKey::CardAmount),
                    html! {
                        <input class="gcd-input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                            value={(*amount).clone()} oninput={on_amount} placeholder={t(UiKey::CardAmountHelp, lang)} />
                    },
                ],
            ),
        ],
    );
    let problem = match &*problem {
        Some(p) => el(
            "p",
            attrs!("role" = "alert", "class" = "gcd-error"),
            vec![owned(p.clone())],
        ),
        None => Html::default(),
    };
    html! {
        <details class="gcd-panel gcd-cards" open={!props.cards.is_empty()}>
            { el_text("summary", &[], t(UiKey::CardsHeading, lang)) }
            { el_text("p", attrs!("class" = "gcd-muted"), t(UiKey::CardsLead, lang)) }
            { listed }
            <form class="gcd-card-form" onsubmit={on_submit} novalidate=true>
                { grid }
                { problem }
                { el("div", attrs!("class" = "gcd-actions"), vec![
                    el_text("button", attrs!("type" = "submit", "class" = "gcd-button"), t(UiKey::CardAdd, lang)),
                ]) }
            </form>
        </details>
    }
}
