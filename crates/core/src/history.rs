//! The balance-history analyzer: reads what a person pasted from their balance page (placeholder until issue 5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a pasted history shows, in the form the diagnosis uses. Amounts are positive minor units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Findings {
    /// Spent at other shops through Amazon Pay.
    pub amazon_pay: i64,
    /// Applied to Amazon orders (net of releases and refunds).
    pub orders: i64,
    /// Balance that vanished without an entry explaining it.
    pub vanished: i64,
    /// First and last date of the unexplained changes.
    pub vanished_from: Option<NaiveDate>,
    pub vanished_to: Option<NaiveDate>,
}
