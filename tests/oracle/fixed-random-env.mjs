// Preloaded (node --import ./fixed-random-env.mjs) into ONE snarkjs `contribute` / `challenge contribute` run by
// the interop tests (tests/PowersOfTau.Interop.Tests) so that the run is reproducible: snarkjs misc.getRandomBytes
// calls crypto.randomFillSync through the module object at call time (spec/ptau.md §13), so every "OS random"
// byte comes from SNARKJS_FIXED_RANDOM_HEX instead (128 hex digits = the 64 bytes of getRandomRng, repeated if a
// caller ever asks for more). `tau ... --insecure-test-randomness <the same hex>` uses the same 64 bytes, so both
// tools derive the same seed BLAKE2b(bytes ‖ UTF-8(-e text)) and must write byte-identical files.
// NEVER preload this for verify (its batch scalars would become constant).
import crypto from "crypto";
const hex = process.env.SNARKJS_FIXED_RANDOM_HEX ?? "";
if (!/^[0-9a-fA-F]{128}$/.test(hex)) throw new Error("SNARKJS_FIXED_RANDOM_HEX must hold 128 hex digits");
const fixed = Buffer.from(hex, "hex");
crypto.randomFillSync = (array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = fixed[i % fixed.length];
    return array;
};
