// A decoder-only LZMA (LZMA1) in plain JS, written for the app's wasm: it replaces a 9 KB (gzip) xz decoder with
// about 1.5 KB. It follows the structure of the public-domain LZMA SDK (`LzmaSpec.cpp`, `LzmaDec.c`): a range
// decoder, the literal / match / rep / length / distance models, the 12-state machine.
//
// The stream is the one `cargo xtask dist` writes (`lzma` in xtask/src/dist.rs): a 13-byte `.lzma` ("lzma_alone")
// header whose size field holds the real size (not "unknown"), the LZMA data, and the end-of-payload marker right
// after the last byte. The output buffer is the dictionary (it holds the whole file), so no window is copied.
//
// A corrupt or truncated stream throws, and cannot hang or write out of bounds: every symbol either writes at least
// one byte into the fixed-size output (checked before writing) or is the end marker, so the loop runs at most `size`
// times; reads past the end of the input give 0 (typed arrays) and are caught after each symbol; a distance must
// point inside what is already written; and the end must be exact (marker after exactly `size` bytes, range coder
// finished at 0, every input byte used), which LZMA's own end check relies on to catch a damaged stream.
function lzmaDecode(inp) {
  const fail = () => {
    throw new Error("corrupt LZMA stream");
  };
  const inLen = inp.length;
  let d = inp[0];
  // Properties (lc, lp, pb), the dictionary size (not needed: the output is the dictionary) and the size, below
  // 2^30 (a wasm of that size is not ours), which also bounds the allocation a corrupt header can ask for.
  if (inLen < 18 || d >= 225 || inp[8] > 63 || inp[9] | inp[10] | inp[11] | inp[12]) fail();
  const lc = d % 9;
  d = (d / 9) | 0;
  const lpMask = (1 << d % 5) - 1;
  const pbMask = (1 << ((d / 5) | 0)) - 1;
  const size = inp[5] | (inp[6] << 8) | (inp[7] << 16) | (inp[8] << 24);
  const out = new Uint8Array(size);
  // All probabilities in one array; the offsets of each model (LzmaDec.c's layout, in another order).
  const IS_REP = 192, // after IS_MATCH at 0: 12 states × 16 position states
    IS_REP_G0 = 204,
    IS_REP_G1 = 216,
    IS_REP_G2 = 228,
    IS_REP0_LONG = 240,
    POS_SLOT = 432, // 4 length states × 64
    SPEC_POS = 688, // 115 for the distances of slots 4–13
    ALIGN = 803,
    LEN = 819, // choice, choice 2, low 16 × 8, mid 16 × 8, high 256
    REP_LEN = 1333,
    LIT = 1847;
  const probs = new Uint16Array(LIT + (0x300 << (lc + d % 5))).fill(1024);
  let ip = 6 + 7,
    range = -1,
    code = 0,
    pos = 0,
    state = 0,
    rep0 = 0,
    rep1 = 0,
    rep2 = 0,
    rep3 = 0,
    len,
    i,
    s,
    k,
    p,
    b,
    bound,
    m,
    n,
    fresh;
  // Range decoder: the first byte is always 0, then 4 bytes of code, which must be below the range.
  if (inp[ip++]) fail();
  for (i = 0; i < 4; i++) code = (code << 8) | inp[ip++];
  if (code === -1) fail();
  // Each adaptive bit is decoded by the same block, written out at each place (BIT below: probability `k` in, bit
  // `b` out), so that range, code and the input position stay local variables: decoding them in a closure was
  // measured twice as slow. The repeated text costs little once gzipped.
  for (;;) {
    // A truncated stream reads zeros past the end; stop within a symbol of it.
    if (ip > inLen) fail();
    const posState = pos & pbMask;
    k = (state << 4) + posState;
    {
      p = probs[k];
      bound = ((range >>> 11) * p) | 0;
      if (code >>> 0 < bound >>> 0) {
        range = bound;
        probs[k] = p + ((2048 - p) >> 5);
        b = 0;
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[k] = p - (p >> 5);
        b = 1;
      }
      if (range >>> 0 < 0x1000000) {
        range <<= 8;
        code = (code << 8) | inp[ip++];
      }
    }
    if (!b) {
      // A literal, coded with the previous byte's high bits and, after a match, the byte at rep0 as context.
      if (pos >= size) fail();
      const at = LIT + 0x300 * (((pos & lpMask) << lc) + ((pos ? out[pos - 1] : 0) >> (8 - lc)));
      s = 1;
      if (state >= 7) {
        let match = out[pos - rep0 - 1];
        do {
          m = (match >> 7) & 1;
          match <<= 1;
          k = at + ((1 + m) << 8) + s;
          {
            p = probs[k];
            bound = ((range >>> 11) * p) | 0;
            if (code >>> 0 < bound >>> 0) {
              range = bound;
              probs[k] = p + ((2048 - p) >> 5);
              b = 0;
            } else {
              range = (range - bound) | 0;
              code = (code - bound) | 0;
              probs[k] = p - (p >> 5);
              b = 1;
            }
            if (range >>> 0 < 0x1000000) {
              range <<= 8;
              code = (code << 8) | inp[ip++];
            }
          }
          s = (s << 1) | b;
        } while (s < 0x100 && m === b);
      }
      while (s < 0x100) {
        k = at + s;
        {
          p = probs[k];
          bound = ((range >>> 11) * p) | 0;
          if (code >>> 0 < bound >>> 0) {
            range = bound;
            probs[k] = p + ((2048 - p) >> 5);
            b = 0;
          } else {
            range = (range - bound) | 0;
            code = (code - bound) | 0;
            probs[k] = p - (p >> 5);
            b = 1;
          }
          if (range >>> 0 < 0x1000000) {
            range <<= 8;
            code = (code << 8) | inp[ip++];
          }
        }
        s = (s << 1) | b;
      }
      out[pos++] = s;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    k = IS_REP + state;
    {
      p = probs[k];
      bound = ((range >>> 11) * p) | 0;
      if (code >>> 0 < bound >>> 0) {
        range = bound;
        probs[k] = p + ((2048 - p) >> 5);
        b = 0;
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[k] = p - (p >> 5);
        b = 1;
      }
      if (range >>> 0 < 0x1000000) {
        range <<= 8;
        code = (code << 8) | inp[ip++];
      }
    }
    if (b) {
      // A repeated distance: rep0 of one byte (short rep), or rep0–rep3 moved to the front.
      if (!pos) fail();
      k = IS_REP_G0 + state;
      {
        p = probs[k];
        bound = ((range >>> 11) * p) | 0;
        if (code >>> 0 < bound >>> 0) {
          range = bound;
          probs[k] = p + ((2048 - p) >> 5);
          b = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[k] = p - (p >> 5);
          b = 1;
        }
        if (range >>> 0 < 0x1000000) {
          range <<= 8;
          code = (code << 8) | inp[ip++];
        }
      }
      if (!b) {
        k = IS_REP0_LONG + (state << 4) + posState;
        {
          p = probs[k];
          bound = ((range >>> 11) * p) | 0;
          if (code >>> 0 < bound >>> 0) {
            range = bound;
            probs[k] = p + ((2048 - p) >> 5);
            b = 0;
          } else {
            range = (range - bound) | 0;
            code = (code - bound) | 0;
            probs[k] = p - (p >> 5);
            b = 1;
          }
          if (range >>> 0 < 0x1000000) {
            range <<= 8;
            code = (code << 8) | inp[ip++];
          }
        }
        if (!b) {
          if (pos >= size) fail();
          out[pos] = out[pos - rep0 - 1];
          pos++;
          state = state < 7 ? 9 : 11;
          continue;
        }
      } else {
        k = IS_REP_G1 + state;
        {
          p = probs[k];
          bound = ((range >>> 11) * p) | 0;
          if (code >>> 0 < bound >>> 0) {
            range = bound;
            probs[k] = p + ((2048 - p) >> 5);
            b = 0;
          } else {
            range = (range - bound) | 0;
            code = (code - bound) | 0;
            probs[k] = p - (p >> 5);
            b = 1;
          }
          if (range >>> 0 < 0x1000000) {
            range <<= 8;
            code = (code << 8) | inp[ip++];
          }
        }
        if (!b) {
          s = rep1;
        } else {
          k = IS_REP_G2 + state;
          {
            p = probs[k];
            bound = ((range >>> 11) * p) | 0;
            if (code >>> 0 < bound >>> 0) {
              range = bound;
              probs[k] = p + ((2048 - p) >> 5);
              b = 0;
            } else {
              range = (range - bound) | 0;
              code = (code - bound) | 0;
              probs[k] = p - (p >> 5);
              b = 1;
            }
            if (range >>> 0 < 0x1000000) {
              range <<= 8;
              code = (code << 8) | inp[ip++];
            }
          }
          if (!b) {
            s = rep2;
          } else {
            s = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = s;
      }
      len = REP_LEN;
      fresh = 0;
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = LEN;
      fresh = 1;
      state = state < 7 ? 7 : 10;
    }
    // A match length less 2 (0–271): low (0–7) and mid (8–15) 3-bit trees per position state, then a shared
    // 8-bit high tree.
    k = len;
    {
      p = probs[k];
      bound = ((range >>> 11) * p) | 0;
      if (code >>> 0 < bound >>> 0) {
        range = bound;
        probs[k] = p + ((2048 - p) >> 5);
        b = 0;
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[k] = p - (p >> 5);
        b = 1;
      }
      if (range >>> 0 < 0x1000000) {
        range <<= 8;
        code = (code << 8) | inp[ip++];
      }
    }
    if (!b) {
      i = len + 2 + (posState << 3);
      n = 3;
      s = 0;
    } else {
      k = len + 1;
      {
        p = probs[k];
        bound = ((range >>> 11) * p) | 0;
        if (code >>> 0 < bound >>> 0) {
          range = bound;
          probs[k] = p + ((2048 - p) >> 5);
          b = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[k] = p - (p >> 5);
          b = 1;
        }
        if (range >>> 0 < 0x1000000) {
          range <<= 8;
          code = (code << 8) | inp[ip++];
        }
      }
      if (!b) {
        i = len + 130 + (posState << 3);
        n = 3;
        s = 8;
      } else {
        i = len + 258;
        n = 8;
        s = 16;
      }
    }
    for (m = 1; m < 1 << n; ) {
      k = i + m;
      {
        p = probs[k];
        bound = ((range >>> 11) * p) | 0;
        if (code >>> 0 < bound >>> 0) {
          range = bound;
          probs[k] = p + ((2048 - p) >> 5);
          b = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[k] = p - (p >> 5);
          b = 1;
        }
        if (range >>> 0 < 0x1000000) {
          range <<= 8;
          code = (code << 8) | inp[ip++];
        }
      }
      m = (m << 1) | b;
    }
    len = s + m - (1 << n);
    if (fresh) {
      // A new distance: a 6-bit slot, then its low bits from a reverse tree (slots 4–13) or direct bits and a
      // 4-bit aligned reverse tree (slots 14–63).
      i = POS_SLOT + ((len < 3 ? len : 3) << 6);
      for (m = 1; m < 64; ) {
        k = i + m;
        {
          p = probs[k];
          bound = ((range >>> 11) * p) | 0;
          if (code >>> 0 < bound >>> 0) {
            range = bound;
            probs[k] = p + ((2048 - p) >> 5);
            b = 0;
          } else {
            range = (range - bound) | 0;
            code = (code - bound) | 0;
            probs[k] = p - (p >> 5);
            b = 1;
          }
          if (range >>> 0 < 0x1000000) {
            range <<= 8;
            code = (code << 8) | inp[ip++];
          }
        }
        m = (m << 1) | b;
      }
      const slot = m - 64;
      if (slot < 4) {
        rep0 = slot;
      } else {
        n = (slot >> 1) - 1;
        rep0 = (2 | (slot & 1)) << n;
        if (slot < 14) {
          i = SPEC_POS + rep0 - slot;
        } else {
          for (n -= 4, s = 0; n > 0; n--) {
            range >>>= 1;
            s <<= 1;
            if (code >>> 0 >= range >>> 0) {
              code = (code - range) | 0;
              s |= 1;
            }
            if (range >>> 0 < 0x1000000) {
              range <<= 8;
              code = (code << 8) | inp[ip++];
            }
          }
          rep0 = (rep0 + (s << 4)) | 0;
          i = ALIGN;
          n = 4;
        }
        for (m = 1, s = 0; s < n; s++) {
          k = i + m;
          {
            p = probs[k];
            bound = ((range >>> 11) * p) | 0;
            if (code >>> 0 < bound >>> 0) {
              range = bound;
              probs[k] = p + ((2048 - p) >> 5);
              b = 0;
            } else {
              range = (range - bound) | 0;
              code = (code - bound) | 0;
              probs[k] = p - (p >> 5);
              b = 1;
            }
            if (range >>> 0 < 0x1000000) {
              range <<= 8;
              code = (code << 8) | inp[ip++];
            }
          }
          m = (m << 1) | b;
          rep0 |= b << s;
        }
        if (rep0 === -1) {
          // The end marker: only after exactly `size` bytes, with the range coder finished and the input used up.
          if (pos !== size || code || ip !== inLen) fail();
          return out;
        }
      }
      if (rep0 >>> 0 >= pos) fail();
    }
    len += 2;
    if (len > size - pos) fail();
    for (s = pos - rep0 - 1; len--; ) out[pos++] = out[s++];
  }
}
