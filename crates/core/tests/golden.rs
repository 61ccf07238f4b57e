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
            for r in &d.causes {
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
