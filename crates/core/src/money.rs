//! Money: amounts are integers in minor units (yen, cents); this formats them for people.

use crate::marketplace::Marketplace;

/// The currency of a marketplace: symbol, ISO code and digits after the decimal point.
pub fn currency(marketplace: Marketplace) -> (&'static str, &'static str, u32) {
    match marketplace {
        Marketplace::Jp | Marketplace::Other => ("¥", "JPY", 0),
        Marketplace::Us => ("$", "USD", 2),
        Marketplace::Uk => ("£", "GBP", 2),
        Marketplace::De | Marketplace::Fr | Marketplace::It => ("€", "EUR", 2),
        Marketplace::In => ("₹", "INR", 2),
        Marketplace::Mx => ("MX$", "MXN", 2),
    }
}

/// Formats an amount in minor units: `¥12,607`, `-$19.48`.
pub fn format_amount(minor: i64, marketplace: Marketplace) -> String {
    let (symbol, _, digits) = currency(marketplace);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let scale = 10u64.pow(digits);
    let whole = group(abs / scale);
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

/// Reads an amount a person typed (`5000`, `¥5,000`, `５，０００円`, `$50`, `19.48`) into minor units of the
/// marketplace's currency. `None` for anything else; never a float.
pub fn parse_amount(text: &str, marketplace: Marketplace) -> Option<i64> {
    let (_, _, digits) = currency(marketplace);
    let half: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .filter(|c| {
            !matches!(
                c,
                ',' | '，' | ' ' | '¥' | '￥' | '円' | '$' | '£' | '€' | '₹' | 'M' | 'X'
            )
        })
        .collect();
    let (whole, fraction) = half.split_once('.').unwrap_or((&half, ""));
    if whole.is_empty() || whole.len() > 12 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > digits as usize || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let scale = 10i64.pow(digits);
    let fraction_value = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<width$}", width = digits as usize)
            .parse::<i64>()
            .ok()?
    };
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(scale)?
        .checked_add(fraction_value)
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
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
        assert_eq!(format_amount(12_607, Marketplace::Jp), "¥12,607");
        assert_eq!(format_amount(-1_948, Marketplace::Us), "-$19.48");
        assert_eq!(format_amount(5, Marketplace::Uk), "£0.05");
        assert_eq!(
            format_amount(i64::MIN, Marketplace::Jp),
            "-¥9,223,372,036,854,775,808"
        );
        assert_eq!(format_amount(0, Marketplace::De), "€0.00");
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
        assert_eq!(parse_amount("1.234", Marketplace::De), None);
        for junk in ["", "-5", "abc", "1e5", "..", "99999999999999999"] {
            assert_eq!(parse_amount(junk, Marketplace::Us), None, "{junk}");
        }
    }
}
