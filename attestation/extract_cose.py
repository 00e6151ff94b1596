#!/usr/bin/env python3
"""Splits a PowersOfTau attestation into plain files, so openssl and coreutils can check it by hand.

    extract_cose.py ATTESTATION.cose OUTDIR

Writes into OUTDIR (python3-cbor2 only; nothing is verified here, see verify_with_openssl.sh):
  protected.cbor    the protected header bytes exactly as signed
  payload.cbor      the payload bytes exactly as signed
  tbs.bin           Sig_structure ["Signature1", protected, h'', payload], the bytes the signature covers
  signature.cnf     the r||s signature as an openssl asn1parse -genconf file (-> DER ECDSA-Sig-Value)
  leaf.pem          x5chain[0], the signing key's certificate
  untrusted.pem     x5chain[1..], the intermediates (empty when there are none)
  header.txt        alg=-7|-35, hash=sha256|sha384, iat=<seconds>, kid=<hex>, x5t=<hex>
  digests.txt       "<hex>  <input|output> <alg>" lines from the payload
  claims.json       the payload as JSON (bytes in hex)
"""
import base64
import json
import os
import sys

import cbor2


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(src, "rb") as f:
        msg = cbor2.loads(f.read())
    if isinstance(msg, cbor2.CBORTag):
        msg = msg.value
    prot_bytes, _unprot, payload, sig = msg
    prot = cbor2.loads(prot_bytes)

    def write(name, data, mode="wb"):
        with open(os.path.join(out, name), mode) as f:
            f.write(data)

    write("protected.cbor", prot_bytes)
    write("payload.cbor", payload)
    write("tbs.bin", cbor2.dumps(["Signature1", prot_bytes, b"", payload]))
    half = len(sig) // 2
    write("signature.cnf", "asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n"
          % (sig[:half].hex(), sig[half:].hex()), "w")
    chain = prot[33] if isinstance(prot[33], list) else [prot[33]]

    def pem(der):
        b64 = base64.b64encode(der).decode()
        return "-----BEGIN CERTIFICATE-----\n" + "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64)) + "\n-----END CERTIFICATE-----\n"

    write("leaf.pem", pem(chain[0]), "w")
    write("untrusted.pem", "".join(pem(c) for c in chain[1:]), "w")
    alg = prot[1]
    write("header.txt", "alg=%d\nhash=%s\niat=%d\nkid=%s\nx5t=%s\n" % (
        alg, {-7: "sha256", -35: "sha384"}.get(alg, "unknown"), prot[15][6], prot[4].hex(),
        prot[34][1].hex() if 34 in prot else ""), "w")
    claims = cbor2.loads(payload)
    lines = []
    for what in ("input", "output"):
        for alg_id, value in claims[what]:
            lines.append("%s  %s %s\n" % (value.hex(), what, "sha256" if alg_id == -16 else alg_id))
    write("digests.txt", "".join(lines), "w")
    write("claims.json", json.dumps(claims, indent=2, default=lambda b: b.hex() if isinstance(b, bytes) else str(b)) + "\n", "w")
    return 0


if __name__ == "__main__":
    sys.exit(main())
