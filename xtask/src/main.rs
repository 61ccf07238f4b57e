//! `cargo xtask <task>`: every chore of giftcard-doctor — serve, test, dist, bench — in Rust, so a newcomer needs
//! nothing but a Rust install. Tools are installed on first use into a per-user cache and reused afterwards.

mod bench;
#[cfg(test)]
mod circles;
mod dist;
mod fuzz;
mod imports;
mod install;
mod minify;
mod prerender;
mod runtime_js;
mod serve;
mod test;
mod tools;

use anyhow::{bail, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const HELP: &str = "\
Usage: cargo xtask <task>

Tasks:
  serve   build and serve the widget on http://127.0.0.1:8080 (installs the build tools the first time)
  test    everything CI checks: fmt, clippy (native + wasm32), native tests, browser component tests,
          the release build, and the end-to-end browser tests
  dist    write the release build to dist/ (standalone page, embed script, offline single file);
          `--no-install`: the standalone page not installable (no manifest, a sw.js that retires an earlier one)
  bench   measure size and speed; prints a table and writes bench-results/bench.json
  fuzz    the core's parsers and fact lowering on a million generated inputs each, without a panic
          (optimised; minutes; not part of `test`); `--cases N` for another count
  sizes   check the sizes of an existing dist/ against their budgets (a stage of `test`)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("dist") => dist::run(&args[1..]).map(|_| ()),
        Some("bench") => bench::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("sizes") => test::size_budgets().map(|note| println!("{note}")),
        // For the LZMA decoder's Node test (tests/e2e/lzma.test.mjs), not listed in the help.
        Some("lzma") => dist::lzma_files(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// `cargo`, as the one that runs this task.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Runs a command to completion, failing with its command line when it fails.
pub fn exec(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .map_err(|e| anyhow::anyhow!("cannot start {cmd:?}: {e}"))?;
    if !status.success() {
        bail!("{cmd:?} failed ({status})");
    }
    Ok(())
}

/// Runs a command and returns its standard output, or `None` when it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
