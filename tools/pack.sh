#!/usr/bin/env bash
# Packs the Sdk and every module's Contracts as NuGet packages into a local folder feed (default artifacts/packages),
# for plugins and modules built outside this repository:
#   bash tools/pack.sh [folder]
#   dotnet nuget add source "$PWD/artifacts/packages" --name retailcrm-local
set -euo pipefail
cd "$(dirname "$0")/.."
feed="${1:-artifacts/packages}"
mkdir -p "$feed"
projects=(host/RetailCrm.Sdk/RetailCrm.Sdk.csproj modules/*/src/*.Contracts/*.Contracts.csproj)
for project in "${projects[@]}"; do
    dotnet pack "$project" -c Release -o "$feed" -nologo -v quiet
done
ls -1 "$feed"/*.nupkg
