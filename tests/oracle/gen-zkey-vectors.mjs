// Vectors for PowersOfTau.Ceremony's WasmcurvesSubAffine: what wasmcurves (through ffjavascript 0.3.1's worker
// tasks, exactly as snarkjs 0.7.6 zkey_new.js hashHPointsThread calls them) computes for g1m_subAffine ->
// g1m_batchToAffine -> g1m_batchLEMtoU when the first point is arbitrary bytes (unreduced, off-curve), as happens
// for the point snarkjs reads past the end of ptau section 2 (spec/zkey.md §2).
// Run: node tests/oracle/gen-zkey-vectors.mjs > tests/oracle/vectors/zkey-subaffine.json
import * as ff from "ffjavascript";
import crypto from "crypto";

const out = { source: "ffjavascript 0.3.1 / wasmcurves: g1m_subAffine, g1m_batchToAffine, g1m_batchLEMtoU", cases: [] };
for (const [name, build] of [["bn128", ff.buildBn128], ["bls12381", ff.buildBls12381]]) {
    const curve = await build(true);
    const n8 = curve.G1.F.n8, sG1 = 2 * n8;
    // Deterministic "garbage": SHA-256 chains, plus a section-header-like prefix as in a real file.
    let seed = crypto.createHash("sha256").update(name).digest();
    for (let k = 0; k < 6; k++) {
        const garbage = new Uint8Array(sG1);
        for (let o = 0; o < sG1; o += 32) {
            seed = crypto.createHash("sha256").update(seed).digest();
            garbage.set(seed.subarray(0, Math.min(32, sG1 - o)), o);
        }
        if (k === 0) garbage.set([3, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0], 0);   // like "section 3, size 0x400000"
        if (k === 1) garbage.fill(0xff);
        const low = curve.G1.timesScalar(curve.G1.g, 1000 + k);
        const lowLem = new Uint8Array(sG1);
        curve.G1.toRprLEM(lowLem, 0, curve.G1.toAffine(low));
        const task = [
            { cmd: "ALLOCSET", var: 0, buff: garbage },
            { cmd: "ALLOCSET", var: 1, buff: lowLem },
            { cmd: "ALLOC", var: 2, len: 3 * n8 },
            { cmd: "CALL", fnName: "g1m_subAffine", params: [{ var: 0 }, { var: 1 }, { var: 2 }] },
            { cmd: "CALL", fnName: "g1m_batchToAffine", params: [{ var: 2 }, { val: 1 }, { var: 2 }] },
            { cmd: "CALL", fnName: "g1m_batchLEMtoU", params: [{ var: 2 }, { val: 1 }, { var: 2 }] },
            { cmd: "GET", out: 0, var: 2, len: sG1 },
        ];
        const res = await curve.tm.queueAction(task);
        out.cases.push({
            curve: name,
            p1Lem: Buffer.from(garbage).toString("hex"),
            p2Lem: Buffer.from(lowLem).toString("hex"),
            differenceU: Buffer.from(res[0]).toString("hex"),
        });
    }
    await curve.terminate();
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
