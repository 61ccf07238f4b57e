//! The standalone page's installed form (issue 22): the web app manifest (`static/manifest.webmanifest`), its icons
//! (`static/icons/`) and the service worker (`static/js/sw.js`) that keeps exactly the page's own files for use with
//! no network, registered by `static/js/install.js` at the start of the page's inline script. Only `dist/index.html`
//! gets any of it: the embed, the frame and the offline file stay as they were. `cargo xtask dist --no-install`
//! leaves the page uninstallable and writes a `sw.js` that retires a worker an earlier build installed.
//!
//! `dist.rs` asks for the page's parts ([`head`], [`with_script`]) while it assembles `index.html`, then hands the
//! finished bytes to [`write()`], which names the worker's cache after them.

use crate::root;
use anyhow::{bail, ensure, Context, Result};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

/// Whether the standalone page is installable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Install {
    /// `cargo xtask dist`: the manifest, the icons and the worker.
    On,
    /// `cargo xtask dist --no-install`: `<meta name="giftcard-doctor-install" content="off">`, and a `sw.js` that
    /// removes an earlier build's worker and caches.
    Off,
}

impl Install {
    /// Reads `dist`'s arguments: none, or `--no-install`.
    pub fn from_args(args: &[String]) -> Result<Install> {
        match args {
            [] => Ok(Install::On),
            [flag] if flag == "--no-install" => Ok(Install::Off),
            _ => bail!("dist takes no argument but --no-install (got {args:?})"),
        }
    }
}

/// The manifest's name in `dist/`, beside `index.html`.
pub const MANIFEST: &str = "manifest.webmanifest";

/// The icons, by their path in `dist/` (the same under `static/`) and their size in pixels; the last one is the
/// apple-touch-icon, which the page links and the manifest does not list.
pub const ICONS: [(&str, u32); 4] = [
    ("icons/icon-192.png", 192),
    ("icons/icon-512.png", 512),
    ("icons/icon-maskable-512.png", 512),
    ("icons/apple-touch-icon.png", 180),
];

const APPLE_TOUCH_ICON: &str = ICONS[3].0;

fn read_static(name: &str) -> Result<String> {
    let path = root().join("static").join(name);
    fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// The install script: `static/js/install.js` with the update offer's texts from `ui.toml`, minified.
fn script() -> Result<String> {
    let ui: toml::Value = toml::from_str(&read_static("content/ui.toml")?).context("ui.toml")?;
    let mut texts = serde_json::Map::new();
    for lang in ["ja", "en"] {
        let mut one = serde_json::Map::new();
        for key in ["update_ready", "update_reload"] {
            let text = ui
                .get("text")
                .and_then(|t| t.get(key))
                .and_then(|t| t.get(lang))
                .and_then(|t| t.as_str())
                .with_context(|| format!("ui.toml: text.{key}.{lang} is missing"))?;
            one.insert(key.into(), text.into());
        }
        texts.insert(lang.into(), one.into());
    }
    let code = crate::runtime_js::read("install.js")?.replace(
        "{{TEXTS}}",
        &serde_json::to_string(&serde_json::Value::Object(texts))?,
    );
    Ok(crate::minify::js(&code)?.trim_end().to_owned())
}

/// What the standalone page's `<head>` gains: the manifest and the icon iOS uses, or the opt-out.
pub fn head(install: Install) -> String {
    match install {
        Install::On => format!(
            "    <link rel=\"manifest\" href=\"{MANIFEST}\" />\n    \
             <link rel=\"apple-touch-icon\" href=\"{APPLE_TOUCH_ICON}\" />\n"
        ),
        Install::Off => "    <meta name=\"giftcard-doctor-install\" content=\"off\" />\n".into(),
    }
}

/// The standalone page's one inline script (`script`, allowed by its hash in `csp`) with the install script in front
/// of it (one script and one hash fewer than a script of its own: 60 B of gzip), and the CSP that allows it: that
/// script's hash in place of the other's, the worker and the manifest from the page's own origin, and the manifest's
/// icons, which Chromium loads under the page's `img-src` (with `img-src data:` alone, `Page.getInstallabilityErrors`
/// says `no-acceptable-icon`; tried in session 6).
pub fn with_script(csp: &str, script: &str) -> Result<(String, String)> {
    let old = crate::dist::csp_hash(script);
    ensure!(
        csp.matches(&old).count() == 1 && csp.contains("img-src data:;"),
        "the standalone page's CSP changed shape: not one hash of its script, or no `img-src data:;` in {csp}"
    );
    let combined = format!("\n{}{script}", self::script()?);
    let csp = csp
        .replacen(&old, &crate::dist::csp_hash(&combined), 1)
        .replacen("img-src data:;", "img-src 'self' data:;", 1)
        + "; worker-src 'self'; manifest-src 'self'";
    Ok((csp, combined))
}

/// A PNG's width and height, from its IHDR chunk.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(..24)?;
    if header[..8] != *b"\x89PNG\r\n\x1a\n" || &header[12..16] != b"IHDR" {
        return None;
    }
    let number = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().unwrap_or_default());
    Some((number(16), number(20)))
}

