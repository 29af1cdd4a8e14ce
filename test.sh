#!/usr/bin/env bash
# Runs every Engage test on real PostgreSQL:  ./test.sh [extra dotnet test arguments]
# Starts the private cluster under .data/ (database engage_test) unless ConnectionStrings__Engage is set.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$root"

ensure_node_packages
ensure_debian_packages python3-aiosmtpd libxml2-utils chromium poppler-utils
ensure_database engage_test
# Tests generate handler code at run time; code left by run.sh may be older than the source.
rm -rf src/Host/Internal/Generated

results="$root/.data/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
# A test stuck for 15 minutes fails with its name instead of holding CI until its limit;
# the longest test, the browser lifecycle, takes under 5 minutes on a loaded 2-core machine.
dotnet test Engage.sln -c Release --nologo --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  --logger "console;verbosity=normal" "$@" || status=$?

# One closing line that any CI reads: the counts over every test project's TRX file.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}ResultSummary/{*}Counters")
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    # xunit's skipped tests are counted in total but not in executed (notExecuted stays 0).
    skipped += int(c.get("total")) - int(c.get("executed"))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
