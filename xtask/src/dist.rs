//! `cargo xtask dist`: the release build (Trunk: cargo, wasm-bindgen, `wasm-opt -Oz`), assembled into the three
//! ways the widget is used:
//!
//! - `dist/index.html`: the standalone page, with a strict CSP (no inline script or style, `connect-src 'none'`)
//!   and Subresource Integrity on everything it loads; `dist/frame.html` is the same page for the iframe variant;
//! - `dist/embed.js`: one module script a host page includes to mount the widget into `<div data-giftcard-doctor>`;
//! - `dist/giftcard-doctor-offline.html`: one self-contained file (styles, JS glue, wasm inside) that works from
//!   `file://` with the network off.
//!
//! The wasm travels gzip-compressed and base64-encoded inside a JS module (`giftcard-doctor-wasm.js`) rather than
//! being fetched, so every page can say `connect-src 'none'` in its CSP, where anyone can read it; the browser
//! inflates it with `DecompressionStream`. This costs almost no transfer: served with HTTP gzip, the module is within 2% of
//! the gzipped raw wasm (base64's 6-bit alphabet compresses back), while base64 of the *raw* wasm would cost a
//! third more (measured; see ARCHITECTURE.md).

use crate::prerender::Link;
use crate::{exec, root};
use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The offline file must stay under this (issue budget).
pub const OFFLINE_BUDGET: usize = 600 * 1024;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `cargo xtask dist`.
pub fn run() -> Result<String> {
    let path = crate::tools::build_path()?;
    let report = build(&path)?;
    println!("{report}");
    Ok(report)
}

fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// gzip at the best compression, for the wasm inside the JS module.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("reading {}", path.display()))
}

fn template(name: &str) -> Result<String> {
    let path = root().join("xtask/templates").join(name);
    fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// Builds with Trunk and writes `dist/`; returns a one-line report of the sizes.
pub fn build(path: &OsStr) -> Result<String> {
    let root = root();
    let trunk_dist = root.join("target/trunk-dist");
    exec(
        Command::new("trunk")
            .current_dir(&root)
            .args(["build", "--release", "--offline"])
            .env("TRUNK_OFFLINE", "true")
            .env("PATH", path),
    )?;
    let glue = read(&trunk_dist.join("giftcard-doctor.js"))?;
    let wasm = read(&trunk_dist.join("giftcard-doctor_bg.wasm"))?;
    let page_css =
        read(&trunk_dist.join("page.css")).or_else(|_| read(&root.join("static/page.css")))?;
    let glue_text = String::from_utf8(glue.clone()).context("the JS glue is not UTF-8")?;
    if !glue_text.contains("__wbg_init as default") {
        bail!("the wasm-bindgen glue changed shape: `__wbg_init as default` not found");
    }

    let pre = crate::prerender::prerender()?;
    let widget_css =
        fs::read_to_string(root.join("static/widget.css")).context("reading static/widget.css")?;

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    fs::create_dir_all(&dist)?;
    let wasm_b64 = base64::engine::general_purpose::STANDARD.encode(gzip(&wasm)?);
    let wasm_module = format!("export default \"{wasm_b64}\";\n");
    let embed = template("embed.js")?
        .replace("{{VERSION}}", VERSION)
        .replace("{{INFLATE}}", template("inflate.js")?.trim_end());
    let embed = crate::prerender::into_embed(&embed, &pre, &widget_css)?;
    fs::write(dist.join("giftcard-doctor.js"), &glue)?;
    fs::write(dist.join("giftcard-doctor-wasm.js"), &wasm_module)?;
    fs::write(dist.join("embed.js"), &embed)?;
    fs::write(dist.join("page.css"), &page_css)?;

    // Standalone page and its iframe twin: everything from files, each with its integrity.
    let csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
               connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";
    let head = format!(
        "    <link rel=\"stylesheet\" href=\"page.css\" integrity=\"{}\" />\n    \
         <link rel=\"modulepreload\" href=\"giftcard-doctor.js\" integrity=\"{}\" />\n    \
         <link rel=\"modulepreload\" href=\"giftcard-doctor-wasm.js\" integrity=\"{}\" />",
        sri(&page_css),
        sri(&glue),
        sri(wasm_module.as_bytes()),
    );
    let body_end = format!(
        "    <script type=\"module\" src=\"embed.js\" integrity=\"{}\"></script>",
        sri(embed.as_bytes())
    );
    let page = template("page.html")?
        .replace("{{CSP}}", csp)
        .replace("{{HEAD}}", &head)
        .replace("{{BODY_END}}", &body_end);
    let standalone = page.replace("{{HTML_CLASS}}", "gcd-page").replace(
        "{{MOUNT_ATTRS}}",
        " data-offline-href=\"giftcard-doctor-offline.html\"",
    );
    let framed = page
        .replace("{{HTML_CLASS}}", "gcd-page gcd-framed")
        .replace("{{MOUNT_ATTRS}}", "");
    let page_css_text = String::from_utf8_lossy(&page_css);
    let standalone =
        crate::prerender::inject_prerender(&standalone, &pre, Link::With, &widget_css)?;
    let standalone = crate::prerender::inline_page_css(&standalone, &page_css_text)?;
    let framed = crate::prerender::inject_prerender(&framed, &pre, Link::Without, &widget_css)?;
    let framed = crate::prerender::inline_page_css(&framed, &page_css_text)?;
    fs::write(dist.join("index.html"), &standalone)?;
    fs::write(dist.join("frame.html"), &framed)?;

    // Offline single file: styles, glue and wasm inline, allowed by their hashes.
    let css_text = String::from_utf8_lossy(&page_css).into_owned();
    let script = format!(
        "\n{glue}\nconst gcdWasmGzip = \"{wasm_b64}\";\n{inflate}\nawait __wbg_init({{ module_or_path: await inflate(gcdWasmGzip) }});\n",
        glue = glue_text.trim_end(),
        inflate = template("inflate.js")?.trim_end(),
    );
    let offline_csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; connect-src 'none'; \
         base-uri 'none'; form-action 'none'; object-src 'none'",
        csp_hash(&script),
        csp_hash(&css_text)
    );
    let offline = template("page.html")?
        .replace("{{CSP}}", &offline_csp)
        .replace("{{HEAD}}", &format!("    <style>{css_text}</style>"))
        .replace(
            "{{BODY_END}}",
            &format!("    <script type=\"module\">{script}</script>"),
        )
        .replace("{{HTML_CLASS}}", "gcd-page gcd-offline")
        .replace("{{MOUNT_ATTRS}}", "");
    let offline = crate::prerender::inject_prerender(&offline, &pre, Link::Without, &widget_css)?;
    fs::write(dist.join("giftcard-doctor-offline.html"), &offline)?;
    fs::copy(root.join("xtask/templates/EMBED.md"), dist.join("EMBED.md"))
        .context("copying EMBED.md")?;

    if offline.len() > OFFLINE_BUDGET {
        eprintln!(
            "warning: the offline file is {} bytes, over its {OFFLINE_BUDGET}-byte budget",
            offline.len()
        );
    }
    Ok(format!(
        "dist/: wasm {} B, offline file {} B ({})",
        wasm.len(),
        offline.len(),
        if offline.len() <= OFFLINE_BUDGET {
            "within budget"
        } else {
            "OVER BUDGET"
        }
    ))
}
