//! `cargo xtask dist`: the release build (Trunk: cargo, wasm-bindgen, `wasm-opt -Oz`), assembled into the three
//! ways the widget is used:
//!
//! - `dist/index.html`: the standalone page, one self-contained file (styles, loader, JS glue and wasm inline) with a
//!   strict CSP that allows its inline script and styles by hash only (`connect-src 'none'`), so the browser's own
//!   "Save page as" makes a copy that works from `file://`; `dist/frame.html` is the page for the isolated iframe,
//!   which loads `embed.js` and the app from files with Subresource Integrity;
//! - `dist/embed.js`: the one script a host page includes (classic or module) to mount the widget into
//!   `<div data-giftcard-doctor>` and size `<iframe data-giftcard-doctor-frame>`;
//! - `dist/giftcard-doctor-offline.html`: one self-contained file (styles, JS glue, wasm inside) that works from
//!   `file://` with the network off.
//!
//! Integrity end to end: `embed.js` carries the sha384 of `giftcard-doctor-app.js` (the glue and the wasm) and loads
//! it with that `integrity`, so the one hash in the snippet (printed by dist, written into `dist/EMBED.md`) covers
//! every byte of script. The wasm travels LZMA-compressed and base64-encoded inside that script rather than being
//! fetched, so every page can say `connect-src 'none'` in its CSP, where anyone can read it; a decoder of our own
//! (the `no_std` crate `crates/lzma-decoder`, compiled to a small wasm of its own, and `static/js/lzma.js`; about
//! 2.4 KB gzip) unpacks it for
//! `WebAssembly.compileStreaming`. Served with HTTP gzip, base64 of LZMA costs about 1% over the LZMA bytes
//! (base64's 6-bit alphabet compresses back), and LZMA is 19% smaller than gzip on this wasm (measured; see
//! docs/size.md).

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

/// The app script (glue + wasm) that `embed.js` loads with its integrity hash.
pub const APP_FILE: &str = "giftcard-doctor-app.js";

/// `cargo xtask dist [--no-install]`.
pub fn run(args: &[String]) -> Result<String> {
    let install = crate::install::Install::from_args(args)?;
    let path = crate::tools::build_path()?;
    let report = build_with(&path, install)?;
    println!("{report}");
    Ok(report)
}

pub(crate) fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

