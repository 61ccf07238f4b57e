//! A list of things to check or do, each with a tick box the person can tick off as they go.

use crate::state::Ticks;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub heading: AttrValue,
    pub items: Vec<String>,
    /// Prefix of each item's tick key (`expired:c`).
    pub key_prefix: AttrValue,
    pub ticks: Rc<Ticks>,
    pub on_toggle: Callback<String>,
}

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    html! {
        <div class="gcd-checklist">
            <h4 class="gcd-subheading">{ &props.heading }</h4>
            <ul class="gcd-checklist-items">
                { for props.items.iter().enumerate().map(|(i, item)| {
                    let key = format!("{}{i}", props.key_prefix);
                    let checked = props.ticks.contains(&key);
                    let onchange = {
                        let on_toggle = props.on_toggle.clone();
                        let key = key.clone();
                        Callback::from(move |_: Event| on_toggle.emit(key.clone()))
                    };
                    html! {
                        <li class={classes!("gcd-check", checked.then_some("gcd-check-done"))}>
                            <label>
                                <input type="checkbox" checked={checked} {onchange} />
                                <span>{ item }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
