//! Short names for the wasm's imports. wasm-bindgen names each JS function the wasm calls like
//! `__wbg_setAttribute_f75317b2b5cabfb4` (a 16-digit hash in every name, which gzip cannot squeeze), once as a key in
//! the glue's import object and once as a string in the wasm's import section. A minifier cannot touch either (they
//! must match), so `cargo xtask dist` renames both together to `a`, `b`, … `ba`, …: −6.5 KB gzip on the 212 imports
//! of 2026-11-28 (measured; see docs/size.md). The module name and everything else stay as they are.
//!
//! The exports get the same treatment: the glue calls each as `wasm.<name>`, and the closure shims' names run to 250
//! characters (`wasm_bindgen_6fb1…___convert__closures_____invoke___…`), once in the glue and once in the export
//! section; they become `a`, `b`, … too (−0.5 KB on the standalone page after gzip, measured with `cargo xtask dist`).

use anyhow::{bail, Context, Result};

/// Reads an unsigned LEB128 at `*at`, moving past it.
fn leb(bytes: &[u8], at: &mut usize) -> Result<u64> {
    let (mut value, mut shift) = (0u64, 0u32);
    loop {
        let byte = *bytes.get(*at).context("the wasm ends inside a number")?;
        *at += 1;
        if shift > 63 {
            bail!("a number in the wasm is too long");
        }
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte < 0x80 {
            return Ok(value);
        }
    }
}

fn put_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A length-prefixed name at `*at`.
fn name<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a [u8]> {
    let len = usize::try_from(leb(bytes, at)?)?;
    let name = bytes
        .get(*at..*at + len)
        .context("the wasm ends inside a name")?;
    *at += len;
    Ok(name)
}

/// The `n`th short name: `a`…`z`, `A`…`Z`, then `aa`, `ab`, … (keys of an object literal, where even a keyword
/// such as `do` is a valid name).
fn short(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Copies an import's description (after its name) from `body[*at..]`, moving past it.
fn skip_description(body: &[u8], at: &mut usize) -> Result<()> {
    let kind = *body.get(*at).context("the wasm ends inside an import")?;
    *at += 1;
    let limits = |at: &mut usize| -> Result<()> {
        let flags = *body.get(*at).context("the wasm ends inside limits")?;
        *at += 1;
        if flags > 1 {
            bail!("an import's limits use flags {flags:#x}, not handled");
        }
        leb(body, at)?;
        if flags == 1 {
            leb(body, at)?;
        }
        Ok(())
    };
    match kind {
        // A function: its type index.
        0x00 => {
            leb(body, at)?;
        }
        // A table: a one-byte reference type, then limits.
        0x01 => {
            let reftype = *body.get(*at).context("the wasm ends inside a table")?;
            if !matches!(reftype, 0x6f | 0x70) {
                bail!("a table import of reference type {reftype:#x}, not handled");
            }
            *at += 1;
            limits(at)?;
        }
        // A memory: limits.
        0x02 => limits(at)?,
        // A global: a one-byte value type and mutability.
        0x03 => *at += 2,
        // A tag: an attribute and a type index.
        0x04 => {
            *at += 1;
            leb(body, at)?;
        }
        other => bail!("an import of kind {other:#x}, not handled"),
    }
    Ok(())
}

/// The wasm with its imports renamed, and the glue with its import object's keys renamed to match.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        bail!("not a version-1 wasm module");
    }
    let mut out = wasm[..8].to_vec();
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut exported: Vec<(String, String)> = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let mut size_at = at + 1;
        let size = usize::try_from(leb(wasm, &mut size_at)?)?;
        let end = size_at + size;
        let body = wasm
            .get(size_at..end)
            .context("the wasm ends inside a section")?;
        if id == 7 {
            let section = shorten_exports(body, &mut exported)?;
            out.push(7);
            put_leb(&mut out, section.len() as u64);
            out.extend_from_slice(&section);
            at = end;
            continue;
        }
        if id != 2 {
            out.extend_from_slice(&wasm[at..end]);
            at = end;
            continue;
        }
        let mut p = 0;
        let count = leb(body, &mut p)?;
        let mut section = Vec::new();
        put_leb(&mut section, count);
        for _ in 0..count {
            let module = name(body, &mut p)?;
            let field = std::str::from_utf8(name(body, &mut p)?)
                .context("an import name is not UTF-8")?
                .to_owned();
            let description = p;
            skip_description(body, &mut p)?;
            let new = short(renamed.len());
            put_leb(&mut section, module.len() as u64);
            section.extend_from_slice(module);
            put_leb(&mut section, new.len() as u64);
            section.extend_from_slice(new.as_bytes());
            section.extend_from_slice(&body[description..p]);
            renamed.push((field, new));
        }
        if p != body.len() {
            bail!("the import section has bytes after its last import");
        }
        out.push(2);
        put_leb(&mut out, section.len() as u64);
        out.extend_from_slice(&section);
        at = end;
    }
    let glue = rename_keys(glue, &renamed)?;
    Ok((out, rename_uses(&glue, &exported)?))
}

