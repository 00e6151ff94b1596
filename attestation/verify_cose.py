#!/usr/bin/env python3
"""Independent verifier for PowersOfTau contribution attestations (profile v1).

It shares no code with the appliance: CBOR from python3-cbor2, ECDSA and X.509 parsing from
python3-cryptography, the chain from `openssl verify`, file digests from hashlib. Debian 12:
    apt-get install -y python3-cbor2 python3-cryptography openssl

    verify_cose.py ATTESTATION.cose [--root ROOT.pem ...] [--input FILE] [--output FILE] [--json] [--show]
                   [--allow-insecure-test-randomness]

It follows the procedure of attestation/AUDITORS.md (notes/attestation.md section 1.7):
tag 18 and nothing after the message; no repeated map key; alg -7 with P-256 or -35 with P-384, protected;
crit only with understood labels; typ and eat_profile name the profile; x5chain protected, a bstr or
2+ bstr; kid = SHA-256(leaf SubjectPublicKeyInfo); x5t = [-16, SHA-256(leaf)]; the signature exactly
64/96 bytes of r||s over Sig_structure ["Signature1", protected bytes, h'', payload]; the chain to a
--root at iat with `openssl verify -x509_strict`; the input/output digests equal to the files';
insecure-test-randomness false (unless --allow-insecure-test-randomness).
Exit code: 0 valid, 1 invalid, 2 unreadable. Every failure is printed on its own line.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import cbor2
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

PROFILE = "tag:powersoftau.example,2026:contribution-attestation/v1"
TYP = 'application/eat+cwt; eat_profile="' + PROFILE + '"'
# alg -> (curve name in cryptography, hash, r||s length)
ALGS = {-7: ("secp256r1", hashes.SHA256(), 64), -35: ("secp384r1", hashes.SHA384(), 96)}
UNDERSTOOD = {1, 4, 15, 16, 33, 34}
YUBICO_SERIAL_OID = "1.3.6.1.4.1.41482.3.7"
UNPROTECTED_ALLOWED = {270, 394}


class Unreadable(Exception):
    """Not an attestation at all (NotCoseSign1), or a file that cannot be used (FileUnreadable): exit 2."""
    def __init__(self, detail, reason="NotCoseSign1"):
        super().__init__(detail)
        self.reason = reason


def scan_duplicates(buf, pos, path, found):
    """Walks one CBOR item from buf[pos]; appends 'path.key' for every repeated map key; returns the end."""
    ib = buf[pos]
    major, info = ib >> 5, ib & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        n = 1 << (info - 24)
        arg = int.from_bytes(buf[pos:pos + n], "big")
        pos += n
    else:
        raise Unreadable("indefinite lengths and reserved values are not allowed")
    if major in (0, 1, 7):
        return pos
    if major in (2, 3):
        return pos + arg
    if major == 6:
        return scan_duplicates(buf, pos, path, found)
    if major == 4:
        for i in range(arg):
            pos = scan_duplicates(buf, pos, "%s[%d]" % (path, i), found)
        return pos
    seen = set()
    for _ in range(arg):
        key_end = scan_duplicates(buf, pos, path, found)
        raw_key = bytes(buf[pos:key_end])
        key = cbor2.loads(raw_key)
        label = json.dumps(key) if isinstance(key, str) else str(key)
        if raw_key in seen:
            found.append("%s.%s" % (path, label) if path else label)
        seen.add(raw_key)
        pos = scan_duplicates(buf, key_end, "%s.%s" % (path, label) if path else label, found)
    return pos


def digests_of(path):
    sha, b2 = hashlib.sha256(), hashlib.blake2b(digest_size=64)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            sha.update(chunk)
            b2.update(chunk)
    return {-16: sha.digest(), "blake2b-512": b2.digest()}


def openssl_verify(chain, roots, iat):
    """Runs `openssl verify -x509_strict` for the leaf, with the message's other certificates as untrusted."""
    with tempfile.TemporaryDirectory() as d:
        def pem(name, certs):
            p = os.path.join(d, name)
            with open(p, "wb") as f:
                for c in certs:
                    f.write(c.public_bytes(serialization.Encoding.PEM))
            return p
        args = ["openssl", "verify", "-x509_strict", "-no-CApath", "-no-CAstore",
                "-attime", str(iat), "-CAfile", pem("roots.pem", roots)]
        if len(chain) > 1:
            args += ["-untrusted", pem("untrusted.pem", chain[1:])]
        args.append(pem("leaf.pem", chain[:1]))
        p = subprocess.run(args, capture_output=True, text=True)
        return p.returncode == 0, (p.stdout + p.stderr).strip().replace("\n", " | ")


