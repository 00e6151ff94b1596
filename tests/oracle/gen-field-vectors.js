// Known-answer vectors for src/PowersOfTau.Crypto/Fields (prime fields and Fp2).
//
// Provenance: every result is computed by ffjavascript 0.3.1 (the wasm fields that snarkjs 0.7.6 uses:
// curve.F1 = Fq, curve.Fr, curve.F2 = Fq2, whose elements ARE the little-endian Montgomery "LEM" bytes)
// and cross-checked, value by value, against @noble/curves 1.9.7 (bn254 / bls12_381 .fields).
// The script aborts if the two libraries disagree. Inputs come from a fixed-seed PRNG so the output is
// reproducible:  cd tests/oracle && npm ci && node gen-field-vectors.js > vectors/fields.json
//
// Value encoding in the JSON: canonical integers as "0x" big-endian hex; "lem" as little-endian hex bytes
// of the Montgomery form (R = 2^(8*n8)), exactly what .ptau sections store (spec/ptau.md §2).
"use strict";
const ff = require("ffjavascript");
const { bn254 } = require("@noble/curves/bn254");
const { bls12_381 } = require("@noble/curves/bls12-381");

// xorshift128+ with a fixed seed: deterministic, not cryptographic (test inputs only).
let s0 = 0x9e3779b97f4a7c15n, s1 = 0xd1b54a32d192ed03n;
const M64 = (1n << 64n) - 1n;
function next64() {
    let x = s0; const y = s1;
    s0 = y; x ^= (x << 23n) & M64; s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return (s1 + y) & M64;
}
function randBelow(p) {
    const bits = p.toString(2).length;
    for (;;) {
        let v = 0n;
        for (let i = 0; i < Math.ceil(bits / 64); i++) v = (v << 64n) | next64();
        v &= (1n << BigInt(bits)) - 1n;
        if (v < p) return v;
    }
}

const hex = (v) => "0x" + v.toString(16);
const leHex = (u8) => Buffer.from(u8).toString("hex");
function toLE(v, n8) { const b = new Uint8Array(n8); for (let i = 0; i < n8; i++) { b[i] = Number(v & 0xffn); v >>= 8n; } return b; }
function fromLE(b) { let v = 0n; for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]); return v; }
function check(cond, what) { if (!cond) throw new Error("oracle disagreement: " + what); }

// ---- prime fields -----------------------------------------------------------------------------------
function primeSuite(name, F, N) {
    // F: ffjavascript wasm field (elements = LEM bytes); N: noble field (bigints).
    const p = F.p;
    check(p === N.ORDER, name + " modulus");
    const n8 = F.n8;
    const el = (v) => F.toMontgomery(toLE(v, n8));            // canonical -> LEM
    const val = (m) => fromLE(F.fromMontgomery(m));           // LEM -> canonical
    const edge = [0n, 1n, p - 1n, p - 2n, 2n, (p - 1n) / 2n, (p + 1n) / 2n];
    const cases = [];
    const inputs = [];
    for (const e of edge) inputs.push([e, randBelow(p)]);
    inputs.push([p - 1n, p - 1n], [p - 2n, p - 1n], [1n, 0n]);
    for (let i = 0; i < 20; i++) inputs.push([randBelow(p), randBelow(p)]);
    for (const [a, b] of inputs) {
        const A = el(a), B = el(b);
        const add = val(F.add(A, B)), sub = val(F.sub(A, B)), mul = val(F.mul(A, B)), sqr = val(F.square(A));
        const inv = a === 0n ? 0n : val(F.inv(A));
        check(add === N.add(a, b) && sub === N.sub(a, b) && mul === N.mul(a, b) && sqr === N.sqr(a), name + " arith");
        if (a !== 0n) check(inv === N.inv(a), name + " inv");
        const isSq = F.isSquare(A);
        const legendre = a === 0n ? 0 : (isSq ? 1 : -1);
        const nobleLeg = N.pow(a, (p - 1n) / 2n);
        check(legendre === (nobleLeg === 0n ? 0 : nobleLeg === 1n ? 1 : -1), name + " legendre");
        let sqrt = null;
        if (legendre >= 0) {
            sqrt = val(F.sqrt(A));
            check(N.sqr(sqrt) === a, name + " sqrt");
            const ns = N.sqrt(a);
            check(ns === sqrt || N.neg(ns) === sqrt, name + " sqrt vs noble");
        }
        const isNegative = F.isNegative(A);
        check(isNegative === (a > (p - 1n) / 2n), name + " isNegative");
        const lem = leHex(A);
        check(fromLE(A) === (a * (1n << BigInt(8 * n8))) % p, name + " LEM radix");
        cases.push({ a: hex(a), b: hex(b), add: hex(add), sub: hex(sub), mul: hex(mul), sqr: hex(sqr), inv: hex(inv),
            sqrt: sqrt === null ? null : hex(sqrt), legendre, isNegative, lem });
    }
    return { modulus: hex(p), n8, cases };
}

