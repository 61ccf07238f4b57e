//! Walks the golden cases in `tests/golden/*.toml`: facts in, expected top cause, band and ruled-out ids out.
//! Every failing case is reported with its file and name, not just the first.

use giftcard_doctor_core::{diagnose, Lang, RawFacts};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    facts: RawFacts,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    top: Option<String>,
    band: Option<String>,
    ruled_out: Option<Vec<String>>,
    /// The field a malformed case must be rejected for.
    error: Option<String>,
    /// Causes that must be listed (not ruled out), as `id` or `id:band`.
    includes: Option<Vec<String>>,
    /// Causes that must appear nowhere, neither listed nor ruled out (they do not exist on the marketplace).
    absent: Option<Vec<String>>,
    /// Pairs `[a, b]`: cause `a` must rank above cause `b`.
    above: Option<Vec<[String; 2]>>,
    /// Text the support steps must contain (in both languages) …
    support_mentions: Option<String>,
    /// … and must not.
    support_lacks: Option<String>,
    /// Text the support warning must contain (in both languages; a phone number or an address reads the same).
    warning_mentions: Option<String>,
    /// Text the top cause's actions must contain, in both languages (a number or an address).
    top_actions_mention: Option<String>,
    /// Whether the top cause's money can come back (`yes`, `maybe`, `no`).
    top_recoverable: Option<String>,
    /// Text one of the top cause's reasons must contain, per language.
    top_reasons_mention: Option<Both>,
    /// An address one of the top cause's or the support block's links must start with.
    links_include: Option<String>,
    /// No link anywhere (a marketplace without sourced addresses).
    no_links: Option<bool>,
}

/// A text expected in each language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Both {
    ja: String,
    en: String,
}

