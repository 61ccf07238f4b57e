//! Claim-code normaliser: turns what a person typed into the form Amazon expects and says what looks wrong, while
//! keeping the full code out of anything that can be serialized, stored or logged.
//!
//! Lengths come from `docs/domain-facts.md` ("Claim codes"), counted after hyphens and spaces are removed:
//!
//! | marketplace | accepted | why |
//! |---|---|---|
//! | Japan | 14–15 | "14–15 characters" (the "16–17" some pages give counts the two hyphens) |
//! | US, UK, DE, FR, IT, MX | 14–15 | the history masks them 4-6-4 (14). 15 is accepted too: codes come from the same system as Japan's, whose codes are 14–15, and a length warning on a real code would send the person hunting for a typo that is not there |
//! | India | 14 | e-mail codes are 16 *with* hyphens and physical ones 14 without, so 14 once hyphens are gone; the 17-character "Gift Card ID" is not the code and is flagged |
//! | other | 10–20 | no source; only absurd lengths are flagged and [`CodeCheck::length_checked`] is false |
//!
//! Exactly four characters are taken as "the last four only" (what the balance history shows), not as a short code.

use crate::content::{content, Lang, UiKey};
use crate::marketplace::Marketplace;
use crate::text::Folded;
use serde::Serialize;
use std::fmt;

/// Characters that are easy to mix up when reading a card, by group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Confusable {
    /// O and 0.
    #[serde(rename = "O/0")]
    O0,
    /// I, 1 and lower-case l.
    #[serde(rename = "I/1/l")]
    I1,
    /// Z and 2.
    #[serde(rename = "Z/2")]
    Z2,
    /// S and 5.
    #[serde(rename = "S/5")]
    S5,
    /// B and 8.
    #[serde(rename = "B/8")]
    B8,
}

impl Confusable {
    /// How the group is shown to people (`O/0`).
    pub fn label(self) -> &'static str {
        match self {
            Self::O0 => "O/0",
            Self::I1 => "I/1/l",
            Self::Z2 => "Z/2",
            Self::S5 => "S/5",
            Self::B8 => "B/8",
        }
    }

    /// The group of a typed character whose meaning is unclear, after width folding: a lower-case `l` (1, I or L?)
    /// and the symbols that look like a letter or digit of a code (`|`, `!`, `°`, `§`, `$`, `ß`). Characters that
    /// are letters or digits already are never flagged: most real codes contain an O, a 0 or a 5, and a hint on
    /// every code is a hint nobody reads.
    fn of_unclear(typed: char) -> Option<Self> {
        match typed {
            'l' | '|' | '!' | '¦' => Some(Self::I1),
            '°' | 'º' => Some(Self::O0),
            '§' | '$' => Some(Self::S5),
            'ß' => Some(Self::B8),
            _ => None,
        }
    }
}

/// Something that looks wrong with a typed code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum CodeProblem {
    /// The code has `found` characters (hyphens and spaces not counted); the marketplace's codes have `min..=max`.
    Length {
        found: usize,
        min: usize,
        max: usize,
    },
    /// Characters that codes never contain (only A–Z and 0–9 do); each listed once, at most [`MAX_LISTED_CHARS`].
    Alphabet { chars: Vec<char> },
    /// Characters whose meaning is unclear: a typed lower-case `l` (kept as typed, never silently made `L`) or a
    /// symbol that looks like a letter or digit (also listed under [`CodeProblem::Alphabet`]). A hint to compare with
    /// the card, shown only when such a character was typed.
    Confusable {
        /// Which groups occur, each once.
        groups: Vec<Confusable>,
        /// 1-based positions in the normalized code, for highlighting the field the person is typing in. Not
        /// serialized: a position with its group narrows a character down to two or three, which a stored or shared
        /// copy must not reveal.
        #[serde(skip)]
        positions: Vec<usize>,
    },
}

/// How many distinct wrong characters an [`CodeProblem::Alphabet`] lists; a pasted paragraph should not be echoed.
pub const MAX_LISTED_CHARS: usize = 10;

