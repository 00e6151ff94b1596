#!/usr/bin/env bash
# Checks a PowersOfTau attestation with openssl and coreutils, the COSE bytes split by extract_cose.py:
#   attestation/verify_with_openssl.sh ATTESTATION.cose ROOT.pem [INPUT OUTPUT]
# 1. the chain: leaf -> intermediates -> ROOT, at the attestation's iat, -x509_strict, no system store;
# 2. the leaf is an end-entity certificate allowed to sign; kid and x5t against the leaf; alg against the leaf key's curve (-7 P-256, -35 P-384);
# 3. the ECDSA signature over Sig_structure with the leaf's public key;
# 4. with INPUT and OUTPUT: sha256sum and b2sum (BLAKE2b-512) of the files against the claims.
# Exit 0 when everything holds, 1 otherwise. Prints one line per check.
set -euo pipefail
cose="${1:?usage: verify_with_openssl.sh ATTESTATION.cose ROOT.pem [INPUT OUTPUT]}"
root="${2:?usage: verify_with_openssl.sh ATTESTATION.cose ROOT.pem [INPUT OUTPUT]}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3; [ -x "$py" ] || py=python3
d="$(mktemp -d)"; trap 'rm -rf "$d"' EXIT
"$py" "$here/extract_cose.py" "$cose" "$d"
# shellcheck disable=SC1091
. "$d/header.txt"
bad=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; bad=1; }

untrusted=(); [ -s "$d/untrusted.pem" ] && untrusted=(-untrusted "$d/untrusted.pem")
if openssl verify -x509_strict -no-CApath -no-CAstore -attime "$iat" -CAfile "$root" "${untrusted[@]}" "$d/leaf.pem" >"$d/chain.log" 2>&1
then ok "chain: leaf -> $(basename "$root") at iat $iat"; else fail "chain: $(tr '\n' ' ' < "$d/chain.log")"; fi

if openssl x509 -in "$d/leaf.pem" -noout -ext basicConstraints 2>/dev/null | grep -q 'CA:TRUE'
then fail "the leaf is a CA certificate"; else ok "the leaf is an end-entity certificate"; fi
ku="$(openssl x509 -in "$d/leaf.pem" -noout -ext keyUsage 2>/dev/null | tail -n +2)"
if [ -n "$ku" ] && ! grep -q 'Digital Signature' <<<"$ku"; then fail "the leaf key usage ($ku) lacks Digital Signature"; fi

openssl x509 -in "$d/leaf.pem" -pubkey -noout > "$d/leaf.pub.pem"
spki_sha="$(openssl pkey -pubin -in "$d/leaf.pub.pem" -outform DER | sha256sum | cut -d' ' -f1)"
[ "$spki_sha" = "$kid" ] && ok "kid = SHA-256(leaf SPKI)" || fail "kid $kid is not SHA-256(leaf SPKI) $spki_sha"
leaf_sha="$(openssl x509 -in "$d/leaf.pem" -outform DER | sha256sum | cut -d' ' -f1)"
[ -z "$x5t" ] || { [ "$leaf_sha" = "$x5t" ] && ok "x5t = SHA-256(leaf)" || fail "x5t $x5t is not SHA-256(leaf) $leaf_sha"; }
curve="$(openssl pkey -pubin -in "$d/leaf.pub.pem" -noout -text | awk -F': ' '/NIST CURVE|ASN1 OID/{print $2; exit}')"
case "$alg/$curve" in
  -7/P-256|-7/prime256v1|-35/P-384|-35/secp384r1) ok "alg $alg fits the leaf curve $curve" ;;
  *) fail "alg $alg does not fit the leaf curve $curve (-7 needs P-256, -35 needs P-384)" ;;
esac

openssl asn1parse -genconf "$d/signature.cnf" -out "$d/signature.der" -noout
if openssl dgst "-$hash" -verify "$d/leaf.pub.pem" -signature "$d/signature.der" "$d/tbs.bin" >/dev/null 2>&1
then ok "signature ($hash, ECDSA) verifies under the leaf key"; else fail "signature does not verify under the leaf key"; fi

if [ $# -ge 4 ]; then
  for pair in "input:$3" "output:$4"; do
    what="${pair%%:*}"; file="${pair#*:}"
    want="$(awk -v w="$what" '$2 == w && $3 == "sha256" {print $1}' "$d/digests.txt")"
    [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$want" ] && ok "$what: sha256sum $file matches" || fail "$what: sha256sum of $file differs from the claim"
    want="$(awk -v w="$what" '$2 == w && $3 == "blake2b-512" {print $1}' "$d/digests.txt")"
    [ -z "$want" ] || { [ "$(b2sum "$file" | cut -d' ' -f1)" = "$want" ] && ok "$what: b2sum $file matches" || fail "$what: b2sum of $file differs from the claim"; }
  done
fi
[ "$bad" = 0 ] && echo VALID || echo INVALID
exit "$bad"
