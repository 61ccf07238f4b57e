//! The pre-rendered first screen: `cargo xtask dist` builds and runs the app's native `prerender` binary (Yew's
//! server renderer over the same components, feature `ssr`) and puts its HTML where a browser draws it at once —
//! a declarative shadow root in the standalone page, the frame and the offline file, and a script at the start of
//! `embed.js` that writes it into each mount point before the wasm is loaded. The wasm takes the screen over
//! (`src/mount.rs`); why a takeover rather than hydration is in ARCHITECTURE.md.

use crate::{cargo, exec, root};
use anyhow::{Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::fs;

/// The first screen in both languages, and the standalone page's texts for each.
pub struct Prerender {
    /// `(lang, html with the offline-copy link, html without it, [title, h1, description])`.
    langs: Vec<(&'static str, String, String, [String; 4])>,
}

/// Which first screen a page shows: with the link to the offline copy, or (in the offline file and the frame)
/// without it.
#[derive(Clone, Copy, PartialEq)]
pub enum Link {
    With,
    Without,
}

/// Builds and runs the native renderer; reads what it wrote.
pub fn prerender() -> Result<Prerender> {
    let out = root().join("target/prerender");
    exec(
        cargo()
            .args([
                "run",
                "--quiet",
                "--features",
                "ssr",
                "--bin",
                "prerender",
                "--",
            ])
            .arg(&out),
    )
    .context("rendering the first screen natively (cargo run --features ssr --bin prerender)")?;
    let read = |name: String| {
        fs::read_to_string(out.join(&name))
            .with_context(|| format!("reading target/prerender/{name}"))
    };
    // The page's own texts (its title names the product; the widget's heading says what it does), from
    // `static/content/page.toml`, which the core's build script validated.
    let page = crate::dist::page_texts()?.page;
    let mut langs = Vec::new();
    for lang in ["ja", "en"] {
        let pick = |t: &giftcard_doctor_core::content::raw::RawText| {
            if lang == "ja" {
                t.ja.clone()
            } else {
                t.en.clone()
            }
        };
        let texts = [&page.title, &page.h1, &page.description, &page.failed].map(pick);
        langs.push((
            lang,
            read(format!("{lang}.html"))?,
            read(format!("{lang}.nolink.html"))?,
            texts,
        ));
    }
    Ok(Prerender { langs })
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// Replaces what lies between `start` and the next `end` (both kept).
fn replace_between(page: &str, start: &str, end: &str, with: &str) -> Result<String> {
    let from = page
        .find(start)
        .with_context(|| format!("`{start}` not in the page"))?
        + start.len();
    let to = from
        + page[from..]
            .find(end)
            .with_context(|| format!("`{end}` not after `{start}`"))?;
    Ok(format!("{}{with}{}", &page[..from], &page[to..]))
}

fn wrapper(lang: &str, app: &str, hidden: bool) -> String {
    let hidden = if hidden { " hidden" } else { "" };
    format!("<div class=\"gcd-host\" data-gcd-prerender=\"{lang}\"{hidden}>{app}</div>")
}

/// A pre-render script of `static/js/` without its comment lines, blank lines and indentation: these copies travel in
/// every page (our scripts hold no multi-line strings, so dropping a line's leading space changes nothing).
fn script(name: &str) -> Result<String> {
    Ok(crate::runtime_js::read(name)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// The widget's CSS without comments and with whitespace collapsed, for the copies in the pages and in `embed.js`
/// (−22% raw, −23% gzip on `static/widget.css`). Spaces around `:` stay: `.a :focus` and `.a:focus` differ.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut tight = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '{' | '}' | ';' | ',') && tight.ends_with(' ') {
            tight.pop();
        }
        if c == ' ' && tight.ends_with(['{', '}', ';', ',']) {
            continue;
        }
        tight.push(c);
    }
    tight
}

/// Puts the first screen into a page built from `page.html`: a declarative shadow root (with the widget's CSS)
/// inside the mount point holding both languages, and right after it the inline script that keeps the right one;
/// the page's static title, h1 and description become the Japanese ones (the script switches them for English).
/// The CSP gains the hashes of the inline style and script.
pub fn inject_prerender(page: &str, pre: &Prerender, link: Link, css: &str) -> Result<String> {
    let css = &minify_css(css);
    let mut shadow = format!("<template shadowrootmode=\"open\"><style>{css}</style>");
    let mut texts = Vec::new();
    for (lang, with, without, [title, h1, description, failed]) in &pre.langs {
        shadow.push_str(&wrapper(
            lang,
            if link == Link::With { with } else { without },
            true,
        ));
        texts.push(format!(
            "{lang}: {{ title: {}, h1: {}, description: {}, failed: {} }}",
            serde_json::to_string(title)?,
            serde_json::to_string(h1)?,
            serde_json::to_string(description)?,
            serde_json::to_string(failed)?
        ));
    }
    shadow.push_str("</template>");
    // The frame loads embed.js as a file, which the browser may refuse; the other pages carry it inline.
    let loads_embed = page.contains("<script src=\"embed.js\"");
    let inline = format!(
        "\n{}\n{}\n",
        script("prerender.js")?.trim_end(),
        script("prerender-page.js")?
            .replace("{{PAGE_TEXTS}}", &format!("{{ {} }}", texts.join(", ")))
            .replace("{{LOADS_EMBED}}", &loads_embed.to_string())
            .trim_end()
    );
    // Minified before its hash goes into the CSP.
    let inline = format!("\n{}\n", crate::minify::js(&inline)?);
    let start = page
        .find("<div data-giftcard-doctor")
        .context("no mount point in the page")?;
    let close = start
        + page[start..]
            .find("></div>")
            .context("the mount point is not empty")?;
    // The wasm's stylesheet (src/mount.rs `sheet`) in the light DOM, where a page saved "complete" keeps it; after
    // the first screen, so the parser reaches that first, and within gzip's 32 KB window of the shadow root's copy,
    // so the second copy travels as back-references (+0.2 KB, against 2.3 KB in the wasm).
    let page = format!(
        "{}>{shadow}</div><script>{inline}</script><template id=\"gcd-widget-css\"><style>{css}</style></template>{}",
        &page[..close],
        &page[close + "></div>".len()..]
    );
    let (_, _, _, [title, h1, description, _]) = &pre.langs[0];
    let page = replace_between(&page, "<title>", "</title>", &escape_text(title))?;
    let page = replace_between(
        &page,
        "<h1 class=\"gcd-page-title\">",
        "</h1>",
        &escape_text(h1),
    )?;
    let page = replace_between(
        &page,
        "<meta name=\"description\" content=\"",
        "\"",
        &escape_attr(description),
    )?;
    let page = page
        .replacen(
            "script-src ",
            &format!("script-src {} ", csp_hash(&inline)),
            1,
        )
        .replacen("style-src ", &format!("style-src {} ", csp_hash(css)), 1);
    Ok(page)
}

/// Puts the page's own small stylesheet inline (allowed by its CSP hash): a `<link>` before the pre-render's inline
/// script would hold that script — and so the first screen — until the stylesheet has arrived, a round trip the
/// static floor does not pay.
pub fn inline_page_css(page: &str, css: &str) -> Result<String> {
    let css = minify_css(css);
    let start = page
        .find("<link rel=\"stylesheet\" href=\"page.css\"")
        .context("no page.css link in the page")?;
    let end = start + page[start..].find('>').context("unclosed page.css link")? + 1;
    let page = format!("{}<style>{css}</style>{}", &page[..start], &page[end..]);
    Ok(page.replacen("style-src ", &format!("style-src {} ", csp_hash(&css)), 1))
}

/// Puts the first screen at the start of `embed.js` (after its opening comment), so it is written into the mount
/// points before the script waits for the wasm.
pub fn into_embed(embed: &str, pre: &Prerender, css: &str) -> Result<String> {
    let css = &minify_css(css);
    let html = pre
        .langs
        .iter()
        .map(|(lang, with, _, _)| {
            Ok(format!(
                "{lang}: {}",
                serde_json::to_string(&wrapper(lang, with, false))?
            ))
        })
        .collect::<Result<Vec<_>>>()?
        .join(", ");
    // In a block: the pages' own inline pre-render script declares the same `gcdPre` at the top level of a classic
    // script, and two top-level `const`s of one name in one document are a SyntaxError that would stop `embed.js`
    // (the frame page runs both).
    let code = format!(
        "{{\n{}\n{}\n}}\n",
        script("prerender.js")?.trim_end(),
        script("prerender-embed.js")?
            .replace("{{PRERENDER_HTML}}", &format!("{{ {html} }}"))
            .replace("{{WIDGET_CSS}}", &serde_json::to_string(css)?)
            .trim_end()
    );
    // After the leading `//` comment block, before the first statement.
    let at = embed
        .lines()
        .take_while(|l| l.starts_with("//"))
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .min(embed.len());
    Ok(format!("{}{code}{}", &embed[..at], &embed[at..]))
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn minified_css_keeps_what_matters() {
        let css = "/* note */\n.a :focus-visible ,\n.b > .c {\n  color : red;\n  font-family: \"Segoe UI\", sans-serif;\n}\n";
        assert_eq!(
            minify_css(css),
            ".a :focus-visible,.b > .c{color : red;font-family: \"Segoe UI\",sans-serif;}"
        );
    }
}
