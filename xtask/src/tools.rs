//! Finds or installs the pinned build tools (Trunk, wasm-bindgen-cli, binaryen's wasm-opt), the wasm32 target and
//! the system packages the browser tests need.
//!
//! Tools live in the user's cargo bin when the right version is already there, otherwise in a per-user cache
//! (`$XDG_CACHE_HOME/giftcard-doctor/tools`, by default `~/.cache/…`) — never inside the clone, so a second clone
//! and CI reuse them.

use crate::{exec, output, root};
use anyhow::{bail, Context, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Trunk 0.22 needs a newer rustc than this machine's 1.95; 0.21.14 is the last that builds.
pub const TRUNK_VERSION: &str = "0.21.14";
/// What `cargo install` of Trunk (no default features, [`QUICK_TOOL_PROFILE`]) took on an idle 2-core machine with an
/// empty cargo home, for the install message: 233 s (session 7).
const TRUNK_MINUTES: u32 = 4;

/// How the build tools are compiled by `cargo install`: cargo's `lto = false` (no fat or thin LTO across crates, only
/// the thin local LTO within a crate), 16 codegen units, opt-level 1, no debug info. Trunk's own `[profile.release]`
/// asks for fat LTO in one codegen unit at opt-level 3, 13 minutes or more on 2 cores; with these settings together
/// (each one's share was not measured), with an empty cargo home on an idle 2-core machine, it took 233 s and
/// wasm-bindgen-cli 110 s. Both tools only drive cargo, wasm-bindgen and wasm-opt and copy a few files: the files
/// `cargo xtask dist` builds came out byte for byte the same with these tools as with the fully optimised ones
/// (session 7, the same commit built with each, `cmp` of the seven built files).
const QUICK_TOOL_PROFILE: &[(&str, &str)] = &[
    ("CARGO_PROFILE_RELEASE_LTO", "false"),
    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
    ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1"),
    ("CARGO_PROFILE_RELEASE_DEBUG", "false"),
    ("CARGO_PROFILE_RELEASE_INCREMENTAL", "false"),
];

/// `cargo install` with [`QUICK_TOOL_PROFILE`], into `dir` (its `bin/`).
fn cargo_install(dir: &Path, args: &[&str]) -> Result<()> {
    exec(
        crate::cargo()
            .arg("install")
            .args(args)
            .arg("--root")
            .arg(dir)
            .envs(QUICK_TOOL_PROFILE.iter().copied()),
    )
}
/// npm's binaryen; Debian's (108) cannot read this rustc's wasm.
pub const BINARYEN_VERSION: &str = "132.0.0";

/// The per-user tool cache.
pub fn cache_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("giftcard-doctor").join("tools")
}

fn cargo_bin() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|h| h.join("bin"))
}

/// The `wasm-bindgen` version Cargo.lock pins; the CLI must be the same.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry")
}

/// Does `bin --version` print `expected` (somewhere in its first line)?
fn has_version(bin: &Path, expected: &str) -> bool {
    output(Command::new(bin).arg("--version"))
        .is_some_and(|out| out.lines().next().unwrap_or("").contains(expected))
}

/// Runs a first-time set-up step and says how long it took: README's set-up times are these lines.
fn timed<T>(what: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
    let t0 = Instant::now();
    let out = step()?;
    eprintln!("==> {what} in {} s", t0.elapsed().as_secs());
    Ok(out)
}

/// Finds `name` reporting `version` in the cargo bin or the cache folder `package`; installs it there with
/// `install` otherwise. Returns the directory holding the binary.
fn ensure(
    name: &str,
    version: &str,
    package: &str,
    minutes: u32,
    install: impl FnOnce(&Path) -> Result<()>,
) -> Result<PathBuf> {
    if let Some(bin) = cargo_bin().filter(|b| has_version(&b.join(name), version)) {
        return Ok(bin);
    }
    let dir = cache_dir().join(package);
    let bin_dir = if name == "wasm-opt" || name == "terser" {
        dir.join("node_modules/.bin")
    } else {
        dir.join("bin")
    };
    if has_version(&bin_dir.join(name), version) {
        return Ok(bin_dir);
    }
    eprintln!(
        "==> Installing {name} {version} into {} (first time only; this takes about {minutes} minute(s) on 2 cores)…",
        dir.display()
    );
    std::fs::create_dir_all(&dir)?;
    timed(&format!("{name} {version} installed"), || install(&dir))?;
    if !has_version(&bin_dir.join(name), version) {
        bail!(
            "installed {name} {version} into {}, but `{name} --version` does not report it",
            dir.display()
        );
    }
    Ok(bin_dir)
}

