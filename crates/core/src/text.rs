//! One width fold for the whole core: what a keyboard, an IME or a copied web page produces (full-width letters and
//! digits, wide and non-breaking spaces, dashes, zero-width characters) mapped to the plain forms the readers of
//! codes, dates, amounts and pasted histories expect.

use std::borrow::Cow;

/// What [`fold_char`] makes of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Unchanged.
    Keep,
    /// Replaced by this character.
    To(char),
    /// A space that groups thousands between digits (`1 234,56`, `1\u{202F}234`): nothing between digits, else a
    /// space.
    GroupSpace,
    /// Dropped: zero-width characters and the soft hyphen, which a copy carries along invisibly.
    Drop,
}

/// Maps full-width ASCII to half-width, the full-width yen and pound signs to `¥` and `£`, dashes and the minus sign
/// to `-`, wide spaces to a space, and drops zero-width characters. Newlines and tabs are kept.
///
/// The long-vowel mark `ー` is deliberately kept: it is part of Japanese words (チャージ); the readers that take it
/// for a minus (amounts) or a hyphen (codes) say so themselves.
pub fn fold_char(ch: char) -> Folded {
    match ch {
        '\u{FFE5}' => Folded::To('¥'),
        '\u{FFE1}' => Folded::To('£'),
        '\u{FF01}'..='\u{FF5E}' => match char::from_u32(ch as u32 - 0xFEE0) {
            Some(c) => Folded::To(c),
            None => Folded::Keep,
        },
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Folded::To('-'),
        '\u{3000}' | '\u{2000}'..='\u{2006}' | '\u{2008}' | '\u{200A}' | '\u{205F}' => {
            Folded::To(' ')
        }
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => Folded::GroupSpace,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Folded::Drop,
        _ => Folded::Keep,
    }
}

/// Folds a whole text with [`fold_char`]. ASCII text is returned as it is, without copying.
///
/// Unchanged characters are copied a run at a time, and only characters whose first byte could start one that
/// folds are decoded: most of a paste needs no folding, and decoding every character is the cost of this pass.
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut run_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Every character that folds starts with one of these bytes (U+00A0–U+00AD: C2; U+2000–U+2212: E2;
        // U+3000: E3; U+FE63–U+FFE5: EF).
        if !matches!(bytes[at], 0xC2 | 0xE2 | 0xE3 | 0xEF) {
            at += 1;
            continue;
        }
        let Some(ch) = text.get(at..).and_then(|t| t.chars().next()) else {
            at += 1;
            continue;
        };
        let width = ch.len_utf8();
        let replacement = match fold_char(ch) {
            Folded::Keep => {
                at += width;
                continue;
            }
            Folded::To(c) => Some(c),
            Folded::Drop => None,
            Folded::GroupSpace => {
                let next = text.get(at + width..).and_then(|t| t.chars().next());
                let next_is_digit = next
                    .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '€');
                let between_digits = text[run_start..at].ends_with(|c: char| c.is_ascii_digit())
                    || (run_start == at && out.ends_with(|c: char| c.is_ascii_digit()));
                if between_digits && next_is_digit {
                    None
                } else {
                    Some(' ')
                }
            }
        };
        out.push_str(&text[run_start..at]);
        if let Some(r) = replacement {
            out.push(r);
        }
        at += width;
        run_start = at;
    }
    out.push_str(&text[run_start..]);
    Cow::Owned(out)
}

/// Overwrites a string that held something secret (a full claim code, a pasted history) and empties it, before its
/// memory goes back to the allocator where a later reader of the wasm memory could find it.
pub fn wipe(secret: &mut String) {
    zeroize::Zeroize::zeroize(secret);
}

/// Whether `haystack` contains `needle`, ignoring ASCII case, without allocating.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(
            fold("２０２６年１月２２日\t－￥１２，６０７"),
            "2026年1月22日\t-¥12,607"
        );
        assert_eq!(fold("1\u{202F}234,56\u{00A0}€ a\u{00A0}b"), "1234,56€ a b");
        assert_eq!(fold("オートチャージ"), "オートチャージ", "ー is kept");
        assert_eq!(fold("AB\u{200B}CD\u{00AD}"), "ABCD");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn case_free_search() {
        assert!(contains_ignore_ascii_case(
            "Paid with AMAZON PAY",
            "amazon pay"
        ));
        assert!(!contains_ignore_ascii_case("Amazon", "amazon pay"));
    }
}
