//! Links (issue 19.7): every `links[].href` a diagnosis returns, on causes and in the support block, is `https://` on
//! the person's marketplace's own Amazon host, held to this file's allow-list (written out here, not taken from the
//! code it checks); a marketplace without a sourced address, `other` and an unknown marketplace get none; and every
//! label shows the host.

use giftcard_doctor_core::{diagnose, Lang, RawFacts};
use serde_json::json;

/// The allow-list: each marketplace's own Amazon host.
const HOSTS: &[(&str, &str)] = &[
    ("jp", "www.amazon.co.jp"),
    ("us", "www.amazon.com"),
    ("uk", "www.amazon.co.uk"),
    ("de", "www.amazon.de"),
    ("fr", "www.amazon.fr"),
    ("it", "www.amazon.it"),
    ("in", "www.amazon.in"),
    ("mx", "www.amazon.com.mx"),
];

#[test]
fn every_link_is_https_on_the_marketplace_host_and_shows_it() {
    let mut problems = Vec::new();
    let mut seen = 0;
    for market in ["jp", "us", "uk", "de", "fr", "it", "in", "mx", "other", ""] {
        for lang in [Lang::Ja, Lang::En] {
            let mut facts = json!({ "today": "2026-12-07", "loss": "all", "codeShared": "yes" });
            if !market.is_empty() {
                facts["marketplace"] = json!(market);
            }
            let raw: RawFacts = serde_json::from_value(facts).unwrap();
            let d = diagnose(&raw.lower().unwrap(), lang).unwrap();
            let all = d
                .causes
                .iter()
                .flat_map(|c| &c.links)
                .chain(&d.support.links);
            let host = HOSTS.iter().find(|(m, _)| *m == market).map(|(_, h)| *h);
            for link in all {
                seen += 1;
                let Some(host) = host else {
                    problems.push(format!(
                        "{market:?}: a link where none may be: {}",
                        link.href
                    ));
                    continue;
                };
                let prefix = format!("https://{host}/");
                if !link.href.starts_with(&prefix) {
                    problems.push(format!(
                        "{market} ({lang:?}): {} is not on {prefix}",
                        link.href
                    ));
                }
                if !link.label.contains(host) {
                    problems.push(format!(
                        "{market} ({lang:?}): the label `{}` hides the host",
                        link.label
                    ));
                }
            }
        }
    }
    assert!(seen > 10, "only {seen} links checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Where a source names the page, the person gets a link to it: Japan's balance page from the balance checks, the
/// UK's scam-report page in the support block, and no link where no address is known (France).
#[test]
fn sourced_pages_are_linked_and_unsourced_ones_are_not() {
    let diagnosis = |market: &str| {
        let raw: RawFacts =
            serde_json::from_value(json!({ "today": "2026-12-07", "marketplace": market }))
                .unwrap();
        diagnose(&raw.lower().unwrap(), Lang::En).unwrap()
    };
    let jp = diagnosis("jp");
    let expired = jp.causes.iter().find(|c| c.id == "expired").unwrap();
    assert_eq!(
        expired
            .links
            .iter()
            .map(|l| l.href.as_str())
            .collect::<Vec<_>>(),
        ["https://www.amazon.co.jp/gp/css/gc/balance"]
    );
    let uk = diagnosis("uk");
    assert!(uk
        .support
        .links
        .iter()
        .any(|l| l.href == "https://www.amazon.co.uk/reportascam"));
    let fr = diagnosis("fr");
    assert!(fr.causes.iter().all(|c| c.links.is_empty()) && fr.support.links.is_empty());
}
