//! The card list: the person adds their cards (a claim code is optional and only its last four characters are
//! kept), and sees each card's expiry, the totals that expired and are still valid, a timeline drawn from the cards
//! when no history was pasted, and a calendar file of the expiry dates. Every label and sentence comes from the core.
//!
//! The code field is not mirrored in the widget's state: each keystroke's value is normalised at once into what may
//! be shown (the masked form and the problems) and the copy is overwritten; on "add" the last four are kept and the
//! field is cleared.

use crate::components::markup::with_class;
use crate::components::send_on_click;
use crate::components::timeline::{timeline_chart, use_active_mark};
use crate::i18n::{t, tf};
use crate::state::Action;
use chrono::NaiveDate;
use giftcard_doctor_core::calendar::expiry_calendar;
use giftcard_doctor_core::cards::{
    card_details, card_label, kind_label, status_of, totals, CardInput, CardStatus, Tone,
};
use giftcard_doctor_core::code::normalize;
use giftcard_doctor_core::facts::{parse_loose_date, Card, CardKind, Marketplace, Precision};
use giftcard_doctor_core::money::{format_amount, parse_amount};
use giftcard_doctor_core::text::wipe;
use giftcard_doctor_core::timeline;
use giftcard_doctor_core::{Lang, UiKey};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub lang: Lang,
    pub cards: Vec<Card>,
    pub marketplace: Marketplace,
    pub today: Option<NaiveDate>,
    pub instance: u32,
    /// A pasted history is shown (with its own timeline), so the cards-only timeline is not drawn.
    #[prop_or_default]
    pub has_history: bool,
    /// The reducer's callback (adds and removes cards).
    pub send: Callback<Action>,
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
    html! {
        <>
            if let Some(expires) = &text.expires {
                <span>{ expires }</span>{ " · " }
            }
            { with_class("span", AttrValue::Static(class), html! { { &text.state } }) }
            if let Some(rule) = &text.rule {
                <br /><span class="gcd-muted">{ rule }</span>
            }
            if let Some(note) = &text.last_day_note {
                { " " }<span class="gcd-muted">{ note }</span>
            }
        </>
    }
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

