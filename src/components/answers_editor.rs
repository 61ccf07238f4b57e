//! The answers given so far, each changeable from the result, and — when the wizard stopped before asking everything
//! — the questions left, the takeover and scam questions first, each answerable in place; the result updates live.

use crate::i18n::{t, tn};
use crate::state::Action;
use giftcard_doctor_core::content::{Question, QuestionKind};
use giftcard_doctor_core::dates::read_typed;
use giftcard_doctor_core::engine::{current_answer, Answer, QuestionView, DONT_KNOW};
use giftcard_doctor_core::facts::Precision;
use giftcard_doctor_core::first_step::remaining_questions;
use giftcard_doctor_core::{content, Facts, Lang, UiKey};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The answers given so far and the questions left. A plain function rather than a `#[component]`: it keeps no
/// state, and each component costs the wasm about 2 KB of Yew's machinery (issue 13).
pub fn answers_editor(
    facts: &Facts,
    asked: &[String],
    instance: u32,
    send: &Callback<Action>,
    lang: Lang,
) -> Html {
    let rows = asked
        .iter()
        .filter_map(|id| content().question(id))
        .map(|question| row(question, facts, instance, send, lang));
    let left = remaining_questions(facts);
    html! {
        <>
            if !left.is_empty() {
                <section class="gcd-remaining">
                    <p class="gcd-muted">{ t(UiKey::RemainingNote, lang) }</p>
                    <details class="gcd-answers">
                        <summary>{ tn(UiKey::RemainingHeading, lang, left.len(), &[]) }</summary>
                        { for left.iter().map(|question| row(question, facts, instance, send, lang)) }
                    </details>
                </section>
            }
            <details class="gcd-answers">
                <summary>{ t(UiKey::AnswersHeading, lang) }</summary>
                <p class="gcd-muted">{ t(UiKey::ChangeAnswers, lang) }</p>
                { for rows }
            </details>
        </>
    }
}

/// One question with its answer as a control: a date field, or a list of the choices (with "choose an answer" first
/// while it has none). A change is sent as a revision: the result is worked out again in place.
fn row(
    question: &'static Question,
    facts: &Facts,
    instance: u32,
    send: &Callback<Action>,
    lang: Lang,
) -> Html {
    let view = QuestionView::new(question, lang);
    let field_id = format!("gcd-{}-edit-{}", instance, view.id);
    let answer = current_answer(facts, &view.id);
    let id = view.id.clone();
    let send = send.clone();
    let control = if view.kind == QuestionKind::Date {
        let (value, precision) = match &answer {
            Some(Answer::Date(d, p)) => (d.to_string(), Some(*p)),
            _ => (String::new(), None),
        };
        let onchange = Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            // Changing the date here keeps how sure the person said they were (a month alone is a guess); a new one is a
            // guess until they say.
            let answer = match read_typed(&text) {
                Ok(typed) => Answer::Date(typed.date, Precision::of_typed(&typed, precision)),
                Err(_) => Answer::Value(DONT_KNOW.to_owned()),
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
            Some(Answer::Value(v)) => Some(v.clone()),
            _ => None,
        };
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if value.is_empty() {
                return;
            }
            send.emit(Action::Revise {
                question: id.clone(),
                answer: Answer::Value(value),
            });
        });
        html! {
            <select id={field_id.clone()} class="gcd-input" {onchange}>
                if selected.is_none() {
                    <option value="" selected=true>{ t(UiKey::ChooseAnswer, lang) }</option>
                }
                { for view.choices.iter().map(|c| html! {
                    <option value={c.value.clone()} selected={selected.as_deref() == Some(c.value.as_str())}>{ &c.label }</option>
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
}
