//! `cargo xtask test`: everything CI checks, stage by stage, ending with a one-line summary per stage.

use crate::{cargo, dist, root, tools};
use anyhow::{bail, Context, Result};
use std::process::Command;
use std::time::Instant;

struct Stage {
    name: &'static str,
    ok: bool,
    seconds: f64,
    note: String,
}

fn status(cmd: &mut Command) -> Result<()> {
    crate::exec(cmd)
}

/// Runs every stage; a failed stage does not stop the ones that do not depend on it.
pub fn run(_args: &[String]) -> Result<()> {
    let started = Instant::now();
    let path = tools::build_path()?;
    tools::ensure_browser_packages()?;
    let mut stages: Vec<Stage> = Vec::new();
    let mut stage = |name: &'static str, f: &mut dyn FnMut() -> Result<String>| -> bool {
        eprintln!("\n==> {name}");
        let t = Instant::now();
        let result = f();
        let ok = result.is_ok();
        let note = match result {
            Ok(n) => n,
            Err(e) => {
                eprintln!("stage `{name}` failed: {e:#}");
                format!("{e:#}").lines().next().unwrap_or("").to_owned()
            }
        };
        stages.push(Stage {
            name,
            ok,
            seconds: t.elapsed().as_secs_f64(),
            note,
        });
        ok
    };

    stage("fmt", &mut || {
        status(cargo().args(["fmt", "--all", "--", "--check"])).map(|_| String::new())
    });
    stage("clippy (native)", &mut || {
        status(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
        .map(|_| String::new())
    });
    stage("clippy (wasm32)", &mut || {
        status(
            cargo()
                .args([
                    "clippy",
                    "-p",
                    "giftcard-doctor",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--all-targets",
                ])
                .args(["--", "-D", "warnings"]),
        )
        .map(|_| String::new())
    });
    stage("native tests", &mut || {
        status(cargo().args(["test", "--workspace", "--exclude", "giftcard-doctor"]))
            .map(|_| String::new())
    });
    stage(
        "browser component tests (wasm-bindgen-test, headless Chromium)",
        &mut || {
            status(
                cargo()
                    .args([
                        "test",
                        "-p",
                        "giftcard-doctor",
                        "--target",
                        "wasm32-unknown-unknown",
                    ])
                    .env("PATH", &path)
                    .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                    .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
            )
            .map(|_| String::new())
        },
    );
    let built = stage("release build (dist/)", &mut || {
        let report = dist::build(&path)?;
        Ok(report)
    });
    if built {
        stage(
            "end-to-end browser tests (Playwright + axe-core, Chromium)",
            &mut || {
                e2e(&path)?;
                Ok("screenshots in tests/e2e/screenshots/".into())
            },
        );
    } else {
        stages.push(Stage {
            name: "end-to-end browser tests",
            ok: false,
            seconds: 0.0,
            note: "skipped: the release build failed".into(),
        });
    }

    println!("\nSummary ({:.0} s):", started.elapsed().as_secs_f64());
    for s in &stages {
        let mark = if s.ok { "ok    " } else { "FAILED" };
        let note = if s.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", s.note)
        };
        println!("  {mark} {:<64} {:>6.1} s{note}", s.name, s.seconds);
    }
    let failed = stages.iter().filter(|s| !s.ok).count();
    if failed > 0 {
        bail!("{failed} stage(s) failed");
    }
    Ok(())
}

/// Writes the validated content as JSON for the tests, installs the end-to-end test dependencies from the committed
/// lockfile and runs the tests with Node's runner.
fn e2e(path: &std::ffi::OsStr) -> Result<()> {
    let dir = root().join("tests/e2e");
    // The tests find questions and buttons by the texts the build embedded, read from this file, never from the
    // TOML sources (see tests/e2e/lib/content.mjs).
    let content = root().join("target/e2e-content.json");
    status(
        cargo()
            .args([
                "run",
                "--quiet",
                "-p",
                "giftcard-doctor-core",
                "--example",
                "content_json",
                "--",
            ])
            .arg(&content),
    )
    .context("writing the content as JSON for the end-to-end tests")?;
    status(Command::new("npm").current_dir(&dir).args([
        "ci",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]))
    .context("npm ci in tests/e2e")?;
    status(
        Command::new("node")
            .current_dir(&dir)
            .args(["--test", "--test-concurrency=1"])
            .env("PATH", path)
            .env("GCD_DIST", root().join("dist"))
            .env("GCD_CONTENT", &content),
    )
}
