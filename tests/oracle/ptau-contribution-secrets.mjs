// Independent computation of the secrets of one `powersoftau contribute` (spec/ptau.md §6), for the memory-scan
// test (tests/PowersOfTau.Interop.Tests/MemoryScan). Uses ffjavascript 0.3.1 (snarkjs 0.7.6's own field code and
// ChaCha) and @noble/hashes BLAKE2b — no code of ours.
//
//   node ptau-contribution-secrets.mjs <curve bn128|bls12381> <128 hex digits: the 64 "OS random" bytes> <entropy text>
//
// Prints JSON: for each secret, the byte patterns (hex) under which it could sit in a process's memory:
//   digest   = BLAKE2b-512(seed64 ‖ UTF-8(text)); its first 32 bytes seed ChaCha as 8 big-endian u32 words
//   tau, alpha, beta = Fr.fromRng ×3 (in this order); tau2 = tau²
// Field elements: canonical LE/BE (the value x), Montgomery LE/BE (x·2^256 mod r — the raw fromRng bytes are the
// Montgomery LE form, see spec/ptau.md §6). Digest: whole, first 32 bytes, and the ChaCha key as native (LE) u32
// words. Text: UTF-8 and UTF-16LE. Seed: the 64 raw bytes.
import { ChaCha, buildBn128, buildBls12381, Scalar } from "ffjavascript";
import { blake2b } from "@noble/hashes/blake2b";

const [curveName, seedHex, text] = process.argv.slice(2);
if (!curveName || !/^[0-9a-fA-F]{128}$/.test(seedHex ?? "") || text === undefined)
    throw new Error("usage: ptau-contribution-secrets.mjs <curve> <128 hex> <text>");
const curve = curveName === "bn128" ? await buildBn128(true) : curveName === "bls12381" ? await buildBls12381(true) : null;
if (!curve) throw new Error("unknown curve " + curveName);
const Fr = curve.Fr;

const seed64 = Buffer.from(seedHex, "hex");
const digest = Buffer.from(blake2b(Buffer.concat([seed64, Buffer.from(text, "utf8")]), { dkLen: 64 }));
const words = [];
for (let i = 0; i < 8; i++) words.push(digest.readUInt32BE(4 * i));
const rng = new ChaCha(words);
const tau = Fr.fromRng(rng), alpha = Fr.fromRng(rng), beta = Fr.fromRng(rng);
const tau2 = Fr.square(tau);

const hex = (b) => Buffer.from(b).toString("hex");
const reversed = (b) => Buffer.from(b).reverse();
function fieldEncodings(element) {
    const value = Fr.toObject(element);               // the integer x
    const le = new Uint8Array(32);
    Scalar.toRprLE(le, 0, value, 32);
    const mont = Buffer.from(element);                 // wasm field elements are Montgomery LE: x·2^256 mod r
    const montCheck = (value * (1n << 256n)) % Scalar.e(Fr.p.toString());
    if (Scalar.fromRprLE(mont, 0, 32) !== montCheck) throw new Error("Montgomery form check failed");
    return { canonicalLE: hex(le), canonicalBE: hex(reversed(le)), montgomeryLE: hex(mont), montgomeryBE: hex(reversed(mont)) };
}
const chachaKeyNative = Buffer.alloc(32);
words.forEach((w, i) => chachaKeyNative.writeUInt32LE(w, 4 * i));

const out = {
    provenance: "tests/oracle/ptau-contribution-secrets.mjs (ffjavascript 0.3.1 wasm Fr.fromRng + ChaCha, @noble/hashes 1.8.0 blake2b)",
    curve: curveName,
    secrets: {
        tau: fieldEncodings(tau),
        alpha: fieldEncodings(alpha),
        beta: fieldEncodings(beta),
        tau2: fieldEncodings(tau2),
        digest: { whole: hex(digest), first32: hex(digest.subarray(0, 32)), chachaKeyNativeWords: hex(chachaKeyNative) },
        seed64: { raw: seedHex.toLowerCase() },
        text: { utf8: hex(Buffer.from(text, "utf8")), utf16le: hex(Buffer.from(text, "utf16le")) },
    },
};
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
await curve.terminate();
