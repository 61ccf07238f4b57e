//! Links to the person's own marketplace's Amazon pages that a check or a contact step names (from the core, each on
//! that marketplace's own host, which the label shows). They open in a new tab, with no referrer and no opener:
//! following one is the person's own action, and the widget still makes no request of its own.

use crate::i18n::t;
use giftcard_doctor_core::engine::Link;
use giftcard_doctor_core::{Lang, UiKey};
use yew::prelude::*;

/// The links as a list, or nothing when there are none (the `other` marketplace, or no sourced address).
pub fn links(links: &[Link], lang: Lang) -> Html {
    if links.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="gcd-links">
            { for links.iter().map(|link| html! {
                <li>
                    <a class="gcd-link" href={link.href.clone()} target="_blank" rel="noopener noreferrer">
                        { &link.label }
                        <span class="gcd-visually-hidden">{ t(UiKey::NewTab, lang) }</span>
                    </a>
                </li>
            }) }
        </ul>
    }
}