impl CodeProblem {
    /// Whether the code is certainly mistyped (length, alphabet) rather than worth a second look (confusable).
    pub fn is_error(&self) -> bool {
        !matches!(self, Self::Confusable { .. })
    }

    /// The problem in the person's language.
    pub fn localized(&self, lang: Lang) -> String {
        let c = content();
        match self {
            Self::Length { found, min, max } => {
                let expected = if min == max {
                    min.to_string()
                } else {
                    format!("{min}–{max}")
                };
                c.ui_with(
                    UiKey::CodeProblemLength,
                    lang,
                    &[("found", &found.to_string()), ("expected", &expected)],
                )
            }
            Self::Alphabet { chars } => {
                let list = chars
                    .iter()
                    .map(|ch| format!("「{}」", printable(*ch)))
                    .collect::<Vec<_>>()
                    .join(" ");
                c.ui_with(UiKey::CodeProblemAlphabet, lang, &[("chars", &list)])
            }
            Self::Confusable { groups, .. } => {
                let list = groups
                    .iter()
                    .map(|g| g.label())
                    .collect::<Vec<_>>()
                    .join(", ");
                c.ui_with(UiKey::CodeProblemConfusable, lang, &[("chars", &list)])
            }
        }
    }
}

/// Shows invisible characters by their code point, so "a character you cannot see" is still something to look for.
fn printable(ch: char) -> String {
    if ch.is_control() || ch.is_whitespace() {
        format!("U+{:04X}", ch as u32)
    } else {
        ch.to_string()
    }
}

/// A typed claim code, normalized and checked.
///
/// The full code is only reachable through [`CodeCheck::code`]; serializing (to JS, storage or a share link) gives
/// `last4`, `masked`, `problems` and `lengthChecked`, never the code itself, and `Debug` prints the masked form.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeCheck {
    #[serde(skip)]
    code: String,
    /// The last four characters, as the balance history shows them; `None` below four characters.
    pub last4: Option<String>,
    /// `xxxx-xxxxxx-ABCD`: the layout of the history's masked codes, only the last four visible.
    pub masked: String,
    pub problems: Vec<CodeProblem>,
    /// False where no length is known for the marketplace, so only absurd lengths were flagged.
    pub length_checked: bool,
}

impl fmt::Debug for CodeCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeCheck")
            .field("masked", &self.masked)
            .field("problems", &self.problems)
            .field("length_checked", &self.length_checked)
            .finish_non_exhaustive()
    }
}

impl Drop for CodeCheck {
    /// The full code is overwritten before its memory is freed, so no copy lingers in the wasm heap.
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.code);
    }
}

impl CodeCheck {
    /// The full normalized code (half-width, upper case but for a typed lower-case `l`, whose meaning only the card
    /// can tell; no hyphens or spaces), for typing into Amazon's form.
    /// Never store, log or send it anywhere.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.code.is_empty()
    }

    /// Only the last four characters were typed, as the history shows them.
    pub fn is_last4_only(&self) -> bool {
        self.code.chars().count() == 4
    }

    /// No length or alphabet problem (confusable characters are only a hint).
    pub fn is_plausible(&self) -> bool {
        !self.problems.iter().any(CodeProblem::is_error)
    }

    /// The problems in the person's language.
    pub fn localized_problems(&self, lang: Lang) -> Vec<String> {
        self.problems.iter().map(|p| p.localized(lang)).collect()
    }
}

/// The lengths (without hyphens) a marketplace's codes have, and whether that is known.
pub fn code_lengths(marketplace: Marketplace) -> (usize, usize, bool) {
    match marketplace {
        Marketplace::Jp
        | Marketplace::Us
        | Marketplace::Uk
        | Marketplace::De
        | Marketplace::Fr
        | Marketplace::It
        | Marketplace::Mx => (14, 15, true),
        Marketplace::In => (14, 14, true),
        Marketplace::Other => (10, 20, false),
    }
}

