// Generates tests/oracle/vectors/curves.json: independent vectors for the curve, MSM and encoding tests of
// src/PowersOfTau.Crypto/{Curves,Msm,Encoding}.
// Provenance: ffjavascript 0.3.1 (the wasm curves snarkjs 0.7.6 uses: timesScalar, add, neg, toRprLEM,
// toRprUncompressed, toRprCompressed, fromRprUncompressed, multiExpAffine, fromRng with ChaCha) for every point,
// scalar product, sum, encoding, MSM and sampled point; @noble/curves 1.9.7 field arithmetic only to build curve points OUTSIDE the prime-order
// subgroup (random x with x^3 + b a square, no cofactor clearing), each confirmed by ffjavascript ([r]P != 0).
// Randomness: SHA-256 in counter mode from a fixed label, so the output is reproducible.
// Run: cd tests/oracle && npm ci && node gen-curve-vectors.js
'use strict';
const fs = require('fs');
const path = require('path');
const { buildBn128, buildBls12381, ChaCha } = require('ffjavascript');
const { sha256 } = require('@noble/hashes/sha2');
const { bn254 } = require('@noble/curves/bn254');
const { bls12_381 } = require('@noble/curves/bls12-381');

let counter = 0;
function randBytes(n) {
  const out = new Uint8Array(n);
  for (let o = 0; o < n; o += 32) {
    const h = sha256(new TextEncoder().encode(`powersoftau curves vectors ${counter++}`));
    out.set(h.slice(0, Math.min(32, n - o)), o);
  }
  return out;
}
const toBig = (bytes) => BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
const randMod = (m) => toBig(randBytes(64)) % m;
const hex = (u8) => Buffer.from(u8).toString('hex');
const bigHex = (v) => '0x' + v.toString(16);
const beBytes = (v, n) => Buffer.from(v.toString(16).padStart(2 * n, '0'), 'hex');
const leBytes = (v, n) => Uint8Array.from(beBytes(v, n)).reverse();

function encodings(G, p) {
  const n8 = G.F.n8;
  const lem = new Uint8Array(2 * n8), u = new Uint8Array(2 * n8), c = new Uint8Array(n8);
  G.toRprLEM(lem, 0, p);
  G.toRprUncompressed(u, 0, p);
  G.toRprCompressed(c, 0, p);
  return { lem: hex(lem), u: hex(u), c: hex(c) };
}

// A point on the curve (Fp or Fp2 coordinates, via noble field arithmetic) that is not in the subgroup.
function offSubgroupPoints(G, F, b, isFp2, p, n8, count, r) {
  const pts = [];
  while (pts.length < count) {
    const x = isFp2 ? F.fromBigTuple([randMod(p), randMod(p)]) : randMod(p);
    const rhs = F.add(F.mul(F.sqr(x), x), b);
    let y;
    try { y = F.sqrt(rhs); } catch { continue; }
    if (y === undefined || y === null || !F.eql(F.sqr(y), rhs)) continue;
    const u = isFp2
      ? Buffer.concat([beBytes(x.c1, n8), beBytes(x.c0, n8), beBytes(y.c1, n8), beBytes(y.c0, n8)])
      : Buffer.concat([beBytes(x, n8), beBytes(y, n8)]);
    const lemP = G.fromRprUncompressed(u, 0);
    if (G.isZero(G.timesScalar(lemP, leBytes(r, 32)))) continue; // landed in the subgroup (negligible)
    const e = encodings(G, lemP);
    if (e.u !== hex(u)) throw new Error('uncompressed round trip');
    pts.push(e);
  }
  return pts;
}

