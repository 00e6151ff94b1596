// Preloaded (node --import ./fixed-random.mjs) into a snarkjs `contribute` / `challenge contribute` run to make it
// deterministic for fixtures: snarkjs misc.getRandomBytes calls crypto.randomFillSync through the module object
// at call time (spec/ptau.md §13), so every "OS random" byte becomes 0x2a. NEVER use this for verify.
import crypto from "crypto";
crypto.randomFillSync = (array) => {
    array.fill(0x2a);
    return array;
};
