//! Turns the content files under `static/content/` into a compact binary (postcard) that the library embeds, so the
//! browser never pays for a TOML parser. Invalid content fails the build with every problem, by file and field path.

use std::path::PathBuf;

// The same files the library uses, so the build checks exactly what the library decodes. At the top level here,
// their `super::` paths resolve to these siblings.
#[path = "src/content/raw.rs"]
mod raw;
#[path = "src/content/validate.rs"]
mod validate;
#[path = "src/content/vocab.rs"]
#[allow(dead_code)]
mod vocab;

use raw::{RawContent, FILES};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../../static/content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut errors = Vec::new();
    let mut read = |name: &str| -> String {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            errors.push(format!("{name}: cannot read {}: {e}", path.display()));
            String::new()
        })
    };
    let texts: Vec<String> = FILES.iter().map(|f| read(f)).collect();
    fn parse<T: serde::de::DeserializeOwned>(
        name: &str,
        text: &str,
        errors: &mut Vec<String>,
    ) -> Option<T> {
        toml::from_str(text)
            .map_err(|e| errors.push(format!("{name}: {e}")))
            .ok()
    }
    let causes = parse(FILES[0], &texts[0], &mut errors);
    let rules = parse(FILES[1], &texts[1], &mut errors);
    let questions = parse(FILES[2], &texts[2], &mut errors);
    let ui = parse(FILES[3], &texts[3], &mut errors);
    let support = parse(FILES[4], &texts[4], &mut errors);
    if let (Some(causes), Some(rules), Some(questions), Some(ui), Some(support)) =
        (causes, rules, questions, ui, support)
    {
        let raw = RawContent {
            causes,
            rules,
            questions,
            ui,
            support,
        };
        errors.extend(validate::validate(&raw).iter().map(ToString::to_string));
        if errors.is_empty() {
            let bytes = postcard::to_allocvec(&raw).expect("content serializes");
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("content.bin");
            std::fs::write(out, bytes).expect("OUT_DIR is writable");
        }
    }
    if !errors.is_empty() {
        eprintln!("static/content has {} problem(s):", errors.len());
        for e in &errors {
            eprintln!("  {e}");
        }
        panic!("invalid content in static/content (see the list above)");
    }
}
