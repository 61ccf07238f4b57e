//! The widget's heading: what it does, the privacy promise, and the language switch.

use crate::components::send_on_click;
use crate::i18n::t;
use crate::state::Action;
use giftcard_doctor_core::{Lang, UiKey};
use yew::prelude::*;

/// The heading. (In someone else's page, the notice that its scripts can see what is typed sits by the fields where a
/// code can be typed, not here: every reader of the article would meet it first, issue 23.) A plain function rather than a `#[component]`: it keeps no state, and each component costs the
/// wasm about 2 KB of Yew's machinery (issue 13).
pub fn header(lang: Lang, send: &Callback<Action>) -> Html {
    let other = if lang.is_english() {
        Lang::Ja
    } else {
        Lang::En
    };
    let on_click = send_on_click(send, Action::SetLang(other));
    // The switch names the other language in that language, so a person who cannot read this one finds it.
    let switch_label = t(UiKey::LanguageSwitch, other);
    // A section named by the title rather than a <header>: on our own pages a top-level <header> would be a second
    // banner beside the page's, and inside a host's article the widget is one named region of it.
    html! {
        <section class="gcd-header" aria-labelledby="gcd-title">
            <div class="gcd-header-top">
                <h2 class="gcd-title" id="gcd-title">{ t(UiKey::AppTitle, lang) }</h2>
                <button type="button" class="gcd-button gcd-button-quiet gcd-lang" lang={other.tag()} onclick={on_click}>
                    { switch_label }
                </button>
            </div>
            <p class="gcd-intro">{ t(UiKey::Intro, lang) }</p>
            <p class="gcd-privacy">{ t(UiKey::PrivacyPromise, lang) }</p>
        </section>
    }
}
