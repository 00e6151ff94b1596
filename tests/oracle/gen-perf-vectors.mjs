// Provenance: snarkjs 0.7.6 (package.json pin) run at bn128 power 12 and bls12381 power 11. The exported partialHash
// keeps the BLAKE2b buffer's stale bytes, which depend on the hasher's update boundaries, so any chunking of the
// compressed points other than snarkjs's floor(2^20 / pointSize) per update changes the file; the power-4 fixtures
// have one chunk per section and cannot see it.
// contribute runs with fixed-random.mjs (64 "OS random" bytes 0x2a) and -e=x; beacon is deterministic.
// Output: vectors/perf.json with the SHA-256 of each snarkjs output file.
// Run: node gen-perf-vectors.mjs (from tests/oracle, after npm ci).
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, dirname } from "path";
import { fileURLToPath } from "url";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "node_modules/snarkjs/cli.js");
const dir = mkdtempSync(join(tmpdir(), "perf-vectors-"));
const run = (args, fixed) =>
    execFileSync("node", [...(fixed ? ["--import", join(here, "fixed-random.mjs")] : []), cli, ...args], { stdio: "pipe" });
const sha = (f) => createHash("sha256").update(readFileSync(f)).digest("hex");
const out = { "_provenance": "tests/oracle/gen-perf-vectors.mjs, snarkjs 0.7.6", cases: [] };
for (const [curve, power] of [["bn128", 12], ["bls12381", 11]]) {
    const p0 = join(dir, `${curve}_0.ptau`), p1 = join(dir, `${curve}_1.ptau`), pb = join(dir, `${curve}_b.ptau`);
    run(["powersoftau", "new", curve, String(power), p0], false);
    run(["powersoftau", "contribute", p0, p1, "-e=x"], true);
    const beaconHash = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    run(["powersoftau", "beacon", p1, pb, beaconHash, "10", "-n=b"], false);
    out.cases.push({ curve, power, new: sha(p0), contributeRandom0x2aEntropyX: sha(p1), beaconHash, beaconIterationsExp: 10, beaconName: "b", beacon: sha(pb) });
}
rmSync(dir, { recursive: true });
writeFileSync(join(here, "vectors/perf.json"), JSON.stringify(out, null, 2) + "\n");
