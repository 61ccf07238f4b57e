//! What a row says: its kind from its wording, the order number and the last four of a masked code.
//!
//! The wordings, each with its source or "assumed", are content: `static/content/history.toml`, validated and baked
//! by the build script like every other content file. This module holds only the order in which their meanings are
//! asked. Assumed wordings only ever classify; the findings built on them say "may".

use crate::content::{content, Lang, Meaning, UiKey};
use crate::text::contains_ignore_ascii_case;
use serde::{Deserialize, Serialize};

/// What a history row is, read from its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A gift card registered (credit).
    Added,
    /// Applied to an Amazon order (debit).
    Order,
    /// Used at another shop through Amazon Pay (debit).
    AmazonPay,
    /// Returned to the balance from an order, e.g. on cancellation (credit).
    Released,
    /// Credit from a cancelled order or a returned item (credit); netted against orders like a release.
    CancelRefund,
    /// A refund of an order (credit).
    Refund,
    /// Bought balance: Reload, チャージ, オートチャージ (credit).
    Reload,
    /// Credit from Amazon Pay, e.g. cashback.
    AmazonPayCredit,
    /// A card's balance removed because it expired (debit).
    Expired,
    /// A card voided or a credit reversed by Amazon (usually a debit): what an invalidation looks like.
    Reversal,
    /// Wording not recognised.
    Other,
}

impl Kind {
    /// Every kind, in the order totals list them.
    pub const ALL: [Kind; 11] = [
        Self::Added,
        Self::Order,
        Self::AmazonPay,
        Self::Released,
        Self::CancelRefund,
        Self::Refund,
        Self::Reload,
        Self::AmazonPayCredit,
        Self::Expired,
        Self::Reversal,
        Self::Other,
    ];

    /// The stable id (`amazon_pay`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Order => "order",
            Self::AmazonPay => "amazon_pay",
            Self::Released => "released",
            Self::CancelRefund => "cancel_refund",
            Self::Refund => "refund",
            Self::Reload => "reload",
            Self::AmazonPayCredit => "amazon_pay_credit",
            Self::Expired => "expired",
            Self::Reversal => "reversal",
            Self::Other => "other",
        }
    }

    /// The label shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        let key = match self {
            Self::Added => UiKey::KindAdded,
            Self::Order => UiKey::KindOrder,
            Self::AmazonPay => UiKey::KindAmazonPay,
            Self::Released => UiKey::KindReleased,
            Self::CancelRefund => UiKey::KindCancelRefund,
            Self::Refund => UiKey::KindRefund,
            Self::Reload => UiKey::KindReload,
            Self::AmazonPayCredit => UiKey::KindAmazonPayCredit,
            Self::Expired => UiKey::KindExpired,
            Self::Reversal => UiKey::KindReversal,
            Self::Other => UiKey::KindOther,
        };
        content().ui(key, lang)
    }

    /// The cause this kind points to, so a report can link its totals to the ranking.
    pub fn linked_cause(self) -> Option<&'static str> {
        match self {
            Self::Order => Some("applied_to_order"),
            Self::AmazonPay => Some("amazon_pay"),
            Self::Expired => Some("expired"),
            Self::Reversal => Some("invalidated"),
            _ => None,
        }
    }
}

/// Whether `lower` (a text with its ASCII letters lower-cased) holds any of the words.
fn has_any(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

/// The words of `history.toml` that mean `meaning` (lower case; ASCII case is ignored when matching).
fn words(meaning: Meaning) -> &'static [&'static str] {
    content().history_words(meaning)
}

/// Words starting with one byte, each with the [`Meaning::index`] of its meaning.
type Candidates = Vec<(&'static [u8], u8)>;

/// For each first byte, the history wordings starting with it and what they mean ([`Meaning::Card`] words are not
/// about a row's kind and are left out).
fn by_first_byte() -> &'static [Candidates] {
    static TABLE: std::sync::OnceLock<Vec<Candidates>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        let kinds = Meaning::ALL.iter().filter(|m| **m != Meaning::Card);
        for (list, words) in kinds.map(|m| (m.index(), words(*m))) {
            for word in words.iter() {
                let bytes = word.as_bytes();
                if let (Some(first), Ok(list)) = (bytes.first(), u8::try_from(list)) {
                    table[usize::from(*first)].push((bytes, list));
                }
            }
        }
        table
    })
}

/// Which meanings have a word in `lower`, as bits (bit [`Meaning::index`]), in one pass over the text: some 80
/// separate substring searches per row made the analyzer markedly slower.
fn matched_lists(lower: &str) -> u16 {
    let table = by_first_byte();
    let bytes = lower.as_bytes();
    let mut found = 0u16;
    for (i, b) in bytes.iter().enumerate() {
        for (word, list) in &table[usize::from(*b)] {
            // The second byte first: most candidates differ there, and it saves a call to compare the rest.
            if found & (1 << list) == 0
                && bytes.get(i + 1) == word.get(1)
                && bytes[i..].starts_with(word)
            {
                found |= 1 << list;
            }
        }
    }
    found
}

