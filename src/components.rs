//! The widget's components, one per file. They render what the core returns and send the person's actions up as
//! callbacks; no rule is evaluated here.

pub mod answers_editor;
pub mod app;
pub mod card_list;
pub mod cause_card;
pub mod checklist;
pub mod footer;
pub mod header;
pub mod history_analyzer;
pub mod links;
pub mod markup;
pub mod progress_bar;
pub mod question_step;
pub mod result_view;
pub mod ruled_out;
pub mod support;
pub mod timeline;

pub use app::{App, AppProps};

use crate::state::Action;
use yew::{Callback, MouseEvent};

/// A button's click handler that sends one fixed action to the reducer. The components get the reducer's own
/// callback (`send`) instead of one callback per action: each closure is a type of its own with its own code, and the
/// one shared shape here replaced a dozen of them (issue 13).
pub fn send_on_click(send: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let send = send.clone();
    Callback::from(move |_| send.emit(action.clone()))
}
