//! How to reach customer service on the person's own marketplace (steps, what to have ready, the scam warning, all
//! from the core), and a plain-text summary to paste into the chat (last four characters of codes only).

use crate::components::links::links;
use crate::i18n::t;
use giftcard_doctor_core::engine::SupportView;
use giftcard_doctor_core::{Lang, UiKey};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Whether the summary was copied.
#[derive(Clone, Copy, PartialEq)]
pub enum CopyState {
    Idle,
    Copied,
    Failed,
}

/// The customer-service section: `summary` is the core's text to paste, `support` the steps for the facts'
/// marketplace; `copy_state` and `copy_round` (which showing of the result it is) are held by the app. A plain
/// function rather than a `#[component]`: each component costs the wasm about 2 KB of Yew's machinery (issue 13).
pub fn support(
    summary: &AttrValue,
    support: &SupportView,
    copy_state: &UseStateHandle<CopyState>,
    copy_round: &Rc<RefCell<u32>>,
    lang: Lang,
) -> Html {
    let on_copy = {
        let (copy_state, copy_round) = (copy_state.clone(), copy_round.clone());
        let summary = summary.to_string();
        Callback::from(move |_| {
            let (copy_state, copy_round) = (copy_state.clone(), copy_round.clone());
            let round = *copy_round.borrow();
            let summary = summary.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let promise =
                    web_sys::window().map(|w| w.navigator().clipboard().write_text(&summary));
                let ok = match promise {
                    Some(p) => JsFuture::from(p).await.is_ok(),
                    None => false,
                };
                // The result was left (and perhaps shown again) while the clipboard answered: not this one's status.
                if *copy_round.borrow() != round {
                    return;
                }
                copy_state.set(if ok {
                    CopyState::Copied
                } else {
                    CopyState::Failed
                });
            });
        })
    };
    let status = match **copy_state {
        CopyState::Idle => "",
        CopyState::Copied => t(UiKey::Copied, lang),
        CopyState::Failed => t(UiKey::CopyFailed, lang),
    };
    html! {
        <section class="gcd-support" aria-labelledby="gcd-support-heading">
            <h3 id="gcd-support-heading" class="gcd-section-heading" tabindex="-1">{ t(UiKey::SupportHeading, lang) }</h3>
            <p>{ t(UiKey::SupportLead, lang) }</p>
            <ol class="gcd-steps">
                { for support.steps.iter().map(|s| html! { <li>{ s }</li> }) }
            </ol>
            { links(&support.links, lang) }
            <p>{ t(UiKey::SupportPrepare, lang) }</p>
            <ul class="gcd-prepare">
                { for support.prepare.iter().map(|s| html! { <li>{ s }</li> }) }
            </ul>
            <p class="gcd-warning">{ &support.warning }</p>
            <div class="gcd-actions gcd-no-print">
                <button type="button" class="gcd-button gcd-button-primary" onclick={on_copy}>{ t(UiKey::CopySummary, lang) }</button>
                <span class="gcd-status" role="status">{ status }</span>
            </div>
            <details class="gcd-summary-box gcd-no-print">
                <summary>{ t(UiKey::SummaryTitle, lang) }</summary>
                <textarea class="gcd-input gcd-summary-text" readonly=true rows="8" aria-label={t(UiKey::SummaryTitle, lang)}
                    value={summary.clone()} />
            </details>
        </section>
    }
}
