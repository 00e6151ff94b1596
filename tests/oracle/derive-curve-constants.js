// Derives the endomorphism constants used by src/PowersOfTau.Crypto/Curves/{Bn254,Bls12381}G{1,2}.cs and prints
// them as JSON: β (cube root of unity in Fp, φ(x,y) = (βx, y) on G1), the ψ coefficients on G2
// (ψ(x,y) = (cx·conj(x), cy·conj(y))), each endomorphism's eigenvalue λ on the prime-order subgroup (checked with
// @noble/curves 1.9.7 point multiplication: φ(G) == [λ]G), and a reduced lattice basis for the scalar split
// (extended Euclid for GLV 2-dim; the x-adic bases for GLS 4-dim), each vector checked Σ v_i λ^i ≡ 0 (mod r).
// Run: node derive-curve-constants.js   (after npm ci)
'use strict';
const { bn254 } = require('@noble/curves/bn254');
const { bls12_381 } = require('@noble/curves/bls12-381');

const mod = (a, m) => ((a % m) + m) % m;
function powmod(b, e, m) { let r = 1n; b = mod(b, m); while (e > 0n) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; } return r; }
const hex = (v) => (v < 0n ? '-0x' + (-v).toString(16) : '0x' + v.toString(16));

function euclidBasis(r, lambda) {
  // Hankerson–Menezes–Vanstone Alg. 3.74.
  const sqrtR = (() => { let x = 1n << BigInt(Math.ceil(r.toString(2).length / 2)); for (;;) { const y = (x + r / x) >> 1n; if (y >= x) return x; x = y; } })();
  let [r0, r1] = [r, lambda], [t0, t1] = [0n, 1n];
  const rs = [r0, r1], ts = [t0, t1];
  while (r1 !== 0n) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [t0, t1] = [t1, t0 - q * t1]; rs.push(r1); ts.push(t1); }
  let m = 0; for (let i = 0; i < rs.length; i++) if (rs[i] >= sqrtR) m = i;
  const v1 = [rs[m + 1], -ts[m + 1]];
  const a = [rs[m], -ts[m]], b = [rs[m + 2], -ts[m + 2]];
  const n2 = (v) => v[0] * v[0] + v[1] * v[1];
  const v2 = n2(a) <= n2(b) ? a : b;
  return [v1, v2];
}
function checkBasis(basis, lambda, r) {
  for (const v of basis) { let s = 0n, p = 1n; for (const c of v) { s += c * p; p = p * lambda % r; } if (mod(s, r) !== 0n) throw new Error('basis vector not in lattice'); }
}

function g1(name, curve, p, r) {
  const Fp = curve.fields.Fp, G = curve.G1.ProjectivePoint.BASE;
  const sqrtm3p = Fp.sqrt(mod(-3n, p));
  const beta = mod((sqrtm3p - 1n) * powmod(2n, p - 2n, p), p); // (-1 + sqrt(-3))/2
  if (powmod(beta, 3n, p) !== 1n || beta === 1n) throw new Error('beta');
  const Fr = curve.fields.Fr;
  const s = Fr.sqrt(mod(-3n, r));
  const cands = [mod((s - 1n) * powmod(2n, r - 2n, r), r), mod((-s - 1n) * powmod(2n, r - 2n, r), r)];
  const a = G.toAffine();
  const phiG = curve.G1.ProjectivePoint.fromAffine({ x: Fp.mul(a.x, beta), y: a.y });
  const lambda = cands.find((l) => G.multiply(l).equals(phiG));
  if (lambda === undefined) throw new Error('no eigenvalue for beta');
  const basis = euclidBasis(r, lambda);
  checkBasis(basis, lambda, r);
  return { group: name, beta: hex(beta), lambda: hex(lambda), basis: basis.map((v) => v.map(hex)) };
}

function g2(name, curve, p, r, xi, basisOf) {
  const { Fp2 } = curve.fields, G = curve.G2.ProjectivePoint.BASE, a = G.toAffine();
  const conj = (v) => ({ c0: v.c0, c1: curve.fields.Fp.neg(v.c1) });
  const ex = Fp2.pow(xi, (p - 1n) / 3n), ey = Fp2.pow(xi, (p - 1n) / 2n);
  for (const [cx, cy] of [[ex, ey], [Fp2.inv(ex), Fp2.inv(ey)]]) {
    const x = Fp2.mul(cx, conj(a.x)), y = Fp2.mul(cy, conj(a.y));
    let P; try { P = curve.G2.ProjectivePoint.fromAffine({ x, y }); P.assertValidity(); } catch { continue; }
    const lambda = mod(p, r);
    if (!G.multiply(lambda).equals(P)) continue;
    const basis = basisOf(lambda);
    checkBasis(basis, lambda, r);
    const f = (v) => ({ c0: hex(v.c0), c1: hex(v.c1) });
    return { group: name, psiX: f(cx), psiY: f(cy), lambda: hex(lambda), basis: basis.map((v) => v.map(hex)) };
  }
  throw new Error('no psi');
}

const bnP = bn254.fields.Fp.ORDER, bnR = bn254.fields.Fr.ORDER, bnX = 4965661367192848881n;
const blsP = bls12_381.fields.Fp.ORDER, blsR = bls12_381.fields.Fr.ORDER, blsZ = -0xd201000000010000n;
const out = [
  g1('bn254 G1', bn254, bnP, bnR),
  g2('bn254 G2', bn254, bnP, bnR, { c0: 9n, c1: 1n }, () => {
    const x = bnX; // Galbraith–Scott 2008, BN curves, psi with eigenvalue p mod r
    return [[x + 1n, x, x, -2n * x], [2n * x + 1n, -x, -(x + 1n), -x], [2n * x, 2n * x + 1n, 2n * x + 1n, 2n * x + 1n], [x - 1n, 4n * x + 2n, -2n * x + 1n, x - 1n]];
  }),
  g1('bls12381 G1', bls12_381, blsP, blsR),
  g2('bls12381 G2', bls12_381, blsP, blsR, { c0: 1n, c1: 1n }, (lambda) => {
    const z = blsZ; if (mod(z, blsR) !== lambda) throw new Error('psi eigenvalue is not z');
    return [[-z, 1n, 0n, 0n], [0n, -z, 1n, 0n], [0n, 0n, -z, 1n], [1n, 0n, -1n, z]];
  }),
];
console.log(JSON.stringify(out, null, 2));
