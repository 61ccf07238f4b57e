//! Amazon's marketplaces (country sites): a type of its own so every module can name one without importing
//! the facts or the history (no import circles in the core).

use serde::{Deserialize, Serialize};

/// A marketplace (country site) of Amazon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Marketplace {
    Jp,
    Us,
    Uk,
    De,
    Fr,
    It,
    In,
    Mx,
    Other,
}

impl Marketplace {
    /// Every marketplace, in the order the wizard lists them.
    pub const ALL: [Marketplace; 9] = [
        Self::Jp,
        Self::Us,
        Self::Uk,
        Self::De,
        Self::Fr,
        Self::It,
        Self::In,
        Self::Mx,
        Self::Other,
    ];

    /// The id used in facts, URLs and content (`jp`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Jp => "jp",
            Self::Us => "us",
            Self::Uk => "uk",
            Self::De => "de",
            Self::Fr => "fr",
            Self::It => "it",
            Self::In => "in",
            Self::Mx => "mx",
            Self::Other => "other",
        }
    }

    /// Parses an id (`jp`).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }
}
