//! The packed texts: what the build script packs reads back text by text, what does not fit the shape is refused
//! with a clear error, and reading never panics, whatever the blob, marks and index.

use giftcard_doctor_core::content::blob::{pack, unpack, SEPARATOR, STRIDE};
use proptest::prelude::*;

fn texts() -> impl Strategy<Value = Vec<String>> {
    // Any text but the separator, empty ones included, and lists long enough to cross several marks.
    prop::collection::vec("[^\u{0}]{0,12}", 0..(4 * STRIDE + 3))
}

proptest! {
    #[test]
    fn every_packed_text_reads_back(texts in texts()) {
        let list: Vec<&str> = texts.iter().map(String::as_str).collect();
        let packed = pack("ja", &list).unwrap();
        for (i, text) in list.iter().enumerate() {
            prop_assert_eq!(unpack(&packed.blob, &packed.marks, i as u16), *text, "text {}", i);
        }
        for past in list.len()..list.len() + STRIDE + 1 {
            prop_assert_eq!(unpack(&packed.blob, &packed.marks, past as u16), "", "index {} past the end", past);
        }
    }

    #[test]
    fn reading_anything_never_panics(
        blob in ".{0,40}",
        marks in prop::collection::vec(0..200u16, 0..5),
        index in 0..(6 * STRIDE as u16),
    ) {
        // Marks past the blob or inside a character, and indices past the marks, give "", not a panic (the ranges
        // keep most cases on a mark, where a slip would show).
        let text = unpack(&blob, &marks, index);
        prop_assert!(blob.contains(text));
    }
}

#[test]
fn a_mark_inside_a_character_reads_as_empty() {
    // "日" is three bytes: a mark at 1 is inside it.
    assert_eq!(unpack("日本", &[1], 0), "");
    assert_eq!(unpack("日本", &[3], 0), "本");
}

#[test]
fn a_text_with_the_separator_is_refused() {
    let err = pack("en", &["fine", "a\u{0}b"]).unwrap_err();
    assert_eq!(
        err,
        "en text 1 (\"a\\0b\") contains U+0000, the separator of the packed texts"
    );
    assert_eq!(SEPARATOR, '\u{0}');
}

#[test]
fn texts_past_a_u16_mark_are_refused() {
    // Sixteen texts of 4,096 bytes end at 65,536 + 15 separators: the seventeenth text's mark does not fit a u16.
    let big = "あ".repeat(4096 / 3) + "a";
    assert_eq!(big.len(), 4096);
    let mut list = vec![big.as_str(); STRIDE];
    assert!(pack("ja", &list).is_ok(), "the last mark still fits");
    list.push("x");
    assert_eq!(
        pack("ja", &list).unwrap_err(),
        "the ja texts before text 16 take 65552 bytes, more than a u16 mark points at (65,535): widen the marks in \
         content/blob.rs"
    );
}

#[test]
fn more_texts_than_a_u16_index_are_refused() {
    let list = vec!["x"; 65_536];
    assert_eq!(
        pack("en", &list).unwrap_err(),
        "65536 en texts: a text is a u16 index and a list ends at most at u16::MAX, so at most 65,535 fit (widen \
         `Text` and `TextList` in content/mod.rs)"
    );
}
