// Generates tests/oracle/vectors/fft.json: vectors for PowersOfTau.Crypto.Fft (Fr.fft/ifft and G1/G2.ifft).
// Provenance: ffjavascript 0.3.1 curve.Fr.fft / curve.Fr.ifft (src/engine_fft.js, the wasm engine
// snarkjs 0.7.6 uses, run with its worker threads) and curve.Fr.w[] (src/wasm_field1.js), for bn128
// and bls12381, as pinned in tests/oracle/package.json. Run: `npm ci && node gen-fft-vectors.js`.
// Inputs: x_i = int(SHA-256("fft-" + curve + "-" + n + "-" + i), big-endian) mod r.
// All field values are canonical (non-Montgomery) integers: decimal strings, or, for the large size,
// a SHA-256 over the canonical 32-byte little-endian encodings of all outputs in order.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { getCurveFromName } = require("ffjavascript");
const hex = (u8) => Buffer.from(u8).toString("hex");

(async () => {
    const curves = [];
    for (const curveName of ["bn128", "bls12381"]) {
        const curve = await getCurveFromName(curveName, true);
        const Fr = curve.Fr;
        const r = Fr.p;
        const toBig = (u8) => BigInt(Fr.toString(u8, 10));
        const roots = [];
        for (let k = 0; k <= Fr.s; k++) roots.push(Fr.toString(Fr.w[k], 10));

        const cases = [];
        for (const n of [1, 2, 4, 8, 16, 1024]) {
            const input = [];
            const buff = new Uint8Array(n * Fr.n8);
            for (let i = 0; i < n; i++) {
                const h = crypto.createHash("sha256").update(`fft-${curveName}-${n}-${i}`).digest();
                const x = BigInt("0x" + h.toString("hex")) % r;
                input.push(x.toString());
                buff.set(Fr.e(x), i * Fr.n8);
            }
            const fft = await Fr.fft(buff);
            const ifft = await Fr.ifft(buff);
            const values = (out) => Array.from({ length: n }, (_, i) => toBig(out.slice(i * Fr.n8, (i + 1) * Fr.n8)));
            const digest = (vals) => {
                const h = crypto.createHash("sha256");
                for (const v of vals) {
                    const le = Buffer.alloc(32);
                    let x = v;
                    for (let b = 0; b < 32; b++) { le[b] = Number(x & 0xffn); x >>= 8n; }
                    h.update(le);
                }
                return h.digest("hex");
            };
            const f = values(fft), g = values(ifft);
            if (n <= 16) {
                // Self-check of the documented definitions with plain BigInt arithmetic:
                // fft_i = sum_j w^(ij) x_j and ifft_i = n^-1 sum_j w^(-ij) x_j, w = Fr.w[log2 n].
                const pow = (b, e) => { let res = 1n; b %= r; while (e > 0n) { if (e & 1n) res = res * b % r; b = b * b % r; e >>= 1n; } return res; };
                const w = BigInt(Fr.toString(Fr.w[Math.log2(n)], 10));
                const wInv = pow(w, r - 2n), nInv = pow(BigInt(n), r - 2n);
                const xs = input.map(BigInt);
                for (let i = 0; i < n; i++) {
                    let a = 0n, b = 0n;
                    for (let j = 0; j < n; j++) { a += pow(w, BigInt(i * j)) * xs[j]; b += pow(wInv, BigInt(i * j)) * xs[j]; }
                    if (a % r !== f[i] || b % r * nInv % r !== g[i]) throw new Error(`definition mismatch ${curveName} n=${n} i=${i}`);
                }
            }
            const c = { n, fftSha256: digest(f), ifftSha256: digest(g) };
            if (n <= 16) { c.input = input; c.fft = f.map(String); c.ifft = g.map(String); }
            else { c.fftFirst = f.slice(0, 4).map(String); c.ifftFirst = g.slice(0, 4).map(String); }
            cases.push(c);
        }
        // G1.ifft / G2.ifft of points P_j = k_j·G (affine LEM in and out, as prepare phase2 calls them),
        // k_j = int(SHA-256("fft-point-" + curve + "-" + group + "-" + n + "-" + j), big-endian) mod r;
        // with lastInfinity the last input is the identity (k = 0), as in section 12's extra block.
        const pointCases = [];
        const pointSpecs = curveName === "bn128"
            ? [["G1", 8, false], ["G1", 8, true], ["G2", 4, false]]
            : [["G1", 4, false], ["G2", 2, true]];
        for (const [group, n, lastInfinity] of pointSpecs) {
            const G = curve[group];
            const sIn = G.F.n8 * 2;
            const buff = new Uint8Array(n * sIn);
            const scalars = [];
            for (let j = 0; j < n; j++) {
                const h = crypto.createHash("sha256").update(`fft-point-${curveName}-${group}-${n}-${j}`).digest();
                const k = (lastInfinity && j === n - 1) ? 0n : BigInt("0x" + h.toString("hex")) % r;
                scalars.push(k.toString());
                buff.set(G.toAffine(G.timesFr(G.g, Fr.e(k))), j * sIn);
            }
            const out = await G.ifft(buff, "affine", "affine");
            pointCases.push({ group, n, lastInfinity, scalars, inputLem: hex(buff), ifftLem: hex(out) });
        }
        curves.push({ curve: curveName, field: curveName === "bn128" ? "Fr254" : "Fr381", r: r.toString(), s: Fr.s, roots, cases, pointCases });
        await curve.terminate();
    }
    const out = {
        provenance: "ffjavascript 0.3.1 curve.Fr.fft/ifft (wasm engine) and Fr.w[]; generated by tests/oracle/gen-fft-vectors.js",
        inputs: "x_i = int(SHA-256(utf8('fft-' + curve + '-' + n + '-' + i)), big-endian) mod r; digests are SHA-256 over the canonical 32-byte LE encodings of all outputs",
        curves,
    };
    fs.writeFileSync(path.join(__dirname, "vectors", "fft.json"), JSON.stringify(out, null, 1) + "\n");
    console.log("fft.json written: " + curves.map((c) => c.curve + " s=" + c.s + " w[s]=" + c.roots[c.s]).join("; "));
})().catch((e) => { console.error(e); process.exit(1); });
