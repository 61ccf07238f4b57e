//! Texts packed for the binary: all texts of one language in one string, separated by U+0000, plus where every
//! [`STRIDE`]th text starts. The build script packs ([`pack`]); [`crate::content::Text`] is an index that
//! [`unpack`] finds.
//!
//! Why: a `&'static str` per text is 8 bytes of pointer and length in the wasm (16 per pair), and those ever-growing
//! pointers compress badly under LZMA; a separator byte compresses to almost nothing. A start for every text would
//! be another table of growing numbers, so only every 16th is kept and the rest found by walking past at most 15
//! texts (at most 2.8 KB of today's content), with no state and nothing allocated.

/// Between two texts of a blob; the build refuses a text that contains it.
pub const SEPARATOR: char = '\0';

/// Every how many texts a blob records where a text starts.
pub const STRIDE: usize = 16;

/// Marks inside a packed text, before each of its optional forms (see `raw::RawText`): the text's `other` form
/// comes first, then `MARK_ONE` and the English `one` form, `MARK_ZERO` and the sentence for zero, `MARK_GB` and the
/// British English, `MARK_IN` the Indian English. The build refuses a text that contains one.
pub const MARK_ONE: char = '\u{1}';
/// See [`MARK_ONE`].
pub const MARK_ZERO: char = '\u{2}';
/// See [`MARK_ONE`].
pub const MARK_GB: char = '\u{3}';
/// See [`MARK_ONE`].
pub const MARK_IN: char = '\u{4}';

/// Whether a character is one of the form marks.
pub fn is_mark(c: char) -> bool {
    matches!(c, MARK_ONE | MARK_ZERO | MARK_GB | MARK_IN)
}

/// A packed entry's form after `mark`, or `None` when the text has no such form.
pub fn form(entry: &str, mark: char) -> Option<&str> {
    let start = entry.find(mark)? + mark.len_utf8();
    let rest = &entry[start..];
    Some(&rest[..rest.find(is_mark).unwrap_or(rest.len())])
}

/// A packed entry's first form, `other`.
pub fn first_form(entry: &str) -> &str {
    &entry[..entry.find(is_mark).unwrap_or(entry.len())]
}

/// One text's forms joined with their marks, as the build script packs them (`other`, then each form present).
pub fn join_forms(other: &str, forms: &[(char, Option<&str>)]) -> String {
    let mut out = other.to_owned();
    for (mark, text) in forms {
        if let Some(text) = text {
            out.push(*mark);
            out.push_str(text);
        }
    }
    out
}

/// One language's texts, packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    /// The texts in order, joined by [`SEPARATOR`].
    pub blob: String,
    /// Where text `k * STRIDE` starts in `blob`, for every `k`.
    pub marks: Vec<u16>,
}

/// Packs one language's texts, in the order their [`crate::content::Text`] indices give. Refuses what the shapes
/// cannot hold: more texts than a `u16` index counts, a text past what a `u16` mark points at, a text containing
/// the separator. `lang` only names the language in the error.
pub fn pack(lang: &str, texts: &[&str]) -> Result<Packed, String> {
    if texts.len() > usize::from(u16::MAX) {
        return Err(format!(
            "{} {lang} texts: a text is a u16 index and a list ends at most at u16::MAX, so at most 65,535 fit \
             (widen `Text` and `TextList` in content/mod.rs)",
            texts.len()
        ));
    }
    let mut blob = String::new();
    let mut marks = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if text.contains(SEPARATOR) {
            return Err(format!(
                "{lang} text {i} ({text:?}) contains U+0000, the separator of the packed texts"
            ));
        }
        if i > 0 {
            blob.push(SEPARATOR);
        }
        if i % STRIDE == 0 {
            let start = u16::try_from(blob.len()).map_err(|_| {
                format!(
                    "the {lang} texts before text {i} take {} bytes, more than a u16 mark points at (65,535): \
                     widen the marks in content/blob.rs",
                    blob.len()
                )
            })?;
            marks.push(start);
        }
        blob.push_str(text);
    }
    Ok(Packed { blob, marks })
}

/// Text `index` of a packed blob; `""` for an index past the end or marks that do not fit the blob (never for a
/// `Text` the build script wrote, which the content tests read back in full).
pub fn unpack<'a>(blob: &'a str, marks: &[u16], index: u16) -> &'a str {
    let index = usize::from(index);
    marks
        .get(index / STRIDE)
        .and_then(|&start| blob.get(usize::from(start)..))
        .and_then(|rest| rest.split(SEPARATOR).nth(index % STRIDE))
        .unwrap_or("")
}
