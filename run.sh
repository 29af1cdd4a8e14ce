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
host=""
trap '[ -n "$host" ] && kill $host 2>/dev/null; wait 2>/dev/null' INT TERM EXIT

start_host() {  # start_host [NAME=VALUE ...]: the host, with extra settings for this start only
  env "$@" dotnet src/Host/bin/Release/net10.0/Engage.Host.dll --urls "$url" --contentRoot "$root/src/Host" &
  host=$!
  local started=$(date +%s%N)
  until curl -sf "$url/health/ready" >/dev/null 2>&1; do
    kill -0 $host 2>/dev/null || { echo "Engage failed to start; see the log above." >&2; exit 1; }
    sleep 0.2
  done
  echo "Engage is ready after $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

stop_host() { kill $host; wait $host 2>/dev/null || true; host=""; }

if [ $demo = 1 ]; then
  # The demo's 360 invented participants sign in from this one address with the links Engage mails them:
  # for this start only, the per-address sign-in limit is raised and mail goes to the drop folder (never to a
  # configured SMTP server). Every other limit stays as configured, and the seed keeps within it
  # (docs/adr/0015). Then the host restarts with the configuration as given.
  mail="${ENGAGE_MAIL_DROP:-$root/.data/mail}"
  start_host RateLimits__SignInPerMinute=100000 Mail__SmtpHost= ENGAGE_MAIL_DROP="$mail" Serilog__MinimumLevel__Default=Warning
  seeded=0
  dotnet tools/DemoSeed/bin/Release/net10.0/Engage.DemoSeed.dll "$url" "$ENGAGE_ADMIN_EMAIL" "$ENGAGE_ADMIN_PASSWORD" "$mail" || seeded=$?
  [ $seeded = 0 ] || [ $seeded = 3 ] || { echo "Seeding the demo failed (exit $seeded)." >&2; exit 1; }
  stop_host
fi
start_host

cat <<MSG

  Engage is running at  $url
  Admin sign-in:        $ENGAGE_ADMIN_EMAIL / $ENGAGE_ADMIN_PASSWORD
  Mail (no SMTP set):   $url/admin/mail
  Jobs dashboard:       $url/admin/jobs
$( [ $demo = 1 ] && [ -f "$root/.data/demo-team-password" ] && echo "  Demo team accounts:   $root/.data/demo-team-password" )

Press Ctrl+C to stop.
MSG
wait $host