#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let lang = props.lang;
    let code_ref = use_node_ref();
    let hint = use_state(|| None::<CodeHint>);
    // The other fields are read when the card is added, and the form's reset empties them: no state mirrors them
    // (each mirrored field cost the wasm a state and a listener; docs/size.md, "Views as plain functions").
    let issued_ref = use_node_ref();
    // A guessed date: near an expiry boundary the card then only "may have expired" (the same rule as the wizard).
    let approximate_ref = use_node_ref();
    let kind_ref = use_node_ref();
    let amount_ref = use_node_ref();
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
    let on_submit = {
        let (code_ref, hint, problem) = (code_ref.clone(), hint.clone(), problem.clone());
        let (issued_ref, approximate_ref, kind_ref, amount_ref) = (
            issued_ref.clone(),
            approximate_ref.clone(),
            kind_ref.clone(),
            amount_ref.clone(),
        );
        let send = props.send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let element = |r: &NodeRef| r.cast::<HtmlInputElement>();
            let value = |r: &NodeRef| element(r).map(|i| i.value()).unwrap_or_default();
            let (amount, issued) = (value(&amount_ref), value(&issued_ref));
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
                kind: kind_ref
                    .cast::<HtmlSelectElement>()
                    .and_then(|s| CardKind::from_id(&s.value()))
                    .unwrap_or_default(),
                amount: amount_value,
                marketplace: None,
                issued_precision: if element(&approximate_ref).is_some_and(|i| i.checked()) {
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
            send.emit(Action::AddCard(card));
            // Every field back to empty (the kind to "unknown", the option marked `selected`).
            e.target_unchecked_into::<HtmlFormElement>().reset();
            hint.set(None);
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
    let active_mark = use_active_mark(!props.cards.is_empty() && chart.is_some());
    let on_calendar = ics
        .clone()
        .map(|ics| Callback::from(move |_: MouseEvent| download_ics(&ics)));

    html! {
        <details class="gcd-panel gcd-cards" open={!props.cards.is_empty()}>
            <summary>{ t(UiKey::CardsHeading, lang) }</summary>
            <p class="gcd-muted">{ t(UiKey::CardsLead, lang) }</p>
            if props.cards.is_empty() {
                <p>{ t(UiKey::CardsEmpty, lang) }</p>
            } else {
                <ul class="gcd-card-list">
                    { for props.cards.iter().zip(&statuses).enumerate().map(|(i, (card, status))| {
                        let label = card_label(card, i, lang);
                        let on_remove = send_on_click(&props.send, Action::RemoveCard(i));
                        html! {
                            <li class="gcd-card-item" data-card-index={i.to_string()}>
                                <span class="gcd-code">{ &label }</span>
                                <span>{ card_details(card, market, lang) }</span>
                                <span>
                                    if let Some(status) = status {
                                        { expiry_line(status, lang) }
                                        { for status.problems.iter().map(|p| html! { <span class="gcd-error">{ " " }{ p }</span> }) }
                                    }
                                </span>
                                <button type="button" class="gcd-button gcd-button-quiet" onclick={on_remove}
                                    aria-label={format!("{} ({label})", t(UiKey::CardRemove, lang))}>
                                    { t(UiKey::CardRemove, lang) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <p class="gcd-totals">
                    <span class="gcd-expired">{ tf(UiKey::CardsTotalExpired, lang, &[("amount", &format_amount(sums.expired, market))]) }</span>
                    <br />
                    <span class="gcd-valid">{ tf(UiKey::CardsTotalValid, lang, &[("amount", &format_amount(sums.valid, market))]) }</span>
                </p>
                if let Some(on_calendar) = on_calendar {
                    <div class="gcd-actions gcd-calendar">
                        <button type="button" class="gcd-button" onclick={on_calendar} aria-describedby={id("calendar-help")}>
                            { t(UiKey::CalendarButton, lang) }
                        </button>
                        <p id={id("calendar-help")} class="gcd-muted">{ t(UiKey::CalendarHelp, lang) }</p>
                    </div>
                }
                if let Some(chart) = chart {
                    { timeline_chart(&chart, &id("timeline"), &active_mark, lang) }
                }
            }
            <form class="gcd-card-form" onsubmit={on_submit} novalidate=true>
                <div class="gcd-form-grid">
                    <label class="gcd-field" for={id("code")}>
                        <span class="gcd-field-label">{ t(UiKey::CardCode, lang) }</span>
                    </label>
                    <input id={id("code")} ref={code_ref} class="gcd-input gcd-code" type="text" autocomplete="off"
                        spellcheck="false" autocapitalize="off" oninput={on_code}
                        aria-describedby={id("code-help")} />
                    <div id={id("code-help")} class="gcd-help" aria-live="polite">
                        <p>{ t(UiKey::CardCodeHelp, lang) }</p>
                        if let Some(hint) = &*hint {
                            <p>{ tf(UiKey::CardKeptAs, lang, &[("masked", &hint.masked)]) }</p>
                            if hint.length_unchecked {
                                <p>{ t(UiKey::CodeLengthUnchecked, lang) }</p>
                            }
                            { for hint.problems.iter().map(|p| html! { <p class="gcd-error">{ p }</p> }) }
                        }
                    </div>
                    <label class="gcd-field">
                        <span class="gcd-field-label">{ t(UiKey::CardIssued, lang) }</span>
                        <input class="gcd-input" type="date" autocomplete="off" spellcheck="false"
                            ref={issued_ref} max={today.map(|d| d.to_string())} />
                    </label>
                    <label class="gcd-field gcd-field-check">
                        <input type="checkbox" ref={approximate_ref} />
                        <span>{ t(UiKey::DatePrecisionApproximate, lang) }</span>
                    </label>
                    <label class="gcd-field">
                        <span class="gcd-field-label">{ t(UiKey::CardKind, lang) }</span>
                        <select class="gcd-input" ref={kind_ref}>
                            { for CardKind::ALL.iter().map(|k| html! {
                                <option value={k.id()} selected={*k == CardKind::Unknown}>{ kind_label(*k, lang) }</option>
                            }) }
                        </select>
                    </label>
                    <label class="gcd-field">
                        <span class="gcd-field-label">{ t(UiKey::CardAmount, lang) }</span>
                        <input class="gcd-input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                            ref={amount_ref} placeholder={t(UiKey::CardAmountHelp, lang)} />
                    </label>
                </div>
                if let Some(p) = &*problem {
                    <p class="gcd-error" role="alert">{ p }</p>
                }
                <div class="gcd-actions">
                    <button type="submit" class="gcd-button">{ t(UiKey::CardAdd, lang) }</button>
                </div>
            </form>
        </details>
    }
}
