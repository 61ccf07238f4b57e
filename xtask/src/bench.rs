//! `cargo xtask bench`: size and speed, measured (filled in by the performance work).

use anyhow::{bail, Result};

/// Runs the benchmarks.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("bench is not implemented yet")
}