/// The kind of a row from its wording; the amount's sign settles Amazon Pay rows whose direction the words leave
/// open, and a "cancel"/"return" word on a debit is not a credit.
///
/// `lower` is the description with its ASCII letters lower-cased (the word lists are lower case).
pub(super) fn classify(lower: &str, amount: i64) -> Kind {
    let found = matched_lists(lower);
    let has = |meaning: Meaning| found & (1 << meaning.index()) != 0;
    if has(Meaning::Released) {
        Kind::Released
    } else if has(Meaning::Expired) {
        Kind::Expired
    } else if has(Meaning::Reversal) {
        Kind::Reversal
    } else if has(Meaning::CancelOrReturn) && amount > 0 {
        Kind::CancelRefund
    } else if has(Meaning::Refund) {
        // Before Amazon Pay: `Refund from Amazon Pay order` is a refund (findings count it against Amazon Pay).
        Kind::Refund
    } else if has(Meaning::AmazonPay) {
        if has(Meaning::PayDebit) {
            Kind::AmazonPay
        } else if has(Meaning::PayCredit) {
            Kind::AmazonPayCredit
        } else if amount < 0 {
            Kind::AmazonPay
        } else {
            Kind::AmazonPayCredit
        }
    } else if has(Meaning::Reload) {
        // Before "added": `Gift Card Balance added from Reload` is a reload.
        Kind::Reload
    } else if has(Meaning::Added) {
        Kind::Added
    } else if has(Meaning::Applied) {
        Kind::Order
    } else {
        Kind::Other
    }
}

/// Whether a row's text names Amazon Pay (its releases and refunds give back what Amazon Pay took).
pub(super) fn mentions_amazon_pay(text: &str) -> bool {
    words(Meaning::AmazonPay)
        .iter()
        .any(|w| contains_ignore_ascii_case(text, w))
}

/// The first order number in `text`: three letters or digits, then 7 and 7 digits (`250-…`, `P03-…`, `D01-…`).
pub(super) fn order_id(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // Candidates are found by their first hyphen, the rarest byte of the shape.
    b.iter()
        .enumerate()
        .skip(3)
        .filter(|(_, c)| **c == b'-')
        .find_map(|(hyphen, _)| {
            let i = hyphen - 3;
            let w = b.get(i..i + 19)?;
            let boundary_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            let boundary_after = b.get(i + 19).is_none_or(|c| !c.is_ascii_alphanumeric());
            let shape = w.iter().enumerate().all(|(k, c)| match k {
                0..=2 => c.is_ascii_alphanumeric(),
                3 | 11 => *c == b'-',
                _ => c.is_ascii_digit(),
            });
            // All 19 bytes are ASCII, so `i` and `i + 19` are character boundaries.
            (boundary_before && boundary_after && shape)
                .then(|| text.get(i..i + 19).map(str::to_ascii_uppercase))?
        })
}

/// The last four of a masked code: `xxxx-xxxxxx-W9CT` (also `xxxx-xxxxxx-xW9CT` for 15 characters), `****W9CT`, or
/// four characters alone in plain parentheses after a card word (`ギフトカード (5E5Y)`, `Gift Card (5E5Y)`).
pub(super) fn code_last4(text: &str, lower: &str) -> Option<String> {
    masked_last4(text).or_else(|| parenthesised_last4(text, lower))
}

/// `(5E5Y)`: exactly four letters or digits between parentheses, at least one a letter (so a year `(2026)` is never
/// taken), in a row that names a card or a code (so `(Gift)` in a shop's name is not).
fn parenthesised_last4(text: &str, lower: &str) -> Option<String> {
    if !text.as_bytes().contains(&b'(') || !has_any(lower, words(Meaning::Card)) {
        return None;
    }
    let b = text.as_bytes();
    b.iter().enumerate().find_map(|(i, c)| {
        if *c != b'(' {
            return None;
        }
        let inner = b.get(i + 1..i + 5)?;
        let closed = b.get(i + 5) == Some(&b')');
        (closed
            && inner.iter().all(u8::is_ascii_alphanumeric)
            && inner.iter().any(u8::is_ascii_alphabetic))
        .then(|| text.get(i + 1..i + 5).map(str::to_ascii_uppercase))?
    })
}

