//! "Question 3 of at most 9": the step and the most steps there can be, which shrinks as questions become moot.

use crate::i18n::tf;
use giftcard_doctor_core::{Lang, UiKey};
use yew::prelude::*;

/// The progress line. A plain function rather than a `#[component]`: it keeps no state, and each component costs
/// the wasm about 2 KB of Yew's machinery (issue 13).
pub fn progress_bar(current: usize, total: usize, lang: Lang) -> Html {
    let text = tf(
        UiKey::ProgressStep,
        lang,
        &[
            ("current", &current.to_string()),
            ("total", &total.to_string()),
        ],
    );
    html! {
        <div class="gcd-progress">
            <progress max={total.to_string()} value={current.to_string()} aria-hidden="true"></progress>
            <span class="gcd-progress-text">{ text }</span>
        </div>
    }
}
