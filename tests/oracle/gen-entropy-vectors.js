// Generates tests/oracle/vectors/entropy.json: known answers for PowersOfTau.Entropy's mixer
// (docs/entropy.md) and for the snarkjs getRandomRng digest with the mixed seed in place of the 64
// OS-random bytes (spec/ptau.md §6 step 2).
// Provenance: @noble/hashes 1.8.0 `blake2b` (the hasher snarkjs 0.7.6 uses), as pinned in
// tests/oracle/package.json; the encoding below is written from docs/entropy.md, independently of the C#.
// Run: `npm ci && node gen-entropy-vectors.js` in tests/oracle.
//
// Test data comes from a seeded generator both sides rebuild without a BLAKE2b:
//   data(label, n) = first n bytes of SHA-256(label || u32be(0)) || SHA-256(label || u32be(1)) || ...
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

function data(label, n) {
    const out = Buffer.alloc(n);
    for (let i = 0, off = 0; off < n; i++) {
        const c = Buffer.alloc(4); c.writeUInt32BE(i);
        const block = crypto.createHash("sha256").update(Buffer.from(label, "utf8")).update(c).digest();
        block.copy(out, off, 0, Math.min(32, n - off));
        off += 32;
    }
    return out;
}
const hex = (u8) => Buffer.from(u8).toString("hex");
const u32le = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const lp = (bytes) => Buffer.concat([u32le(bytes.length), Buffer.from(bytes)]);

(async () => {
    const { blake2b } = await import("@noble/hashes/blake2b");
    const LABEL = "PowersOfTau entropy mixer v1";

    // sources: [kind, device, dataLabel, length]
    function mix(challengeLabel, sources) {
        const parts = [lp(Buffer.from(LABEL, "utf8")), lp(data(challengeLabel, 64)), u32le(sources.length)];
        for (const [kind, device, label, n] of sources)
            parts.push(lp(Buffer.from(kind, "utf8")), lp(Buffer.from(device, "utf8")), lp(data(label, n)));
        return blake2b(Buffer.concat(parts), { dkLen: 64 });
    }

    const os = ["os-getrandom", "linux getrandom(2)", "os", 64];
    const p11 = ["pkcs11-rng", "SoftHSM project SoftHSM v2 'tau-softhsm' serial 0123456789abcdef", "pkcs11", 64];
    const tpm = ["tpm2-getrandom", "TPM IBM 'SW   TPM' firmware 0.0 (tpm2-pkcs11 token 'tau-tpm')", "tpm", 200];
    const cases = [
        { name: "os only", challenge: "challenge", sources: [os] },
        { name: "os, pkcs11, tpm", challenge: "challenge", sources: [os, p11, tpm] },
        { name: "os, tpm, pkcs11 (order swapped)", challenge: "challenge", sources: [os, tpm, p11] },
        { name: "os, pkcs11, tpm, other challenge", challenge: "challenge-2", sources: [os, p11, tpm] },
        { name: "non-ASCII device", challenge: "challenge", sources: [os, ["hwrng", "/dev/hwrng (virtio_rng.0) — é", "hw", 32]] },
    ];
    const mixes = cases.map(c => ({
        name: c.name,
        challenge: c.challenge,
        sources: c.sources.map(([kind, device, label, n]) => ({ kind, device, data: label, length: n })),
        seed: hex(mix(c.challenge, c.sources)),
    }));

    // getRandomRng digest: BLAKE2b-512(seed || UTF-8(typed text)); snarkjs seeds ChaCha with its first 32 bytes.
    const seed = data("seed", 64);
    const digests = ["", "some text", "héllo wörld €"].map(text => ({
        seed: hex(seed), text, digest: hex(blake2b(Buffer.concat([seed, Buffer.from(text, "utf8")]), { dkLen: 64 })),
    }));

    const out = { provenance: "tests/oracle/gen-entropy-vectors.js, @noble/hashes 1.8.0 blake2b", label: LABEL, mixes, digests };
    fs.writeFileSync(path.join(__dirname, "vectors", "entropy.json"), JSON.stringify(out, null, 2) + "\n");
    console.log(`wrote ${mixes.length} mix and ${digests.length} digest vectors`);
})();
