// The LZMA decoder that unpacks the app's wasm in the browser (crates/lzma-decoder compiled to wasm by
// `cargo xtask lzma --decoder`, exactly as `cargo xtask dist` ships it, with its JS side lzma.js), run in Node on
// streams made by the real compressor side (`cargo xtask lzma`: liblzma, the settings `cargo xtask dist` uses, and
// others): round trips of empty, tiny, repetitive, random and long-distance inputs and of the real wasm from dist/;
// and damaged streams (every truncation, every changed byte, bad headers, garbage), which must throw, never return,
// never hang. The damaged ones run in a worker that is terminated after a deadline, so a decoder that loops fails
// the test instead of stalling the run.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { DIST, E2E } from "./lib/paths.mjs";

const ROOT = resolve(E2E, "../..");
const GLUE = readFileSync(join(ROOT, "static/js/lzma.js"), "utf8");
const lzmaDecodeWith = new Function(`${GLUE}\nreturn lzmaDecode;`)();
/** The decoder's wasm, built by `before` below. */
let decoder;
const lzmaDecode = (stream) => lzmaDecodeWith(stream, decoder);

/** A small seeded generator (mulberry32), so every run tests the same inputs. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(n, seed, alphabet = 256) {
  const next = random(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * alphabet);
  return out;
}

/** Random data full of copies from far back (distances up to the whole input) with a few changed bytes in them:
 * new distances of every slot, repeated distances, literals after a match. */
function farCopies(n, seed) {
  const next = random(seed);
  const out = randomBytes(n, seed + 1);
  for (let pos = 4096; pos < n; ) {
    const len = 2 + Math.floor(next() * (next() < 0.1 ? 2000 : 60));
    const from = Math.floor(next() * (pos - 1));
    for (let i = 0; i < len && pos < n; i++) out[pos++] = next() < 0.02 ? out[from + i] ^ 1 : out[from + i];
    pos += Math.floor(next() * 20);
  }
  return out;
}

const text = (s) => new TextEncoder().encode(s);

/** The inputs of the round trips, by name. */
const INPUTS = {
  empty: new Uint8Array(0),
  "one byte 0x00": Uint8Array.of(0),
  "one byte 0xff": Uint8Array.of(255),
  "two bytes": Uint8Array.of(0x41, 0x41),
  "zeros, 300 kB (matches of the longest length)": new Uint8Array(300_000),
  "a run of 274 bytes (one past the longest match)": new Uint8Array(275).fill(7),
  "abc repeated": text("abc".repeat(5000)),
  "the decoder's own source, 3 times": text(readFileSync(join(ROOT, "crates/lzma-decoder/src/lib.rs"), "utf8").repeat(3)),
  "random, 100 kB (incompressible)": randomBytes(100_000, 1),
  "random over 4 symbols, 60 kB (short matches, reps)": randomBytes(60_000, 2, 4),
  "far copies, 400 kB (every distance slot)": farCopies(400_000, 3),
  "far copies, 20 kB": farCopies(20_000, 4),
};

