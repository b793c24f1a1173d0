#!/usr/bin/env bash
# Records the public API of the packages (the Sdk and each module's Contracts) in PublicAPI.*.txt beside each project:
# symbols the analyzer finds undeclared (RS0016) are added, symbols declared but gone (RS0017) are taken out.
# Run it after a deliberate change to the public API and review the diff: a removed or changed line is a breaking
# change (a new major version of the package), an added one a minor version.
#   tools/public-api.sh            new symbols go to PublicAPI.Unshipped.txt (the next release)
#   tools/public-api.sh --shipped  new symbols go to PublicAPI.Shipped.txt (recording a release)
set -euo pipefail
cd "$(dirname "$0")/.."

target=PublicAPI.Unshipped.txt
case "${1:-}" in
  "") ;;
  --shipped) target=PublicAPI.Shipped.txt ;;
  *) echo "public-api: unknown option '$1' (expected --shipped or nothing)" >&2; exit 2 ;;
esac

mapfile -t projects < <(echo host/RetailCrm.Sdk/RetailCrm.Sdk.csproj; find modules -name '*.Contracts.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
for project in "${projects[@]}"; do
  folder=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [[ -f "$folder/$file" ]] || printf '#nullable enable\n' > "$folder/$file"
  done

  output=$(dotnet build "$project" --no-incremental -v q -p:TreatWarningsAsErrors=false 2>&1 || true)
  added=$(grep -oP "RS0016: Symbol '\K.+?(?=' is not part of the declared public API)" <<<"$output" | sort -u || true)
  removed=$(grep -oP "RS0017: Symbol '\K.+?(?=' is part of the declared API, but)" <<<"$output" | sort -u || true)

  if [[ -n "$removed" ]]; then
    for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
      grep -vxF -f <(printf '%s\n' "$removed") "$folder/$file" > "$folder/$file.new" || true
      mv "$folder/$file.new" "$folder/$file"
    done
  fi
  if [[ -n "$added" ]]; then
    { head -n 1 "$folder/$target"; { tail -n +2 "$folder/$target"; printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u; } > "$folder/$target.new"
    mv "$folder/$target.new" "$folder/$target"
  fi

  printf '%-70s %4d added, %4d removed\n' "$project" "$(grep -c . <<<"$added" || true)" "$(grep -c . <<<"$removed" || true)"
done
