//! Writes the content the build checked and embedded (`static/content/*.toml`, validated by `build.rs`) as JSON, so
//! the end-to-end tests find questions, choices and buttons by the very texts the widget shows, without a TOML
//! reader of their own. `cargo xtask test` runs it before the browser tests:
//! `cargo run -p giftcard-doctor-core --example content_json -- target/e2e-content.json`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: content_json <out.json>");
        return ExitCode::FAILURE;
    };
    // The baked content, not the TOML files: what the library (and so the wasm) really carries, in the files' shape.
    let raw = giftcard_doctor_core::content::content().to_raw();
    // And the texts around the widget (`page.toml`: validated by the build, read by `cargo xtask dist`, not baked).
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/content/page.toml");
    let page: giftcard_doctor_core::content::raw::RawPageFile = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| toml::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(page) => page,
        Err(e) => {
            eprintln!("content_json: page.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut value = match serde_json::to_value(&raw) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("content_json: cannot write the content as JSON: {e}");
            return ExitCode::FAILURE;
        }
    };
    value["page"] = serde_json::to_value(&page).unwrap_or_default();
    let json = match serde_json::to_string_pretty(&value) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("content_json: cannot write the content as JSON: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("content_json: cannot write {}: {e}", out.to_string_lossy());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