/** `cargo xtask lzma …args` (the real compressor side, and the decoder's build). */
function xtaskLzma(args) {
  const command = ["run", "--quiet", "--package", "xtask", "--", "lzma", ...args];
  execFileSync(process.env.CARGO ?? "cargo", command, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
}

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "gcd-lzma-"));
  try {
    xtaskLzma(["--decoder", join(dir, "lzma.wasm")]);
    decoder = new Uint8Array(await readFile(join(dir, "lzma.wasm")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** Each input compressed by `cargo xtask lzma`, with `props` "lc,lp,pb" or dist's. */
async function compress(inputs, props) {
  const dir = await mkdtemp(join(tmpdir(), "gcd-lzma-"));
  try {
    const files = [];
    for (const [i, bytes] of inputs.entries()) {
      files.push(join(dir, `${i}.bin`));
      await writeFile(files[i], bytes);
    }
    xtaskLzma([...(props ? ["--props", props] : []), ...files]);
    // Awaited here, before `finally` removes the folder the files are read from (a race that failed one run).
    return await Promise.all(files.map(async (f) => new Uint8Array(await readFile(`${f}.lzma`))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function assertSame(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const at = actual.findIndex((b, i) => b !== expected[i]);
  assert.equal(at, -1, `${what}: first different byte at ${at}`);
}

/** The app's real wasm stream, from the app script in dist/ (where `cargo xtask dist` put it). */
function realStream() {
  const app = join(DIST, "giftcard-doctor-app.js");
  assert.ok(existsSync(app), `no ${app}: run \`cargo xtask dist\` first (or set GCD_DIST)`);
  const script = readFileSync(app, "utf8");
  // As `cargo xtask dist` writes it (`js_byte_string`): printable ASCII as itself, other bytes and `"`, `\`, `<` as
  // `\xNN`.
  const asString = [...decoder]
    .map((b) => (b >= 0x20 && b <= 0x7e && b !== 0x22 && b !== 0x5c && b !== 0x3c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`))
    .join("");
  assert.ok(script.includes(`"${asString}"`), "the app carries this decoder's wasm");
  const strings = script.match(/"[A-Za-z0-9+/=]{100000,}"/g) ?? [];
  assert.equal(strings.length, 1, "the app script holds one long base64 string, the wasm");
  return new Uint8Array(Buffer.from(strings[0].slice(1, -1), "base64"));
}

const names = Object.keys(INPUTS);
const inputs = Object.values(INPUTS);

test("round trips through the real compressor with dist's settings", async () => {
  const streams = await compress(inputs);
  for (const [i, name] of names.entries()) assertSame(await lzmaDecode(streams[i]), inputs[i], name);
});

for (const props of ["3,0,2", "0,4,4", "1,3,1", "0,0,0"]) {
  test(`round trips with other settings (lc,lp,pb = ${props})`, async () => {
    const streams = await compress(inputs, props);
    for (const [i, name] of names.entries()) assertSame(await lzmaDecode(streams[i]), inputs[i], `${name} (${props})`);
  });
}

test("the app's real wasm: the stream in dist/ decodes to a valid wasm, which round-trips", async () => {
  const wasm = (await lzmaDecode(realStream())).slice();
  assert.ok(wasm.length > 100_000, `${wasm.length} bytes`);
  assert.ok(WebAssembly.validate(wasm), "a valid WebAssembly module");
  const [again] = await compress([wasm]);
  assertSame(await lzmaDecode(again), wasm, "the real wasm, compressed again");
});

/**
 * Decodes every stream in a worker and returns, for each, whether it threw, what it threw, or the length it
 * returned; the worker is terminated after `ms`, which fails the test (a decoder that loops never finishes).
 */
function decodeInWorker(streams, ms = 60_000) {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const lzmaDecode = new Function(workerData.glue + "\\nreturn lzmaDecode;")();
    (async () => {
      const results = [];
      for (const s of workerData.streams) {
        try {
          results.push({ returned: (await lzmaDecode(s, workerData.decoder)).length });
        } catch (e) {
          results.push({ threw: String(e && e.message) });
        }
      }
      parentPort.postMessage(results);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { glue: GLUE, decoder, streams } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`the decoder did not finish ${streams.length} damaged streams within ${ms} ms: it hangs`));
    }, ms);
    worker.once("message", (results) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(results);
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function assertAllThrow(results, labels) {
  const returned = results.flatMap((r, i) => ("returned" in r ? [`${labels[i]} returned ${r.returned} bytes`] : []));
  assert.deepEqual(returned, [], "every damaged stream throws");
  for (const r of results) assert.equal(r.threw, "corrupt LZMA stream");
}

test("every truncation of a stream throws, and so does a stream with a byte too many", async () => {
  const [small, large] = await compress([
    INPUTS["far copies, 20 kB"],
    INPUTS["far copies, 400 kB (every distance slot)"],
  ]);
  const streams = [];
  const labels = [];
  for (let n = 0; n < small.length; n++) {
    streams.push(small.slice(0, n));
    labels.push(`the 20 kB stream cut to ${n} of ${small.length} bytes`);
  }
  for (let k = 0; k < 200; k++) {
    const n = Math.floor((large.length * k) / 200);
    streams.push(large.slice(0, n));
    labels.push(`the 400 kB stream cut to ${n} of ${large.length} bytes`);
  }
  for (const s of [small, large]) {
    const longer = new Uint8Array(s.length + 1);
    longer.set(s);
    streams.push(longer);
    labels.push(`a stream of ${s.length} bytes with one zero byte added`);
  }
  assertAllThrow(await decodeInWorker(streams), labels);
});

test("a changed byte anywhere in the data throws", async () => {
  const [stream] = await compress([INPUTS["far copies, 20 kB"]]);
  const next = random(5);
  const streams = [];
  const labels = [];
  for (let at = 13; at < stream.length; at++) {
    const damaged = stream.slice();
    damaged[at] ^= 1 + Math.floor(next() * 255);
    streams.push(damaged);
    labels.push(`byte ${at} of ${stream.length} changed`);
  }
  assertAllThrow(await decodeInWorker(streams), labels);
});

test("bad headers and garbage throw", async () => {
  const [stream] = await compress([INPUTS["abc repeated"]]);
  const size = INPUTS["abc repeated"].length;
  const withHeader = (edit) => {
    const s = stream.slice();
    edit(s, new DataView(s.buffer));
    return s;
  };
  const cases = {
    "properties byte 225": withHeader((s) => (s[0] = 225)),
    "lc 5 (lc + lp above 4, more literal coders than the decoder has)": withHeader((s) => (s[0] = 5)),
    "size one less": withHeader((s, v) => v.setUint32(5, size - 1, true)),
    "size one more": withHeader((s, v) => v.setUint32(5, size + 1, true)),
    "size 0": withHeader((s, v) => v.setUint32(5, 0, true)),
    "size 2^30 (too large to be ours)": withHeader((s, v) => v.setUint32(5, 2 ** 30, true)),
    "size above 2^32": withHeader((s) => (s[9] = 1)),
    "size unknown (all ones)": withHeader((s) => s.fill(0xff, 5, 13)),
    "first range coder byte not 0": withHeader((s) => (s[13] = 1)),
    "range coder's code all ones": withHeader((s) => s.fill(0xff, 14, 18)),
    "header only": stream.slice(0, 13),
  };
  const labels = Object.keys(cases);
  const streams = Object.values(cases);
  for (let k = 0; k < 300; k++) {
    const garbage = randomBytes(18 + k * 37, 100 + k);
    garbage.set(stream.subarray(0, 14));
    streams.push(garbage);
    labels.push(`a valid header, then ${garbage.length - 14} random bytes`);
  }
  assertAllThrow(await decodeInWorker(streams), labels);
});
