//! Row assembly: cells put together into rows (a date, some text, an amount and a balance), wherever the line
//! breaks of the paste fall.

use super::cells::{Cell, CellKind};
use super::money::Sign;
use crate::dates::DateRead;

/// A row being put together from cells.
pub(super) struct Partial {
    pub(super) line: usize,
    pub(super) last_line: usize,
    pub(super) date: DateRead,
    pub(super) description: String,
    pub(super) amount: i64,
    pub(super) balance: Option<i64>,
    pub(super) sign: Option<Sign>,
    has_amount: bool,
}

#[derive(Default)]
pub(super) struct Assembler {
    current: Option<Partial>,
    pub(super) rows: Vec<Partial>,
    /// Line ranges (first, last) taken by rows, in order.
    pub(super) consumed: Vec<(usize, usize)>,
}

impl Assembler {
    pub(super) fn push(&mut self, cell: Cell<'_>) {
        match cell.kind {
            CellKind::Date(date) => {
                self.finish();
                self.current = Some(Partial {
                    line: cell.line,
                    last_line: cell.line,
                    date,
                    description: String::new(),
                    amount: 0,
                    balance: None,
                    sign: None,
                    has_amount: false,
                });
            }
            CellKind::Text(text) => match &mut self.current {
                Some(p) if !p.has_amount => {
                    if !p.description.is_empty() {
                        p.description.push(' ');
                    }
                    p.description.push_str(text);
                    p.last_line = cell.line;
                }
                // Text after the amount ends the row; the text itself belongs to none.
                Some(_) => self.finish(),
                None => {}
            },
            CellKind::Money(m) => {
                let Some(p) = &mut self.current else { return };
                p.last_line = cell.line;
                if !p.has_amount {
                    p.amount = m.minor;
                    p.sign = Some(m.sign);
                    p.has_amount = true;
                } else {
                    p.balance = Some(m.minor);
                    self.finish();
                }
            }
        }
    }

    /// Ends the current row: kept when it has a date, a description and an amount (a balance is optional).
    pub(super) fn finish(&mut self) {
        if let Some(p) = self.current.take() {
            if p.has_amount && !p.description.is_empty() {
                self.consumed.push((p.line, p.last_line));
                self.rows.push(p);
            }
        }
    }
}
