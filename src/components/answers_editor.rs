//! The answers given so far, each changeable from the result; the result updates in place.

use crate::i18n::t;
use crate::state::Action;
use giftcard_doctor_core::content::QuestionKind;
use giftcard_doctor_core::engine::{current_answer, Answer, QuestionView, DONT_KNOW};
use giftcard_doctor_core::facts::{parse_loose_date, Precision};
use giftcard_doctor_core::{content, Facts, Lang, UiKey};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The answers given so far, each changeable. A plain function rather than a `#[component]`: it keeps no state, and
/// each component costs the wasm about 2 KB of Yew's machinery (issue 13).
pub fn answers_editor(
    facts: &Facts,
    asked: &[String],
    instance: u32,
    send: &Callback<Action>,
    lang: Lang,
) -> Html {
    let rows = asked.iter().filter_map(|id| content().question(id)).map(|question| {
        let view = QuestionView::new(question, lang);
        let field_id = format!("gcd-{}-edit-{}", instance, view.id);
        let answer = current_answer(facts, &view.id);
        let id = view.id.clone();
        let send = send.clone();
        let control = if view.kind == QuestionKind::Date {
            let (value, precision) = match &answer {
                Some(Answer::Date(d, p)) => (d.to_string(), *p),
                _ => (String::new(), Precision::Exact),
            };
            let onchange = Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                // Changing the date here keeps how sure the person said they were.
                let answer = match parse_loose_date(&text) {
                    Some(date) => Answer::Date(date, precision),
                    None => Answer::Value(DONT_KNOW.to_owned()),
                };
                send.emit(Action::Revise {
                    question: id.clone(),
                    answer,
                });
            });
            let max = facts.today.map(|d| d.to_string());
            html! { <input type="date" id={field_id.clone()} class="gcd-input" {value} {max} {onchange} /> }
        } else {
            let selected = match &answer {
                Some(Answer::Value(v)) => v.clone(),
                _ => String::new(),
            };
            let onchange = Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                send.emit(Action::Revise {
                    question: id.clone(),
                    answer: Answer::Value(value),
                });
            });
            html! {
                <select id={field_id.clone()} class="gcd-input" {onchange}>
                    { for view.choices.iter().map(|c| html! {
                        <option value={c.value.clone()} selected={c.value == selected}>{ &c.label }</option>
                    }) }
                </select>
            }
        };
        html! {
            <div class="gcd-answer-row">
                <label for={field_id}>{ &view.text }</label>
                { control }
            </div>
        }
    });
    html! {
        <details class="gcd-answers">
            <summary>{ t(UiKey::AnswersHeading, lang) }</summary>
            <p class="gcd-muted">{ t(UiKey::ChangeAnswers, lang) }</p>
            { for rows }
        </details>
    }
}
