//! The app's one reducer: every action a person takes, applied by calling the core. Side effects (storage, focus,
//! clipboard) live in the components' effects, never here. The navigation itself (next question, Back, revise,
//! restart, progress) is the core's `wizard` module, tested natively there.

use giftcard_doctor_core::engine::{apply_answer, Answer};
use giftcard_doctor_core::facts::Findings;
use giftcard_doctor_core::facts::{Card, Facts};
pub use giftcard_doctor_core::wizard::Position;
use giftcard_doctor_core::wizard::{self, Wizard};
use giftcard_doctor_core::Lang;
use std::rc::Rc;
use yew::Reducible;

/// Everything the widget knows. Pasted history text and full claim codes are never part of it.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The answers (and, once added, cards from the card list and findings from a pasted history).
    pub facts: Facts,
    /// Questions answered, in the order they were asked (for Back and the progress indicator).
    pub asked: Vec<String>,
    pub position: Position,
    /// Ticked checklist items (`cause:c0`, `cause:a1`).
    pub ticks: Ticks,
    pub lang: Lang,
    /// "Restart?" is being asked.
    pub confirm_restart: bool,
    /// A message for the last action that could not be applied.
    pub error: Option<String>,
    /// Number of steps the person took; focus only moves after the first, so an embedded widget never steals focus
    /// on page load.
    pub steps: u32,
}

/// The ticked checklist items, sorted and without repeats, as a set keeps them.
///
/// A sorted `Vec` rather than a `BTreeSet`: a handful of short keys, and the B-tree code cost the wasm several KB
/// (issue 13).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ticks(Vec<String>);

impl Ticks {
    /// Whether an item is ticked.
    pub fn contains(&self, key: &str) -> bool {
        self.0.iter().any(|k| k == key)
    }

    /// Ticks an item, or unticks it when it was ticked.
    pub fn toggle(&mut self, key: String) {
        match self.0.binary_search(&key) {
            Ok(i) => {
                self.0.remove(i);
            }
            Err(i) => self.0.insert(i, key),
        }
    }

    /// The ticked items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for Ticks {
    /// Sorted, with repeats dropped (a stored list is read back as the set it was written from).
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> Self {
        let mut ticks = Ticks::default();
        for key in keys {
            if let Err(i) = ticks.0.binary_search(&key) {
                ticks.0.insert(i, key);
            }
        }
        ticks
    }
}

/// Everything a person can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Answer the question shown and move on.
    Answer {
        question: String,
        answer: Answer,
    },
    /// Change an answer from the result, staying on the result.
    Revise {
        question: String,
        answer: Answer,
    },
    /// Go back one question.
    Back,
    /// Ask whether to start over.
    AskRestart,
    CancelRestart,
    /// Start over, keeping the language.
    Restart,
    SetLang(Lang),
    ToggleTick(String),
    /// Add a card from the card list (already reduced to its last four characters).
    AddCard(Card),
    RemoveCard(usize),
    /// What a pasted history showed, or `None` once it is cleared.
    SetHistory(Option<Findings>),
}

impl State {
    /// A fresh state for these facts, at the first useful question (or the result when none is left).
    pub fn new(facts: Facts, lang: Lang) -> Self {
        State {
            position: wizard::start(&facts),
            facts,
            asked: Vec::new(),
            ticks: Ticks::default(),
            lang,
            confirm_restart: false,
            error: None,
            steps: 0,
        }
    }

    /// The step number shown and the most steps there can be, honest when questions are skipped.
    pub fn progress(&self) -> (usize, usize) {
        wizard::progress(&self.facts, &self.asked, &self.position)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.error = None;
        match action {
            Action::Answer { question, answer } => {
                match apply_answer(&self.facts, &question, &answer) {
                    Ok(facts) => {
                        next.facts = facts;
                        next.position =
                            wizard::after_answer(&next.facts, &mut next.asked, &question);
                        next.steps += 1;
                    }
                    Err(e) => next.error = Some(e.localized(self.lang)),
                }
            }
            Action::Revise { question, answer } => {
                match apply_answer(&self.facts, &question, &answer) {
                    Ok(facts) => {
                        next.facts = facts;
                        if !next.asked.contains(&question) {
                            next.asked.push(question);
                        }
                    }
                    Err(e) => next.error = Some(e.localized(self.lang)),
                }
            }
            Action::Back => match wizard::back(&self.asked, &self.position) {
                Some(position) => {
                    next.position = position;
                    next.steps += 1;
                }
                None => return self,
            },
            Action::AskRestart => next.confirm_restart = true,
            Action::CancelRestart => next.confirm_restart = false,
            Action::Restart => {
                let mut w = Wizard::new(self.facts.clone());
                w.steps = self.steps;
                w.restart();
                next = State {
                    steps: w.steps,
                    ..State::new(w.facts, self.lang)
                };
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::ToggleTick(key) => next.ticks.toggle(key),
            Action::AddCard(card) => next.facts.cards.push(card),
            Action::RemoveCard(index) => {
                if index < next.facts.cards.len() {
                    next.facts.cards.remove(index);
                }
            }
            Action::SetHistory(findings) => next.facts.history = findings,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
