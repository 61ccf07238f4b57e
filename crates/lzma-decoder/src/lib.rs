//! A decoder-only LZMA (LZMA1) that unpacks the app's wasm in the browser: `cargo xtask dist` compiles this file to
//! a small wasm of its own (`rustc` for wasm32, no dependency; see `lzma_decoder` in xtask/src/dist.rs), and
//! `static/js/lzma.js` is its JS side. It replaces a 9.4 KB (gzip) xz decoder with 2.4 KB. It follows the structure
//! of the public-domain LZMA SDK (`LzmaSpec.cpp`, `LzmaDec.c`): a range decoder, the literal / match / rep / length
//! / distance models, the 12-state machine. Why wasm and not the same code in JS (which is 1 KB): Chromium runs a
//! wasm at once through its baseline compiler, where plain JS spends its first tens of milliseconds in the
//! interpreter (see ARCHITECTURE.md, "The LZMA decoder").
//!
//! A crate of the workspace so that `cargo fmt`, clippy and its unit tests (round trips through liblzma, the
//! compressor dist uses, and damaged streams) see it; natively, [`decode`] is the same decoder with a buffer of its
//! own, which `cargo xtask dist` also runs on the stream it has just written.
//!
//! The stream is the one `cargo xtask dist` writes (`lzma` in xtask/src/dist.rs): a 13-byte `.lzma` ("lzma_alone")
//! header whose size field holds the real size (not "unknown"), the LZMA data, and the end-of-payload marker right
//! after the last byte. The output buffer is the dictionary (it holds the whole file), so no window is copied.
//!
//! A corrupt or truncated stream returns an error, and cannot hang or write out of bounds: every symbol either
//! writes at least one byte into the fixed-size output (checked before writing) or is the end marker, so the loop
//! runs at most `size` times; reads past the end of the input give 0 and are caught after each symbol; a distance
//! must point inside what is already written; and the end must be exact (marker after exactly `size` bytes, range
//! coder finished at 0, every input byte used), which LZMA's own end check relies on to catch a damaged stream.
//! Slices keep Rust's bounds checks, so a mistake here would trap (an error in JS), never write out of bounds.

// `no_std` for the wasm; the unit tests run with std.
#![cfg_attr(not(test), no_std)]
#![cfg_attr(not(test), no_main)]

// Only in the wasm: a native build links std's handler.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

// The probabilities, all in one array: the offsets of each model (LzmaDec.c's layout, in another order). IS_MATCH
// is at 0: 12 states × 16 position states.
const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
/// 4 length states × 64 slots.
const POS_SLOT: usize = 432;
/// 115 for the distances of slots 4–13.
const SPEC_POS: usize = 688;
const ALIGN: usize = 803;
/// Choice, choice 2, low 16 × 8, mid 16 × 8, high 256; then the same for repeated matches.
const LEN: usize = 819;
const REP_LEN: usize = 1333;
const LIT: usize = 1847;
/// Literal context + literal position bits at most 4, as in LZMA2 and liblzma's presets: 16 literal coders.
const PROBS: usize = LIT + (0x300 << 4);

static mut PROB: [u16; PROBS] = [0; PROBS];

/// The range decoder: `range` and `code` as in the SDK, `code` always below `range`.
struct Range<'a> {
    inp: &'a [u8],
    ip: usize,
    range: u32,
    code: u32,
}

impl Range<'_> {
    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            // Past the end, zeros: the caller stops within a symbol (`ip` is checked after each).
            self.code = (self.code << 8) | u32::from(self.inp.get(self.ip).copied().unwrap_or(0));
            self.ip += 1;
        }
    }

    /// One bit with the adaptive probability `probs[k]`.
    #[inline(always)]
    fn bit(&mut self, probs: &mut [u16], k: usize) -> usize {
        let p = u32::from(probs[k]);
        let bound = (self.range >> 11) * p;
        let b = if self.code < bound {
            self.range = bound;
            probs[k] = (p + ((2048 - p) >> 5)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            probs[k] = (p - (p >> 5)) as u16;
            1
        };
        self.normalize();
        b
    }

    /// A bit tree of `n` bits at `at`, most significant bit first.
    #[inline(always)]
    fn tree(&mut self, probs: &mut [u16], at: usize, n: u32) -> usize {
        let mut m = 1;
        for _ in 0..n {
            m = (m << 1) | self.bit(probs, at + m);
        }
        m - (1 << n)
    }
}

