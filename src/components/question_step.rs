//! One question: native radios in a fieldset (arrow keys move between them and never submit), or a date with a
//! typed fallback; "I don't know" on every question; Back; the submit button is the primary action.

use crate::components::markup::with_class;
use crate::components::send_on_click;
use crate::i18n::t;
use crate::state::Action;
use giftcard_doctor_core::content::QuestionKind;
use giftcard_doctor_core::dates::{read_typed, TypedDateError};
use giftcard_doctor_core::engine::{Answer, QuestionView, DONT_KNOW};
use giftcard_doctor_core::facts::Precision;
use giftcard_doctor_core::{Lang, UiKey};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionStepProps {
    pub lang: Lang,
    pub question: QuestionView,
    /// The answer given before, when the person came back to this question.
    pub current: Option<Answer>,
    /// Today's date, the latest a card can have been issued.
    pub today: Option<chrono::NaiveDate>,
    /// Move focus to the legend when shown (not on first page load).
    pub focus: bool,
    pub can_back: bool,
    /// Distinguishes radio groups when a page holds several widgets.
    pub instance: u32,
    /// A problem with the last answer, from the core.
    pub error: Option<AttrValue>,
    /// The reducer's callback.
    pub send: Callback<Action>,
}

/// The choice, the typed date and its sureness shown first: the earlier answer when the person came back, else
/// nothing chosen (the sureness question too: a guess must not pass for a checked date by default).
fn initial(current: &Option<Answer>) -> (Option<String>, String, Option<Precision>) {
    match current {
        Some(Answer::Value(v)) => (Some(v.clone()), String::new(), None),
        Some(Answer::Date(d, p)) => (None, d.to_string(), Some(*p)),
        None => (None, String::new(), None),
    }
}

