//! The causes the answers exclude, folded away, each with why.

use crate::i18n::{t, use_lang};
use giftcard_doctor_core::engine::RuledOut;
use giftcard_doctor_core::UiKey;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuledOutListProps {
    pub items: Vec<RuledOut>,
}

#[component]
pub fn RuledOutList(props: &RuledOutListProps) -> Html {
    let lang = use_lang();
    if props.items.is_empty() {
        return html! {};
    }
    html! {
        <details class="gcd-ruled-out">
            <summary>{ format!("{} ({})", t(UiKey::RuledOutHeading, lang), props.items.len()) }</summary>
            <ul>
                { for props.items.iter().map(|r| html! {
                    <li data-ruled-out={r.id.clone()}>
                        <strong>{ &r.title }</strong>
                        <ul class="gcd-reasons">{ for r.reasons.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                    </li>
                }) }
            </ul>
        </details>
    }
}
