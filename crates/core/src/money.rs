//! Money: amounts are integers in minor units (yen, cents); this formats them for people.

use crate::marketplace::Marketplace;

/// The currency of a marketplace: symbol, ISO code and digits after the decimal point.
pub fn currency(marketplace: Marketplace) -> (&'static str, &'static str, u32) {
    match marketplace {
        // Amazon.co.jp writes the full-width ￥ (「￥1,000」). `other` has no currency of its own and keeps yen, as it
        // always did, in the plain ¥.
        Marketplace::Jp => ("￥", "JPY", 0),
        Marketplace::Other => ("¥", "JPY", 0),
        Marketplace::Us => ("$", "USD", 2),
        Marketplace::Uk => ("£", "GBP", 2),
        Marketplace::De | Marketplace::Fr | Marketplace::It => ("€", "EUR", 2),
        Marketplace::In => ("₹", "INR", 2),
        Marketplace::Mx => ("MX$", "MXN", 2),
    }
}

/// Formats an amount in minor units as the marketplace writes it: `￥12,607` (Amazon.co.jp's full-width sign), `-$19.48`, `£0.05`, and in Germany,
/// France and Italy `12,34 €` (comma decimals, the sign after a space).
pub fn format_amount(minor: i64, marketplace: Marketplace) -> String {
    let (symbol, _, digits) = currency(marketplace);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let scale = 10u64.pow(digits);
    if Decimal::of(marketplace) == Decimal::Comma {
        let whole = group(abs / scale, '.');
        return format!(
            "{sign}{whole},{:0width$} {symbol}",
            abs % scale,
            width = digits as usize
        );
    }
    let whole = group(abs / scale, ',');
    if digits == 0 {
        format!("{sign}{symbol}{whole}")
    } else {
        format!(
            "{sign}{symbol}{whole}.{:0width$}",
            abs % scale,
            width = digits as usize
        )
    }
}

/// Which character separates the fraction in a marketplace's amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimal {
    /// `1,234.56` (Japan, US, UK, India, Mexico).
    Point,
    /// `1.234,56` (Germany, France, Italy).
    Comma,
    /// Not known ("other"): the last `.` or `,` with one or two digits after it.
    Either,
}

impl Decimal {
    /// The separator a marketplace's pages use.
    pub fn of(marketplace: Marketplace) -> Self {
        match marketplace {
            Marketplace::De | Marketplace::Fr | Marketplace::It => Self::Comma,
            Marketplace::Other => Self::Either,
            _ => Self::Point,
        }
    }
}

/// Reads an unsigned number with grouping and an optional fraction into minor units: `digits` places after the
/// separator given by `decimal`, at most `max_whole` digits before it. Groups must be well formed (the last of three
/// digits, others of three, or two as in India's `1,00,000`), so `12,34` is never read as twelve hundred in a
/// marketplace that writes `12.34`.
pub fn read_number(s: &str, digits: u32, decimal: Decimal, max_whole: usize) -> Option<i64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    if !b
        .iter()
        .all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.')
    {
        return None;
    }
    let decimal_at = match decimal {
        Decimal::Point => s.rfind('.'),
        Decimal::Comma => s.rfind(','),
        Decimal::Either => s
            .rfind([',', '.'])
            .filter(|i| digits > 0 && (1..=2).contains(&(s.len() - i - 1))),
    };
    let (whole, fraction) = match decimal_at {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if fraction.len() > digits as usize || fraction.bytes().any(|c| !c.is_ascii_digit()) {
        return None;
    }
    if decimal_at.is_some() && fraction.is_empty() {
        return None;
    }
    // Grouping: one kind of separator, groups of three at the end, of two or three before.
    let group_sep = whole.bytes().find(|c| !c.is_ascii_digit());
    if let Some(sep) = group_sep {
        // Checked without collecting the groups: this runs twice per history row.
        let mut groups = whole.split(char::from(sep)).enumerate().peekable();
        while let Some((i, g)) = groups.next() {
            let last = groups.peek().is_none();
            let size_ok = match (i, last) {
                (0, _) => (1..=3).contains(&g.len()),
                (_, true) => g.len() == 3,
                _ => (2..=3).contains(&g.len()),
            };
            if !size_ok || !g.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
        }
    }
    let mut minor: i64 = 0;
    let mut count = 0;
    for c in whole.bytes().filter(u8::is_ascii_digit) {
        minor = minor.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
        count += 1;
        if count > max_whole {
            return None;
        }
    }
    for i in 0..digits as usize {
        let d = fraction
            .as_bytes()
            .get(i)
            .map_or(0, |c| i64::from(c - b'0'));
        minor = minor.checked_mul(10)?.checked_add(d)?;
    }
    Some(minor)
}

