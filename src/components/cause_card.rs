//! One ranked cause: its likelihood band, explanation, the reasons from the core, its checklist, and whether the
//! money can come back.

use crate::components::checklist::checklist;
use crate::components::links::links;
use crate::components::markup::with_class;
use crate::i18n::t;
use crate::state::{Action, Ticks};
use giftcard_doctor_core::content::Recoverable;
use giftcard_doctor_core::engine::{Band, RankedCause};
use giftcard_doctor_core::{Lang, UiKey};
use yew::prelude::*;

/// One cause as an item of the ranked list, keyed by the cause's id; `open` for the causes the answers support (the
/// rest start folded, under the result's "other possibilities"). A plain function rather than a `#[component]`: it keeps no state, and each component costs the wasm about
/// 2 KB of Yew's machinery (issue 13).
pub fn cause_card(
    c: &RankedCause,
    open: bool,
    ticks: &Ticks,
    send: &Callback<Action>,
    lang: Lang,
) -> Html {
    let band_class = format!("gcd-band gcd-band-{}", c.band.id());
    let (recoverable, recovery_class) = match c.recoverable {
        Recoverable::Yes => (UiKey::RecoverableYes, "gcd-recovery gcd-recovery-yes"),
        Recoverable::Maybe => (UiKey::RecoverableMaybe, "gcd-recovery gcd-recovery-maybe"),
        Recoverable::No => (UiKey::RecoverableNo, "gcd-recovery gcd-recovery-no"),
    };
    html! {
        <li key={c.id.clone()} class="gcd-cause" data-cause={c.id.clone()} data-band={c.band.id()}>
            <details class="gcd-cause-details" open={open}>
                <summary class="gcd-cause-summary">
                    <span class="gcd-cause-title">{ &c.title }</span>
                    { with_class("span", band_class.into(), html! { { c.band.label(lang) } }) }
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
                    { checklist(t(UiKey::ChecksHeading, lang), &c.checks, &format!("{}:c", c.id), ticks, send) }
                    { links(&c.links, lang) }
                    { checklist(t(UiKey::ActionsHeading, lang), &c.actions, &format!("{}:a", c.id), ticks, send) }
                    // Under a less likely cause the recovery holds only if it was the cause: said so, and not in bold.
                    { with_class("p", AttrValue::Static(recovery_class), if c.band == Band::Low {
                        html! { <>{ t(UiKey::IfThisCause, lang) }{ " " }{ t(recoverable, lang) }{ " " }{ &c.recovery }</> }
                    } else {
                        html! { <><strong>{ t(recoverable, lang) }</strong>{ " " }{ &c.recovery }</> }
                    }) }
                </div>
            </details>
        </li>
    }
}
