#!/usr/bin/env bash
# Search benchmark on one core (issue 2): builds, then runs bench/SearchBench pinned to CPU 0 with taskset, so index
# build and queries use a single core (the GC and JIT threads share it too). Usage: bash bench/search.sh [N]
# N = size of the generated catalog (default 1,000,000; 0 = full catalog only). Output also goes to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
dotnet build bench/SearchBench -c Release -v q -nologo
taskset -c 0 dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll "${1:-1000000}" | tee "bench/out/search-$(date -u +%Y%m%dT%H%M).txt"
