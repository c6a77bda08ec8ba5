#!/usr/bin/env bash
# Measures the local platform's start: cold (empty SOCAAS_HOME: Keycloak unpacked and built,
# realm imported, Kafka storage formatted), then warm (same data, processes restarted), and
# the resident memory of every component once up. Services must be built (./soc up builds them).
# Uses its own SOCAAS_HOME so it never touches ~/.socaas; stops what it started at the end.
#   bash local-stack/bench/startup.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export SOCAAS_HOME="${SOCAAS_HOME:-$ROOT/.socaas-bench}"
trap './soc down >/dev/null 2>&1 || true' EXIT

./soc down --purge >/dev/null 2>&1 || true
seconds() { date +%s.%N; }

t0=$(seconds); ./soc up > "$SOCAAS_HOME.cold.log" 2>&1 || { cat "$SOCAAS_HOME.cold.log"; exit 1; }; t1=$(seconds)
cold=$(awk "BEGIN{print $t1 - $t0}")
./soc down >/dev/null
t0=$(seconds); ./soc up > "$SOCAAS_HOME.warm.log" 2>&1 || { cat "$SOCAAS_HOME.warm.log"; exit 1; }; t1=$(seconds)
warm=$(awk "BEGIN{print $t1 - $t0}")

echo "== per component (cold) =="; grep -E 'ready in' "$SOCAAS_HOME.cold.log" || true
echo "== per component (warm) =="; grep -E 'ready in' "$SOCAAS_HOME.warm.log" || true
echo "== resident memory =="; ./soc status || true
awk -v c="$cold" -v w="$warm" 'BEGIN{printf "cold start: %.1f s   warm start: %.1f s   cold/warm: %.2f\n", c, w, c / w}'
