//! The card list: the person adds their cards (a claim code is optional and only its last four characters are
//! kept), and sees each card's expiry and the totals that expired and are still valid.

use crate::i18n::{t, tf, use_lang};
use chrono::NaiveDate;
use giftcard_doctor_core::cards::{card_status, totals, CardInput, CardStatus};
use giftcard_doctor_core::code::normalize;
use giftcard_doctor_core::facts::{parse_loose_date, Card, CardKind, Marketplace};
use giftcard_doctor_core::money::{format_amount, parse_amount};
use giftcard_doctor_core::{content, Lang, UiKey};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub cards: Vec<Card>,
    pub marketplace: Marketplace,
    pub today: Option<NaiveDate>,
    pub instance: u32,
    pub on_add: Callback<Card>,
    pub on_remove: Callback<usize>,
}

/// The label of a card kind, from the card-type question's choices.
fn kind_label(kind: CardKind, lang: Lang) -> String {
    content()
        .question("card_kind")
        .and_then(|q| q.choices.iter().find(|c| c.value == kind.id()))
        .map(|c| c.label.get(lang).to_owned())
        .unwrap_or_else(|| t(UiKey::DontKnow, lang).to_owned())
}

fn status_of(card: &Card, marketplace: Marketplace, today: NaiveDate, lang: Lang) -> CardStatus {
    let input = CardInput {
        code: None,
        issued: card.issued,
        kind: card.kind,
        amount: card.amount,
        marketplace: card.marketplace,
    };
    card_status(&input, marketplace, today, lang)
}

fn expiry_line(status: &CardStatus, lang: Lang) -> Html {
    let days = status
        .days_left
        .map(|d| d.abs().to_string())
        .unwrap_or_default();
    let (class, text) = match (status.expires, status.expired, status.days_left) {
        (None, _, _) => ("gcd-muted", status.rule_text.clone()),
        (Some(_), _, _) if status.maybe_expired => {
            ("gcd-expired", t(UiKey::CardMaybeExpired, lang).to_owned())
        }
        (Some(_), true, _) => (
            "gcd-expired",
            tf(UiKey::CardDaysSince, lang, &[("days", &days)]),
        ),
        (Some(_), false, Some(0)) => ("gcd-valid", t(UiKey::CardExpiresToday, lang).to_owned()),
        (Some(_), false, _) => (
            "gcd-valid",
            tf(UiKey::CardDaysLeft, lang, &[("days", &days)]),
        ),
    };
    html! {
        <>
            if let Some(expires) = status.expires {
                <span>{ tf(UiKey::CardExpires, lang, &[("date", &expires.to_string())]) }</span>{ " · " }
            }
            <span class={class}>{ text }</span>
            if status.expires.is_some() {
                <br /><span class="gcd-muted">{ &status.rule_text }</span>
                if status.days_left == Some(0) {
                    { " " }<span class="gcd-muted">{ t(UiKey::ExpiryLastDayNote, lang) }</span>
                }
            }
        </>
    }
}

#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let lang = use_lang();
    let code = use_state(String::new);
    let issued = use_state(String::new);
    let kind = use_state(|| CardKind::Unknown);
    let amount = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let market = props.marketplace;

    let check = (!code.trim().is_empty()).then(|| normalize(&code, market));
    let on_code = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            code.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_issued = {
        let issued = issued.clone();
        Callback::from(move |e: InputEvent| {
            issued.set(e.target_unchecked_into::<HtmlInputElement>().value())
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
        let (code, issued, kind, amount, problem) = (
            code.clone(),
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
            let input = CardInput {
                code: Some((*code).clone()).filter(|c| !c.trim().is_empty()),
                issued: issued_value,
                kind: *kind,
                amount: amount_value,
                marketplace: None,
            };
            // From here on only the last four characters exist: the full code is dropped with the form's state.
            on_add.emit(input.to_card());
            code.set(String::new());
            issued.set(String::new());
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

    html! {
        <details class="gcd-panel gcd-cards" open={!props.cards.is_empty()}>
            <summary>{ t(UiKey::CardsHeading, lang) }</summary>
            <p class="gcd-muted">{ t(UiKey::CardsLead, lang) }</p>
            if props.cards.is_empty() {
                <p>{ t(UiKey::CardsEmpty, lang) }</p>
            } else {
                <ul class="gcd-card-list">
                    { for props.cards.iter().zip(&statuses).enumerate().map(|(i, (card, status))| {
                        let label = match &card.last4 {
                            Some(l) => format!("xxxx-xxxxxx-{l}"),
                            None => tf(UiKey::CardLabel, lang, &[("n", &(i + 1).to_string())]),
                        };
                        let on_remove = {
                            let cb = props.on_remove.clone();
                            Callback::from(move |_: MouseEvent| cb.emit(i))
                        };
                        html! {
                            <li class="gcd-card-item" data-card-index={i.to_string()}>
                                <span class="gcd-code">{ &label }</span>
                                <span>
                                    { card.issued.map(|d| format!("{} {d} · ", t(UiKey::CardIssued, lang))).unwrap_or_default() }
                                    { kind_label(card.kind, lang) }
                                    { card.amount.map(|a| format!(" · {}", format_amount(a, card.marketplace.unwrap_or(market)))).unwrap_or_default() }
                                </span>
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
            }
            <form class="gcd-card-form" onsubmit={on_submit} novalidate=true>
                <div class="gcd-form-grid">
                    <label class="gcd-field" for={id("code")}>
                        <span class="gcd-field-label">{ t(UiKey::CardCode, lang) }</span>
                    </label>
                    <input id={id("code")} class="gcd-input gcd-code" type="text" autocomplete="off" spellcheck="false"
                        autocapitalize="characters" value={(*code).clone()} oninput={on_code}
                        aria-describedby={id("code-help")} />
                    <div id={id("code-help")} class="gcd-help" aria-live="polite">
                        <p>{ t(UiKey::CardCodeHelp, lang) }</p>
                        if let Some(check) = &check {
                            <p>{ tf(UiKey::CardKeptAs, lang, &[("masked", &check.masked)]) }</p>
                            if !check.length_checked {
                                <p>{ t(UiKey::CodeLengthUnchecked, lang) }</p>
                            }
                            { for check.localized_problems(lang).into_iter().map(|p| html! { <p class="gcd-error">{ p }</p> }) }
                        }
                    </div>
                    <label class="gcd-field">
                        <span class="gcd-field-label">{ t(UiKey::CardIssued, lang) }</span>
                        <input class="gcd-input" type="date" value={parse_loose_date(&issued).map(|d| d.to_string()).unwrap_or_default()}
                            max={today.map(|d| d.to_string())} oninput={on_issued} />
                    </label>
                    <label class="gcd-field">
                        <span class="gcd-field-label">{ t(UiKey::CardKind, lang) }</span>
                        <select class="gcd-input" onchange={on_kind}>
                            { for CardKind::ALL.iter().map(|k| html! {
                                <option value={k.id()} selected={*k == *kind}>{ kind_label(*k, lang) }</option>
                            }) }
                        </select>
                    </label>
                    <label class="gcd-field">
                        <span class="gcd-field-label">{ t(UiKey::CardAmount, lang) }</span>
                        <input class="gcd-input" type="text" inputmode="decimal" autocomplete="off" value={(*amount).clone()}
                            oninput={on_amount} placeholder={t(UiKey::CardAmountHelp, lang)} />
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
