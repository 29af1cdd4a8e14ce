#!/usr/bin/env bash
# The Analysis benchmarks:  bench/analysis-bench.sh <mode> [arguments]   (modes: bench/AnalysisBench/README.md)
# Installs its own peer (Debian's python3-sklearn, for the scikit-learn comparisons), builds the bench in
# Release and runs it against the labelled sets in ../shared/data (or $ENGAGE_DATA).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$root"

ensure_debian_packages python3-sklearn
export ENGAGE_DATA="${ENGAGE_DATA:-$root/../shared/data}"
dotnet build -c Release --nologo -v quiet bench/AnalysisBench >/dev/null
exec bench/AnalysisBench/bin/Release/net10.0/AnalysisBench "$@"
