#!/usr/bin/env bash
# The main job on the embedded default: install what is missing, build, and run `tau demo`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/setup.sh"
dotnet build "$here/src/PowersOfTau.Appliance/PowersOfTau.Appliance.csproj" -c Release -nologo -v quiet -o "$here/out/tau" >/dev/null
exec dotnet "$here/out/tau/tau.dll" selfcheck "$@"
