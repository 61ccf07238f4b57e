//! `cargo xtask fuzz`: the core's fuzz targets (`crates/core/tests/fuzz.rs`: history parser, claim-code normaliser,
//! date readers, fact lowering) on a million generated inputs each, built optimised. Not part of `cargo xtask test`:
//! it takes minutes, where the normal test run gives each target a few hundred inputs.

use crate::{cargo, exec};
use anyhow::{bail, Result};
use std::time::Instant;

/// Inputs per target unless `--cases N` says otherwise.
const DEFAULT_CASES: u64 = 1_000_000;

pub fn run(args: &[String]) -> Result<()> {
    let mut cases = DEFAULT_CASES;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--cases" => {
                let n = it.next().map(|s| s.replace('_', ""));
                cases = match n.as_deref().map(str::parse) {
                    Some(Ok(n)) if n > 0 => n,
                    _ => bail!("--cases needs a positive number"),
                };
            }
            other => bail!("unknown option `{other}` (cargo xtask fuzz [--cases N])"),
        }
    }
    eprintln!("fuzz: {cases} inputs per target, optimised build in target/fuzz");
    let started = Instant::now();
    // The release profile is tuned for the wasm's size (opt-level z, fat LTO, one codegen unit); for a fuzz run
    // speed matters, so it is overridden here, in a target directory of its own, leaving the release build alone.
    exec(
        cargo()
            .args([
                "test",
                "--release",
                "-p",
                "giftcard-doctor-core",
                "--test",
                "fuzz",
                "--target-dir",
                "target/fuzz",
                "--",
                "--nocapture",
                "--test-threads=2",
            ])
            .env("GCD_FUZZ_CASES", cases.to_string())
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS", "true")
            .env("CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS", "true"),
    )?;
    println!(
        "fuzz: 4 targets × {cases} inputs, no panic, {:.0} s in all (build included)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