/// The masked forms: `xxxx-xxxxxx-W9CT`, `xxxx-xxxxxx-xW9CT`, `****W9CT`.
fn masked_last4(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let masked = |c: u8| matches!(c, b'x' | b'X' | b'*');
    for i in 0..b.len() {
        if !masked(b[i]) || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'*')) {
            continue;
        }
        // The hyphenated form: 4 masked, `-`, 6 masked, `-`, then the last group.
        let hyphenated = b.get(i..i + 12).is_some_and(|w| {
            w.iter().enumerate().all(|(k, c)| {
                if k == 4 || k == 11 {
                    *c == b'-'
                } else {
                    masked(*c)
                }
            })
        });
        let (group_start, min_masked) = if hyphenated {
            (i + 12, 0)
        } else {
            let run = b[i..].iter().take_while(|c| **c == b'*').count();
            (i + run, 4)
        };
        if group_start - i < min_masked.max(1) {
            continue;
        }
        let group_len = b.get(group_start..).map_or(0, |g| {
            g.iter().take_while(|c| c.is_ascii_alphanumeric()).count()
        });
        if (4..=5).contains(&group_len) {
            let end = group_start + group_len;
            // The group is ASCII, so these offsets are character boundaries.
            return text.get(end - 4..end).map(str::to_ascii_uppercase);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_ids_and_codes() {
        assert_eq!(
            order_id("Amazon.co.jpの注文に適用されたギフトカード 250-1234567-1234567").as_deref(),
            Some("250-1234567-1234567")
        );
        assert_eq!(
            order_id("Amazon Pay P03-1234567-1234567;").as_deref(),
            Some("P03-1234567-1234567")
        );
        assert_eq!(order_id("解除 503-…"), None);
        assert_eq!(order_id("x1250-1234567-1234567"), None);
        assert_eq!(
            code_last4("ギフトカード番号: xxxx-xxxxxx-W9CT; シリアル番号:…").as_deref(),
            Some("W9CT")
        );
        assert_eq!(
            code_last4("Claim code: xxxx-xxxxxx-ts01; Serial").as_deref(),
            Some("TS01")
        );
        assert_eq!(code_last4("xxxx-xxxxxx-xW9CT").as_deref(), Some("W9CT"));
        assert_eq!(code_last4("登録 ****AB12").as_deref(), Some("AB12"));
        assert_eq!(code_last4("Gift Card applied to Amazon.com order"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            classify(
                "ギフトカードが追加されました ギフトカード番号: xxxx-xxxxxx-W9CT",
                500
            ),
            Kind::Added
        );
        assert_eq!(
            classify(
                "Amazon.co.jpの注文に適用されたギフトカード 250-1234567-1234567",
                -5
            ),
            Kind::Order
        );
        assert_eq!(
            classify(
                "Amazon Payの注文に適用されたギフトカード P03-1234567-1234567",
                -5
            ),
            Kind::AmazonPay
        );
        assert_eq!(
            classify(
                "Amazon.co.jp注文へ適応されたギフトカードの解除 503-1234567-1234567",
                5
            ),
            Kind::Released
        );
        assert_eq!(
            classify("Amazon Pay (シリアル番号 123)からのギフトカード", 5),
            Kind::AmazonPayCredit
        );
        assert_eq!(
            classify("Refund from Amazon.com order 113-1234567-1234567", 5),
            Kind::Refund
        );
        assert_eq!(
            classify("Gift Card Balance added from Reload", 5),
            Kind::Reload
        );
        assert_eq!(classify("オートチャージ", 5), Kind::Reload);
        assert_eq!(
            classify("Gift Card added Claim code: xxxx-xxxxxx-TS01", 5),
            Kind::Added
        );
        assert_eq!(
            classify("Gift Card applied to Amazon.com order", -5),
            Kind::Order
        );
        assert_eq!(classify("something else", -5), Kind::Other);
    }

    fn classify(text: &str, amount: i64) -> Kind {
        super::classify(&text.to_ascii_lowercase(), amount)
    }

    fn code_last4(text: &str) -> Option<String> {
        super::code_last4(text, &text.to_ascii_lowercase())
    }

    #[test]
    fn wordings_of_issue_11() {
        let k = classify;
        assert_eq!(
            k(
                "Amazon.co.jp注文へ適応されたギフトカード 250-1234567-1234567",
                -5
            ),
            Kind::Order
        );
        assert_eq!(
            k("AmazonPayの注文に適用されたギフトカード", -5),
            Kind::AmazonPay
        );
        assert_eq!(k("Amazon Payの注文", -5), Kind::AmazonPay);
        assert_eq!(
            k("Refund from cancelled order 113-1234567-1234567", 5),
            Kind::CancelRefund
        );
        assert_eq!(k("キャンセルされた注文からの返金", 5), Kind::CancelRefund);
        assert_eq!(k("Gift card expired", -5), Kind::Expired);
        assert_eq!(k("有効期限切れ", -5), Kind::Expired);
        assert_eq!(k("Gift Card voided", -5), Kind::Reversal);
        assert_eq!(
            k("Geschenkgutschein auf Bestellung angewendet", -5),
            Kind::Order
        );
        assert_eq!(k("Chèque-cadeau appliqué à la commande", -5), Kind::Order);
        assert_eq!(k("Buono regalo applicato all'ordine", -5), Kind::Order);
        assert_eq!(k("Tarjeta de regalo aplicada al pedido", -5), Kind::Order);
        assert_eq!(k("Geschenkgutschein hinzugefügt", 5), Kind::Added);
        assert_eq!(code_last4("ギフトカード (5E5Y)").as_deref(), Some("5E5Y"));
        assert_eq!(code_last4("Gift Card (2026)"), None, "a year is not a code");
        assert_eq!(code_last4("Shop (Gift) order"), None, "no card word");
    }
}