/// How the release wasm is compiled, beyond `[profile.release]`: the standard library rebuilt for size
/// (`build-std` with `optimize_for_size`), panics compiled to a bare trap (`immediate-abort`: no panic formatting,
/// no unwinding tables, no location strings) and `Debug` formatting compiled out (`fmt-debug=none`; the app never
/// shows a `{:?}`). These are unstable flags of the stable compiler they were checked on (see [`release_env`]),
/// unlocked with `RUSTC_BOOTSTRAP=1`: this machine's rustup cannot fetch a nightly, but it does install `rust-src`
/// for its stable toolchain, which is all `build-std` needs. Saves 34.5 KB of the gzipped wasm (251.4 → 216.9 KB, measured in docs/size.md). A trap
/// skips the panic hook, so `src/failure.rs` also listens for the wasm's `RuntimeError` on `window`.
pub const RELEASE_ENV: &[(&str, &str)] = &[
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none",
    ),
];

/// The rustc these flags were checked on. Unstable flags may change with any release, and nothing pins the
/// compiler for a fresh machine but rustup's `stable` (a `rust-toolchain.toml` naming a version would make rustup
/// fetch a toolchain this machine cannot). On another version the release is built without them, and says so.
const RELEASE_ENV_RUSTC: &str = "rustc 1.95.";

/// [`RELEASE_ENV`] when the compiler is the one it was checked on; otherwise nothing, with a warning (the wasm is then
/// larger, and `cargo xtask test`'s size budgets say by how much).
pub fn release_env() -> Vec<(&'static str, &'static str)> {
    let version = output(Command::new("rustc").arg("-V")).unwrap_or_default();
    if version.starts_with(RELEASE_ENV_RUSTC) {
        RELEASE_ENV.to_vec()
    } else {
        eprintln!(
            "warning: the release's size flags (build-std, immediate-abort) were checked on {RELEASE_ENV_RUSTC}x, \
             not on `{}`: building without them",
            version.trim()
        );
        Vec::new()
    }
}

/// Adds the wasm32 target and the standard library's sources (for `build-std`, see [`RELEASE_ENV`]) when missing.
pub fn ensure_wasm_target() -> Result<()> {
    let components = output(Command::new("rustup").args(["component", "list", "--installed"]))
        .unwrap_or_default();
    if !components.lines().any(|l| l.trim() == "rust-src") {
        eprintln!("==> Adding the rust-src component (rustup), for the release build's build-std…");
        timed("rust-src added", || {
            exec(Command::new("rustup").args(["component", "add", "rust-src"]))
        })?;
    }
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        eprintln!("==> Adding the wasm32-unknown-unknown target (rustup)…");
        timed("wasm32-unknown-unknown added", || {
            exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
        })?;
    }
    Ok(())
}

/// Downloads every crate the offline builds need into cargo's registry: the workspace's (Cargo.lock) and, when the
/// release rebuilds the standard library ([`RELEASE_ENV`]), std's own dependencies at the versions of the installed
/// `rust-src`'s lockfile. Trunk always runs cargo `--offline`, so without this a machine that never fetched std's
/// crates fails deep in the release build (`no matching package named moto-rt`). Both are no-ops once cached.
pub fn fetch_sources() -> Result<()> {
    let t0 = Instant::now();
    exec(crate::cargo().args(["fetch", "--locked", "--quiet"]))?;
    if !release_env().is_empty() {
        let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
            .context("`rustc --print sysroot` failed")?;
        let library = Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
        exec(
            crate::cargo()
                .args(["fetch", "--locked", "--quiet", "--manifest-path"])
                .arg(&library)
                // std's manifest uses a cargo feature that stable cargo only reads with this set.
                .env("RUSTC_BOOTSTRAP", "1"),
        )
        .context("fetching the standard library's dependencies for build-std")?;
    }
    // Said only when something was downloaded: a cached fetch takes well under a second.
    if t0.elapsed().as_secs() >= 2 {
        eprintln!("==> crates fetched in {} s", t0.elapsed().as_secs());
    }
    Ok(())
}

