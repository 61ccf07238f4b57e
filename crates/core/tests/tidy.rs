//! Tidy checks on the docs: every repository path that ARCHITECTURE.md or README.md names exists, so the map cannot
//! point at a file that was renamed or deleted, and ARCHITECTURE.md stays a map (under 250 lines).
//!
//! A path is a code span (`` `like/this.rs` ``) or a markdown link or image target that looks like a path: it has a
//! `/` or ends in a known extension, holds no space, and is not a URL, a home or absolute path, or a glob
//! (`tests/golden/*.toml`, `{ja,en}.html`). Fenced code blocks are examples, not references, and are skipped.
//! Resolution: `dist/…` and `target/…` are build outputs and are not looked for; a path whose first part is a
//! top-level entry of the repository (`src/…`, `crates/…`, `tests/…`) must exist from the root; any other path with
//! a `/` (`history/classify.rs`, written inside a folder's own paragraph) must be the end of some path in the
//! repository; a bare file name (`wipe_alloc.rs`) must be some file's name, or a file `xtask/src/dist.rs` writes into
//! `dist/` (`frame.html`). The committed screenshots under `tests/e2e/screenshots/` are checked like any file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The documents whose paths are checked.
const DOCS: &[&str] = &["ARCHITECTURE.md", "README.md"];

/// File name endings that make a bare name a path.
const EXTENSIONS: &[&str] = &[
    ".rs", ".toml", ".md", ".mjs", ".js", ".html", ".css", ".json", ".sh", ".lock", ".png", ".txt",
];

/// Folders that are not part of the repository (what `.gitignore` leaves out).
const NOT_IN_REPO: &[&str] = &[".git", "target", "dist", "node_modules", "artifacts"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file and folder of the repository, as `/`-separated paths from its root (folders with a trailing `/`).
fn repository_paths(root: &Path) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&rel)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = rel.join(&name);
            let text = path.to_string_lossy().replace('\\', "/");
            if entry.path().is_dir() {
                if !NOT_IN_REPO.contains(&name.as_str()) {
                    paths.insert(format!("{text}/"));
                    stack.push(path);
                }
            } else {
                paths.insert(text);
            }
        }
    }
    paths
}

/// The code spans and link targets of a markdown text, outside fenced code blocks, each with its line number. A code
/// span broken across lines is joined without the break (a path wrapped at 120 columns).
fn references(markdown: &str) -> Vec<(usize, String)> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            prose.push('\n');
        } else if fenced {
            prose.push('\n');
        } else {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    let line_at = |offset: usize| prose[..offset].matches('\n').count() + 1;
    let mut found = Vec::new();
    // Code spans: the text between a run of backticks and the next run of the same length.
    let mut outside = String::new();
    let bytes = prose.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            let ch = prose[i..].chars().next().unwrap_or(' ');
            outside.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let run = prose[i..].bytes().take_while(|&b| b == b'`').count();
        let fence = &prose[i..i + run];
        let start = i + run;
        match prose[start..].find(fence) {
            Some(len) => {
                let span = &prose[start..start + len];
                let joined: String = span.split('\n').map(str::trim).collect::<Vec<_>>().join("");
                found.push((line_at(i), joined.trim().to_owned()));
                // Keep the line count of what is left for the links.
                outside.extend(std::iter::repeat_n('\n', span.matches('\n').count()));
                i = start + len + run;
            }
            None => {
                outside.push_str(fence);
                i = start;
            }
        }
    }
    // Links and images: `](target)` or `](target "title")`.
    for (at, _) in outside.match_indices("](") {
        let rest = &outside[at + 2..];
        let end = rest.find([')', ' ']).unwrap_or(rest.len());
        let target = rest[..end].split('#').next().unwrap_or("");
        if !target.is_empty() {
            found.push((outside[..at].matches('\n').count() + 1, target.to_owned()));
        }
    }
    found
}

/// Whether a reference looks like a path into the repository (see the module's note), and not a URL, a home or
/// absolute path, an environment variable, a glob or a bit of code.
fn looks_like_a_path(text: &str) -> bool {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
    let named = text.contains('/') || EXTENSIONS.iter().any(|e| text.ends_with(e));
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
    // `.ics`, `.lzma`: an extension spoken of, not a file.
    let extension_only =
        text.starts_with('.') && !text.contains('/') && text.matches('.').count() == 1;
    // `text/plain`: a media type.
    let media_type = ["text/", "application/", "image/"]
        .iter()
        .any(|t| text.starts_with(t) && text.matches('/').count() == 1);
    plain
        && named
        && starts_well
        && !extension_only
        && !media_type
        && text.chars().any(|c| c.is_ascii_alphabetic())
}

/// The files `cargo xtask dist` writes into `dist/`, from its source: every quoted name with a known extension.
fn dist_outputs(root: &Path) -> BTreeSet<String> {
    let source = std::fs::read_to_string(root.join("xtask/src/dist.rs")).unwrap_or_default();
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.contains('/') && EXTENSIONS.iter().any(|e| s.ends_with(e)))
        .map(str::to_owned)
        .collect()
}

