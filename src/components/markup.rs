//! Elements whose class is worked out at run time, set without Yew's `Classes`: `class={expr}` in `html!` always goes
//! through `Classes` (a set of strings, split and joined again), whose code cost the wasm about 5 KB for the eight
//! places that need it (issue 13). The class strings given here are already what `Classes` made of them.
//! Builders for every element (one call instead of `html!`'s inline expansion) were measured and dropped: 5 KB less
//! raw code, but no smaller once compressed (docs/size.md, "Measured and not kept").

use std::rc::Rc;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VNode, VTag};
use yew::{AttrValue, Html};

/// `<tag class="…">children</tag>`, for an element with no other attribute.
pub fn with_class(tag: &'static str, class: AttrValue, children: Html) -> Html {
    let mut element = VTag::new(tag);
    element.attributes = Attributes::Dynamic {
        keys: &["class"],
        values: Box::new([Some(AttributeOrProperty::Attribute(class))]),
    };
    element.add_child(children);
    element.into()
}

/// Replaces the class of an element made by `html!` with a literal class and at least one attribute worked out at
/// run time, so that its attributes are one list where the class keeps its place.
pub fn set_class(mut node: Html, class: AttrValue) -> Html {
    if let VNode::VTag(tag) = &mut node {
        if let Attributes::Dynamic { keys, values } = &mut Rc::make_mut(tag).attributes {
            if let Some(i) = keys.iter().position(|k| *k == "class") {
                values[i] = Some(AttributeOrProperty::Attribute(class));
            }
        }
    }
    node
}
