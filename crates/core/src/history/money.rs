//! Amounts in a pasted history: a currency sign (or a Japanese minus mark) makes a number money, so order numbers
//! and years are never taken for amounts; the decimal separator comes from the marketplace.

use crate::marketplace::Marketplace;
use crate::money::Decimal;

/// A currency sign seen on an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sign {
    Yen,
    Dollar,
    Pound,
    Euro,
    Rupee,
}

impl Sign {
    /// Digits after the decimal point.
    fn digits(self) -> u32 {
        match self {
            Sign::Yen => 0,
            _ => 2,
        }
    }

    /// The marketplace's own sign, for amounts written without one (`▲3,000`).
    pub(super) fn of(marketplace: Marketplace) -> Self {
        match marketplace {
            Marketplace::Jp | Marketplace::Other => Sign::Yen,
            Marketplace::Us | Marketplace::Mx => Sign::Dollar,
            Marketplace::Uk => Sign::Pound,
            Marketplace::De | Marketplace::Fr | Marketplace::It => Sign::Euro,
            Marketplace::In => Sign::Rupee,
        }
    }

    pub(super) fn iso(self, marketplace: Marketplace) -> &'static str {
        match self {
            Sign::Yen => "JPY",
            Sign::Dollar if marketplace == Marketplace::Mx => "MXN",
            Sign::Dollar => "USD",
            Sign::Pound => "GBP",
            Sign::Euro => "EUR",
            Sign::Rupee => "INR",
        }
    }
}

/// An amount read from the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Money {
    pub(super) minor: i64,
    pub(super) sign: Sign,
}

/// How amounts are read for one marketplace.
#[derive(Debug, Clone, Copy)]
pub(super) struct MoneyReader {
    pub(super) decimal: Decimal,
    /// The sign given to amounts written with a Japanese minus mark and no currency.
    pub(super) default_sign: Sign,
}

impl MoneyReader {
    pub(super) fn new(marketplace: Marketplace) -> Self {
        Self {
            decimal: Decimal::of(marketplace),
            default_sign: Sign::of(marketplace),
        }
    }
}

/// Minus marks written before an amount: the ASCII minus (dashes and `−` fold to it), the long-vowel mark an IME
/// types for "-" (`ー`, half-width `ｰ`), and the triangles Japanese accounts use for negative numbers (`▲`, `△`).
const MINUS_MARKS: [&str; 5] = ["-", "ー", "ｰ", "▲", "△"];
/// The Japanese minus marks alone: with one of these, a number needs no currency sign to be money (`ー3,000`).
const JAPANESE_MINUS: [&str; 4] = ["ー", "ｰ", "▲", "△"];

/// Takes an amount off the end of `s`: the last word, or the last two or three when the sign or currency stands
/// apart (`- ￥754`, `12,34 €`). Returns the amount and what is left before it.
///
/// Works on bytes, splitting at ASCII spaces and tabs only (folding made the other spaces ASCII): every offset it
/// slices at follows an ASCII byte or is the start, so it is a character boundary.
pub(super) fn peel_money(s: &str, reader: MoneyReader) -> Option<(Money, &str)> {
    // An amount with its sign and currency is short; nothing longer is looked at.
    const LONGEST: usize = 48;
    let s = s.trim_ascii_end();
    let bytes = s.as_bytes();
    let tail = bytes
        .get(bytes.len().saturating_sub(LONGEST)..)
        .unwrap_or_default();
    // Most segments are descriptions: without a currency sign or a minus mark near the end there is no amount to
    // look for. Checked on bytes: `$` and `\`, the first byte of `¥` and `£` (C2) or of `€`, `₹`, `▲`, `△` (E2),
    // `円` (E5 86 86), or `ー` (E3 83 BC) / `ｰ` (EF BD B0) before a digit.
    // The long-vowel marks count only right before a digit: `カード` ends most descriptions, and looking for money
    // in every one of them would make the analyzer markedly slower.
    let signed = tail.iter().enumerate().any(|(i, b)| {
        let next = |n: usize| tail.get(i + n).copied();
        match b {
            b'$' | b'\\' | 0xC2 | 0xE2 => true,
            0xE5 => next(1) == Some(0x86) && next(2) == Some(0x86),
            0xE3 => {
                next(1) == Some(0x83)
                    && next(2) == Some(0xBC)
                    && next(3).is_some_and(|d| d.is_ascii_digit())
            }
            0xEF => {
                next(1) == Some(0xBD)
                    && next(2) == Some(0xB0)
                    && next(3).is_some_and(|d| d.is_ascii_digit())
            }
            _ => false,
        }
    });
    if !signed {
        return None;
    }
    // The last three words, as (start, end), last first.
    let mut words: [Option<(usize, usize)>; 3] = [None; 3];
    let mut end = bytes.len();
    for slot in &mut words {
        while end > 0 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() && bytes.len() - start <= LONGEST
        {
            start -= 1;
        }
        if start == end || bytes.len() - start > LONGEST {
            break;
        }
        *slot = Some((start, end));
        end = start;
    }
    for take in (1..=3).rev() {
        let Some((start, _)) = words[take - 1] else {
            continue;
        };
        let taken = &words[..take];
        // Joining words is only for a sign or currency standing apart, so exactly one of them may hold digits.
        let digit_words = taken
            .iter()
            .flatten()
            .filter(|(a, b)| bytes[*a..*b].iter().any(u8::is_ascii_digit))
            .count();
        if take > 1 && digit_words != 1 {
            continue;
        }
        let mut joined = String::with_capacity(LONGEST);
        for (a, b) in taken.iter().rev().flatten() {
            joined.push_str(s.get(*a..*b)?);
        }
        if let Some(m) = parse_money(&joined, reader) {
            return Some((m, s.get(..start)?));
        }
    }
    None
}

