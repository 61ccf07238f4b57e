//! One ranked cause: its likelihood band, explanation, the reasons from the core, its checklist, and whether the
//! money can come back.

use crate::components::checklist::Checklist;
use crate::i18n::{t, use_lang};
use crate::state::Ticks;
use giftcard_doctor_core::content::Recoverable;
use giftcard_doctor_core::engine::RankedCause;
use giftcard_doctor_core::UiKey;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CauseCardProps {
    pub cause: RankedCause,
    /// Open the details (the top causes are; the rest start folded).
    pub open: bool,
    pub ticks: Rc<Ticks>,
    pub on_toggle: Callback<String>,
}

#[component]
pub fn CauseCard(props: &CauseCardProps) -> Html {
    let lang = use_lang();
    let c = &props.cause;
    let band_class = format!("gcd-band gcd-band-{}", c.band.id());
    let recoverable = match c.recoverable {
        Recoverable::Yes => UiKey::RecoverableYes,
        Recoverable::Maybe => UiKey::RecoverableMaybe,
        Recoverable::No => UiKey::RecoverableNo,
    };
    html! {
        <li class="gcd-cause" data-cause={c.id.clone()} data-band={c.band.id()}>
            <details class="gcd-cause-details" open={props.open}>
                <summary class="gcd-cause-summary">
                    <span class="gcd-cause-title">{ &c.title }</span>
                    <span class={band_class}>{ c.band.label(lang) }</span>
                </summary>
                <div class="gcd-cause-body">
                    <p>{ &c.explanation }</p>
                    <h4 class="gcd-subheading">{ t(UiKey::BecauseHeading, lang) }</h4>
                    if c.reasons.is_empty() {
                        <p class="gcd-muted">{ t(UiKey::NoReasons, lang) }</p>
                    } else {
                        <ul class="gcd-reasons">
                            { for c.reasons.iter().map(|r| html! { <li>{ r }</li> }) }
                        </ul>
                    }
                    <Checklist heading={t(UiKey::ChecksHeading, lang)} items={c.checks.clone()}
                        key_prefix={format!("{}:c", c.id)} ticks={props.ticks.clone()} on_toggle={props.on_toggle.clone()} />
                    <Checklist heading={t(UiKey::ActionsHeading, lang)} items={c.actions.clone()}
                        key_prefix={format!("{}:a", c.id)} ticks={props.ticks.clone()} on_toggle={props.on_toggle.clone()} />
                    <p class={format!("gcd-recovery gcd-recovery-{}", match c.recoverable {
                        Recoverable::Yes => "yes", Recoverable::Maybe => "maybe", Recoverable::No => "no" })}>
                        <strong>{ t(recoverable, lang) }</strong>{ " " }{ &c.recovery }
                    </p>
                </div>
            </details>
        </li>
    }
}
