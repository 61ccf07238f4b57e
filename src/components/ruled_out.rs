//! The causes the answers exclude, folded away, each with why.

use crate::i18n::t;
use giftcard_doctor_core::engine::RuledOut;
use giftcard_doctor_core::{Lang, UiKey};
use yew::prelude::*;

/// The folded list of excluded causes. A plain function rather than a `#[component]`: it keeps no state, and each
/// component costs the wasm about 2 KB of Yew's machinery (issue 13).
pub fn ruled_out_list(items: &[RuledOut], lang: Lang) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <details class="gcd-ruled-out">
            <summary>{ format!("{} ({})", t(UiKey::RuledOutHeading, lang), items.len()) }</summary>
            <ul>
                { for items.iter().map(|r| html! {
                    <li data-ruled-out={r.id.clone()}>
                        <strong>{ &r.title }</strong>
                        <ul class="gcd-reasons">{ for r.reasons.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                    </li>
                }) }
            </ul>
        </details>
    }
}