/// Parses an amount with a currency sign: `￥754`, `-￥12,607`, `¥-754`, `754円`, `$19.48`, `-$19.48`, `£5`,
/// `€1.234,56`, `12,34€`, and a number after a Japanese minus mark (`ー3,000`, `▲￥3,000`). A bare number is not
/// money. At most 15 digits, so sums of a few cannot overflow.
pub(super) fn parse_money(s: &str, reader: MoneyReader) -> Option<Money> {
    let mut rest = s;
    let mut negative = false;
    let mut japanese_minus = false;
    let mut sign = None;
    // Checked by first byte before comparing: this runs several times per row.
    let take_minus = |r: &mut &str, negative: &mut bool, japanese: &mut bool| {
        let first = r.as_bytes().first().copied();
        if first == Some(b'+') {
            *r = &r[1..];
            return;
        }
        if !matches!(first, Some(b'-' | 0xE2 | 0xE3 | 0xEF)) {
            return;
        }
        if let Some(mark) = MINUS_MARKS.iter().find(|m| r.starts_with(*m)) {
            *r = &r[mark.len()..];
            *negative = true;
            *japanese = JAPANESE_MINUS.contains(mark);
        }
    };
    take_minus(&mut rest, &mut negative, &mut japanese_minus);
    const PREFIXES: &[(&str, Sign)] = &[
        ("JP¥", Sign::Yen),
        ("¥", Sign::Yen),
        ("\\", Sign::Yen),
        ("US$", Sign::Dollar),
        ("MX$", Sign::Dollar),
        ("$", Sign::Dollar),
        ("£", Sign::Pound),
        ("€", Sign::Euro),
        ("₹", Sign::Rupee),
    ];
    let first = rest.as_bytes().first();
    if let Some((p, s)) = PREFIXES
        .iter()
        .find(|(p, _)| p.as_bytes().first() == first && rest.starts_with(p))
    {
        rest = &rest[p.len()..];
        sign = Some(*s);
        if !negative {
            take_minus(&mut rest, &mut negative, &mut japanese_minus);
        }
    }
    const SUFFIXES: &[(&str, Sign)] = &[("円", Sign::Yen), ("€", Sign::Euro)];
    if sign.is_none() {
        let last = rest.as_bytes().last();
        if let Some((p, s)) = SUFFIXES
            .iter()
            .find(|(p, _)| p.as_bytes().last() == last && rest.ends_with(p))
        {
            rest = &rest[..rest.len() - p.len()];
            sign = Some(*s);
        }
    }
    let sign = match sign {
        Some(s) => s,
        // `ー3,000`: the minus mark alone says "an amount", in the marketplace's currency.
        None if japanese_minus => reader.default_sign,
        None => return None,
    };
    let minor = crate::money::read_number(rest, sign.digits(), reader.decimal, 15)?;
    Some(Money {
        minor: if negative { -minor } else { minor },
        sign,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str, market: Marketplace) -> Option<i64> {
        parse_money(s, MoneyReader::new(market)).map(|m| m.minor)
    }

    #[test]
    fn money_forms() {
        let jp = |s: &str| m(s, Marketplace::Jp);
        assert_eq!(jp("¥754"), Some(754));
        assert_eq!(jp("-¥12,607"), Some(-12_607));
        assert_eq!(jp("¥-12,607"), Some(-12_607));
        assert_eq!(jp("754円"), Some(754));
        assert_eq!(jp("ー3,000"), Some(-3_000));
        assert_eq!(jp("▲¥3,000"), Some(-3_000));
        assert_eq!(jp("△3,000円"), Some(-3_000));
        assert_eq!(jp("¥ー3,000"), Some(-3_000));
        assert_eq!(jp("754"), None);
        assert_eq!(jp("-754"), None, "an ASCII minus alone does not make money");
        assert_eq!(jp("2026"), None);
        assert_eq!(jp("¥"), None);
        assert_eq!(jp("¥1,"), None);
        assert_eq!(jp("¥9999999999999999"), None);
        let us = |s: &str| m(s, Marketplace::Us);
        assert_eq!(us("$19.48"), Some(1948));
        assert_eq!(us("-$19.48"), Some(-1948));
        assert_eq!(us("$1,234"), Some(123_400));
        assert_eq!(us("$1,234.5"), Some(123_450));
        let de = |s: &str| m(s, Marketplace::De);
        assert_eq!(de("€1.234,56"), Some(123_456));
        assert_eq!(de("12,34€"), Some(1234));
        assert_eq!(de("1.234 €".replace(' ', "").as_str()), Some(123_400));
        assert_eq!(m("£0.05", Marketplace::Uk), Some(5));
        assert_eq!(m("₹1,00,000.00", Marketplace::In), Some(10_000_000));
    }

    #[test]
    fn peeling_money_off_a_line() {
        let r = MoneyReader::new(Marketplace::Us);
        let (m, rest) = peel_money("Gift Card added -$19.48", r).unwrap();
        assert_eq!((m.minor, rest), (-1948, "Gift Card added "));
        let r = MoneyReader::new(Marketplace::Jp);
        let (m, rest) = peel_money("注文 - ¥754", r).unwrap();
        assert_eq!((m.minor, rest), (-754, "注文 "));
        let (m, rest) = peel_money("注文 ー3,000", r).unwrap();
        assert_eq!((m.minor, rest), (-3000, "注文 "));
        assert_eq!(peel_money("order 113-1234567-1234567", r), None);
        assert_eq!(peel_money("オートチャージ", r), None);
        let r = MoneyReader::new(Marketplace::De);
        assert_eq!(peel_money("12,34 €", r).map(|(m, _)| m.minor), Some(1234));
    }
}
