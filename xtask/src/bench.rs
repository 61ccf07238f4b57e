//! `cargo xtask bench`: size and speed, measured. Builds the release, measures transfer sizes (raw, gzip -9,
//! brotli), browser timings side by side with a hand-written static page (benches/), and the core's native timings
//! (criterion); prints a table, writes `bench-results/bench.json`, and reports each budget as met or missed.
//! Budgets are reported, never asserted: timings are noisy, and the test suite must not flake on them.

use crate::{cargo, dist, exec, root, tools};
use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Budgets from the performance issue (the size ones are those `cargo xtask test` asserts).
const STANDALONE_GZIP_BUDGET: u64 = crate::test::STANDALONE_TARGET;
const OFFLINE_BUDGET: u64 = dist::OFFLINE_BUDGET as u64;
/// First question vs the static floor (issue 13): on loopback, and on the emulated 3G link.
const FIRST_QUESTION_RATIO_BUDGET: f64 = 1.2;
const FIRST_QUESTION_3G_RATIO_BUDGET: f64 = 1.5;
const HISTORY_10K_BUDGET_MS: f64 = 50.0;
/// Issue 22's aims on a slow phone (4× CPU, 3G): the first question within 5% of the static floor, and the app live
/// (answers going to the wasm) within 1 s of it.
const SLOW_PHONE_RATIO_AIM: f64 = 1.05;
const SLOW_PHONE_LIVE_AIM_MS: f64 = 1000.0;

/// The length of `gzip -9` of `bytes`, by GNU gzip itself (an essential package on Debian): the budget names that
/// tool, and `benches/browser.mjs` serves the pages compressed by it. Until session 5 this was flate2's default
/// backend (miniz_oxide), which compresses the standalone page 2.5 KB worse than GNU gzip or zlib (165,020 B where
/// `gzip -9` gives 162,503 B and Node's zlib 162,415 B, same file): a figure no server would send.
fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("running gzip (GNU gzip, Debian's essential package `gzip`)")?;
    let mut stdin = child.stdin.take().context("gzip's stdin")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().context("waiting for gzip")?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writing to gzip panicked"))?
        .context("writing to gzip")?;
    anyhow::ensure!(out.status.success(), "gzip -9 failed: {}", out.status);
    Ok(out.stdout.len() as u64)
}

fn brotli_len(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out.len() as u64
}

/// Raw, gzip and brotli sizes of a set of files.
pub fn sizes(files: &[&Path]) -> Result<Value> {
    let (mut raw, mut gz, mut br) = (0u64, 0u64, 0u64);
    let mut each = serde_json::Map::new();
    for f in files {
        let bytes = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        let (r, g, b) = (bytes.len() as u64, gzip_len(&bytes)?, brotli_len(&bytes));
        raw += r;
        gz += g;
        br += b;
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        each.insert(name, json!({ "raw": r, "gzip": g, "brotli": b }));
    }
    Ok(json!({ "raw": raw, "gzip": gz, "brotli": br, "files": each }))
}

fn kb(v: &Value) -> String {
    format!("{:.1} KB", v.as_f64().unwrap_or(0.0) / 1024.0)
}

fn ms(v: &Value) -> String {
    format!("{:.1} ms", v.as_f64().unwrap_or(f64::NAN))
}

/// The criterion estimate (median, in ms) of one benchmark.
fn criterion_median_ms(name: &str) -> Option<f64> {
    let path = root()
        .join("target/criterion")
        .join(name)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    v["median"]["point_estimate"].as_f64().map(|ns| ns / 1e6)
}

