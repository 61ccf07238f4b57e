//! How to reach customer service on the person's own marketplace (steps, what to have ready, the scam warning, all
//! from the core), and a plain-text summary to paste into the chat (last four characters of codes only).

use crate::i18n::{t, use_lang};
use giftcard_doctor_core::engine::SupportView;
use giftcard_doctor_core::UiKey;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SupportProps {
    /// The summary, made by the core.
    pub summary: AttrValue,
    /// The steps for the facts' marketplace, from the diagnosis.
    pub support: SupportView,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn Support(props: &SupportProps) -> Html {
    let lang = use_lang();
    let copy_state = use_state(|| CopyState::Idle);
    let on_copy = {
        let copy_state = copy_state.clone();
        let summary = props.summary.to_string();
        Callback::from(move |_| {
            let copy_state = copy_state.clone();
            let summary = summary.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let promise =
                    web_sys::window().map(|w| w.navigator().clipboard().write_text(&summary));
                let ok = match promise {
                    Some(p) => JsFuture::from(p).await.is_ok(),
                    None => false,
                };
                copy_state.set(if ok {
                    CopyState::Copied
                } else {
                    CopyState::Failed
                });
            });
        })
    };
    let status = match *copy_state {
        CopyState::Idle => "",
        CopyState::Copied => t(UiKey::Copied, lang),
        CopyState::Failed => t(UiKey::CopyFailed, lang),
    };
    html! {
        <section class="gcd-support" aria-labelledby="gcd-support-heading">
            <h3 id="gcd-support-heading" class="gcd-section-heading">{ t(UiKey::SupportHeading, lang) }</h3>
            <p>{ t(UiKey::SupportLead, lang) }</p>
            <ol class="gcd-steps">
                { for props.support.steps.iter().map(|s| html! { <li>{ s }</li> }) }
            </ol>
            <p>{ t(UiKey::SupportPrepare, lang) }</p>
            <ul class="gcd-prepare">
                { for props.support.prepare.iter().map(|s| html! { <li>{ s }</li> }) }
            </ul>
            <p class="gcd-warning">{ &props.support.warning }</p>
            <div class="gcd-actions gcd-no-print">
                <button type="button" class="gcd-button gcd-button-primary" onclick={on_copy}>{ t(UiKey::CopySummary, lang) }</button>
                <span class="gcd-status" role="status">{ status }</span>
            </div>
            <details class="gcd-summary-box gcd-no-print">
                <summary>{ t(UiKey::SummaryTitle, lang) }</summary>
                <textarea class="gcd-input gcd-summary-text" readonly=true rows="8" aria-label={t(UiKey::SummaryTitle, lang)}
                    value={props.summary.clone()} />
            </details>
        </section>
    }
}
