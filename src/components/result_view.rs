//! The result: causes in rank order as an ordered list, the ruled-out ones folded away, the answers (changeable in
//! place), and how to reach customer service.

use crate::components::answers_editor::answers_editor;
use crate::components::cause_card::cause_card;
use crate::components::ruled_out::ruled_out_list;
use crate::components::send_on_click;
use crate::components::support::{support, CopyState};
use crate::i18n::t;
use crate::state::{Action, State};
use giftcard_doctor_core::engine::{Band, Diagnosis};
use giftcard_doctor_core::{Lang, UiKey};
use std::cell::RefCell;
use std::rc::Rc;
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
    html! {
        <section class="gcd-result" aria-labelledby={format!("gcd-{}-result", props.instance)}>
            <h3 class="gcd-section-heading" id={format!("gcd-{}-result", props.instance)} tabindex="-1" ref={props.heading.clone()}>
                { t(UiKey::ResultHeading, lang) }
            </h3>
            <p class="gcd-muted">{ t(UiKey::ResultLead, lang) }</p>
            <ol class="gcd-causes">
                { for diagnosis.causes.iter().enumerate().map(|(i, cause)| {
                    cause_card(cause, i < 2 || cause.band == Band::High, &state.ticks, props.send, lang)
                }) }
            </ol>
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