fn check(case: &Case, lang: Lang) -> Result<(), String> {
    let result = case.facts.lower().and_then(|facts| diagnose(&facts, lang));
    match (&case.expect.error, result) {
        (Some(field), Err(e)) if &e.field == field => Ok(()),
        (Some(field), Err(e)) => Err(format!(
            "expected an error on `{field}`, got one on `{}`: {e}",
            e.field
        )),
        (Some(field), Ok(_)) => Err(format!("expected an error on `{field}`, got a diagnosis")),
        (None, Err(e)) => Err(format!("unexpected error: {e}")),
        (None, Ok(d)) => {
            let top = d.causes.first().ok_or("no causes at all")?;
            let mut problems = Vec::new();
            if let Some(want) = &case.expect.top {
                if &top.id != want {
                    let order: Vec<&str> = d.causes.iter().map(|c| c.id.as_str()).collect();
                    problems.push(format!(
                        "top is `{}`, expected `{want}` (order: {order:?})",
                        top.id
                    ));
                }
            }
            if let Some(want) = &case.expect.band {
                if top.band.id() != want {
                    problems.push(format!("band is `{}`, expected `{want}`", top.band.id()));
                }
            }
            if let Some(want) = &case.expect.ruled_out {
                let mut got: Vec<&str> = d.ruled_out.iter().map(|r| r.id.as_str()).collect();
                got.sort_unstable();
                let mut want: Vec<&str> = want.iter().map(String::as_str).collect();
                want.sort_unstable();
                if got != want {
                    problems.push(format!("ruled out {got:?}, expected {want:?}"));
                }
            }
            let rank = |id: &str| d.causes.iter().position(|c| c.id == id);
            for want in case.expect.includes.iter().flatten() {
                let (id, band) = want.split_once(':').unwrap_or((want, ""));
                match d.causes.iter().find(|c| c.id == id) {
                    None => problems.push(format!("`{id}` is not listed")),
                    Some(c) if !band.is_empty() && c.band.id() != band => {
                        problems.push(format!("`{id}` is `{}`, expected `{band}`", c.band.id()))
                    }
                    _ => {}
                }
            }
            for id in case.expect.absent.iter().flatten() {
                if rank(id).is_some() || d.ruled_out.iter().any(|r| &r.id == id) {
                    problems.push(format!("`{id}` should not appear at all"));
                }
            }
            for [a, b] in case.expect.above.iter().flatten() {
                match (rank(a), rank(b)) {
                    (Some(x), Some(y)) if x < y => {}
                    (Some(_), None) => {}
                    other => problems.push(format!("`{a}` is not above `{b}`: {other:?}")),
                }
            }
            let steps = d.support.steps.join("\n");
            if let Some(want) = &case.expect.support_mentions {
                if !steps.contains(want.as_str()) {
                    problems.push(format!("support steps lack `{want}`: {steps}"));
                }
            }
            if let Some(bad) = &case.expect.support_lacks {
                if steps.contains(bad.as_str()) {
                    problems.push(format!("support steps contain `{bad}`: {steps}"));
                }
            }
            if let Some(want) = &case.expect.warning_mentions {
                if !d.support.warning.contains(want.as_str()) {
                    problems.push(format!("the warning lacks `{want}`: {}", d.support.warning));
                }
            }
            if let Some(want) = &case.expect.top_actions_mention {
                let actions = top.actions.join("\n");
                if !actions.contains(want.as_str()) {
                    problems.push(format!("the top cause's actions lack `{want}`: {actions}"));
                }
            }
            if let Some(both) = &case.expect.top_reasons_mention {
                let want = if lang == Lang::Ja { &both.ja } else { &both.en };
                if !top.reasons.iter().any(|r| r.contains(want.as_str())) {
                    problems.push(format!(
                        "no reason of the top cause mentions `{want}`: {:?}",
                        top.reasons
                    ));
                }
            }
            let hrefs: Vec<&str> = top
                .links
                .iter()
                .chain(&d.support.links)
                .map(|l| l.href.as_str())
                .collect();
            if let Some(want) = &case.expect.links_include {
                if !hrefs.iter().any(|h| h.starts_with(want.as_str())) {
                    problems.push(format!("no link starts with `{want}`: {hrefs:?}"));
                }
            }
            let every: Vec<&str> = d
                .causes
                .iter()
                .flat_map(|c| &c.links)
                .chain(&d.support.links)
                .map(|l| l.href.as_str())
                .collect();
            if case.expect.no_links == Some(true) && !every.is_empty() {
                problems.push(format!("expected no links, got {every:?}"));
            }
            if let Some(want) = &case.expect.top_recoverable {
                if top.recoverable.id() != want {
                    problems.push(format!(
                        "the top cause is recoverable `{}`, expected `{want}`",
                        top.recoverable.id()
                    ));
                }
            }
            if d.support.prepare.is_empty() || d.support.warning.is_empty() {
                problems.push("support has nothing to prepare or no warning".into());
            }
            if d.support.warning.contains('{') {
                problems.push(format!(
                    "the warning has an unfilled placeholder: {}",
                    d.support.warning
                ));
            }
            for r in &d.causes {
                let texts = r
                    .checks
                    .iter()
                    .chain(&r.actions)
                    .chain([&r.recovery, &r.explanation]);
                if let Some(t) = texts.into_iter().find(|t| t.contains('{')) {
                    problems.push(format!("`{}` has an unfilled placeholder: {t}", r.id));
                }
                if r.reasons.iter().any(|s| s.contains('{')) {
                    problems.push(format!(
                        "`{}` has an unfilled placeholder: {:?}",
                        r.id, r.reasons
                    ));
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
    }
}

#[test]
fn golden_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).expect("readable case file");
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for case in &file.case {
            count += 1;
            for lang in [Lang::Ja, Lang::En] {
                if let Err(e) = check(case, lang) {
                    failures.push(format!("{name}: \"{}\" ({lang:?}): {e}", case.name));
                }
            }
        }
    }
    assert!(count >= 25, "only {count} golden cases");
    assert!(
        failures.is_empty(),
        "{} golden case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
