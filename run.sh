#!/usr/bin/env bash
# Runs Engage on this machine:  ./run.sh [--no-demo] [--port N]
# Builds, starts a private PostgreSQL under .data/ (unless ConnectionStrings__Engage is set),
# seeds the Advanced Clinical Practice demo engagement, and prints the URL and admin sign-in.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$root"

demo=1; port="${ENGAGE_PORT:-5080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-demo) demo=0 ;;
    --port) port="$2"; shift ;;
    *) echo "usage: ./run.sh [--no-demo] [--port N]" >&2; exit 2 ;;
  esac
  shift
done

ensure_node_packages
# Reports are printed to PDF by headless Chromium (docs/adr/0011).
ensure_debian_packages chromium
ensure_database engage
ensure_admin_credentials

# Production loads Wolverine's handler code pre-generated from this very source (TypeLoadMode.Static):
# build, write the code, build again. Nothing generated is committed, so it can never be stale.
echo "Building..."
rm -rf src/Host/Internal/Generated
dotnet build Engage.sln -c Release --nologo -v quiet -clp:ErrorsOnly -p:WarningLevel=0
(cd src/Host && dotnet bin/Release/net10.0/Engage.Host.dll codegen write >/dev/null)
dotnet build src/Host -c Release --nologo -v quiet -clp:ErrorsOnly -p:WarningLevel=0

url="http://127.0.0.1:$port"
export Site__PublicUrl="${Site__PublicUrl:-$url}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
dotnet src/Host/bin/Release/net10.0/Engage.Host.dll --urls "$url" --contentRoot "$root/src/Host" &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null' INT TERM EXIT

started=$(date +%s%N)
until curl -sf "$url/health/ready" >/dev/null 2>&1; do
  kill -0 $host 2>/dev/null || { echo "Engage failed to start; see the log above." >&2; exit 1; }
  sleep 0.2
done
echo "Engage is ready after $(( ($(date +%s%N) - started) / 1000000 )) ms"

if [ $demo = 1 ]; then
  dotnet tools/DemoSeed/bin/Release/net10.0/Engage.DemoSeed.dll "$url" "$ENGAGE_ADMIN_EMAIL" "$ENGAGE_ADMIN_PASSWORD"
fi

cat <<MSG

  Engage is running at  $url
  Admin sign-in:        $ENGAGE_ADMIN_EMAIL / $ENGAGE_ADMIN_PASSWORD
  Mail (no SMTP set):   $url/admin/mail
  Jobs dashboard:       $url/admin/jobs

Press Ctrl+C to stop.
MSG
wait $host
