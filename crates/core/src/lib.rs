//! giftcard-doctor's diagnosis core: facts in, ranked causes with reasons out; expiry rules; balance-history and
//! claim-code parsing. Pure Rust with no web dependency, so every rule is tested with plain `cargo test`.

pub mod calendar;
pub mod cards;
pub mod code;
pub mod content;
pub mod dates;
pub mod display;
pub mod engine;
pub mod expiry;
pub mod facts;
pub mod first_step;
pub mod history;
pub mod marketplace;
pub mod money;
pub mod share;
pub mod text;
pub mod timeline;
pub mod wizard;

pub use content::{content, Lang, UiKey};
pub use engine::{
    apply_answer, current_answer, diagnose, next_question, progress, Answer, Band, Diagnosis,
    QuestionView,
};
pub use facts::{Facts, FactsError, Findings, RawFacts};
pub use marketplace::Marketplace;
