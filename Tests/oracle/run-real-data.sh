#!/usr/bin/env bash
# The real-data check of the audit oracle, end to end:
#   1. set up .venv (Tests/oracle/setup-venv.sh),
#   2. rebuild the pre-registration with planted faults from ../shared/geodata,
#   3. run the oracle on it (with --time),
#   4. check every planted fault is visible in the oracle's report (prints "N passed, M failed"),
#   5. compare with the committed files in Tests/oracle/real/ (the builder and oracle are deterministic).
# With --update the outputs are written into Tests/oracle/real/ instead of being compared.
#   usage: bash Tests/oracle/run-real-data.sh [--update]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
geodata="${GEODATA:-$root/../shared/geodata}"
oracle="$root/Tests/oracle"
python="$root/.venv/bin/python"
update=false
[ "${1:-}" = "--update" ] && update=true

[ -d "$geodata" ] || { echo "run-real-data: no geodata folder at $geodata (set GEODATA)" >&2; exit 1; }
bash "$oracle/setup-venv.sh"

if $update; then out="$oracle/real"; mkdir -p "$out"; else out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi

"$python" "$oracle/make_real_registration.py" \
    --schools "$geodata/duo_vestigingen_vo_2020-12_geocoded.csv" \
    --students "$geodata/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv" \
    --out "$out/registration.csv" --planted "$out/planted.json"
"$python" "$oracle/audit_oracle.py" --time \
    --schools "$geodata/duo_vestigingen_vo_2020-12_geocoded.csv" \
    --students "$geodata/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv" \
    --registrations "$out/registration.csv" \
    --municipalities "$geodata/gemeenten_2020_wgs84.geojson" > "$out/oracle.json"
"$python" "$oracle/check_planted.py" --planted "$out/planted.json" --report "$out/oracle.json"

if ! $update; then
    for f in registration.csv planted.json oracle.json; do
        cmp -s "$out/$f" "$oracle/real/$f" \
            || { echo "run-real-data: $f differs from Tests/oracle/real/$f (run with --update if intended)" >&2; exit 1; }
    done
    echo "run-real-data: outputs match Tests/oracle/real/"
fi
