//! The JavaScript that runs in the person's browser, kept in `static/js/` (apart from the build templates in
//! `xtask/templates/`): the embed loader (`embed.js`, `frames.js`), the app's wrapper (`app.js`, `unpack.js`), the
//! LZMA decoder's JS side (`lzma.js`) and the pre-render scripts (`prerender*.js`). `cargo xtask dist` reads them
//! here, fills in their `{{PLACEHOLDERS}}` and minifies them; a test parses every file of the folder as a classic
//! script, so a syntax error fails `cargo test` instead of the release build or, worse, a page.

use crate::root;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The folder, relative to the repository's root.
pub const DIR: &str = "static/js";

/// The folder's path.
pub fn dir() -> PathBuf {
    root().join(DIR)
}

/// One file of the folder, as text.
pub fn read(name: &str) -> Result<String> {
    let path = dir().join(name);
    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// `code` with each `{{PLACEHOLDER}}` outside a string literal (where dist puts code or a JSON value) made `null`,
/// so the file parses as the script it becomes; those inside quotes (`"{{WASM}}"`) stay, being strings already.
#[cfg(test)]
fn parseable(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let quoted = rest[..start].ends_with(['"', '\''])
            && rest[start + len + 2..].starts_with(['"', '\'']);
        out.push_str(&rest[..start]);
        out.push_str(if quoted {
            &rest[start..start + len + 2]
        } else {
            "null"
        });
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::process::{Command, Stdio};

    /// Node's parser, as the browser's would: `new vm.Script` compiles a classic script without running it. The
    /// files' names go to stderr with each error.
    const PARSE: &str =
        "const vm = require('vm'); const code = require('fs').readFileSync(0, 'utf8'); \
                         new vm.Script(code, { filename: process.argv[1] });";

    fn parse(name: &str, code: &str) -> Result<(), String> {
        let mut child = Command::new("node")
            .args(["-e", PARSE, name])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start node (the end-to-end tests need it too): {e}"))?;
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(code.as_bytes())
            .map_err(|e| e.to_string())?;
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    #[test]
    fn every_runtime_script_parses() {
        let mut names: Vec<String> = std::fs::read_dir(dir())
            .expect("static/js exists")
            .map(|e| {
                e.expect("a readable entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        assert!(names.len() >= 8, "static/js holds only {names:?}");
        let mut problems = Vec::new();
        for name in &names {
            if !name.ends_with(".js") {
                problems.push(format!(
                    "{DIR}/{name}: only JavaScript belongs in this folder"
                ));
                continue;
            }
            let code = read(name).expect("readable");
            if let Err(e) = parse(name, &parseable(&code)) {
                problems.push(format!("{DIR}/{name}: {e}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_syntax_error_is_caught() {
        // The check itself can fail: a stray brace, a placeholder in an expression, and a quoted one.
        assert!(parse("broken.js", "function f() { return 1; }}").is_err());
        assert!(parse(
            "ok.js",
            &parseable("const a = {{JSON}};\n{{CODE}}\nconst s = \"{{S}}\";")
        )
        .is_ok());
        assert_eq!(
            parseable("x = {{A}}; y = \"{{B}}\";"),
            "x = null; y = \"{{B}}\";"
        );
    }
}
