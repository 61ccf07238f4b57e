//! Elements whose class is worked out at run time, set without Yew's `Classes`: `class={expr}` in `html!` always goes
//! through `Classes` (a set of strings, split and joined again), whose code cost the wasm about 5 KB for the eight
//! places that need it (issue 13). The class strings given here are already what `Classes` made of them.

use std::rc::Rc;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VNode, VTag, VText};
use yew::{AttrValue, Callback, Html, MouseEvent, NodeRef};

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

// Element builders (issue 13, "smaller"). `html!` expands every element in place: the tag's fields, its attribute
// list, its listeners and the vector of its children are all built inline in the calling view, and each `{ expr }`
// child goes through `NodeSeq` and `Vec::extend`, so in the release wasm an element costs about 150–400 bytes of
// code. These functions are never inlined, so an element built with them is one call; the DOM they make is the one
// `html!` makes (same tag, attributes in `html!`'s order with the class last, same children).

/// Attributes fixed when the code is written, as `html!` keeps them: in source order with the class last.
pub type Fixed = &'static [(&'static str, AttributeOrProperty)];

/// A [`Fixed`] attribute list: `attrs!("type" = "button", "class" = "gcd-button")`.
macro_rules! attrs {
    ($($key:literal = $value:literal),* $(,)?) => {
        &[$(($key, ::yew::virtual_dom::AttributeOrProperty::Static($value))),*]
    };
}
pub(crate) use attrs;

/// The children of an element as `html!` hands them over: none, the single node itself, or a list.
fn children_node(mut children: Vec<Html>) -> Html {
    if children.len() == 1 {
        children.pop().unwrap_or_default()
    } else if children.is_empty() {
        Html::default()
    } else {
        VList::with_children(children, None).into()
    }
}

/// `<tag attributes… listeners…>children</tag>`: the one place the others build a tag.
#[inline(never)]
pub fn tag(
    tag: &'static str,
    attributes: Attributes,
    listeners: Listeners,
    children: Vec<Html>,
) -> Html {
    // `__new_other` is what `html!` calls (public, hidden from the docs); `VTag::new` would lower-case the name
    // into a new string first.
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        None,
        attributes,
        listeners,
        children_node(children),
    )
    .into()
}

/// An element whose attributes are all fixed.
#[inline(never)]
pub fn el(name: &'static str, attributes: Fixed, children: Vec<Html>) -> Html {
    tag(
        name,
        Attributes::Static(attributes),
        Listeners::None,
        children,
    )
}

/// An element with attributes worked out at run time (`None` leaves one out, as `html!` does); `keys` in
/// `html!`'s order, the class last.
#[inline(never)]
pub fn el_dyn(
    name: &'static str,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
    children: Vec<Html>,
) -> Html {
    let values = values
        .into_iter()
        .map(|v| v.map(AttributeOrProperty::Attribute))
        .collect();
    tag(
        name,
        Attributes::Dynamic { keys, values },
        Listeners::None,
        children,
    )
}

/// The element with a click listener added (as `onclick={…}` in `html!`).
#[inline(never)]
pub fn on_click(mut node: Html, onclick: Callback<MouseEvent>) -> Html {
    if let VNode::VTag(tag) = &mut node {
        Rc::make_mut(tag).set_listeners(Box::new([yew::html::onclick::Wrapper::__macro_new(
            onclick,
        )]));
    }
    node
}

/// An element holding one UI text (`<p class="…">{ t(…) }</p>`): the commonest element, made without a vector at
/// the call.
#[inline(never)]
pub fn el_text(name: &'static str, attributes: Fixed, s: &'static str) -> Html {
    tag(
        name,
        Attributes::Static(attributes),
        Listeners::None,
        vec![text(s)],
    )
}

/// An element with no attribute holding one text made at run time.
#[inline(never)]
pub fn owned_el(name: &'static str, s: String) -> Html {
    tag(
        name,
        Attributes::Static(&[]),
        Listeners::None,
        vec![owned(s)],
    )
}

/// A text that lives as long as the program (the UI texts): no copy is made, where `{ text }` in `html!` copies it
/// into a new string.
#[inline(never)]
pub fn text(s: &'static str) -> Html {
    VText::new(AttrValue::Static(s)).into()
}

/// A text made at run time.
#[inline(never)]
pub fn owned(s: String) -> Html {
    VText::new(AttrValue::from(s)).into()
}
