//! A list of things to check or do, each with a tick box the person can tick off as they go.

use crate::components::markup::with_class;
use crate::state::{Action, Ticks};
use yew::prelude::*;

/// One checklist; `key_prefix` starts each item's tick key (`expired:c`). A plain function rather than a
/// `#[component]`: it keeps no state, and each component costs the wasm about 2 KB of Yew's machinery (issue 13).
pub fn checklist(
    heading: &str,
    items: &[String],
    key_prefix: &str,
    ticks: &Ticks,
    send: &Callback<Action>,
) -> Html {
    html! {
        <div class="gcd-checklist">
            <h4 class="gcd-subheading">{ heading }</h4>
            <ul class="gcd-checklist-items">
                { for items.iter().enumerate().map(|(i, item)| {
                    let key = format!("{key_prefix}{i}");
                    let checked = ticks.contains(&key);
                    let onchange = {
                        let send = send.clone();
                        Callback::from(move |_: Event| send.emit(Action::ToggleTick(key.clone())))
                    };
                    let class = if checked { "gcd-check gcd-check-done" } else { "gcd-check" };
                    with_class("li", AttrValue::Static(class), html! {
                        <label>
                            <input type="checkbox" checked={checked} {onchange} />
                            <span>{ item }</span>
                        </label>
                    })
                }) }
            </ul>
        </div>
    }
}