/// The export section with every export renamed (`a`, `b`, …), the old and new names pushed to `renamed`.
fn shorten_exports(body: &[u8], renamed: &mut Vec<(String, String)>) -> Result<Vec<u8>> {
    let mut p = 0;
    let count = leb(body, &mut p)?;
    let mut section = Vec::new();
    put_leb(&mut section, count);
    for _ in 0..count {
        let field = std::str::from_utf8(name(body, &mut p)?)
            .context("an export name is not UTF-8")?
            .to_owned();
        let description = p;
        // A kind byte and an index.
        p += 1;
        leb(body, &mut p)?;
        let new = short(renamed.len());
        put_leb(&mut section, new.len() as u64);
        section.extend_from_slice(new.as_bytes());
        section.extend_from_slice(
            body.get(description..p)
                .context("the wasm ends inside an export")?,
        );
        renamed.push((field, new));
    }
    if p != body.len() {
        bail!("the export section has bytes after its last export");
    }
    Ok(section)
}

/// Renames each export where the glue uses it, `wasm.<name>` (not followed by more of a name); a use in any other
/// form (a string) is refused. An export the glue never uses simply has a new name nobody calls.
fn rename_uses(glue: &str, renamed: &[(String, String)]) -> Result<String> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut glue = glue.to_owned();
    // Longest first, so a name that begins another (`…_true_` and `…_true__1_`) is never cut out of it.
    let mut order: Vec<&(String, String)> = renamed.iter().collect();
    order.sort_by_key(|(old, _)| std::cmp::Reverse(old.len()));
    for (old, new) in order {
        let key = format!("wasm.{old}");
        let mut out = String::with_capacity(glue.len());
        let mut rest = glue.as_str();
        while let Some(i) = rest.find(&key) {
            let after = rest[i + key.len()..].chars().next();
            let before = rest[..i].chars().next_back();
            out.push_str(&rest[..i]);
            if after.is_some_and(is_name) || before.is_some_and(is_name) {
                out.push_str(&key);
            } else {
                out.push_str("wasm.");
                out.push_str(new);
            }
            rest = &rest[i + key.len()..];
        }
        out.push_str(rest);
        glue = out;
    }
    for (old, _) in renamed {
        // The glue also names its JS wrappers after the closure shims (local functions the minifier renames); what
        // must not be left is a use the rename missed: the name as a string, or after `wasm.` or `wasm[`.
        let missed = ["\"", "'", "`"]
            .iter()
            .any(|q| glue.contains(&format!("{q}{old}{q}")))
            || glue.contains(&format!("wasm[\"{old}"))
            || glue.match_indices(&format!("wasm.{old}")).any(|(i, _)| {
                let after = glue[i + "wasm.".len() + old.len()..].chars().next();
                !after.is_some_and(is_name)
            });
        if missed {
            bail!("the wasm-bindgen glue uses the export `{old}` other than as `wasm.{old}`");
        }
    }
    Ok(glue)
}

