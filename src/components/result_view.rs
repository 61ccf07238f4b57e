//! The result: causes in rank order as an ordered list, the ruled-out ones folded away, the answers (changeable in
//! place), and how to reach customer service.

use crate::components::answers_editor::answers_editor;
use crate::components::cause_card::cause_card;
use crate::components::ruled_out::ruled_out_list;
use crate::components::send_on_click;
use crate::components::support::{support, CopyState};
use crate::i18n::t;
use crate::state::{Action, Ticks};
use giftcard_doctor_core::engine::{Band, Diagnosis};
use giftcard_doctor_core::{Facts, Lang, UiKey};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    pub lang: Lang,
    pub diagnosis: Rc<Diagnosis>,
    pub facts: Facts,
    pub asked: Vec<String>,
    pub ticks: Rc<Ticks>,
    pub summary: AttrValue,
    pub instance: u32,
    pub focus: bool,
    /// The reducer's callback.
    pub send: Callback<Action>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let lang = props.lang;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let focus = props.focus;
        use_effect_with((), move |_| {
            if focus {
                if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // The support section's "copied" state: it lives as long as this view, as it did as the section's own state.
    let copy_state = use_state(|| CopyState::Idle);
    html! {
        <section class="gcd-result" aria-labelledby={format!("gcd-{}-result", props.instance)}>
            <h3 class="gcd-section-heading" id={format!("gcd-{}-result", props.instance)} tabindex="-1" ref={heading}>
                { t(UiKey::ResultHeading, lang) }
            </h3>
            <p class="gcd-muted">{ t(UiKey::ResultLead, lang) }</p>
            <ol class="gcd-causes">
                { for props.diagnosis.causes.iter().enumerate().map(|(i, cause)| {
                    cause_card(cause, i < 2 || cause.band == Band::High, &props.ticks, &props.send, lang)
                }) }
            </ol>
            { ruled_out_list(&props.diagnosis.ruled_out, lang) }
            { answers_editor(&props.facts, &props.asked, props.instance, &props.send, lang) }
            { props.children.clone() }
            { support(&props.summary, &props.diagnosis.support, &copy_state, lang) }
            if !props.asked.is_empty() {
                <div class="gcd-actions gcd-no-print">
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={send_on_click(&props.send, Action::Back)}>{ t(UiKey::Back, lang) }</button>
                </div>
            }
        </section>
    }
}