/// Maps what a keyboard or a copy can produce to the code's own characters through the core's one width fold
/// ([`crate::text::fold_char`]); `None` drops the character. Beyond that fold, a code drops its separators: hyphens
/// and dashes, the long-vowel marks a Japanese IME types for "-" (`ー`, `ｰ`), `⁃`, and every space.
fn fold(ch: char) -> Option<char> {
    let folded = match crate::text::fold_char(ch) {
        Folded::Keep => ch,
        Folded::To(c) => c,
        Folded::Drop | Folded::GroupSpace => return None,
    };
    match folded {
        '-' | '\u{2043}' | '\u{30FC}' | '\u{FF70}' => None,
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

/// Normalizes and checks a typed claim code for a marketplace.
///
/// Empty input (or only spaces and hyphens) has no problems: it means "not typed yet".
pub fn normalize(input: &str, marketplace: Marketplace) -> CodeCheck {
    let mut code = String::with_capacity(input.len().min(64));
    let mut wrong: Vec<char> = Vec::new();
    let mut groups: Vec<Confusable> = Vec::new();
    let mut positions: Vec<usize> = Vec::new();
    let mut count = 0usize;
    for raw in input.chars() {
        let Some(half) = fold(raw) else { continue };
        // A lower-case `l` keeps its case: upper-casing it would turn "1 or I, probably" into a certain `L`.
        let ch = if half == 'l' {
            half
        } else {
            half.to_ascii_uppercase()
        };
        count += 1;
        if !ch.is_ascii_alphanumeric() && !wrong.contains(&ch) && wrong.len() < MAX_LISTED_CHARS {
            wrong.push(ch);
        }
        if let Some(group) = Confusable::of_unclear(half) {
            positions.push(count);
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        code.push(ch);
    }
    groups.sort();

    let (min, max, length_checked) = code_lengths(marketplace);
    let mut problems = Vec::new();
    if count != 0 && count != 4 && !(min..=max).contains(&count) {
        problems.push(CodeProblem::Length {
            found: count,
            min,
            max,
        });
    }
    if !wrong.is_empty() {
        problems.push(CodeProblem::Alphabet { chars: wrong });
    }
    if !groups.is_empty() {
        problems.push(CodeProblem::Confusable { groups, positions });
    }

    let last4 = (count >= 4).then(|| code.chars().skip(count - 4).collect::<String>());
    let masked = mask(count, last4.as_deref());
    CodeCheck {
        code,
        last4,
        masked,
        problems,
        length_checked,
    }
}

/// The masked form: `x` for hidden characters in groups of 4-6-rest (the history's layout), the last four shown.
/// Four characters alone are shown as the history shows them (`xxxx-xxxxxx-ABCD`); very long input is shortened.
fn mask(count: usize, last4: Option<&str>) -> String {
    let Some(last4) = last4 else {
        return "x".repeat(count);
    };
    if count == 4 {
        return format!("xxxx-xxxxxx-{last4}");
    }
    if count > 20 {
        return format!("xxxx-xxxxxx-…{last4}");
    }
    let hidden = count - 4;
    let mut out = String::with_capacity(count + 2);
    for i in 0..hidden {
        if i == 4 || i == 10 {
            out.push('-');
        }
        out.push('x');
    }
    if hidden == 4 || hidden == 10 {
        out.push('-');
    }
    out.push_str(last4);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_layouts() {
        assert_eq!(mask(14, Some("ABCD")), "xxxx-xxxxxx-ABCD");
        assert_eq!(mask(15, Some("ABCD")), "xxxx-xxxxxx-xABCD");
        assert_eq!(mask(10, Some("ABCD")), "xxxx-xxABCD");
        assert_eq!(mask(8, Some("ABCD")), "xxxx-ABCD");
        assert_eq!(mask(5, Some("ABCD")), "xABCD");
        assert_eq!(mask(3, None), "xxx");
        assert_eq!(mask(4, Some("ABCD")), "xxxx-xxxxxx-ABCD");
        assert_eq!(mask(500, Some("ABCD")), "xxxx-xxxxxx-…ABCD");
    }
}