/// Renames each import's key in the glue's import object (`    <name>: function(…) {`), which must appear there
/// exactly once; the glue holds no other mention of a renamed name.
fn rename_keys(glue: &str, renamed: &[(String, String)]) -> Result<String> {
    let mut glue = glue.to_owned();
    for (old, new) in renamed {
        let key = format!("{old}: function");
        let found: Vec<usize> = glue
            .match_indices(&key)
            .map(|(i, _)| i)
            .filter(|&i| glue[..i].ends_with(char::is_whitespace))
            .collect();
        let [i] = found[..] else {
            bail!(
                "the wasm-bindgen glue changed shape: the import `{old}` is a key of its import object {} times, not once",
                found.len()
            );
        };
        glue.replace_range(i..i + old.len(), new);
        if glue.contains(old.as_str()) {
            bail!("the wasm-bindgen glue mentions the import `{old}` outside its import object");
        }
    }
    Ok(glue)
}

#[cfg(test)]
mod tests {
    use super::{short, shorten};

    #[test]
    fn short_names_are_unique_identifiers() {
        let names: Vec<String> = (0..3000).map(short).collect();
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(
            (short(0).as_str(), short(51).as_str(), short(52).as_str()),
            ("a", "Z", "aa")
        );
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
    }

    #[test]
    fn renames_the_imports_and_the_glue_keys_together() {
        // (module "m" (type (func)) (import "m" "__wbg_f_0123456789abcdef" (func)) (import "m" "mem" (memory 1 2)))
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = vec![2];
        imports.extend_from_slice(&[1, b'm', 24]);
        imports.extend_from_slice(b"__wbg_f_0123456789abcdef");
        imports.extend_from_slice(&[0, 0]);
        imports.extend_from_slice(&[1, b'm', 3]);
        imports.extend_from_slice(b"mem");
        imports.extend_from_slice(&[2, 1, 1, 2]);
        wasm.push(2);
        wasm.push(imports.len() as u8);
        wasm.extend_from_slice(&imports);
        let glue = "const i = {\n    __wbg_f_0123456789abcdef: function() {},\n    mem: function() {},\n};";
        let (new_wasm, new_glue) = shorten(&wasm, glue).unwrap();
        assert_eq!(
            new_glue,
            "const i = {\n    a: function() {},\n    b: function() {},\n};"
        );
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        expected.extend_from_slice(&[
            2, 15, 2, 1, b'm', 1, b'a', 0, 0, 1, b'm', 1, b'b', 2, 1, 1, 2,
        ]);
        assert_eq!(new_wasm, expected);
        // A glue without the key, or with it twice, is refused rather than shipped broken.
        assert!(shorten(&wasm, "const i = { mem: function() {} };").is_err());
    }

    #[test]
    fn renames_the_exports_and_their_uses_in_the_glue() {
        // (module (type (func)) (func) (func) (export "f_long_name_true_" (func 0)) (export "f_long_name_true__1_" (func 1)))
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0, 3, 3, 2, 0, 0]);
        let mut exports = vec![2, 17];
        exports.extend_from_slice(b"f_long_name_true_");
        exports.extend_from_slice(&[0, 0, 20]);
        exports.extend_from_slice(b"f_long_name_true__1_");
        exports.extend_from_slice(&[0, 1]);
        wasm.push(7);
        wasm.push(exports.len() as u8);
        wasm.extend_from_slice(&exports);
        // The longer name is not cut by the shorter one it begins with.
        let (new_wasm, new_glue) = shorten(
            &wasm,
            "wasm.f_long_name_true__1_(); wasm.f_long_name_true_();",
        )
        .unwrap();
        assert_eq!(new_glue, "wasm.b(); wasm.a();");
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend_from_slice(&[1, 4, 1, 0x60, 0, 0, 3, 3, 2, 0, 0]);
        expected.extend_from_slice(&[7, 9, 2, 1, b'a', 0, 0, 1, b'b', 0, 1]);
        assert_eq!(new_wasm, expected);
        // A use in another form (a string) is refused rather than shipped broken; a local function of the same name
        // is not a use.
        assert!(shorten(
            &wasm,
            "function f_long_name_true_() { wasm.f_long_name_true_(); }"
        )
        .is_ok());
        assert!(shorten(
            &wasm,
            "wasm.f_long_name_true_(); const s = 'f_long_name_true_';"
        )
        .is_err());
    }
}
