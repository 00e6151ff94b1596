// Preload module (`node -r ./fix-random.js ...`) that makes snarkjs's "OS randomness" reproducible for
// byte-exact tests of `zkey contribute` (spec/zkey.md §3, §8): crypto.randomFillSync / randomBytes /
// getRandomValues return the bytes of the env var FIX_RANDOM_HEX (128 hex digits = 64 bytes), repeated
// cyclically from the start on EVERY call. snarkjs's getRandomRng draws exactly 64 bytes once, so the seed is
// BLAKE2b-512(those 64 bytes || UTF-8 entropy). `zkey verify` also draws (its random linear
// combinations) and gets these fixed bytes too; that is harmless for valid files. TESTS ONLY.
"use strict";
const crypto = require("crypto");
const hex = process.env.FIX_RANDOM_HEX || "";
if (!/^[0-9a-fA-F]{128}$/.test(hex)) {
    throw new Error("fix-random.js: set FIX_RANDOM_HEX to 128 hex digits (64 bytes)");
}
const fixed = Buffer.from(hex, "hex");
function fill(view) {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = fixed[i % fixed.length];
    return view;
}
crypto.randomFillSync = (buf, offset, size) => {
    const start = offset || 0;
    const view = new Uint8Array(buf.buffer || buf, (buf.byteOffset || 0) + start, size === undefined ? buf.byteLength - start : size);
    fill(view);
    return buf;
};
crypto.randomBytes = (n, cb) => {
    const b = fill(Buffer.alloc(n));
    if (cb) { cb(null, b); return undefined; }
    return b;
};
if (globalThis.crypto && globalThis.crypto.getRandomValues) {
    globalThis.crypto.getRandomValues = (a) => fill(a);
}