async function groupVectors(curve, gname, name, noble, b) {
  const G = curve[gname];
  const r = curve.r;
  const out = { group: name, order: bigHex(r) };
  const mul = (k) => G.timesScalar(G.g, leBytes(k, 32));
  out.generator = encodings(G, G.g);
  out.infinity = encodings(G, G.zero);

  const ks = [0n, 1n, 2n, 3n, r - 1n, r - 2n, (r - 1n) / 2n, 1n << 128n, 1n << 64n];
  for (let i = 0; i < 8; i++) ks.push(randMod(r));
  out.scalarMults = ks.map((k) => ({ k: bigHex(k), result: encodings(G, mul(k)) }));

  out.additions = [];
  for (let i = 0; i < 4; i++) {
    const a = randMod(r), bb = randMod(r);
    const P = mul(a), Q = mul(bb);
    out.additions.push({ p: encodings(G, P).u, q: encodings(G, Q).u, sum: encodings(G, G.add(P, Q)).u });
  }
  const P = mul(randMod(r));
  out.additions.push({ p: encodings(G, P).u, q: encodings(G, P).u, sum: encodings(G, G.add(P, P)).u });
  out.additions.push({ p: encodings(G, P).u, q: encodings(G, G.neg(P)).u, sum: encodings(G, G.add(P, G.neg(P))).u });

  out.points = [];
  for (let i = 0; i < 12; i++) out.points.push(encodings(G, mul(randMod(r))));

  const isFp2 = gname === 'G2';
  if (name !== 'bn128 G1') {
    const F = isFp2 ? noble.fields.Fp2 : noble.fields.Fp;
    const n8 = isFp2 ? G.F.n8 / 2 : G.F.n8;
    out.offSubgroup = offSubgroupPoints(G, F, b, isFp2, noble.fields.Fp.ORDER, n8, 4, r);
  } else {
    out.offSubgroup = [];
  }

  // G.fromRng (spec/ptau.md §6): replay its loop to record the accepted x and "greatest" bit, and check the
  // replay against G.fromRng itself on an identically seeded ChaCha.
  out.sampling = [];
  for (let s = 0; s < 4; s++) {
    const seed = [s + 1, 2, 3, 4, 5, 6, 7, 8 + s];
    const rng = new ChaCha(seed);
    const F = G.F;
    let x, greatest;
    do {
      x = F.fromRng(rng);
      greatest = rng.nextBool();
    } while (!F.isSquare(F.add(F.mul(F.square(x), x), G.b)));
    const expected = G.fromRng(new ChaCha(seed));
    const xo = F.toObject(x);
    out.sampling.push({
      x: Array.isArray(xo) ? xo.map(bigHex) : [bigHex(xo)],
      greatest,
      point: encodings(G, expected).u,
    });
  }

  const nMsm = 64;
  const bases = new Uint8Array(nMsm * 2 * G.F.n8);
  const scal = new Uint8Array(nMsm * 32);
  out.msm = { points: [], scalars: [] };
  for (let i = 0; i < nMsm; i++) {
    const pt = i === 5 ? G.zero : mul(randMod(r));
    G.toRprLEM(bases, i * 2 * G.F.n8, pt);
    const k = i === 7 ? 0n : i === 9 ? r - 1n : randMod(r);
    scal.set(leBytes(k, 32), i * 32);
    out.msm.points.push(encodings(G, pt).u);
    out.msm.scalars.push(bigHex(k));
  }
  out.msm.result = encodings(G, await G.multiExpAffine(bases, scal)).u;
  return out;
}

(async () => {
  const bn = await buildBn128(true);
  const bls = await buildBls12381(true);
  const F2bn = bn254.fields.Fp2, F2bls = bls12_381.fields.Fp2;
  const bnB2 = F2bn.div(F2bn.fromBigTuple([3n, 0n]), F2bn.fromBigTuple([9n, 1n]));
  const groups = [
    await groupVectors(bn, 'G1', 'bn128 G1', bn254, 3n),
    await groupVectors(bn, 'G2', 'bn128 G2', bn254, bnB2),
    await groupVectors(bls, 'G1', 'bls12381 G1', bls12_381, 4n),
    await groupVectors(bls, 'G2', 'bls12381 G2', bls12_381, F2bls.fromBigTuple([4n, 4n])),
  ];
  const doc = {
    provenance: 'tests/oracle/gen-curve-vectors.js: ffjavascript 0.3.1 wasm curves (snarkjs 0.7.6) + @noble/curves 1.9.7 fields for off-subgroup points',
    encodings: 'lem = affine LE Montgomery; u = uncompressed BE (G2 c1 first, identity all zeros); c = compressed BE x, 0x80 y negative, 0x40 identity',
    groups,
  };
  const dir = path.join(__dirname, 'vectors');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'curves.json'), JSON.stringify(doc, null, 1) + '\n');
  await bn.terminate();
  await bls.terminate();
  console.log('wrote vectors/curves.json');
})().catch((e) => { console.error(e); process.exit(1); });