/// Reads an amount a person typed (`5000`, `¥5,000`, `５，０００円`, `$50`, `19.48`, in Germany `12,34`) into minor
/// units of the marketplace's currency, with the marketplace's decimal separator. `None` for anything else; never
/// a float.
pub fn parse_amount(text: &str, marketplace: Marketplace) -> Option<i64> {
    let (_, _, digits) = currency(marketplace);
    let folded = crate::text::fold(text.trim());
    let bare: String = folded
        .chars()
        .map(|c| if c == '，' { ',' } else { c })
        .filter(|c| !matches!(c, ' ' | '¥' | '円' | '$' | '£' | '€' | '₹'))
        .collect();
    let bare = ["MX", "US", "JP"]
        .iter()
        .find_map(|p| {
            bare.get(..2)
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &bare[2..])
        })
        .unwrap_or(&bare);
    read_number(bare, digits, Decimal::of(marketplace), 12)
}

fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_yen_and_cents() {
        assert_eq!(format_amount(12_607, Marketplace::Jp), "￥12,607");
        assert_eq!(format_amount(-1_948, Marketplace::Us), "-$19.48");
        assert_eq!(format_amount(5, Marketplace::Uk), "£0.05");
        assert_eq!(
            format_amount(i64::MIN, Marketplace::Jp),
            "-￥9,223,372,036,854,775,808"
        );
        assert_eq!(format_amount(0, Marketplace::De), "0,00 €");
        assert_eq!(format_amount(-123_456, Marketplace::Fr), "-1.234,56 €");
        assert_eq!(
            parse_amount(&format_amount(1234, Marketplace::It), Marketplace::It),
            Some(1234),
            "what is shown reads back"
        );
    }

    #[test]
    fn parses_typed_amounts_into_minor_units() {
        assert_eq!(parse_amount("5000", Marketplace::Jp), Some(5000));
        assert_eq!(parse_amount("￥５，０００円", Marketplace::Jp), Some(5000));
        assert_eq!(
            parse_amount("50.5", Marketplace::Jp),
            None,
            "yen has no fraction"
        );
        assert_eq!(parse_amount("$19.48", Marketplace::Us), Some(1948));
        assert_eq!(parse_amount("19.4", Marketplace::Us), Some(1940));
        assert_eq!(parse_amount("50", Marketplace::Uk), Some(5000));
        assert_eq!(
            parse_amount("12,34", Marketplace::De),
            Some(1234),
            "comma decimals"
        );
        assert_eq!(parse_amount("1.234,56 €", Marketplace::Fr), Some(123_456));
        assert_eq!(parse_amount("1.234", Marketplace::It), Some(123_400));
        assert_eq!(
            parse_amount("12,34", Marketplace::Us),
            None,
            "not a grouping"
        );
        assert_eq!(parse_amount("1,234.50", Marketplace::Us), Some(123_450));
        assert_eq!(parse_amount("MX$50", Marketplace::Mx), Some(5000));
        for junk in ["", "-5", "abc", "1e5", "..", "99999999999999999"] {
            assert_eq!(parse_amount(junk, Marketplace::Us), None, "{junk}");
        }
    }
}
