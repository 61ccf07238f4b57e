//! Restart (asked first), "forget my answers", the shareable link, the offline copy, and the version.

use crate::components::send_on_click;
use crate::i18n::{t, tf};
use crate::state::Action;
use giftcard_doctor_core::{Lang, UiKey};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// What the footer shows and the actions it sends up.
pub struct FooterProps {
    pub confirm_restart: bool,
    /// The reducer's callback.
    pub send: Callback<Action>,
    /// Whose stored answers "forget" removes.
    pub instance: u32,
    /// This page with the answers in its fragment.
    pub share_link: AttrValue,
    /// Where the offline single file is, when this build has one.
    pub offline_href: Option<AttrValue>,
}

/// The footer; `status` (what the last action did, announced) is held by the app, which the footer lives as long as.
/// A plain function rather than a `#[component]`: each component costs the wasm about 2 KB of Yew's machinery
/// (issue 13).
pub fn footer(props: &FooterProps, status: &UseStateHandle<String>, lang: Lang) -> Html {
    let send = &props.send;
    let on_forget = {
        let send = send.clone();
        let instance = props.instance;
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            crate::storage::forget(instance);
            send.emit(Action::Restart);
            status.set(t(UiKey::Forgotten, lang).to_owned());
        })
    };
    let on_share = {
        let link = props.share_link.to_string();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let link = link.clone();
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let promise =
                    web_sys::window().map(|w| w.navigator().clipboard().write_text(&link));
                let ok = match promise {
                    Some(p) => JsFuture::from(p).await.is_ok(),
                    None => false,
                };
                let copied = if crate::storage::is_fragment_only(&link) {
                    UiKey::CopiedFragment
                } else {
                    UiKey::Copied
                };
                status.set(t(if ok { copied } else { UiKey::CopyFailed }, lang).to_owned());
            });
        })
    };
    html! {
        <footer class="gcd-footer gcd-no-print">
            if props.confirm_restart {
                <div class="gcd-confirm" role="alertdialog" aria-labelledby="gcd-confirm-text">
                    <p id="gcd-confirm-text">{ t(UiKey::RestartConfirm, lang) }</p>
                    <div class="gcd-actions">
                        <button type="button" class="gcd-button gcd-button-primary" onclick={send_on_click(send, Action::Restart)}>
                            { t(UiKey::RestartYes, lang) }
                        </button>
                        <button type="button" class="gcd-button" onclick={send_on_click(send, Action::CancelRestart)}>
                            { t(UiKey::RestartNo, lang) }
                        </button>
                    </div>
                </div>
            } else {
                <div class="gcd-actions">
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={send_on_click(send, Action::AskRestart)}>
                        { t(UiKey::Restart, lang) }
                    </button>
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={on_forget}>
                        { t(UiKey::ForgetAnswers, lang) }
                    </button>
                    <button type="button" class="gcd-button gcd-button-quiet" onclick={on_share}
                        title={t(UiKey::ShareLinkNote, lang)}>
                        { t(UiKey::ShareLink, lang) }
                    </button>
                    if let Some(href) = &props.offline_href {
                        <a class="gcd-link" href={href.clone()} download="giftcard-doctor-offline.html">
                            { t(UiKey::SaveOffline, lang) }
                        </a>
                    }
                </div>
            }
            <p class="gcd-status" role="status">{ (**status).clone() }</p>
            <p class="gcd-version">{ tf(UiKey::Footer, lang, &[("version", crate::VERSION)]) }</p>
        </footer>
    }
}