def verify(data, roots, input_path, output_path, allow_insecure=False):
    failures, passed, skipped = [], [], []

    def fail(reason, detail):
        failures.append({"reason": reason, "detail": detail})

    # 1. Decode: tag 18, 4 items, nothing after, no repeated key anywhere.
    try:
        dup = []
        end = scan_duplicates(data, 0, "", dup)
        msg = cbor2.loads(data[:end])
    except Exception as e:  # noqa: BLE001 (any decoding error means unreadable)
        raise Unreadable("not CBOR: %s" % e)
    if end != len(data):
        fail("TrailingBytes", "%d byte(s) after the end of the message" % (len(data) - end))
    if isinstance(msg, cbor2.CBORTag):
        if msg.tag != 18:
            fail("WrongTag", "tagged %d, not 18" % msg.tag)
        msg = msg.value
    else:
        fail("NotTagged", "the message is not tagged 18 (COSE_Sign1)")
    if not (isinstance(msg, list) and len(msg) == 4 and isinstance(msg[0], bytes) and isinstance(msg[1], dict)
            and isinstance(msg[3], bytes) and (msg[2] is None or isinstance(msg[2], bytes))):
        raise Unreadable("not a COSE_Sign1 [bstr, map, bstr/nil, bstr]")
    prot_bytes, unprot, payload, sig = msg
    try:
        prot = cbor2.loads(prot_bytes) if prot_bytes else {}
        if not isinstance(prot, dict):
            raise Unreadable("the protected header is not a map")
        scan_duplicates(prot_bytes or b"\xa0", 0, "protected", dup)
        # duplicates inside the protected bstr and payload bstr are found by scanning them separately
        if payload is not None:
            scan_duplicates(payload, 0, "payload", dup)
    except Unreadable:
        raise
    except Exception as e:  # noqa: BLE001
        raise Unreadable("protected header or payload is not CBOR: %s" % e)
    for d in dup:
        fail("DuplicateLabel", "%s appears more than once" % d)

    # 2. Buckets, alg, crit.
    for label in unprot:
        if label in prot:
            fail("LabelInBothBuckets", "label %s is in both buckets" % label)
        if label not in UNPROTECTED_ALLOWED:
            fail("UnexpectedUnprotectedLabel", "label %s is not allowed unprotected" % label)
    alg = prot.get(1)
    if alg is None:
        fail("AlgorithmMissing", "alg (1) is not in the protected header")
    elif alg not in ALGS:
        fail("AlgorithmUnsupported", "alg %r is not -7 or -35" % (alg,))
    if 2 in prot:
        crit = prot[2]
        if not isinstance(crit, list) or not crit or any(c not in UNDERSTOOD or c not in prot for c in crit):
            fail("CriticalHeaderNotUnderstood", "crit %r lists a label this verifier does not understand" % (crit,))

    # 3. typ and eat_profile.
    if prot.get(16) != TYP:
        fail("TypMismatch", "typ is %r" % (prot.get(16),))
    claims = None
    if payload is None:
        fail("PayloadDetached", "the payload is nil")
    else:
        try:
            claims = cbor2.loads(payload)
        except Exception as e:  # noqa: BLE001
            fail("PayloadMalformed", "payload is not CBOR: %s" % e)
        if not isinstance(claims, dict):
            claims = None
            fail("PayloadMalformed", "payload is not a map")
        elif claims.get(265) != PROFILE:
            fail("ProfileMismatch", "eat_profile is %r" % (claims.get(265),))

    # 4. x5chain, kid, x5t.
    chain = []
    x5 = prot.get(33)
    if x5 is None:
        fail("CertificateChainMalformed", "x5chain (33) is not in the protected header")
    elif isinstance(x5, bytes):
        chain = [x5]
    elif isinstance(x5, list) and len(x5) >= 2 and all(isinstance(c, bytes) for c in x5):
        chain = x5
    else:
        fail("CertificateChainMalformed", "x5chain must be a bstr or an array of 2+ bstr")
    try:
        chain = [x509.load_der_x509_certificate(c) for c in chain]
    except ValueError:
        fail("CertificateChainMalformed", "x5chain holds something that is not a DER certificate")
        chain = []
    leaf_key = None
    if chain:
        leaf_key = chain[0].public_key()
        if not isinstance(leaf_key, ec.EllipticCurvePublicKey):
            fail("CertificateChainMalformed", "the leaf key is not an EC key")
            leaf_key = None
    if leaf_key is not None:
        try:
            if chain[0].extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
                fail("LeafNotForSigning", "the leaf certificate is a CA certificate")
        except x509.ExtensionNotFound:
            pass
        try:
            if not chain[0].extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature:
                fail("LeafNotForSigning", "the leaf key usage does not include digitalSignature")
        except x509.ExtensionNotFound:
            pass
        spki = leaf_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        if prot.get(4) != hashlib.sha256(spki).digest():
            fail("KidMismatch", "kid is not SHA-256 of the leaf SubjectPublicKeyInfo")
        else:
            passed.append("kid = SHA-256(leaf SPKI)")
        leaf_hash = hashlib.sha256(chain[0].public_bytes(serialization.Encoding.DER)).digest()
        if 34 in prot:
            if prot[34] != [-16, leaf_hash]:
                fail("X5tMismatch", "x5t is not [-16, SHA-256(leaf)]")
            else:
                passed.append("x5t = SHA-256(leaf)")
        if alg in ALGS and leaf_key.curve.name != ALGS[alg][0]:
            fail("AlgorithmCurveMismatch", "alg %d needs %s, the leaf key is %s" % (alg, ALGS[alg][0], leaf_key.curve.name))

    # 5. The signature over Sig_structure, built from the original protected bytes.
    if leaf_key is not None and alg in ALGS and payload is not None:
        n = {"secp256r1": 64, "secp384r1": 96}.get(leaf_key.curve.name)
        if n is None or len(sig) != n:
            fail("SignatureLength", "the signature is %d bytes, expected %s" % (len(sig), n))
        else:
            to_be_signed = cbor2.dumps(["Signature1", prot_bytes, b"", payload])
            r, s = int.from_bytes(sig[:n // 2], "big"), int.from_bytes(sig[n // 2:], "big")
            try:
                leaf_key.verify(encode_dss_signature(r, s), to_be_signed, ec.ECDSA(ALGS[alg][1]))
                passed.append("signature verifies under the leaf key")
            except InvalidSignature:
                fail("SignatureInvalid", "the signature does not verify under the leaf key")

    # 6. The chain to a pinned root at iat.
    cwt = prot.get(15) if isinstance(prot.get(15), dict) else {}
    iat = cwt.get(6)
    if not (isinstance(cwt.get(1), str) and isinstance(cwt.get(2), str) and isinstance(iat, int)):
        fail("CwtClaimsMalformed", "the CWT claims need iss, sub and iat")
    if chain and roots:
        ok, out = openssl_verify(chain, roots, iat if isinstance(iat, int) else None)
        if ok:
            passed.append("chain to a --root at iat (openssl verify -x509_strict)")
        else:
            fail("ChainUntrusted", "openssl verify: " + out)
    elif chain:
        skipped.append("chain: no --root given")

    # 6b. Vendor policy: a YubiKey attestation certificate carries the serial (OID 1.3.6.1.4.1.41482.3.7).
    if chain and claims is not None:
        try:
            ext = chain[0].extensions.get_extension_for_oid(x509.ObjectIdentifier(YUBICO_SERIAL_OID))
        except x509.ExtensionNotFound:
            ext = None
        if ext is not None:
            der = ext.value.value
            serial = None
            if len(der) >= 3 and der[0] == 0x02 and der[1] == len(der) - 2:
                serial = str(int.from_bytes(der[2:], "big", signed=True))
            signer = claims.get(266, {}).get("signer", {}) if isinstance(claims.get(266), dict) else {}
            if serial is None:
                fail("SignerSerialMismatch", "the Yubico serial extension is not a DER INTEGER")
            elif signer.get("serial") != serial:
                fail("SignerSerialMismatch", "submods.signer.serial %r, the leaf's Yubico serial is %s" % (signer.get("serial"), serial))
            else:
                passed.append("submods.signer.serial is the leaf's Yubico serial")

    # 7. The claims against the files.
    for what, path, reason in (("input", input_path, "InputDigestMismatch"), ("output", output_path, "OutputDigestMismatch")):
        if path is None:
            skipped.append("%s: no file given" % what)
            continue
        if claims is None or not isinstance(claims.get(what), list):
            fail("PayloadMalformed", "no %s digests in the payload" % what)
            continue
        actual = digests_of(path)
        claimed = {pair[0]: pair[1] for pair in claims[what]}
        if -16 not in claimed:
            fail("PayloadMalformed", "%s has no SHA-256 digest" % what)
        for alg_id, value in claimed.items():
            if alg_id not in actual:
                fail("PayloadMalformed", "%s digest algorithm %r is unknown" % (what, alg_id))
            elif actual[alg_id] != value:
                fail(reason, "%s %s differs from the claim" % (path, "SHA-256" if alg_id == -16 else alg_id))
            else:
                passed.append("%s %s matches" % (what, "SHA-256" if alg_id == -16 else alg_id))
    if claims is not None and claims.get("insecure-test-randomness") is True:
        why = "insecure-test-randomness is true: a fixed test seed was used; the contribution protects nothing"
        if allow_insecure:
            skipped.append(why + " (accepted by --allow-insecure-test-randomness)")
        else:
            fail("InsecureTestRandomness", why)
    return failures, passed, skipped, claims


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("attestation")
    ap.add_argument("--root", action="append", default=[], help="trusted root certificate (PEM); repeatable")
    ap.add_argument("--input", help="the file the contribution read")
    ap.add_argument("--output", help="the file the contribution wrote")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--allow-insecure-test-randomness", action="store_true",
                    help="accept a contribution made with a fixed test seed (demos and tests only)")
    ap.add_argument("--show", action="store_true", help="also print the decoded claims")
    a = ap.parse_args()
    try:
        with open(a.attestation, "rb") as f:
            data = f.read()
        roots = []
        for r in a.root:
            with open(r, "rb") as f:
                text = f.read()
            end = b"-----END CERTIFICATE-----"
            blocks = [b + end for b in text.split(end) if b"-----BEGIN CERTIFICATE-----" in b]
            if not blocks:
                raise Unreadable("%s: no PEM certificate" % r, "FileUnreadable")
            roots += [x509.load_pem_x509_certificate(b[b.index(b"-----BEGIN"):]) for b in blocks]
        for p in (a.input, a.output):
            if p is not None and not os.path.isfile(p):
                raise Unreadable("%s: no such file" % p, "FileUnreadable")
        failures, passed, skipped, claims = verify(data, roots, a.input, a.output, a.allow_insecure_test_randomness)
    except (Unreadable, OSError) as e:
        reason = e.reason if isinstance(e, Unreadable) else "FileUnreadable"
        if a.json:
            print(json.dumps({"outcome": "unreadable", "exitCode": 2, "failures": [{"reason": reason, "detail": str(e)}]}))
        else:
            print("UNREADABLE\n  FAIL %s: %s" % (reason, e))
        return 2
    outcome = "invalid" if failures else "valid"
    if a.json:
        print(json.dumps({"outcome": outcome, "exitCode": 1 if failures else 0, "failures": failures,
                          "passed": passed, "skipped": skipped}, indent=2))
    else:
        print(outcome.upper())
        for f in failures:
            print("  FAIL %s: %s" % (f["reason"], f["detail"]))
        for p in passed:
            print("  ok   %s" % p)
        for s in skipped:
            print("  note %s" % s)
    if a.show and claims is not None:
        print(json.dumps(claims, indent=2, default=lambda b: b.hex() if isinstance(b, bytes) else str(b)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
