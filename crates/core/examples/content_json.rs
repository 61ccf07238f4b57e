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
    let json = match serde_json::to_string_pretty(&raw) {
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
