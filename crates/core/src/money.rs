//! Money: amounts are integers in minor units (yen, cents); this formats them for people.

use crate::facts::Marketplace;

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
        format!("{sign}{symbol}{whole}.{:0width$}", abs % scale, width = digits as usize)
    }
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
        assert_eq!(format_amount(i64::MIN, Marketplace::Jp), "-¥9,223,372,036,854,775,808");
        assert_eq!(format_amount(0, Marketplace::De), "€0.00");
    }
}
