//! Expiry dates as a calendar file (RFC 5545 iCalendar): one all-day event per card with an expiry date still to
//! come, with a reminder four weeks before. The text carries the masked code and the amount and nothing else, and is
//! made in the page: no request, no full code.

use crate::cards::{card_status, CardInput};
use crate::content::{content, Lang, UiKey};
use crate::expiry::expiry_of;
use crate::marketplace::Marketplace;
use crate::money::format_amount;
use chrono::{Datelike, Days, NaiveDate};

/// How long before the expiry the reminder fires: four weeks, time enough to spend a balance.
pub const REMINDER_DAYS: u32 = 28;

/// The longest a content line may be, in octets, before it is folded (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// The `.ics` text for the cards' expiry dates, or `None` when no card has an expiry date today or later (a calendar
/// needs at least one event, so the page then offers no download).
///
/// `today` stamps the events (`DTSTAMP`) and leaves out dates already past. A date from a rule the sources are unsure
/// of is said with "may".
pub fn expiry_calendar(
    cards: &[CardInput],
    marketplace: Marketplace,
    today: NaiveDate,
    lang: Lang,
) -> Option<String> {
    let c = content();
    let lang = lang.for_market(Some(marketplace));
    let mut events = Vec::new();
    for (index, card) in cards.iter().enumerate() {
        let status = card_status(card, marketplace, today, lang);
        // A guessed issue date (or an unknown Japanese kind) gives a range: the reminder goes to the earliest day the
        // card may expire, while that is still ahead.
        let Some(expires) = status
            .earliest
            .filter(|d| *d >= today)
            .or(status.expires.filter(|d| *d >= today))
        else {
            continue;
        };
        let market = card.marketplace.unwrap_or(marketplace);
        let certain = card
            .issued
            .and_then(|issued| {
                expiry_of(market, issued, card.issued_precision, card.kind, today).ok()
            })
            .is_some_and(|e| e.rule.certain() && e.earliest.is_none());
        let mut label = if status.masked.is_empty() {
            c.ui(UiKey::CalendarCardNoCode, lang).to_owned()
        } else {
            status.masked.clone()
        };
        if let Some(amount) = status.amount.filter(|a| *a > 0) {
            label.push(' ');
            label.push_str(&format_amount(amount, market));
        }
        let summary_key = if certain {
            UiKey::CalendarSummary
        } else {
            UiKey::CalendarSummaryMaybe
        };
        let summary = c.ui_with(summary_key, lang, &[("card", &label)]);
        let reminder = c.ui_with(UiKey::CalendarReminder, lang, &[("card", &label)]);
        let end = expires.checked_add_days(Days::new(1)).unwrap_or(expires);
        events.push([
            "BEGIN:VEVENT".to_owned(),
            // Unique within the file and stable for the same card list; says nothing about the code.
            format!(
                "UID:{}-{}-{}@giftcard-doctor.invalid",
                ymd(today),
                index + 1,
                ymd(expires)
            ),
            format!("DTSTAMP:{}T000000Z", ymd(today)),
            format!("DTSTART;VALUE=DATE:{}", ymd(expires)),
            format!("DTEND;VALUE=DATE:{}", ymd(end)),
            format!("SUMMARY:{}", escape(&summary)),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("TRIGGER:-P{REMINDER_DAYS}D"),
            format!("DESCRIPTION:{}", escape(&reminder)),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    if events.is_empty() {
        return None;
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!(
            "PRODID:-//giftcard-doctor//expiry calendar//{}",
            match lang {
                Lang::Ja => "JA",
                Lang::En | Lang::EnGb | Lang::EnIn => "EN",
            }
        ),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    lines.extend(events.into_iter().flatten());
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        fold_line(line, &mut out);
    }
    Some(out)
}

/// `20260512`: the basic form dates take in iCalendar.
fn ymd(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line ending in CRLF, folded so no line is longer than 75 octets: continuation lines start
/// with a space (which counts towards their 75), and a UTF-8 character is never split.
fn fold_line(line: &str, out: &mut String) {
    let mut used = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if used + len > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let mut out = String::new();
        fold_line(&format!("SUMMARY:{}", "有効期限".repeat(20)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= LINE_OCTETS, "{line}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "有効期限".repeat(20)));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