#[component]
pub fn QuestionStep(props: &QuestionStepProps) -> Html {
    let lang = props.lang;
    let (first_choice, first_date, first_precision) = initial(&props.current);
    let selected = use_state(|| first_choice);
    let date_text = use_state(|| first_date);
    let precision = use_state(|| first_precision);
    let problem = use_state(|| None::<String>);
    let legend = use_node_ref();
    let typed_field = use_node_ref();

    {
        let legend = legend.clone();
        let focus = props.focus;
        use_effect_with(props.question.id.clone(), move |_| {
            if focus {
                if let Some(el) = legend.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let q = &props.question;
    let is_date = q.kind == QuestionKind::Date;
    // The two date questions: a card's issue date (with how sure it is), or when the balance was last seen.
    let asks_issue_date = q.fact == "cardIssued";
    let on_submit = {
        let selected = selected.clone();
        let date_text = date_text.clone();
        let precision = precision.clone();
        let problem = problem.clone();
        let typed_field = typed_field.clone();
        let send = props.send.clone();
        let question = q.id.clone();
        let answer = move |answer| {
            send.emit(Action::Answer {
                question: question.clone(),
                answer,
            })
        };
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if is_date {
                match read_typed(&date_text) {
                    // The last-seen date has no sureness question: with a day, it is the day typed.
                    Ok(typed) => answer(Answer::Date(
                        typed.date,
                        Precision::of_typed(
                            &typed,
                            if asks_issue_date {
                                *precision
                            } else {
                                Some(Precision::Exact)
                            },
                        ),
                    )),
                    Err(error) => {
                        problem.set(Some(
                            t(
                                match error {
                                    TypedDateError::Empty => UiKey::DateEmpty,
                                    TypedDateError::Unreadable => UiKey::DateInvalid,
                                },
                                lang,
                            )
                            .to_owned(),
                        ));
                        // To the field, where the person fixes it; the message is announced as an alert.
                        if let Some(field) = typed_field.cast::<web_sys::HtmlElement>() {
                            let _ = field.focus();
                        }
                    }
                }
            } else {
                match (*selected).clone() {
                    Some(value) => answer(Answer::Value(value)),
                    None => problem.set(Some(t(UiKey::ChooseOne, lang).to_owned())),
                }
            }
        })
    };
    let on_dont_know = send_on_click(
        &props.send,
        Action::Answer {
            question: q.id.clone(),
            answer: Answer::Value(DONT_KNOW.to_owned()),
        },
    );
    let on_date = {
        let date_text = date_text.clone();
        let problem = problem.clone();
        Callback::from(move |e: InputEvent| {
            date_text.set(e.target_unchecked_into::<HtmlInputElement>().value());
            problem.set(None);
        })
    };

    let name = format!("gcd-{}-{}", props.instance, q.id);
    let error = (*problem)
        .clone()
        .or_else(|| props.error.as_ref().map(|e| e.to_string()));
    let help_id = format!("{name}-help");
    let error_id = format!("{name}-error");
    let described = [
        q.help.as_ref().map(|_| help_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);

    let body = if is_date {
        // Browsers with a date picker fill the ISO date in; the text box takes any way a person types a date.
        let iso = read_typed(&date_text)
            .ok()
            .filter(|t| t.day_given)
            .map(|t| t.date.to_string())
            .unwrap_or_default();
        let max = props.today.map(|d| d.to_string());
        let precision_name = format!("{name}-precision");
        let precision_label_id = format!("{name}-precision-label");
        let precision_choice = |value: Precision, key: UiKey| {
            let checked = *precision == Some(value);
            let onchange = {
                let precision = precision.clone();
                Callback::from(move |_: Event| precision.set(Some(value)))
            };
            with_class(
                "label",
                choice_class(checked),
                html! {
                    <>
                        <input type="radio" name={precision_name.clone()} value={value.id()} checked={checked} {onchange} />
                        <span>{ t(key, lang) }</span>
                    </>
                },
            )
        };
        html! {
            <div class="gcd-date">
                <label class="gcd-field">
                    <span class="gcd-field-label">{ t(if asks_issue_date { UiKey::CardIssued } else { UiKey::LastSeenField }, lang) }</span>
                    <input type="date" class="gcd-input" value={iso} max={max} oninput={on_date.clone()}
                        spellcheck="false" autocomplete="off" aria-describedby={described.clone()} />
                </label>
                <label class="gcd-field">
                    <span class="gcd-field-label">{ t(UiKey::DateTyped, lang) }</span>
                    // A person may paste anything here (a code, by mistake): no spell-checker may send it to a
                    // server, no autofill may offer it later.
                    // `inputmode="text"`: the forms taken need separators, 年月日 and era names, which a numeric
                    // keypad does not have.
                    <input type="text" class="gcd-input" inputmode="text" autocomplete="off" spellcheck="false"
                        autocapitalize="off" placeholder="2019-03-01" value={(*date_text).clone()} oninput={on_date}
                        aria-describedby={described.clone()} aria-invalid={error.is_some().then_some("true")}
                        ref={typed_field.clone()} />
                </label>
                // How sure the date is: a guess near an expiry boundary can neither rule expiry out nor make it certain.
                // A labelled radiogroup rather than a nested fieldset, so the question keeps its one legend. Asked of
                // the issue date only: when the balance was last seen is a month at most.
                if asks_issue_date {
                    <div class="gcd-precision" role="radiogroup" aria-labelledby={precision_label_id.clone()}>
                        <p class="gcd-field-label" id={precision_label_id}>{ t(UiKey::DatePrecision, lang) }</p>
                        <div class="gcd-choices">
                            { precision_choice(Precision::Exact, UiKey::DatePrecisionExact) }
                            { precision_choice(Precision::Approximate, UiKey::DatePrecisionApproximate) }
                        </div>
                    </div>
                }
            </div>
        }
    } else {
        html! {
            <div class="gcd-choices">
                { for q.choices.iter().map(|choice| {
                    let value = choice.value.clone();
                    let checked = selected.as_deref() == Some(value.as_str());
                    let onchange = {
                        let selected = selected.clone();
                        let problem = problem.clone();
                        let value = value.clone();
                        Callback::from(move |_: Event| {
                            selected.set(Some(value.clone()));
                            problem.set(None);
                        })
                    };
                    with_class("label", choice_class(checked), html! {
                        <>
                            <input type="radio" name={name.clone()} value={value.clone()} checked={checked} {onchange} />
                            <span>{ &choice.label }</span>
                        </>
                    })
                }) }
            </div>
        }
    };

    html! {
        <form class="gcd-question" onsubmit={on_submit} novalidate=true>
            <fieldset class="gcd-fieldset" aria-describedby={described}>
                <legend class="gcd-legend" tabindex="-1" ref={legend}>{ &q.text }</legend>
                if let Some(help) = &q.help {
                    <p class="gcd-help" id={help_id}>{ help }</p>
                }
                { body }
                if let Some(error) = &error {
                    <p class="gcd-error" id={error_id} role="alert">{ error }</p>
                }
            </fieldset>
            <div class="gcd-actions">
                <button type="submit" class="gcd-button gcd-button-primary">{ t(UiKey::Next, lang) }</button>
                if is_date {
                    <button type="button" class="gcd-button" onclick={on_dont_know}>{ t(UiKey::DontKnow, lang) }</button>
                }
                if props.can_back {
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={send_on_click(&props.send, Action::Back)}>{ t(UiKey::Back, lang) }</button>
                }
            </div>
        </form>
    }
}

/// The class of a choice's label, marked while its radio is checked.
fn choice_class(checked: bool) -> AttrValue {
    AttrValue::Static(if checked {
        "gcd-choice gcd-choice-checked"
    } else {
        "gcd-choice"
    })
}
