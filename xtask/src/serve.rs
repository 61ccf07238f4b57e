//! `cargo xtask serve`: Trunk's dev server on 127.0.0.1, offline, with the pinned tools.

use crate::{exec, root, tools};
use anyhow::Result;
use std::process::Command;

/// Serves the widget until interrupted. `--port N` picks another port (default 8080).
pub fn run(args: &[String]) -> Result<()> {
    let port = args
        .iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "8080".into());
    let path = tools::build_path()?;
    println!(
        "==> Building and serving giftcard-doctor at http://127.0.0.1:{port}/  (Ctrl-C stops it)"
    );
    exec(
        Command::new("trunk")
            .current_dir(root())
            .args([
                "serve",
                "--offline",
                "--address",
                "127.0.0.1",
                "--port",
                &port,
            ])
            .env("TRUNK_OFFLINE", "true")
            .env("PATH", path),
    )
}