/// The colour a custom property has in `css`'s first (light) block.
fn css_colour(css: &str, property: &str) -> Option<String> {
    let at = css.find(&format!("{property}:"))? + property.len() + 1;
    let value = css[at..].split(';').next()?.trim();
    Some(value.to_owned())
}

/// `static/manifest.webmanifest`, checked: names, relative start URL and scope, colours that are the widget's own
/// (`static/widget.css`), and icons that exist at the sizes they declare.
fn manifest() -> Result<String> {
    let text = read_static(MANIFEST)?;
    let m: serde_json::Value =
        serde_json::from_str(&text).context("static/manifest.webmanifest")?;
    let field = |key: &str| m.get(key).and_then(|v| v.as_str()).unwrap_or_default();
    let mut problems = Vec::new();
    for key in ["name", "short_name", "lang"] {
        if field(key).is_empty() {
            problems.push(format!("{key} is missing"));
        }
    }
    for key in ["start_url", "scope"] {
        if field(key) != "./" {
            problems.push(format!(
                "{key} must be \"./\", so the page can be hosted under any path"
            ));
        }
    }
    if field("display") != "standalone" {
        problems.push("display must be \"standalone\"".into());
    }
    let css = read_static("widget.css")?;
    for (key, property) in [
        ("theme_color", "--gcd-accent"),
        ("background_color", "--gcd-bg"),
    ] {
        let want = css_colour(&css, property).unwrap_or_default();
        if field(key) != want {
            problems.push(format!(
                "{key} is {:?}, not widget.css's {property} ({want})",
                field(key)
            ));
        }
    }
    let icons = m.get("icons").and_then(|v| v.as_array());
    let listed: Vec<(&str, &str)> = icons
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i.get("src").and_then(|v| v.as_str()).unwrap_or_default(),
                i.get("sizes").and_then(|v| v.as_str()).unwrap_or_default(),
            )
        })
        .collect();
    let want: Vec<(&str, String)> = ICONS
        .iter()
        .filter(|(path, _)| *path != APPLE_TOUCH_ICON)
        .map(|(path, size)| (*path, format!("{size}x{size}")))
        .collect();
    if listed
        != want
            .iter()
            .map(|(p, s)| (*p, s.as_str()))
            .collect::<Vec<_>>()
    {
        problems.push(format!(
            "icons are {listed:?}, not install.rs's ICONS {want:?}"
        ));
    }
    if !problems.is_empty() {
        bail!("static/manifest.webmanifest:\n  {}", problems.join("\n  "));
    }
    Ok(text)
}

/// Writes the installed form's files beside `dist/index.html`, whose bytes are `index`: the manifest, the icons and
/// `sw.js`, whose cache is named by a hash of every file it keeps and which keeps each with its integrity.
pub fn write(dist: &Path, index: &[u8], install: Install) -> Result<()> {
    if install == Install::Off {
        fs::write(dist.join("sw.js"), crate::runtime_js::read("sw-retire.js")?)?;
        return Ok(());
    }
    let manifest = manifest()?;
    fs::write(dist.join(MANIFEST), &manifest)?;
    let mut files = vec![
        ("index.html", crate::dist::sri(index)),
        (MANIFEST, crate::dist::sri(manifest.as_bytes())),
    ];
    fs::create_dir_all(dist.join("icons"))?;
    for (path, size) in ICONS {
        let bytes = fs::read(root().join("static").join(path)).with_context(|| {
            format!("reading static/{path} (made by tests/e2e/tools/icons.mjs)")
        })?;
        if png_size(&bytes) != Some((size, size)) {
            bail!(
                "static/{path} is not a {size}×{size} PNG: run `node tools/icons.mjs` in tests/e2e"
            );
        }
        fs::write(dist.join(path), &bytes)?;
        files.push((path, crate::dist::sri(&bytes)));
    }
    let mut build = Sha256::new();
    for (path, integrity) in &files {
        build.update(format!("{path} {integrity}\n"));
    }
    let build: String = build
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let list: serde_json::Map<String, serde_json::Value> = files
        .into_iter()
        .map(|(path, integrity)| (path.to_owned(), integrity.into()))
        .collect();
    let code = crate::runtime_js::read("sw.js")?
        .replace("{{BUILD}}", &build)
        .replace("{{FILES}}", &serde_json::to_string(&list)?);
    fs::write(
        dist.join("sw.js"),
        crate::minify::banner("service worker") + &crate::minify::js(&code)?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_sizes_are_read_from_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(192u32.to_be_bytes());
        png.extend(180u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((192, 180)));
        assert_eq!(png_size(&png[..20]), None);
        png[1] = b'J';
        assert_eq!(png_size(&png), None);
    }

    #[test]
    fn the_committed_manifest_and_icons_pass_their_checks() {
        manifest().unwrap();
        for (path, size) in ICONS {
            let bytes = fs::read(root().join("static").join(path)).unwrap();
            assert_eq!(png_size(&bytes), Some((size, size)), "{path}");
        }
    }

    #[test]
    fn only_no_install_turns_it_off() {
        assert_eq!(Install::from_args(&[]).unwrap(), Install::On);
        assert_eq!(
            Install::from_args(&["--no-install".into()]).unwrap(),
            Install::Off
        );
        assert!(Install::from_args(&["--install".into()]).is_err());
    }
}
