// Generates tests/oracle/vectors/random.json: vectors for PowersOfTau.Crypto.Random.
// Provenance: ffjavascript 0.3.1 `ChaCha` (src/chacha.js), the curves' `F.fromRng`
// (src/wasm_field1.js, used by snarkjs 0.7.6 for Fr and Fq), `F2.fromRng`, `G1/G2.fromRng` (src/wasm_curve.js),
// snarkjs 0.7.6 src/keypair.js `hashToG2` and src/misc.js `rngFromBeaconParams`, @noble/hashes 1.8.0 blake2b for the
// digest-seeded case (as snarkjs misc.getRandomRng / keypair.hashToG2 seed ChaCha), all as pinned in
// tests/oracle/package.json. Run: `npm ci && node gen-random-vectors.js` in tests/oracle.
// Seeds come from SHA-256("seed-" + label), read as 8 big-endian u32 words, except the fixed ones.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { ChaCha, getCurveFromName } = require("ffjavascript");

const hex = (u8) => Buffer.from(u8).toString("hex");
function seedOf(label) {
    const d = crypto.createHash("sha256").update("seed-" + label).digest();
    return Array.from({ length: 8 }, (_, i) => d.readUInt32BE(4 * i));
}

(async () => {
    const { blake2b } = await import("@noble/hashes/blake2b");

    const chacha = [];
    const seeds = [
        ["zero", [0, 0, 0, 0, 0, 0, 0, 0]],
        ["counting", [1, 2, 3, 4, 5, 6, 7, 8]],
        ["max", Array(8).fill(0xffffffff)],
        ["a", seedOf("a")],
        ["b", seedOf("b")],
    ];
    for (const [label, seed] of seeds) {
        const u32 = []; let rng = new ChaCha(seed);
        for (let i = 0; i < 40; i++) u32.push(rng.nextU32());   // crosses a 16-word block boundary twice
        const u64 = []; rng = new ChaCha(seed);
        for (let i = 0; i < 12; i++) u64.push(rng.nextU64().toString());
        const bools = []; rng = new ChaCha(seed);
        for (let i = 0; i < 20; i++) bools.push(rng.nextBool());
        chacha.push({ label, seed, u32, u64, bools });
    }

    // The 128-bit block counter carries across words 12..15 (set by hand: 2^32 blocks is out of reach).
    const carries = [];
    for (const counter of [[0xffffffff, 0, 0, 0], [0xffffffff, 0xffffffff, 0xffffffff, 0], [0xfffffffe, 7, 0, 0]]) {
        const seed = seedOf("carry");
        const rng = new ChaCha(seed);
        for (let i = 0; i < 4; i++) rng.state[12 + i] = counter[i];
        const u32 = [];
        for (let i = 0; i < 48; i++) u32.push(rng.nextU32());
        carries.push({ seed, counter, u32 });
    }

    // Seeding from a BLAKE2b-512 digest: first 32 bytes as 8 big-endian words (getRandomRng, hashToG2).
    const digestSeeded = [];
    for (const text of ["", "some entropy", "hashToG2 transcript"]) {
        const digest = blake2b(new TextEncoder().encode(text));
        const dv = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
        const seed = Array.from({ length: 8 }, (_, i) => dv.getUint32(4 * i));
        const rng = new ChaCha(seed);
        const u32 = [];
        for (let i = 0; i < 20; i++) u32.push(rng.nextU32());
        digestSeeded.push({ digest: hex(digest), seed, u32 });
    }

    // F.fromRng for the four prime fields. montgomeryLE = the bytes fromRng returns (= v, little-endian);
    // value = the element they represent (v * R^-1 mod p, decimal); nextU32After = the generator's next word
    // after all draws (pins how many words, i.e. rejections, were consumed).
    const fields = [];
    const points = [];
    const fp2 = [];
    const hashToG2 = [];
    const keypair = await import("./node_modules/snarkjs/src/keypair.js");
    for (const curveName of ["bn128", "bls12381"]) {
        const curve = await getCurveFromName(curveName, true);
        for (const [fieldName, F] of [["Fr", curve.Fr], ["Fq", curve.F1]]) {
            const name = (fieldName === "Fr" ? "Fr" : "Fp") + (curveName === "bn128" ? "254" : "381");
            for (const label of ["x", "y", "z"]) {
                const seed = seedOf(name + "-" + label);
                const rng = new ChaCha(seed);
                const draws = [];
                for (let i = 0; i < 6; i++) {
                    const buff = F.fromRng(rng);
                    draws.push({ montgomeryLE: hex(buff), value: F.toString(buff, 10) });
                }
                fields.push({ field: name, modulus: F.p.toString(), seed, draws, nextU32After: rng.nextU32() });
            }
        }
        // F2.fromRng (c0 then c1) and G1/G2.fromRng (spec/ptau.md §6), affine LEM after toAffine;
        // hashToG2 through snarkjs 0.7.6 src/keypair.js itself.
        const F2 = curve.F2;
        const fp2Seed = seedOf(curveName + "-Fp2");
        let rng = new ChaCha(fp2Seed);
        const fp2Draws = [];
        for (let i = 0; i < 3; i++) fp2Draws.push(hex(F2.fromRng(rng)));
        fp2.push({ curve: curveName, seed: fp2Seed, montgomeryLE: fp2Draws, nextU32After: rng.nextU32() });
        for (const group of ["G1", "G2"]) {
            const G = curve[group];
            const seed = seedOf(curveName + "-" + group + "-fromRng");
            rng = new ChaCha(seed);
            const lem = [];
            for (let i = 0; i < 3; i++) lem.push(hex(G.toAffine(G.fromRng(rng))));
            points.push({ curve: curveName, group, seed, lem, nextU32After: rng.nextU32() });
        }
        for (const text of ["hashToG2 a", "hashToG2 b"]) {
            const h = blake2b(new TextEncoder().encode(text));
            hashToG2.push({ curve: curveName, hash: hex(h), lem: hex(curve.G2.toAffine(keypair.hashToG2(curve, h))) });
        }
        await curve.terminate();
    }

    // Beacon seeding through snarkjs 0.7.6 misc.rngFromBeaconParams itself: first 20 words of the ChaCha.
    const misc = await import("./node_modules/snarkjs/src/misc.js");
    const beacon = [];
    for (const [beaconHex, exp] of [["0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", 10], ["ab", 0], ["ab", 1],
                                    [Buffer.alloc(64, 0x5a).toString("hex"), 12]]) {
        const rng = await misc.rngFromBeaconParams(misc.hex2ByteArray(beaconHex), exp);
        const u32 = [];
        for (let i = 0; i < 20; i++) u32.push(rng.nextU32());
        beacon.push({ beaconHash: beaconHex, numIterationsExp: exp, u32 });
    }

    const out = {
        provenance: "ffjavascript 0.3.1 ChaCha and curve F.fromRng (bn128, bls12381 Fr and Fq); @noble/hashes 1.8.0 blake2b; generated by tests/oracle/gen-random-vectors.js",
        chacha, carries, digestSeeded, fields, fp2, points, hashToG2, beacon,
    };
    fs.writeFileSync(path.join(__dirname, "vectors", "random.json"), JSON.stringify(out, null, 1) + "\n");
    console.log(`random.json: ${chacha.length} seeds, ${carries.length} carries, ${digestSeeded.length} digest seeds, ${fields.length} field cases, ${points.length} point cases, ${hashToG2.length} hashToG2`);
})().catch((e) => { console.error(e); process.exit(1); });
