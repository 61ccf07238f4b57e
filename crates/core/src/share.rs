//! What may leave the widget's memory: the answers encoded for a shareable link's fragment, and the plain-text
//! summary for a support chat. Neither ever holds more of a claim code than its last four characters, nor any
//! pasted history text.

use crate::content::{content, Fact, Lang, UiKey};
use crate::display::format_date;
use crate::engine::Diagnosis;
use crate::facts::{parse_date, CardKind, Facts, Loss, Marketplace, Precision, Tri};
use crate::money::format_amount;

/// Encodes the answers as `key=value` pairs joined by `&` (for `#gcd?…`). Cards carry their issue date and kind
/// only; history findings are left out.
pub fn to_fragment(facts: &Facts) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(m) = facts.marketplace {
        pairs.push((Fact::Marketplace.name().into(), m.id().into()));
    }
    if let Some(l) = facts.loss {
        pairs.push((Fact::Loss.name().into(), l.id().into()));
    }
    if let Some(card) = facts.cards.first() {
        if let Some(issued) = card.issued {
            pairs.push((Fact::CardIssued.name().into(), issued.to_string()));
            if card.issued_precision != Precision::Exact {
                pairs.push((PRECISION_KEY.into(), card.issued_precision.id().into()));
            }
        }
        if card.kind != CardKind::Unknown {
            pairs.push((Fact::CardKind.name().into(), card.kind.id().into()));
        }
    }
    if let Some(seen) = facts.last_seen_intact {
        pairs.push((Fact::LastSeenIntact.name().into(), seen.to_string()));
    }
    for (fact, value) in &facts.answers {
        pairs.push((fact.name().into(), value.id().into()));
    }
    if !facts.skipped.is_empty() {
        pairs.push(("skipped".into(), facts.skipped.join(",")));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The fragment key of the first card's date precision (not a fact of its own: it qualifies `cardIssued`).
const PRECISION_KEY: &str = "issuedPrecision";

/// Decodes [`to_fragment`]'s output; anything unknown or malformed is skipped, never an error.
pub fn from_fragment(fragment: &str) -> Facts {
    let mut facts = Facts::default();
    for pair in fragment.trim_start_matches('#').split('&').take(64) {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        if key == "skipped" {
            facts.skipped = value
                .split(',')
                .filter(|s| content().question(s).is_some())
                .map(str::to_owned)
                .collect();
            continue;
        }
        if key == PRECISION_KEY {
            if let Some(p) = Precision::from_id(value) {
                first_card(&mut facts).issued_precision = p;
            }
            continue;
        }
        let Some(fact) = Fact::from_name(key) else {
            continue;
        };
        match fact {
            Fact::Marketplace => facts.marketplace = Marketplace::from_id(value),
            Fact::Loss => facts.loss = Loss::from_id(value),
            Fact::CardIssued => {
                if let Ok(date) = parse_date(key, value) {
                    first_card(&mut facts).issued = Some(date);
                }
            }
            Fact::CardKind => {
                if let Some(kind) = CardKind::from_id(value) {
                    first_card(&mut facts).kind = kind;
                }
            }
            Fact::LastSeenIntact => facts.last_seen_intact = parse_date(key, value).ok(),
            fact if fact.is_tri() => {
                let tri = [Tri::Yes, Tri::No, Tri::Unsure]
                    .into_iter()
                    .find(|t| t.id() == value);
                facts.set_tri(fact, tri);
            }
            // Derived facts are worked out again from the answers, never read from a link.
            _ => {}
        }
    }
    facts
}

fn first_card(facts: &mut Facts) -> &mut crate::facts::Card {
    if facts.cards.is_empty() {
        facts.cards.push(crate::facts::Card::default());
    }
    &mut facts.cards[0]
}

/// A short plain-text summary for a support chat: the likely causes, the cards (dates, amounts, last four
/// characters only) and the answers given.
pub fn summary(facts: &Facts, diagnosis: &Diagnosis, lang: Lang) -> String {
    let c = content();
    let lang = lang.for_market(facts.marketplace);
    // Japanese separates with ： 、 and （）, English with : , and ().
    let (colon, comma, open, close) = if lang.is_english() {
        (": ", ", ", " (", ")")
    } else {
        ("：", "、", "（", "）")
    };
    let mut out = String::new();
    out.push_str(c.ui(UiKey::SummaryTitle, lang));
    out.push('\n');
    if let Some(m) = facts.marketplace {
        let label = c
            .question("marketplace")
            .and_then(|q| q.choices.iter().find(|ch| ch.value == m.id()))
            .map(|ch| ch.label.get(lang).to_owned())
            .unwrap_or_else(|| m.id().to_owned());
        out.push_str(&format!("- {label}\n"));
    }
    for (i, cause) in diagnosis.causes.iter().take(3).enumerate() {
        let band = cause.band.label(lang);
        out.push_str(&format!("{}. {}{open}{band}{close}\n", i + 1, cause.title));
    }
    let market = facts.marketplace.unwrap_or(Marketplace::Jp);
    for (i, card) in facts.cards.iter().enumerate() {
        let mut parts = vec![match &card.last4 {
            Some(l) => format!("xxxx-xxxxxx-{l}"),
            None => c.ui_with(UiKey::CardLabel, lang, &[("n", &(i + 1).to_string())]),
        }];
        if let Some(issued) = card.issued {
            parts.push(format!(
                "{}{colon}{}",
                c.ui(UiKey::CardIssued, lang),
                format_date(issued, lang)
            ));
        }
        if let Some(amount) = card.amount {
            parts.push(format_amount(amount, card.marketplace.unwrap_or(market)));
        }
        out.push_str(&format!("- {}\n", parts.join(comma)));
    }
    if let Some(h) = &facts.history {
        if h.vanished > 0 {
            let range = match (h.vanished_from, h.vanished_to) {
                (Some(from), Some(to)) => {
                    format!(
                        "{open}{}{close}",
                        crate::display::date_range(from, to, lang)
                    )
                }
                _ => String::new(),
            };
            out.push_str(&format!(
                "- {}{colon}{}{range}\n",
                c.ui(UiKey::SummaryVanished, lang),
                format_amount(h.vanished, market)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_round_trip_keeps_answers_and_drops_codes() {
        let mut facts = Facts {
            marketplace: Some(Marketplace::Jp),
            loss: Some(Loss::All),
            ..Facts::default()
        };
        facts.set_tri(Fact::MultipleAccounts, Some(Tri::No));
        facts.cards.push(crate::facts::Card {
            issued: Some(parse_date("x", "2016-05-01").unwrap()),
            issued_precision: Precision::Approximate,
            kind: CardKind::Sheet,
            amount: Some(5000),
            last4: Some("W9CT".into()),
            marketplace: None,
        });
        facts.skipped.push("outage_reports".into());
        let fragment = to_fragment(&facts);
        assert!(!fragment.contains("W9CT"), "{fragment}");
        let back = from_fragment(&fragment);
        assert_eq!(back.marketplace, facts.marketplace);
        assert_eq!(back.loss, facts.loss);
        assert_eq!(back.answers, facts.answers);
        assert_eq!(back.cards[0].issued, facts.cards[0].issued);
        assert_eq!(back.cards[0].kind, CardKind::Sheet);
        assert_eq!(back.cards[0].issued_precision, Precision::Approximate);
        assert_eq!(back.skipped, facts.skipped);
    }

    #[test]
    fn every_yes_no_fact_survives_a_link() {
        for (i, fact) in Fact::ALL.iter().filter(|f| f.is_tri()).enumerate() {
            let mut facts = Facts::default();
            let tri = [Tri::Yes, Tri::No, Tri::Unsure][i % 3];
            facts.set_tri(*fact, Some(tri));
            let back = from_fragment(&to_fragment(&facts));
            assert_eq!(back.tri(*fact), Some(tri), "{}", fact.name());
        }
    }

    #[test]
    fn the_summary_names_vanished_balance_in_both_languages() {
        let facts = Facts {
            marketplace: Some(Marketplace::Jp),
            history: Some(crate::facts::Findings {
                vanished: 12_607,
                ..Default::default()
            }),
            ..Facts::default()
        };
        let diagnosis = crate::engine::diagnose(&facts, Lang::Ja).unwrap();
        for (lang, colon) in [(Lang::Ja, "："), (Lang::En, ": ")] {
            let text = summary(&facts, &diagnosis, lang);
            let line = format!(
                "- {}{colon}￥12,607",
                content().ui(UiKey::SummaryVanished, lang)
            );
            assert!(text.contains(&line), "{text}");
        }
    }

    #[test]
    fn garbage_fragments_are_ignored() {
        for junk in [
            "",
            "#",
            "&&&",
            "marketplace=zz&loss=",
            "cardIssued=2020-02-30",
            "=\u{202e}x&🙂=1",
        ] {
            let facts = from_fragment(junk);
            assert_eq!(facts.marketplace, None, "{junk}");
            assert!(facts.cards.is_empty(), "{junk}");
        }
    }
}
