#!/bin/sh
# Puts the appliance into mkosi.extra/: the published tau (images/README.md: self-contained single file) and the unit.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dotnet publish "$repo/src/PowersOfTau.Appliance" -c Release -p:PublishProfileFullPath="$repo/images/publish/linux-x64-selfcontained.pubxml" \
    -o "$here/mkosi.extra/usr/lib/powersoftau"
cp "$repo/images/systemd/powersoftau.service" "$here/mkosi.extra/etc/systemd/system/"
cp "$repo/images/powersoftau.toml.example" "$here/mkosi.extra/etc/powersoftau/"
mkdir -p "$here/mkosi.extra/usr/share/doc/powersoftau"
cp "$repo/images/SECURITY-CHECKLIST.md" "$here/mkosi.extra/usr/share/doc/powersoftau/"
