//! "Question 3 of at most 9": the step and the most steps there can be, which shrinks as questions become moot.

use crate::i18n::{tf, use_lang};
use giftcard_doctor_core::UiKey;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    pub current: usize,
    pub total: usize,
}

#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let lang = use_lang();
    let text = tf(
        UiKey::ProgressStep,
        lang,
        &[
            ("current", &props.current.to_string()),
            ("total", &props.total.to_string()),
        ],
    );
    html! {
        <div class="gcd-progress">
            <progress max={props.total.to_string()} value={props.current.to_string()} aria-hidden="true"></progress>
            <span class="gcd-progress-text">{ text }</span>
        </div>
    }
}