/// Where a path named in a document is found, or `None` when the repository does not have it.
fn resolve(path: &str, repo: &BTreeSet<String>, outputs: &BTreeSet<String>) -> Option<String> {
    let as_file = path.trim_end_matches('/');
    let as_dir = format!("{as_file}/");
    let exact = |p: &str| repo.contains(p);
    if !path.contains('/') {
        let by_name = repo.iter().find(|p| {
            let p = p.trim_end_matches('/');
            p == path || p.ends_with(&format!("/{path}"))
        });
        return by_name
            .cloned()
            .or_else(|| outputs.contains(path).then(|| format!("dist/{path}")));
    }
    let first = path.split('/').next().unwrap_or("");
    if exact(&format!("{first}/")) {
        return [as_file, as_dir.as_str()]
            .into_iter()
            .find(|p| exact(p))
            .map(str::to_owned);
    }
    repo.iter()
        .find(|p| {
            p.ends_with(&format!("/{as_file}")) && !path.ends_with('/')
                || p.ends_with(&format!("/{as_dir}"))
        })
        .cloned()
}

#[test]
fn every_path_the_docs_name_exists() {
    let root = workspace();
    let repo = repository_paths(&root);
    let outputs = dist_outputs(&root);
    assert!(
        outputs.contains("frame.html") && repo.contains("src/lib.rs"),
        "the walk and dist.rs's outputs were read: {outputs:?}"
    );
    let mut missing = Vec::new();
    for doc in DOCS {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        let mut checked = 0;
        let mut found = references(&text);
        found.sort();
        for (line, reference) in found {
            if !looks_like_a_path(&reference)
                || reference.starts_with("dist/")
                || reference.starts_with("target/")
            {
                continue;
            }
            checked += 1;
            if resolve(&reference, &repo, &outputs).is_none() {
                missing.push(format!("{doc}:{line}: `{reference}`"));
            }
        }
        assert!(
            checked >= 20,
            "{doc}: only {checked} paths found; is the reader broken?"
        );
    }
    assert!(
        missing.is_empty(),
        "paths named in the docs that the repository does not have:\n{}",
        missing.join("\n")
    );
}

#[test]
fn architecture_md_stays_a_map() {
    let text = std::fs::read_to_string(workspace().join("ARCHITECTURE.md")).unwrap();
    let lines = text.lines().count();
    assert!(
        lines < 250,
        "ARCHITECTURE.md has {lines} lines: it is a map; figures and history of size work go to docs/size.md"
    );
}

/// The reader itself: spans, wrapped spans, links and images found; fences, globs, URLs and code left alone.
#[test]
fn the_reader_finds_paths_and_leaves_the_rest() {
    let doc = "See `src/lib.rs` and [the map](ARCHITECTURE.md#code-map) and ![](tests/e2e/screenshots/a.png).\n\
               A wrapped `crates/core/\n   build.rs`, a glob `static/content/*.toml`, `{ja,en}.html`, `cargo xtask dist`,\n\
               `~/.cache/x`, `http://127.0.0.1:8080/`, `text/plain`, `$XDG_CACHE_HOME`, the `.ics` file, `Content::to_raw`,\n\
               ``a `tick` inside``, [site](https://yew.rs).\n\
               ```sh\nsrc/in_a_fence.rs `src/also_in_a_fence.rs`\n```\n";
    let paths: Vec<(usize, String)> = references(doc)
        .into_iter()
        .filter(|(_, r)| looks_like_a_path(r))
        .collect();
    let expected = [
        (1, "src/lib.rs"),
        (2, "crates/core/build.rs"),
        (1, "ARCHITECTURE.md"),
        (1, "tests/e2e/screenshots/a.png"),
    ];
    assert_eq!(
        paths,
        expected.map(|(l, p)| (l, p.to_owned())).to_vec(),
        "found: {paths:?}"
    );
    let repo: BTreeSet<String> = [
        "src/",
        "src/lib.rs",
        "crates/",
        "crates/core/",
        "crates/core/src/",
        "crates/core/src/history/",
        "crates/core/src/history/classify.rs",
    ]
    .map(str::to_owned)
    .into();
    let none = BTreeSet::new();
    assert!(resolve("src/lib.rs", &repo, &none).is_some());
    assert!(resolve("history/classify.rs", &repo, &none).is_some());
    assert!(resolve("classify.rs", &repo, &none).is_some());
    assert!(resolve("crates/core/", &repo, &none).is_some());
    // Rooted paths are not matched as endings: `src/classify.rs` is not `crates/core/src/history/classify.rs`.
    assert!(resolve("src/history/classify.rs", &repo, &none).is_none());
    assert!(resolve("src/js_de.rs", &repo, &none).is_none());
    assert!(resolve("story/classify.rs", &repo, &none).is_none());
    assert!(resolve("frame.html", &repo, &none).is_none());
    let outputs: BTreeSet<String> = ["frame.html".to_owned()].into();
    assert!(resolve("frame.html", &repo, &outputs).is_some());
}
