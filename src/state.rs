//! The app's one reducer: every action a person takes, applied by calling the core. Side effects (storage, focus,
//! clipboard) live in the components' effects, never here.

use giftcard_doctor_core::engine::{apply_answer, next_question, progress, Answer};
use giftcard_doctor_core::facts::Findings;
use giftcard_doctor_core::facts::{Card, Facts};
use giftcard_doctor_core::Lang;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// What the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// A question, by id.
    Question(String),
    /// The ranked causes and the checklist.
    Result,
}

/// Everything the widget knows. Pasted history text and full claim codes are never part of it.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The answers (and, once added, cards from the card list and findings from a pasted history).
    pub facts: Facts,
    /// Questions answered, in the order they were asked (for Back and the progress indicator).
    pub asked: Vec<String>,
    pub position: Position,
    /// Ticked checklist items (`cause:c0`, `cause:a1`).
    pub ticks: BTreeSet<String>,
    pub lang: Lang,
    /// "Restart?" is being asked.
    pub confirm_restart: bool,
    /// A message for the last action that could not be applied.
    pub error: Option<String>,
    /// Number of steps the person took; focus only moves after the first, so an embedded widget never steals focus
    /// on page load.
    pub steps: u32,
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
        let position = next_question(&facts)
            .map(|q| Position::Question(q.id.clone()))
            .unwrap_or(Position::Result);
        State {
            facts,
            asked: Vec::new(),
            position,
            ticks: BTreeSet::new(),
            lang,
            confirm_restart: false,
            error: None,
            steps: 0,
        }
    }

    /// The step number shown and the most steps there can be, honest when questions are skipped.
    pub fn progress(&self) -> (usize, usize) {
        let remaining = progress(&self.facts).remaining;
        let current = match &self.position {
            Position::Question(q) => {
                self.asked
                    .iter()
                    .position(|a| a == q)
                    .unwrap_or(self.asked.len())
                    + 1
            }
            Position::Result => self.asked.len(),
        };
        let revisiting = matches!(&self.position, Position::Question(q) if self.asked.contains(q));
        let total = self.asked.len() + remaining + usize::from(revisiting && remaining == 0);
        (current, total.max(current))
    }

    fn after_answer(&mut self, question: &str) {
        let index = self.asked.iter().position(|a| a == question);
        self.position = match (next_question(&self.facts), index) {
            (None, _) => Position::Result,
            // Revisiting: walk forward through the questions already answered, answers kept.
            (Some(_), Some(i)) if i + 1 < self.asked.len() => {
                Position::Question(self.asked[i + 1].clone())
            }
            (Some(next), _) => Position::Question(next.id.clone()),
        };
        if index.is_none() {
            self.asked.push(question.to_owned());
        }
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
                        next.after_answer(&question);
                        next.steps += 1;
                    }
                    Err(e) => next.error = Some(e.message),
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
                    Err(e) => next.error = Some(e.message),
                }
            }
            Action::Back => {
                let target = match &self.position {
                    Position::Result => self.asked.last().cloned(),
                    Position::Question(q) => match self.asked.iter().position(|a| a == q) {
                        Some(0) => None,
                        Some(i) => Some(self.asked[i - 1].clone()),
                        None => self.asked.last().cloned(),
                    },
                };
                match target {
                    Some(q) => {
                        next.position = Position::Question(q);
                        next.steps += 1;
                    }
                    None => return self,
                }
            }
            Action::AskRestart => next.confirm_restart = true,
            Action::CancelRestart => next.confirm_restart = false,
            Action::Restart => {
                let facts = Facts {
                    today: self.facts.today,
                    ..Facts::default()
                };
                next = State {
                    steps: self.steps + 1,
                    ..State::new(facts, self.lang)
                };
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::ToggleTick(key) => {
                if !next.ticks.remove(&key) {
                    next.ticks.insert(key);
                }
            }
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