// ---- Fp2 = Fp[u]/(u^2 + 1) -------------------------------------------------------------------------
function fp2Suite(name, F2, N2) {
    const F = F2.F, p = F.p, n8 = F.n8;
    const el = (c0, c1) => { const r = new Uint8Array(2 * n8); r.set(F.toMontgomery(toLE(c0, n8)), 0); r.set(F.toMontgomery(toLE(c1, n8)), n8); return r; };
    const val = (m) => [fromLE(F.fromMontgomery(m.slice(0, n8))), fromLE(F.fromMontgomery(m.slice(n8)))];
    const nb = ([c0, c1]) => N2.create({ c0, c1 });
    const same = (x, y) => x[0] === y.c0 && x[1] === y.c1;
    // u^2 = -1 in both towers (checked against noble: u*u == -1).
    check(same([p - 1n, 0n], N2.mul(nb([0n, 1n]), nb([0n, 1n]))), name + " u^2 = -1");
    const r = () => randBelow(p);
    const inputs = [
        [[0n, 0n], [r(), r()]], [[1n, 0n], [r(), r()]], [[p - 1n, 0n], [r(), r()]], [[0n, 1n], [0n, 1n]],
        [[0n, p - 1n], [r(), r()]], [[p - 2n, p - 1n], [p - 1n, p - 2n]], [[r(), 0n], [r(), 0n]], [[0n, r()], [r(), r()]],
        [[(p - 1n) / 2n, 0n], [r(), r()]], [[(p + 1n) / 2n, 0n], [r(), r()]], [[5n, (p - 1n) / 2n], [r(), r()]], [[5n, (p + 1n) / 2n], [r(), r()]],
    ];
    for (let i = 0; i < 20; i++) inputs.push([[r(), r()], [r(), r()]]);
    // squares (so that sqrt exists for a good share of the cases)
    for (let i = 0; i < 6; i++) { const x = nb([r(), r()]); const s = N2.sqr(x); inputs.push([[s.c0, s.c1], [r(), r()]]); }
    const cases = [];
    for (const [a, b] of inputs) {
        const A = el(...a), B = el(...b);
        const add = val(F2.add(A, B)), sub = val(F2.sub(A, B)), mul = val(F2.mul(A, B)), sqr = val(F2.square(A));
        const isZero = a[0] === 0n && a[1] === 0n;
        const inv = isZero ? [0n, 0n] : val(F2.inv(A));
        check(same(add, N2.add(nb(a), nb(b))) && same(sub, N2.sub(nb(a), nb(b))) && same(mul, N2.mul(nb(a), nb(b))) && same(sqr, N2.sqr(nb(a))), name + " arith");
        if (!isZero) check(same(inv, N2.inv(nb(a))), name + " inv");
        const isSq = F2.isSquare(A);
        let sqrt = null;
        if (isSq) {
            sqrt = val(F2.sqrt(A));
            check(same(a, N2.sqr(nb(sqrt))), name + " sqrt");
        } else {
            let nobleThrew = false;
            try { N2.sqrt(nb(a)); } catch { nobleThrew = true; }
            check(nobleThrew, name + " non-square agreed by noble");
        }
        const isNegative = F2.isNegative(A);
        const neg = (v) => v > (p - 1n) / 2n;
        check(isNegative === (a[1] !== 0n ? neg(a[1]) : neg(a[0])), name + " isNegative rule");
        cases.push({ a: a.map(hex), b: b.map(hex), add: add.map(hex), sub: sub.map(hex), mul: mul.map(hex), sqr: sqr.map(hex),
            inv: inv.map(hex), sqrt: sqrt === null ? null : sqrt.map(hex), isNegative, lem: leHex(A) });
    }
    return { modulus: hex(p), n8, cases };
}

async function main() {
    const bn = await ff.buildBn128(true);
    const bls = await ff.buildBls12381(true);
    const out = {
        provenance: "tests/oracle/gen-field-vectors.js: ffjavascript 0.3.1 (wasm F1/Fr/F2 of buildBn128/buildBls12381), cross-checked with @noble/curves 1.9.7",
        prime: {
            Fp254: primeSuite("Fp254", bn.F1, bn254.fields.Fp),
            Fr254: primeSuite("Fr254", bn.Fr, bn254.fields.Fr),
            Fp381: primeSuite("Fp381", bls.F1, bls12_381.fields.Fp),
            Fr381: primeSuite("Fr381", bls.Fr, bls12_381.fields.Fr),
        },
        fp2: {
            Fp254: fp2Suite("Fp2<Fp254>", bn.F2, bn254.fields.Fp2),
            Fp381: fp2Suite("Fp2<Fp381>", bls.F2, bls12_381.fields.Fp2),
        },
    };
    process.stdout.write(JSON.stringify(out, null, 1) + "\n");
    await bn.terminate(); await bls.terminate();
}
main().catch((e) => { console.error(e); process.exit(1); });
