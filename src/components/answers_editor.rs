//! The answers given so far, each changeable from the result; the result updates in place.

use crate::i18n::{t, use_lang};
use giftcard_doctor_core::content::QuestionKind;
use giftcard_doctor_core::engine::{current_answer, Answer, QuestionView, DONT_KNOW};
use giftcard_doctor_core::facts::{parse_loose_date, Precision};
use giftcard_doctor_core::{content, Facts, UiKey};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswersEditorProps {
    pub facts: Facts,
    pub asked: Vec<String>,
    pub instance: u32,
    pub on_revise: Callback<(String, Answer)>,
}

#[component]
pub fn AnswersEditor(props: &AnswersEditorProps) -> Html {
    let lang = use_lang();
    let rows = props.asked.iter().filter_map(|id| content().question(id)).map(|question| {
        let view = QuestionView::new(question, lang);
        let field_id = format!("gcd-{}-edit-{}", props.instance, view.id);
        let answer = current_answer(&props.facts, &view.id);
        let id = view.id.clone();
        let on_revise = props.on_revise.clone();
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
                on_revise.emit((id.clone(), answer));
            });
            let max = props.facts.today.map(|d| d.to_string());
            html! { <input type="date" id={field_id.clone()} class="gcd-input" {value} {max} {onchange} /> }
        } else {
            let selected = match &answer {
                Some(Answer::Value(v)) => v.clone(),
                _ => String::new(),
            };
            let onchange = Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_revise.emit((id.clone(), Answer::Value(value)));
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
