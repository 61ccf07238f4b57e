//! The result: what to do first (the most likely cause and its first action, the scam warning first when the answers
//! show a sign of it, a way straight to the contact section), the causes the answers support, open, in rank order,
//! the other possibilities folded under one disclosure, the ruled-out ones, the answers (changeable in place), and
//! how to reach customer service.

use crate::components::answers_editor::answers_editor;
use crate::components::cause_card::cause_card;
use crate::components::ruled_out::ruled_out_list;
use crate::components::send_on_click;
use crate::components::support::{support, CopyState};
use crate::i18n::{t, tf};
use crate::state::{Action, State};
use giftcard_doctor_core::engine::Diagnosis;
use giftcard_doctor_core::first_step::{first_step, supported_count};
use giftcard_doctor_core::{Lang, UiKey};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the result shows, and the handles it needs from the app.
pub struct ResultViewProps<'a> {
    pub lang: Lang,
    pub diagnosis: &'a Diagnosis,
    pub state: &'a State,
    pub summary: AttrValue,
    pub instance: u32,
    /// The reducer's callback.
    pub send: &'a Callback<Action>,
    /// The heading, which the app focuses when the result appears after a step.
    pub heading: &'a NodeRef,
    /// The support section's "copied" state, which the app resets when the result is left.
    pub copy_state: &'a UseStateHandle<CopyState>,
    /// Which showing of the result the copied state belongs to (the app counts them).
    pub copy_round: &'a Rc<RefCell<u32>>,
    /// The card list and the history analyzer.
    pub children: Html,
}

/// The result. A plain function rather than a `#[component]`: its two hooks (the heading's focus, the copied state)
/// live in the app, which saves a component's Yew machinery and the comparison of its props (docs/size.md,
/// "Views as plain functions").
pub fn result_view(props: ResultViewProps) -> Html {
    let lang = props.lang;
    let state = props.state;
    let diagnosis = props.diagnosis;
    let (supported, others) = diagnosis.causes.split_at(supported_count(diagnosis));
    html! {
        <section class="gcd-result" aria-labelledby={format!("gcd-{}-result", props.instance)}>
            <h3 class="gcd-section-heading" id={format!("gcd-{}-result", props.instance)} tabindex="-1" ref={props.heading.clone()}>
                { t(UiKey::ResultHeading, lang) }
            </h3>
            { first_box(diagnosis, state, lang) }
            <p class="gcd-muted">{ t(UiKey::ResultLead, lang) }</p>
            <ol class="gcd-causes">
                { for supported.iter().map(|cause| cause_card(cause, true, &state.ticks, props.send, lang)) }
            </ol>
            if !others.is_empty() {
                <details class="gcd-others">
                    <summary class="gcd-others-summary">
                        { tf(UiKey::OtherPossibilities, lang, &[("count", &others.len().to_string())]) }
                    </summary>
                    <ol class="gcd-causes" start={(supported.len() + 1).to_string()}>
                        { for others.iter().map(|cause| cause_card(cause, false, &state.ticks, props.send, lang)) }
                    </ol>
                </details>
            }
            { ruled_out_list(&diagnosis.ruled_out, lang) }
            { answers_editor(&state.facts, &state.asked, props.instance, props.send, lang) }
            { props.children }
            { support(&props.summary, &diagnosis.support, props.copy_state, props.copy_round, lang) }
            if !state.asked.is_empty() {
                <div class="gcd-actions gcd-no-print">
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={send_on_click(props.send, Action::Back)}>{ t(UiKey::Back, lang) }</button>
                </div>
            }
        </section>
    }
}

/// The box at the top: the most likely cause in one line and its first action, after the marketplace's scam warning
/// when the answers show a sign that someone else may have the code or the account, and a button to the contact
/// section (which moves focus there: a skip link that needs no fragment in the host page's address).
fn first_box(diagnosis: &Diagnosis, state: &State, lang: Lang) -> Html {
    let Some(first) = first_step(diagnosis, &state.facts) else {
        return Html::default();
    };
    let to_support = Callback::from(|event: MouseEvent| {
        let heading = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".gcd-result").ok().flatten())
            .and_then(|result| {
                result
                    .query_selector(".gcd-support .gcd-section-heading")
                    .ok()
                    .flatten()
            })
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.focus();
        }
    });
    html! {
        <div class="gcd-first" role="region" aria-label={t(UiKey::FirstHeading, lang)}>
            <h4 class="gcd-subheading">{ t(UiKey::FirstHeading, lang) }</h4>
            if first.scam {
                <p class="gcd-warning">{ t(UiKey::FirstScam, lang) }{ " " }{ &diagnosis.support.warning }</p>
            }
            <p class="gcd-first-cause">{ tf(UiKey::FirstCause, lang, &[("cause", &first.cause.title)]) }</p>
            if let Some(action) = first.action {
                <p class="gcd-first-action">{ action }</p>
            }
            <button type="button" class="gcd-button gcd-button-quiet gcd-no-print" onclick={to_support}>{ t(UiKey::GoToSupport, lang) }</button>
        </div>
    }
}
