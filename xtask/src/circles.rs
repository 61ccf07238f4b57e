//! No import circle between the top-level modules of any crate of the workspace (the app's `src/`, the core and
//! every crate under `crates/`): each `crate::module` a module's files name is an edge, and the graph must have no
//! cycle. Read from the sources, so a new `use crate::mount` in `failure.rs` turns this red. (Issue 11 broke the
//! core with `facts → history → facts`; issue 21 found `components ↔ mount ↔ failure` in the app.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The names a `crate::` at `at` in `text` refers to: `crate::name…` or each item of `crate::{a, b::c}`.
fn referenced(text: &str, at: usize) -> Vec<String> {
    let rest = &text[at + "crate::".len()..];
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    match rest.strip_prefix('{') {
        Some(group) => group
            .split('}')
            .next()
            .unwrap_or("")
            .split(',')
            .map(ident)
            .collect(),
        None => vec![ident(rest)],
    }
}

/// The module graph of one crate's `src/` (top-level modules only; `lib`, `main` and `bin/` are the roots).
pub fn graph(src: &Path) -> Graph {
    let mut edges = Graph::new();
    let is_module =
        |name: &str| src.join(format!("{name}.rs")).is_file() || src.join(name).is_dir();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for path in std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
        {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let Ok(rel) = path.strip_prefix(src) else {
                continue;
            };
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            let module = first.unwrap_or_default().trim_end_matches(".rs").to_owned();
            if matches!(module.as_str(), "lib" | "main" | "bin") {
                continue;
            }
            // Code only: a comment naming `crate::failure` is not an import.
            let text: String = std::fs::read_to_string(&path)
                .unwrap_or_default()
                .lines()
                .map(|line| line.split("//").next().unwrap_or("").to_owned() + "\n")
                .collect();
            for (at, _) in text.match_indices("crate::") {
                for name in referenced(&text, at) {
                    if !name.is_empty() && name != module && is_module(&name) {
                        edges.entry(module.clone()).or_default().insert(name);
                    }
                }
            }
        }
    }
    edges
}

/// A cycle in the graph, as its path (first node repeated at the end), if there is one.
pub fn cycle(edges: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

/// Every crate source folder of the workspace: `src/` and `crates/*/src`.
fn crate_sources() -> Vec<PathBuf> {
    let root = crate::root();
    let mut dirs = vec![root.join("src")];
    for entry in std::fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if entry.path().join("src").is_dir() {
            dirs.push(entry.path().join("src"));
        }
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_crate_of_the_workspace_has_an_import_circle() {
        let sources = crate_sources();
        assert!(sources.len() >= 3, "the scan found the crates: {sources:?}");
        for src in sources {
            let edges = graph(&src);
            assert_eq!(
                cycle(&edges),
                None,
                "import circle in {}: {edges:?}",
                src.display()
            );
        }
        // The scan sees the edges it must judge: the app's start-up stands on its views, the core's engine on facts.
        let app = graph(&crate::root().join("src"));
        assert!(
            app.get("mount")
                .is_some_and(|m| m.contains("components") && m.contains("host")),
            "{app:?}"
        );
        let core = graph(&crate::root().join("crates/core/src"));
        assert!(
            core.get("engine").is_some_and(|m| m.contains("facts")),
            "{core:?}"
        );
    }

    #[test]
    fn a_circle_is_found_and_named() {
        let mut edges = Graph::new();
        edges
            .entry("failure".into())
            .or_default()
            .insert("mount".into());
        edges
            .entry("mount".into())
            .or_default()
            .insert("failure".into());
        assert_eq!(
            cycle(&edges),
            Some(vec!["failure".into(), "mount".into(), "failure".into()])
        );
        assert_eq!(
            referenced("use crate::{frame, page::own};", 4),
            vec!["frame", "page"]
        );
    }
}
