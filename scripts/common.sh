# Shared by run.sh and test.sh: install and start what Engage needs on a fresh machine.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# npm packages (the NHS.UK design system, htmx) from package-lock.json; never committed.
ensure_node_packages() {
  if [ ! -d "$root/node_modules/nhsuk-frontend" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "Installing front-end packages (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The private PostgreSQL cluster under .data/, unless ConnectionStrings__Engage points elsewhere.
ensure_database() {
  local database="$1"
  if [ -z "${ConnectionStrings__Engage:-}" ]; then
    ConnectionStrings__Engage="$("$root/scripts/postgres.sh" start "$database")"
    export ConnectionStrings__Engage
  fi
}

# The Admin account: ENGAGE_ADMIN_EMAIL/PASSWORD if given, otherwise a generated password kept in .data/.
ensure_admin_credentials() {
  if [ -z "${ENGAGE_ADMIN_EMAIL:-}" ] || [ -z "${ENGAGE_ADMIN_PASSWORD:-}" ]; then
    mkdir -p "$root/.data"
    local file="$root/.data/admin-password"
    if [ ! -s "$file" ]; then
      # A finite read then cut: an endless `tr < /dev/urandom | head` dies of SIGPIPE under pipefail.
      (umask 077; head -c 600 /dev/urandom | tr -dc 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789' | cut -c1-20 > "$file")
    fi
    export ENGAGE_ADMIN_EMAIL="${ENGAGE_ADMIN_EMAIL:-admin@engage.local}"
    export ENGAGE_ADMIN_PASSWORD="$(cat "$file")"
  fi
}

# Debian packages the tests use (a real SMTP server; later a browser). Installed only when missing.
ensure_debian_packages() {
  local missing=()
  for package in "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]}..."
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