/// Makes sure every build tool is there, every crate is fetched, and returns a PATH with the tools' directories first.
pub fn build_path() -> Result<OsString> {
    ensure_wasm_target()?;
    fetch_sources()?;
    let wb_version = wasm_bindgen_version()?;
    let wasm_bindgen = ensure(
        "wasm-bindgen",
        &wb_version,
        &format!("wasm-bindgen-{wb_version}-quick"),
        2,
        // Not --locked: the registry lacks one of wasm-bindgen-cli's locked dependencies.
        |dir| {
            cargo_install(
                dir,
                &["wasm-bindgen-cli", "--version", &format!("={wb_version}")],
            )
        },
    )?;
    let wasm_opt_version = format!(
        "version {}",
        BINARYEN_VERSION.split('.').next().unwrap_or("")
    );
    let wasm_opt = ensure(
        "wasm-opt",
        &wasm_opt_version,
        &format!("binaryen-{BINARYEN_VERSION}"),
        1,
        |dir| npm_install(dir, &format!("binaryen@{BINARYEN_VERSION}")),
    )?;
    let trunk = ensure(
        "trunk",
        TRUNK_VERSION,
        &format!("trunk-{TRUNK_VERSION}-quick"),
        TRUNK_MINUTES,
        |dir| {
            // Without its default features (rustls, the update check): Trunk here never downloads a tool or serves
            // TLS, and the TLS stack is a large part of its compile.
            cargo_install(
                dir,
                &[
                    "--locked",
                    "--no-default-features",
                    "trunk",
                    "--version",
                    &format!("={TRUNK_VERSION}"),
                ],
            )
        },
    )?;
    let mut dirs = vec![trunk, wasm_bindgen, wasm_opt];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    Ok(std::env::join_paths(dirs)?)
}

/// `npm install <spec>` into `dir/node_modules`, nothing saved to a package file.
fn npm_install(dir: &Path, spec: &str) -> Result<()> {
    need_node()?;
    exec(
        Command::new("npm")
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
            ])
            .arg(dir)
            .arg(spec),
    )
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

fn apt_install(packages: &[&str], why: &str) -> Result<()> {
    if packages.is_empty() {
        return Ok(());
    }
    let list = packages.join(" ");
    if is_root() && Path::new("/etc/debian_version").exists() {
        eprintln!("==> Installing {list} with apt-get ({why})…");
        exec(Command::new("apt-get").arg("update").arg("-qq"))?;
        exec(
            Command::new("apt-get")
                .args(["install", "-y", "-qq", "--no-install-recommends"])
                .args(packages)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        Ok(())
    } else {
        bail!("{why} needs these packages: {list}\nInstall them with:\n    sudo apt-get update && sudo apt-get install -y {list}")
    }
}

fn need_node() -> Result<()> {
    let mut missing = Vec::new();
    if output(Command::new("node").arg("--version")).is_none() {
        missing.push("nodejs");
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        missing.push("npm");
    }
    apt_install(
        &missing,
        "the build (binaryen's wasm-opt) and the end-to-end tests",
    )
}

/// Chromium, ChromeDriver, a Japanese font, Node and npm, for the browser tests.
pub fn ensure_browser_packages() -> Result<()> {
    need_node()?;
    let mut missing = Vec::new();
    if !Path::new("/usr/bin/chromium").exists() {
        missing.push("chromium");
    }
    if !Path::new("/usr/bin/chromedriver").exists() {
        missing.push("chromium-driver");
    }
    if !Path::new("/usr/share/fonts/opentype/ipafont-gothic").exists() {
        missing.push("fonts-ipafont-gothic");
    }
    apt_install(&missing, "the browser tests")
}

/// npm's terser, the JS minifier `cargo xtask dist` runs on every script it ships (`crate::minify`); its whole
/// dependency tree is locked by `xtask/npm/terser/package-lock.json`, which must name this version.
pub const TERSER_VERSION: &str = "5.51.4";

/// Finds or installs terser (like binaryen: from npm, pinned, into the per-user cache); returns its binary.
pub fn terser() -> Result<PathBuf> {
    let bin = ensure(
        "terser",
        TERSER_VERSION,
        &format!("terser-{TERSER_VERSION}-locked"),
        1,
        |dir| {
            need_node()?;
            // terser and every package under it at the versions in the committed lock file (`npm ci` refuses a
            // lock that does not match package.json): the minified scripts, and so the SRI and CSP hashes taken
            // after minifying, cannot change with a dependency's new release.
            let locked = crate::root().join("xtask/npm/terser");
            for file in ["package.json", "package-lock.json"] {
                std::fs::copy(locked.join(file), dir.join(file))
                    .with_context(|| format!("copying xtask/npm/terser/{file}"))?;
            }
            exec(
                Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund", "--prefix"])
                    .arg(dir),
            )
        },
    )?;
    Ok(bin.join("terser"))
}

#[cfg(test)]
mod tests {
    /// The committed lock installs the terser `TERSER_VERSION` names (else `ensure` would install one version and
    /// look for another).
    #[test]
    fn the_terser_lock_names_the_pinned_version() {
        let dir = crate::root().join("xtask/npm/terser");
        let read = |f: &str| -> serde_json::Value {
            serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap()
        };
        let manifest = read("package.json");
        let lock = read("package-lock.json");
        assert_eq!(manifest["dependencies"]["terser"], super::TERSER_VERSION);
        assert_eq!(
            lock["packages"]["node_modules/terser"]["version"],
            super::TERSER_VERSION
        );
    }
}