/// What each of the three forms transfers: the standalone page (its HTML, with CSS, JS and wasm inline), the embed (embed.js,
/// glue, wasm module) and the offline single file. Shared with the budget step of `cargo xtask test`.
pub fn form_sizes(d: &Path) -> Result<(Value, Value, Value)> {
    // page.css only while the page links it (the pre-render puts it inline).
    let index = std::fs::read_to_string(d.join("index.html")).context("reading dist/index.html")?;
    let mut files = vec![d.join("index.html")];
    if index.contains("href=\"page.css\"") {
        files.push(d.join("page.css"));
    }
    // embed.js and the app only while the page loads them (it carries both inline since issue 13.5).
    if index.contains("src=\"embed.js\"") {
        files.extend(["embed.js", dist::APP_FILE].map(|f| d.join(f)));
    }
    let standalone = sizes(&files.iter().map(|f| f.as_path()).collect::<Vec<_>>())?;
    let embed = sizes(&[&d.join("embed.js"), &d.join(dist::APP_FILE)])?;
    let offline = sizes(&[&d.join("giftcard-doctor-offline.html")])?;
    Ok((standalone, embed, offline))
}

/// Runs the benchmarks. `--runs N` sets the browser runs (default 15).
pub fn run(args: &[String]) -> Result<()> {
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(15);
    let path = tools::build_path()?;
    tools::ensure_browser_packages()?;
    eprintln!("==> Release build");
    dist::build(&path)?;
    let root = root();
    let d = root.join("dist");

    eprintln!("==> Sizes");
    let (standalone, embed, offline) = form_sizes(&d)?;
    let wasm = sizes(&[&root.join("target/trunk-dist/giftcard-doctor_bg.wasm")])?;

    eprintln!("==> Browser timings ({runs} fresh runs each, app and static baseline alternating)");
    let e2e = root.join("tests/e2e");
    if !e2e.join("node_modules/playwright-core").exists() {
        exec(Command::new("npm").current_dir(&e2e).args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]))?;
    }
    let out = Command::new("node")
        .current_dir(&root)
        .arg("benches/browser.mjs")
        .arg(&d)
        .arg(runs.to_string())
        .output()
        .context("running benches/browser.mjs")?;
    if !out.status.success() {
        anyhow::bail!(
            "benches/browser.mjs failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let browser: Value =
        serde_json::from_slice(&out.stdout).context("reading the browser timings")?;

    let paste = history_paste(&root, &d, runs.min(5))?;

    eprintln!("==> Native timings of the core (criterion)");
    exec(cargo().args([
        "bench",
        "-p",
        "giftcard-doctor-core",
        "--bench",
        "core",
        "--",
        "--noplot",
    ]))?;
    let native = json!({
        "diagnoseFullFactsMs": criterion_median_ms("diagnose_full_facts"),
        "nextQuestionMs": criterion_median_ms("next_question_empty"),
        "history100Ms": criterion_median_ms("history_analyze/100"),
        "history1000Ms": criterion_median_ms("history_analyze/1000"),
        "history10000Ms": criterion_median_ms("history_analyze/10000"),
    });

    let machine = format!(
        "{} · {} cores · {}",
        crate::output(Command::new("uname").args(["-srm"]))
            .unwrap_or_default()
            .trim(),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        crate::output(Command::new("chromium").arg("--version"))
            .unwrap_or_default()
            .trim()
    );
    let median_ratio = |key: &str| {
        browser[key]["app"]["median"].as_f64().unwrap_or(f64::NAN)
            / browser[key]["static"]["median"]
                .as_f64()
                .unwrap_or(f64::NAN)
    };
    let ratio = median_ratio("firstQuestionMs");
    let ratio_3g = median_ratio("firstQuestion3gMs");
    let slow = &browser["slowPhone"];
    let ratio_slow = slow["firstQuestionMs"]["app"]["median"]
        .as_f64()
        .unwrap_or(f64::NAN)
        / slow["firstQuestionMs"]["static"]["median"]
            .as_f64()
            .unwrap_or(f64::NAN);
    let live_slow = slow["liveAfterFirstQuestionMs"]["app"]["median"]
        .as_f64()
        .unwrap_or(f64::NAN);
    let budgets = json!([
        { "name": "standalone page, gzip total", "budget": "≤ 180 KiB", "value": kb(&standalone["gzip"]),
          "met": standalone["gzip"].as_u64().unwrap_or(u64::MAX) <= STANDALONE_GZIP_BUDGET },
        { "name": "offline single file", "budget": "≤ 600 KB", "value": kb(&offline["raw"]),
          "met": offline["raw"].as_u64().unwrap_or(u64::MAX) <= OFFLINE_BUDGET },
        { "name": "first question vs static floor (median)", "budget": "≤ 1.2×", "value": format!("{ratio:.2}×"),
          "met": ratio <= FIRST_QUESTION_RATIO_BUDGET },
        { "name": "first question vs static floor, emulated 3G (median)", "budget": "≤ 1.5×",
          "value": format!("{ratio_3g:.2}×"), "met": ratio_3g <= FIRST_QUESTION_3G_RATIO_BUDGET },
        { "name": "first question vs static floor, slow phone (4× CPU, 3G; median)", "budget": "≤ 1.05× (aim)",
          "value": format!("{ratio_slow:.2}×"), "met": ratio_slow <= SLOW_PHONE_RATIO_AIM },
        { "name": "app live after the first question, slow phone (median)", "budget": "≤ 1 s (aim)",
          "value": format!("{live_slow:.0} ms"), "met": live_slow <= SLOW_PHONE_LIVE_AIM_MS },
        { "name": "10,000 history rows, native", "budget": "< 50 ms", "value": ms(&native["history10000Ms"]),
          "met": native["history10000Ms"].as_f64().is_some_and(|v| v < HISTORY_10K_BUDGET_MS) },
    ]);
    let report = json!({
        "machine": machine,
        "command": format!("cargo xtask bench --runs {runs}"),
        "sizes": { "standalone": standalone, "embed": embed, "offline": offline, "wasm": wasm },
        "browser": browser,
        "historyPaste": paste,
        "native": native,
        "budgets": budgets,
    });
    std::fs::create_dir_all(root.join("bench-results"))?;
    std::fs::write(
        root.join("bench-results/bench.json"),
        serde_json::to_string_pretty(&report)?,
    )?;

    let s = &report["sizes"];
    let b = &report["browser"];
    println!("\nMachine: {machine}");
    println!("\n| size | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
    for (name, key) in [
        ("standalone page (HTML, CSS, JS, wasm module)", "standalone"),
        ("embed (embed.js, app script with glue and wasm)", "embed"),
        ("offline single file", "offline"),
        ("wasm alone (for reference)", "wasm"),
    ] {
        println!(
            "| {name} | {} | {} | {} |",
            kb(&s[key]["raw"]),
            kb(&s[key]["gzip"]),
            kb(&s[key]["brotli"])
        );
    }
    println!("\n| browser, {runs} fresh runs | median | p25–p75 | min–max |\n|---|---:|---:|---:|");
    let row = |name: &str, v: &Value, unit: fn(&Value) -> String| {
        println!(
            "| {name} | {} | {}–{} | {}–{} |",
            unit(&v["median"]),
            unit(&v["p25"]),
            unit(&v["p75"]),
            unit(&v["min"]),
            unit(&v["max"])
        );
    };
    row(
        "first question visible, app",
        &b["firstQuestionMs"]["app"],
        ms,
    );
    row(
        "first question visible, static floor",
        &b["firstQuestionMs"]["static"],
        ms,
    );
    row(
        "first question visible, app, emulated 3G",
        &b["firstQuestion3gMs"]["app"],
        ms,
    );
    row(
        "first question visible, static floor, emulated 3G",
        &b["firstQuestion3gMs"]["static"],
        ms,
    );
    row(
        "first question visible, app, slow phone (4× CPU, 3G)",
        &b["slowPhone"]["firstQuestionMs"]["app"],
        ms,
    );
    row(
        "first question visible, static floor, slow phone",
        &b["slowPhone"]["firstQuestionMs"]["static"],
        ms,
    );
    row(
        "app live after the first question, slow phone",
        &b["slowPhone"]["liveAfterFirstQuestionMs"]["app"],
        ms,
    );
    row(
        "one answer, app, slow phone",
        &b["slowPhone"]["answerMs"]["app"],
        ms,
    );
    row(
        "result after the fixed path, app",
        &b["resultMs"]["app"],
        ms,
    );
    row(
        "result after the fixed path, static page",
        &b["resultMs"]["static"],
        ms,
    );
    row(
        "JS heap after the result, app",
        &b["jsHeapBytes"]["app"],
        kb,
    );
    row(
        "JS heap after the result, static floor",
        &b["jsHeapBytes"]["static"],
        kb,
    );
    row(
        "wasm linear memory after the result, app",
        &b["wasmMemoryBytes"]["app"],
        kb,
    );
    row(
        "wasm unpack (LZMA) + compile (streamed)",
        &b["wasm"]["unpackAndCompileMs"],
        ms,
    );
    row(
        "wasm instantiate + first render",
        &b["wasm"]["instantiateAndRenderMs"],
        ms,
    );
    println!("\n| native (criterion median) | time |\n|---|---:|");
    for (name, key) in [
        ("diagnose, full set of facts", "diagnoseFullFactsMs"),
        ("next_question, no facts", "nextQuestionMs"),
        ("history analyzer, 100 rows", "history100Ms"),
        ("history analyzer, 1,000 rows", "history1000Ms"),
        ("history analyzer, 10,000 rows", "history10000Ms"),
    ] {
        println!(
            "| {name} | {} |",
            native[key]
                .as_f64()
                .map(|v| format!("{v:.3} ms"))
                .unwrap_or("—".into())
        );
    }
    println!("\n| budget | limit | measured | |\n|---|---|---:|---|");
    for budget in report["budgets"].as_array().into_iter().flatten() {
        let met = if budget["met"].as_bool() == Some(true) {
            "met"
        } else {
            "MISSED"
        };
        println!(
            "| {} | {} | {} | {met} |",
            budget["name"].as_str().unwrap_or(""),
            budget["budget"].as_str().unwrap_or(""),
            budget["value"].as_str().unwrap_or("")
        );
    }
    print_history_paste(&report["historyPaste"]);
    println!("\nWritten to bench-results/bench.json");
    Ok(())
}

/// Issue 11/12's page figures, measured by `benches/history-paste.mjs` (a separate, self-contained script): a 1 MiB
/// history through the JS API and through the page (report and timeline drawn), and a 40 MiB paste to its refusal.
fn history_paste(root: &Path, dist: &Path, runs: u32) -> Result<Value> {
    eprintln!("==> History paste in the page ({runs} fresh runs)");
    let out = Command::new("node")
        .current_dir(root)
        .arg("benches/history-paste.mjs")
        .arg(dist)
        .arg(runs.to_string())
        .output()
        .context("running benches/history-paste.mjs")?;
    if !out.status.success() {
        anyhow::bail!(
            "benches/history-paste.mjs failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    serde_json::from_slice(&out.stdout).context("reading the history paste timings")
}

fn print_history_paste(p: &Value) {
    println!(
        "\n| history paste, {} fresh runs | median | min–max |\n|---|---:|---:|",
        p["runs"]
    );
    for (name, key) in [
        ("1 MiB via analyzeHistory (JS API)", "apiMs"),
        ("1 MiB, 読み取る → report and timeline painted", "uiMs"),
        ("40 MiB paste → refusal painted", "pasteRefusedMs"),
    ] {
        println!(
            "| {name} | {} | {}–{} |",
            ms(&p[key]["median"]),
            ms(&p[key]["min"]),
            ms(&p[key]["max"])
        );
    }
    println!(
        "| page / API (goal ≤ 3×) | {:.2}× | |",
        p["uiOverApi"].as_f64().unwrap_or(f64::NAN)
    );
}