/// Decodes the stream at `inp` (`in_len` bytes) into `out` (`size` bytes, the size its header states): 0 when the
/// whole stream decoded to exactly that, 1 when it is damaged.
///
/// # Safety
/// The two ranges are valid, distinct memory of this module (the JS side puts them above `__heap_base`).
#[no_mangle]
pub unsafe extern "C" fn lzma_decode(
    inp: *const u8,
    in_len: usize,
    out: *mut u8,
    size: usize,
) -> u32 {
    // SAFETY: as the caller promises.
    let (inp, out) = unsafe {
        (
            core::slice::from_raw_parts(inp, in_len),
            core::slice::from_raw_parts_mut(out, size),
        )
    };
    // SAFETY: one call at a time (wasm has one thread here), and nothing else uses the array.
    #[allow(static_mut_refs)]
    let probs = unsafe { &mut PROB };
    u32::from(run(inp, out, probs).is_none())
}

/// A stream that does not decode to exactly the size its header states: truncated, changed, or not one of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged;

impl core::fmt::Display for Damaged {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("corrupt LZMA stream")
    }
}

/// The output size a stream's header states, when it is one this decoder takes (below 2^30, as `lzma.js` and
/// xtask/src/dist.rs agree); `None` for anything else.
pub fn stated_size(stream: &[u8]) -> Option<usize> {
    let size = stream.get(5..13)?;
    let low = u32::from_le_bytes([size[0], size[1], size[2], size[3]]);
    (size[4..] == [0; 4] && low < 1 << 30).then_some(low as usize)
}

/// Decodes `stream` into `out`, which must be exactly the size its header states: what [`lzma_decode`] does in the
/// wasm, with the probabilities (28 KB) on the stack instead of in a static, for native callers and the tests.
pub fn decode(stream: &[u8], out: &mut [u8]) -> Result<(), Damaged> {
    let mut probs = [0u16; PROBS];
    run(stream, out, &mut probs).ok_or(Damaged)
}