pub(crate) fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The LZMA settings of the wasm inside the app script: preset 9 extreme, position bits 0 (wasm is byte code, not
/// aligned data), literal context bits 4 (measured on this wasm: 84 B smaller than the default 3), a 1 MiB dictionary
/// (larger than the wasm, so nothing is lost; the decoder needs none of its own, the output is its dictionary).
pub const LZMA_LC_LP_PB: (u32, u32, u32) = (4, 0, 0);

/// `bytes` as the LZMA stream `crates/lzma-decoder` decodes: liblzma's `.lzma` ("lzma_alone") encoder with the
/// given literal context / literal position / position bits, which writes a 13-byte header (properties, dictionary
/// size, size "unknown"), the data and the end marker; the size field then gets the real size, so the decoder
/// allocates its output once and checks that the end marker comes exactly there. No checksum: a damaged stream is
/// caught by LZMA's own end check and by `WebAssembly.compile`, and the script carrying it has its SRI hash.
pub fn lzma(bytes: &[u8], (lc, lp, pb): (u32, u32, u32)) -> Result<Vec<u8>> {
    use liblzma::stream::{LzmaOptions, Stream, PRESET_EXTREME};
    use std::io::Write;
    let mut options = LzmaOptions::new_preset(9 | PRESET_EXTREME)?;
    options
        .literal_context_bits(lc)
        .literal_position_bits(lp)
        .position_bits(pb)
        .dict_size(1 << 20);
    let stream = Stream::new_lzma_encoder(&options)?;
    let mut encoder = liblzma::write::XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(bytes)?;
    let mut out = encoder.finish()?;
    // The decoder takes sizes below 2^30 only (so a damaged header cannot ask for a huge buffer).
    if out.len() < 13 || out[5..13] != [0xFF; 8] || bytes.len() >= 1 << 30 {
        bail!("liblzma's .lzma header is not the expected shape (or the input is 1 GiB or more)");
    }
    out[5..13].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    // The page's own decoder, natively, on what it will get: a compressor that writes something it does not take
    // fails the build here rather than the widget in a browser.
    let mut back = vec![0; bytes.len()];
    if giftcard_doctor_lzma::decode(&out, &mut back).is_err() || back != bytes {
        bail!("crates/lzma-decoder does not decode liblzma's stream back to the input");
    }
    Ok(out)
}

/// The LZMA decoder's wasm: the crate `crates/lzma-decoder` (no_std, no dependency), its one file compiled by
/// `rustc` for wasm32 for size, panics as traps, a 16 KiB stack (it needs a few hundred bytes), then `wasm-opt -Oz`
/// (on `path`) without the producers section: 3.7 KB, 2.1 KB gzip as base64. `rustc` rather than `cargo build`: the
/// workspace's release profile is the app's (`opt-level = "z"`), and this needs other flags; the crate name stays
/// `lzma`, the name the file had when it was compiled from `xtask/templates/lzma.rs`, so the wasm is the same bytes.
pub fn lzma_decoder(path: &OsStr) -> Result<Vec<u8>> {
    let root = root();
    let dir = root.join("target/lzma-decoder");
    fs::create_dir_all(&dir)?;
    let (raw, opt) = (dir.join("lzma.wasm"), dir.join("lzma.opt.wasm"));
    let source = root.join("crates/lzma-decoder/src/lib.rs");
    exec(
        Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
            .args(["--edition", "2021", "--target", "wasm32-unknown-unknown"])
            .args(["--crate-name", "lzma"])
            .args([
                "--crate-type",
                "cdylib",
                "-C",
                "opt-level=s",
                "-C",
                "panic=abort",
            ])
            .args([
                "-C",
                "lto",
                "-C",
                "strip=symbols",
                "-C",
                "link-arg=-zstack-size=16384",
            ])
            .args(["-D", "warnings"])
            .arg(&source)
            .arg("-o")
            .arg(&raw),
    )
    .with_context(|| {
        format!(
            "compiling the LZMA decoder ({}) for wasm32",
            source.display()
        )
    })?;
    exec(
        Command::new("wasm-opt")
            .env("PATH", path)
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(&raw)
            .arg("-o")
            .arg(&opt),
    )?;
    read(&opt)
}

/// `cargo xtask lzma [--decoder OUT.wasm] [--props LC,LP,PB] FILE…`: writes the decoder's wasm ([`lzma_decoder`])
/// to `OUT.wasm` and `FILE.lzma` beside each file with [`lzma`] (the dist settings unless told), so the decoder's
/// Node test (`tests/e2e/lzma.test.mjs`) runs the shipped decoder on data from the real compressor.
pub fn lzma_files(args: &[String]) -> Result<()> {
    let mut props = LZMA_LC_LP_PB;
    let mut files = args;
    if let [flag, out, rest @ ..] = files {
        if flag == "--decoder" {
            fs::write(out, lzma_decoder(&crate::tools::build_path()?)?)
                .with_context(|| format!("writing {out}"))?;
            files = rest;
        }
    }
    if let [flag, value, rest @ ..] = files {
        if flag == "--props" {
            let v: Vec<u32> = value
                .split(',')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .context("--props LC,LP,PB")?;
            let [lc, lp, pb] = v[..] else {
                bail!("--props takes three numbers: LC,LP,PB");
            };
            props = (lc, lp, pb);
            files = rest;
        }
    }
    for file in files {
        let path = Path::new(file);
        let mut target = path.as_os_str().to_owned();
        target.push(".lzma");
        fs::write(&target, lzma(&read(path)?, props)?)
            .with_context(|| format!("writing {}", Path::new(&target).display()))?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// Whether a page's markup (outside its inline scripts) loads a file: a saved copy of it would then be incomplete.
fn references_a_file(page: &str) -> bool {
    let mut markup = String::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script>") {
        markup.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</script>")
            .map_or("", |end| &rest[start + end..]);
    }
    markup.push_str(rest);
    [
        "<script src",
        "<link rel=\"stylesheet\"",
        "<link rel=\"preload\"",
    ]
    .iter()
    .any(|t| markup.contains(t))
}

/// `page.html` with the `<noscript>` message in it.
fn page_template() -> Result<String> {
    Ok(template("page.html")?.replace("{{NOSCRIPT}}", &noscript()?))
}

/// A build template (`xtask/templates/`): the pages, EMBED.md, the fallback texts. The browser's scripts are in
/// `static/js/` ([`crate::runtime_js`]).
fn template(name: &str) -> Result<String> {
    let path = root().join("xtask/templates").join(name);
    fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// Builds with Trunk and writes `dist/` (the standalone page installable); returns a one-line report of the sizes.
pub fn build(path: &OsStr) -> Result<String> {
    build_with(path, crate::install::Install::On)
}

/// [`build`], with the standalone page installable or not.
pub fn build_with(path: &OsStr, install: crate::install::Install) -> Result<String> {
    let root = root();
    let trunk_dist = root.join("target/trunk-dist");
    exec(
        Command::new("trunk")
            .current_dir(&root)
            .args(["build", "--release", "--offline"])
            .env("TRUNK_OFFLINE", "true")
            .envs(crate::tools::release_env())
            .env("PATH", path),
    )?;
    let glue = read(&trunk_dist.join("giftcard-doctor.js"))?;
    let wasm = read(&trunk_dist.join("giftcard-doctor_bg.wasm"))?;
    let page_css =
        read(&trunk_dist.join("page.css")).or_else(|_| read(&root.join("static/page.css")))?;
    let glue_text = String::from_utf8(glue).context("the JS glue is not UTF-8")?;
    if !glue_text.contains("__wbg_init as default") {
        bail!("the wasm-bindgen glue changed shape: `__wbg_init as default` not found");
    }
    let (wasm, glue_text) = crate::imports::shorten(&wasm, &glue_text)?;

    let pre = crate::prerender::prerender()?;
    let widget_css =
        fs::read_to_string(root.join("static/widget.css")).context("reading static/widget.css")?;

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    fs::create_dir_all(&dist)?;
    let wasm_b64 = base64::engine::general_purpose::STANDARD.encode(lzma(&wasm, LZMA_LC_LP_PB)?);
    let app = app_script(&glue_text, &wasm_b64, &lzma_decoder(path)?)?;
    let app_integrity = sri(app.as_bytes());
    let embed = embed_script(&app_integrity, false)?;
    let embed = crate::prerender::into_embed(&embed, &pre, &widget_css)?;
    let embed = crate::minify::banner("embed script") + &crate::minify::js(&embed)?;
    fs::write(dist.join(APP_FILE), &app)?;
    fs::write(dist.join("embed.js"), &embed)?;
    fs::write(dist.join("page.css"), &page_css)?;

    // The isolated iframe's page: everything from files, each with its integrity.
    let csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
               connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";
    let head = format!(
        "    <link rel=\"stylesheet\" href=\"page.css\" integrity=\"{}\" />\n    \
         <link rel=\"preload\" as=\"script\" href=\"{APP_FILE}\" integrity=\"{app_integrity}\" crossorigin=\"anonymous\" />",
        sri(&page_css),
    );
    let body_end = format!(
        "    <script src=\"embed.js\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        sri(embed.as_bytes())
    );
    let framed = page_template()?
        .replace("{{CSP}}", csp)
        .replace("{{HEAD}}", &head)
        .replace("{{BODY_END}}", &body_end)
        .replace("{{HTML_CLASS}}", "gcd-page gcd-framed")
        .replace("{{MOUNT_ATTRS}}", " data-offline-href=\"\"");
    let page_css_text = String::from_utf8_lossy(&page_css);
    let framed = crate::prerender::inject_prerender(&framed, &pre, Link::Without, &widget_css)?;
    let framed = crate::prerender::inline_page_css(&framed, &page_css_text)?;
    fs::write(dist.join("frame.html"), &framed)?;

    // The standalone page and the offline file: one self-contained file each (styles, app and loader inline, allowed
    // by their hashes), so the browser's own "Save page as" (HTML only, or complete) makes a copy that works from
    // `file://`. They differ in the link to the offline file and in the CSS left in a `<link>` for inline_page_css.
    let script = offline_script(&app)?;
    let inline_csp = |style: &str| {
        format!(
            "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {style}; img-src data:; \
             connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
            csp_hash(&script)
        )
    };
    let body_end = format!("    <script>{script}</script>");
    // inline_page_css puts the minified page.css in place of this link and adds its hash in front of `style-src`.
    // The installed form (xtask/src/install.rs): its head, and its script in front of the page's, with the CSP.
    let (install_csp, install_end) = match install {
        crate::install::Install::On => {
            let (csp, combined) = crate::install::with_script(&inline_csp(""), &script)?;
            (csp, format!("    <script>{combined}</script>"))
        }
        crate::install::Install::Off => (inline_csp(""), body_end.clone()),
    };
    let standalone = page_template()?
        .replace("{{CSP}}", &install_csp)
        .replace(
            "{{HEAD}}",
            &format!(
                "{}    <link rel=\"stylesheet\" href=\"page.css\" />",
                crate::install::head(install)
            ),
        )
        .replace("{{BODY_END}}", &install_end)
        .replace("{{HTML_CLASS}}", "gcd-page")
        .replace(
            "{{MOUNT_ATTRS}}",
            " data-offline-href=\"giftcard-doctor-offline.html\"",
        );
    let standalone =
        crate::prerender::inject_prerender(&standalone, &pre, Link::With, &widget_css)?;
    let standalone = crate::prerender::inline_page_css(&standalone, &page_css_text)?;
    if references_a_file(&standalone) {
        bail!(
            "the standalone page still references a file: a saved copy would not work from file://"
        );
    }
    fs::write(dist.join("index.html"), &standalone)?;
    crate::install::write(&dist, standalone.as_bytes(), install)?;

    let css_text = String::from_utf8_lossy(&page_css).into_owned();
    let offline = page_template()?
        .replace("{{CSP}}", &inline_csp(&csp_hash(&css_text)))
        .replace("{{HEAD}}", &format!("    <style>{css_text}</style>"))
        .replace("{{BODY_END}}", &body_end)
        .replace("{{HTML_CLASS}}", "gcd-page gcd-offline")
        .replace("{{MOUNT_ATTRS}}", "");
    let offline = crate::prerender::inject_prerender(&offline, &pre, Link::Without, &widget_css)?;
    fs::write(dist.join("giftcard-doctor-offline.html"), &offline)?;
    let embed_integrity = sri(embed.as_bytes());
    fs::write(dist.join("EMBED.md"), embed_doc(&embed_integrity)?)?;
    println!(
        "The snippet for a help article (also in dist/EMBED.md):\n\n{}\n",
        embed_snippet("/path/to/giftcard-doctor/", &embed_integrity)?
    );

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

/// wasm-bindgen's `--target web` glue as the body of a classic script: its one `export { … }` line removed and its
/// only `import.meta.url` (the default wasm path, never used: the module is always passed in) replaced, so the app
/// can be loaded by a `<script>` element with an `integrity` attribute and inlined into the offline file.
fn classic_glue(glue: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        if line.starts_with("export {") && line.contains("__wbg_init as default") {
            continue;
        }
        out.push_str(&line.replace("import.meta.url", "location.href"));
        out.push('\n');
    }
    let module_syntax = out
        .lines()
        .any(|l| l.starts_with("export ") || l.starts_with("import ") || l.contains("import.meta"));
    if module_syntax {
        bail!("the wasm-bindgen glue changed shape: module syntax left after making it a classic script");
    }
    Ok(out)
}

/// `giftcard-doctor-app.js`: the classic glue, the LZMA+base64 wasm and its decoder (its own wasm, as base64, and
/// its JS side), leaving one start function on `window` for `embed.js`.
fn app_script(glue: &str, wasm_b64: &str, decoder: &[u8]) -> Result<String> {
    let code = crate::runtime_js::read("app.js")?
        .replace("{{VERSION}}", VERSION)
        .replace("{{GLUE}}", classic_glue(glue)?.trim_end())
        .replace(
            "{{UNPACK}}",
            crate::runtime_js::read("unpack.js")?
                .replace("{{LZMA}}", crate::runtime_js::read("lzma.js")?.trim_end())
                .trim_end(),
        );
    minified_with_data(&code, wasm_b64, &js_byte_string(decoder))
}

/// The app's code minified with the `{{WASM}}` and `{{LZMA_DECODER}}` placeholders still in their strings, then the
/// data put in: terser never sees the half-megabyte string, nor rewrites the decoder's escapes.
fn minified_with_data(code: &str, wasm_b64: &str, decoder: &str) -> Result<String> {
    let min = crate::minify::js(code)?;
    // In double quotes, which is what the data is escaped for (`js_byte_string` leaves `'` and `` ` `` as they are).
    for placeholder in ["\"{{WASM}}\"", "\"{{LZMA_DECODER}}\""] {
        if min.matches(placeholder).count() != 1
            || min.matches(&placeholder[1..placeholder.len() - 1]).count() != 1
        {
            bail!("the minified app does not hold the placeholder {placeholder} exactly once, in double quotes");
        }
    }
    // The wasm first: base64 holds no `{{`, so the decoder's text cannot gain a placeholder from it.
    let min = min
        .replace("{{WASM}}", wasm_b64)
        .replace("{{LZMA_DECODER}}", decoder);
    Ok(crate::minify::banner("app") + &min + "\n")
}

/// Bytes as the body of a double-quoted JS string, one character per byte: printable ASCII as itself, the rest (and
/// `"`, `\`, `<`) as `\xNN`, so the text is plain ASCII that no HTML parser, charset or `</script>` can change.
/// Unlike base64 it keeps the bytes' repeats where gzip can see them: the LZMA decoder's 3,745 B are 2,139 B of gzip
/// as base64 and 1,836 B as this.
fn js_byte_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        if (0x20..=0x7e).contains(&b) && !matches!(b, b'"' | b'\\' | b'<') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// `static/content/page.toml`: the texts around the widget and instead of it (validated by the core's build script).
pub fn page_texts() -> Result<giftcard_doctor_core::content::raw::RawPageFile> {
    let path = root().join("static/content/page.toml");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).context("static/content/page.toml")
}

/// The fallback texts (`page.toml`'s `[fallback]`) as the JSON object `embed.js` builds its message from:
/// `{ failed_start, checklist_lead, offline_link: { ja, en }, checks: [{ ja, en }] }`.
fn fallback_json() -> Result<String> {
    Ok(serde_json::to_string(&page_texts()?.fallback)?)
}

/// `embed.js`: the loader (frames, app loading with integrity, fallback). With `inline`, the app's code follows it in
/// the same script (the standalone page and the offline file) and nothing is loaded.
fn embed_script(app_integrity: &str, inline: bool) -> Result<String> {
    Ok(crate::runtime_js::read("embed.js")?
        .replace("{{VERSION}}", VERSION)
        .replace("{{APP_INTEGRITY}}", app_integrity)
        .replace("{{APP_INLINE}}", if inline { "true" } else { "false" })
        .replace("{{FRAMES}}", crate::runtime_js::read("frames.js")?.trim())
        .replace("{{FALLBACK}}", &fallback_json()?))
}

/// The offline file's one inline script: the loader told that the app is already there, then the app. One script, so
/// the app is defined before the loader's first `await` returns; the app last, so the wasm's string (at its end)
/// closes the page, where gzip codes it apart from the code (−1,085 B on the standalone page, `cargo xtask sizes`).
fn offline_script(app: &str) -> Result<String> {
    Ok(format!(
        "\n{}\n{}",
        crate::minify::js(&embed_script("", true)?)?.trim_end(),
        app.trim_end()
    ) + "\n")
}

/// What a reader without JavaScript sees instead of the widget (in the pages and the snippet), in both languages:
/// `page.toml`'s `noscript`, escaped.
pub fn noscript() -> Result<String> {
    let text = page_texts()?.noscript;
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    Ok(format!(
        "<noscript><p lang=\"ja\">{}</p><p lang=\"en\">{}</p></noscript>",
        esc(&text.ja),
        esc(&text.en)
    ))
}

/// The snippet an article author pastes, with the real hash of this build's `embed.js`.
fn embed_snippet(folder: &str, embed_integrity: &str) -> Result<String> {
    let noscript = noscript()?;
    Ok(format!(
        "<div data-giftcard-doctor data-lang=\"ja\" data-marketplace=\"jp\"></div>\n\
         {noscript}\n\
         <script src=\"{folder}embed.js\" integrity=\"{embed_integrity}\" crossorigin=\"anonymous\"></script>"
    ))
}

/// `dist/EMBED.md`: the template with this build's `embed.js` hash filled in.
fn embed_doc(embed_integrity: &str) -> Result<String> {
    Ok(template("EMBED.md")?
        .replace("{{EMBED_INTEGRITY}}", embed_integrity)
        .replace("{{NOSCRIPT}}", &noscript()?)
        .replace("{{VERSION}}", VERSION))
}

#[cfg(test)]
mod tests {
    use super::js_byte_string;

    /// What a JS engine makes of the body of a double-quoted string holding only printable ASCII, `\xNN` escapes and
    /// no other escape: the char codes, which `unpack.js` takes as the bytes.
    fn js_string_bytes(body: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut rest = body.as_bytes();
        while let Some((&c, tail)) = rest.split_first() {
            if c == b'\\' {
                assert_eq!(tail.first(), Some(&b'x'), "an escape other than \\xNN");
                let hex = std::str::from_utf8(&tail[1..3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                rest = &tail[3..];
            } else {
                out.push(c);
                rest = tail;
            }
        }
        out
    }

    #[test]
    fn byte_strings_hold_every_byte_as_inert_ascii() {
        let every: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        let text = js_byte_string(&every);
        assert!(
            text.bytes().all(|b| (0x20..=0x7e).contains(&b)),
            "only printable ASCII: no charset, line end or NUL can change it"
        );
        assert!(
            !text.contains('"') && !text.contains('<'),
            "ends neither the string nor the script"
        );
        assert_eq!(js_string_bytes(&text), every);
        assert_eq!(js_byte_string(b"a\"\\<z"), "a\\x22\\x5c\\x3cz");
    }
}
