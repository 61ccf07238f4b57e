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
pub mod markup;
pub mod progress_bar;
pub mod question_step;
pub mod result_view;
pub mod ruled_out;
pub mod support;
pub mod timeline;

pub use app::{App, AppProps};