fn run(inp: &[u8], out: &mut [u8], probs: &mut [u16]) -> Option<()> {
    let size = out.len();
    // The header: properties (lc, lp, pb), the dictionary size (not needed: the output is the dictionary), the size.
    if inp.len() < 18 || inp[0] >= 225 || inp[9..13] != [0; 4] {
        return None;
    }
    if u32::from_le_bytes([inp[5], inp[6], inp[7], inp[8]]) as usize != size {
        return None;
    }
    let d = usize::from(inp[0]);
    let (lc, lp, pb) = (d % 9, d / 9 % 5, d / 45);
    // The range coder's first byte is always 0, then 4 bytes of code, which must be below the range.
    if lc + lp > 4 || inp[13] != 0 {
        return None;
    }
    let mut rc = Range {
        inp,
        ip: 18,
        range: u32::MAX,
        code: u32::from_be_bytes([inp[14], inp[15], inp[16], inp[17]]),
    };
    if rc.code == u32::MAX {
        return None;
    }
    probs.fill(1024);
    let (lp_mask, pb_mask) = ((1 << lp) - 1, (1 << pb) - 1);
    let (mut pos, mut state) = (0, 0);
    let (mut rep0, mut rep1, mut rep2, mut rep3) = (0, 0, 0, 0);
    loop {
        // A truncated stream reads zeros past the end; stop within a symbol of it.
        if rc.ip > inp.len() {
            return None;
        }
        let pos_state = pos & pb_mask;
        if rc.bit(probs, (state << 4) + pos_state) == 0 {
            // A literal, coded with the previous byte's high bits and, after a match, the byte at rep0 as context.
            if pos >= size {
                return None;
            }
            let prev = if pos > 0 {
                usize::from(out[pos - 1])
            } else {
                0
            };
            let at = LIT + 0x300 * (((pos & lp_mask) << lc) + (prev >> (8 - lc)));
            let mut s = 1;
            if state >= 7 {
                let mut matched = usize::from(out[pos - rep0 - 1]);
                while s < 0x100 {
                    let m = (matched >> 7) & 1;
                    matched <<= 1;
                    let b = rc.bit(probs, at + ((1 + m) << 8) + s);
                    s = (s << 1) | b;
                    if m != b {
                        break;
                    }
                }
            }
            while s < 0x100 {
                s = (s << 1) | rc.bit(probs, at + s);
            }
            out[pos] = s as u8;
            pos += 1;
            state = match state {
                0..4 => 0,
                4..10 => state - 3,
                _ => state - 6,
            };
            continue;
        }
        let (lengths, fresh) = if rc.bit(probs, IS_REP + state) != 0 {
            // A repeated distance: rep0 for one byte (short rep), or rep0–rep3 moved to the front.
            if pos == 0 {
                return None;
            }
            if rc.bit(probs, IS_REP_G0 + state) == 0 {
                if rc.bit(probs, IS_REP0_LONG + (state << 4) + pos_state) == 0 {
                    if pos >= size {
                        return None;
                    }
                    out[pos] = out[pos - rep0 - 1];
                    pos += 1;
                    state = if state < 7 { 9 } else { 11 };
                    continue;
                }
            } else {
                let dist = if rc.bit(probs, IS_REP_G1 + state) == 0 {
                    rep1
                } else {
                    let dist = if rc.bit(probs, IS_REP_G2 + state) == 0 {
                        rep2
                    } else {
                        let dist = rep3;
                        rep3 = rep2;
                        dist
                    };
                    rep2 = rep1;
                    dist
                };
                rep1 = rep0;
                rep0 = dist;
            }
            state = if state < 7 { 8 } else { 11 };
            (REP_LEN, false)
        } else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            state = if state < 7 { 7 } else { 10 };
            (LEN, true)
        };
        // A match length less 2 (0–271): low (0–7) and mid (8–15) 3-bit trees per position state, then a shared
        // 8-bit high tree.
        let mut len = if rc.bit(probs, lengths) == 0 {
            rc.tree(probs, lengths + 2 + (pos_state << 3), 3)
        } else if rc.bit(probs, lengths + 1) == 0 {
            8 + rc.tree(probs, lengths + 130 + (pos_state << 3), 3)
        } else {
            16 + rc.tree(probs, lengths + 258, 8)
        };
        if fresh {
            // A new distance: a 6-bit slot, then its low bits from a reverse tree (slots 4–13) or direct bits and a
            // 4-bit aligned reverse tree (slots 14–63). Up to 32 bits; all ones is the end marker.
            let slot = rc.tree(probs, POS_SLOT + (len.min(3) << 6), 6) as u32;
            let mut dist = slot;
            if slot >= 4 {
                let n = (slot >> 1) - 1;
                dist = (2 | (slot & 1)) << n;
                let (at, bits) = if slot < 14 {
                    (SPEC_POS + dist as usize - slot as usize, n)
                } else {
                    let mut direct = 0u32;
                    for _ in 0..n - 4 {
                        rc.range >>= 1;
                        direct <<= 1;
                        if rc.code >= rc.range {
                            rc.code -= rc.range;
                            direct |= 1;
                        }
                        rc.normalize();
                    }
                    dist = dist.wrapping_add(direct << 4);
                    (ALIGN, 4)
                };
                let mut m = 1;
                for i in 0..bits {
                    let b = rc.bit(probs, at + m);
                    m = (m << 1) | b;
                    dist |= (b as u32) << i;
                }
                if dist == u32::MAX {
                    // The end marker: only after exactly `size` bytes, with the range coder finished and the input
                    // used up.
                    return (pos == size && rc.code == 0 && rc.ip == inp.len()).then_some(());
                }
            }
            rep0 = dist as usize;
            if rep0 >= pos {
                return None;
            }
        }
        len += 2;
        if len > size - pos {
            return None;
        }
        // Byte by byte: the source may overlap what is being written (a run).
        for _ in 0..len {
            out[pos] = out[pos - rep0 - 1];
            pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stream `cargo xtask dist` writes (`lzma` in xtask/src/dist.rs, repeated here: xtask is a binary): liblzma's
    /// `.lzma` encoder, preset 9e, the given lc / lp / pb, a 1 MiB dictionary, the real size in the header.
    fn compress(bytes: &[u8], (lc, lp, pb): (u32, u32, u32)) -> Vec<u8> {
        use liblzma::stream::{LzmaOptions, Stream, PRESET_EXTREME};
        use std::io::Write;
        let mut options = LzmaOptions::new_preset(9 | PRESET_EXTREME).unwrap();
        options
            .literal_context_bits(lc)
            .literal_position_bits(lp)
            .position_bits(pb)
            .dict_size(1 << 20);
        let stream = Stream::new_lzma_encoder(&options).unwrap();
        let mut encoder = liblzma::write::XzEncoder::new_stream(Vec::new(), stream);
        encoder.write_all(bytes).unwrap();
        let mut out = encoder.finish().unwrap();
        assert_eq!(out[5..13], [0xFF; 8], "liblzma writes the size as unknown");
        out[5..13].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
        out
    }

    fn unpack(stream: &[u8]) -> Result<Vec<u8>, Damaged> {
        let mut out = vec![0; stated_size(stream).ok_or(Damaged)?];
        decode(stream, &mut out).map(|()| out)
    }

    /// A seeded xorshift, so every run tests the same bytes.
    fn random(n: usize, mut seed: u64, alphabet: u64) -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed % alphabet) as u8
            })
            .collect()
    }

    #[test]
    fn round_trips() {
        let source = include_bytes!("lib.rs").repeat(3);
        let inputs: [(&str, Vec<u8>); 8] = [
            ("empty", Vec::new()),
            ("one byte", vec![0xff]),
            ("zeros, 300 kB", vec![0; 300_000]),
            ("a run one past the longest match", vec![7; 275]),
            ("abc repeated", b"abc".repeat(5000)),
            ("this file, 3 times", source),
            ("random, 100 kB", random(100_000, 1, 256)),
            ("random over 4 symbols", random(60_000, 2, 4)),
        ];
        // The dist settings first, then others the header allows (lc + lp at most 4).
        for props in [(4, 0, 0), (3, 0, 2), (0, 4, 4), (2, 2, 1)] {
            for (name, input) in &inputs {
                let stream = compress(input, props);
                assert_eq!(
                    unpack(&stream).as_deref(),
                    Ok(&input[..]),
                    "{name} with lc, lp, pb = {props:?}"
                );
            }
        }
    }

    #[test]
    fn damaged_streams_are_refused() {
        // Data with matches and literals of every kind, but little redundancy: in a very repetitive stream a changed
        // byte can still give *some* output of the right size (never the input, which the round trips cover).
        let input = random(6_000, 7, 16);
        let stream = compress(&input, (4, 0, 0));
        for len in 0..stream.len() {
            assert!(unpack(&stream[..len]).is_err(), "truncated to {len}");
        }
        let mut longer = stream.clone();
        longer.push(0);
        assert_eq!(unpack(&longer), Err(Damaged), "one byte added");
        // Every changed byte of the data (after the 13-byte header) is caught by LZMA's own end check.
        for at in 13..stream.len() {
            let mut changed = stream.clone();
            changed[at] ^= 0x55;
            assert!(unpack(&changed).is_err(), "byte {at} changed");
        }
        // lc + lp above 4, a size other than the output's, and garbage.
        let mut props = stream.clone();
        props[0] = 5;
        assert_eq!(unpack(&props), Err(Damaged));
        let mut out = vec![0; input.len() + 1];
        assert_eq!(decode(&stream, &mut out), Err(Damaged));
        assert_eq!(unpack(&random(5000, 3, 256)), Err(Damaged));
    }
}
