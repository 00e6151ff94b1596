// Reads every .ptau fixture (tests/oracle/fixtures/ptau) with snarkjs 0.7.6's OWN readers
// (@iden3/binfileutils readBinFile, snarkjs src/powersoftau_utils.js readPTauHeader / readContributions)
// and writes what they see to vectors/ptau-fixtures.json: declared section count, the section table,
// header values, and each contribution's fields (type, params, hashes; responseHash is computed by
// snarkjs from partialHash + the uncompressed public key). Also the sizes of the challenge/response files.
// Provenance: run `node gen-ptau-fixture-index.mjs` in tests/oracle after `npm ci`.
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";
import * as binFileUtils from "@iden3/binfileutils";
import * as utils from "./node_modules/snarkjs/src/powersoftau_utils.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, "fixtures", "ptau");
const hex = (b) => Buffer.from(b).toString("hex");

const out = { provenance: "snarkjs 0.7.6 readers over tests/oracle/fixtures/ptau; gen-ptau-fixture-index.mjs", ptau: {}, other: {} };
for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (!name.endsWith(".ptau")) {
        if (name.startsWith("challenge_") || name.startsWith("response_")) out.other[name] = { size: fs.statSync(full).size };
        continue;
    }
    const { fd, sections } = await binFileUtils.readBinFile(full, "ptau", 1);
    fd.pos = 8;
    const declared = await fd.readULE32();
    const table = [];
    sections.forEach((list, id) => { if (list) for (const s of list) table.push({ id, offset: s.p, size: s.size }); });
    table.sort((a, b) => a.offset - b.offset);
    const { curve, power, ceremonyPower } = await utils.readPTauHeader(fd, sections);
    const contributions = await utils.readContributions(fd, curve, sections);
    out.ptau[name] = {
        size: fs.statSync(full).size,
        declaredSections: declared,
        sections: table,
        curve: curve.name.toLowerCase(),
        power, ceremonyPower,
        contributions: contributions.map((c) => ({
            type: c.type,
            name: c.name ?? null,
            numIterationsExp: c.numIterationsExp ?? null,
            beaconHash: c.beaconHash ? hex(c.beaconHash) : null,
            partialHash: hex(c.partialHash),
            nextChallenge: hex(c.nextChallenge),
            responseHash: hex(c.responseHash),
        })),
    };
    await fd.close();
    await curve.terminate();
}
// The name rule of snarkjs writeContribution: TextEncoder().encode(name.substring(0, 64)).
const names = [
    "",
    "plain ascii",
    "x".repeat(64),
    "y".repeat(65),
    "é".repeat(70),
    "a".repeat(63) + "😀 tail",          // the 64th code unit is a lone high surrogate
    "😀".repeat(40),
    "✓ mixed — naïve 日本語",
];
out.names = names.map((n) => ({ name: n, stored: hex(new TextEncoder("utf-8").encode(n.substring(0, 64))) }));
fs.mkdirSync(path.join(here, "vectors"), { recursive: true });
fs.writeFileSync(path.join(here, "vectors", "ptau-fixtures.json"), JSON.stringify(out, null, 1) + "\n");
console.log("wrote vectors/ptau-fixtures.json:", Object.keys(out.ptau).length, "ptau files");
