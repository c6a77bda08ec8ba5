#!/usr/bin/env bash
# Ingestion benchmark against the running platform (./soc up), with rsyslog (omkafka) and syslog-ng
# (kafka-c) as peers in the same run, into the same broker with acks=all. Prints, for each receiver,
# events/s accepted into Kafka, CPU seconds per million events and peak RSS; our events/s over each
# peer's; and accept-to-searchable p50/p99 at a fixed 5000 events/s. See docs/benchmarks.md.
#   bash local-stack/bench/ingest.sh                    # the full run (1M syslog lines, ~5 min)
#   bash local-stack/bench/ingest.sh --lines 100000 --http-events 50000 --latency-seconds 10
#   bash local-stack/bench/ingest.sh --skip peers,latency --jfr /tmp/ingest.jfr   # profile ours
#   bash local-stack/bench/ingest.sh --skip syslog,http,peers --drain-events 100000   # the indexer only
#   bash local-stack/bench/ingest.sh --skip syslog,http,peers --latency-times load   # lines keep their own dates
#   bash local-stack/bench/ingest.sh --skip syslog,http,peers --latency-trace /tmp/t.csv   # each batch's latency
# The latency phase stamps each line with the time it is sent (as a live source's lines are) and indexes
# with the built jar's indexer (--indexer bench, a consumer group of its own
# on soc.bench.events.v1); --indexer platform measures the running platform's indexer instead.
# Needs: the platform up (./soc up, which also writes the demo ingest key), services built
# (./mvnw -B -DskipTests install), python3 and kcat; the peers (local-stack/bench/install-peers.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${SOCAAS_HOME:-$HOME/.socaas}"
CORPUS="${SOCAAS_CORPUS:-$ROOT/../shared/corpus}"
PEERS_DIR="${SOCAAS_PEERS:-$HOME_DIR/peers}"
fail() { echo "ingest.sh: $*" >&2; exit 1; }

command -v python3 >/dev/null || fail "python3 is missing (apt-get install -y python3)"
command -v kcat >/dev/null || fail "kcat is missing: it counts the records on the topic (apt-get install -y kcat)"
[ -f "$CORPUS/wazuh-ruleset-tests/cases.jsonl" ] || fail "corpus not found at $CORPUS (set SOCAAS_CORPUS)"
[ -f "$ROOT/services/ingestion/target/quarkus-app/quarkus-run.jar" ] \
  || fail "ingestion is not built: ./mvnw -B -DskipTests install"
for check in "Kafka 127.0.0.1:9092|kcat -L -b 127.0.0.1:9092 -m 3" \
             "OpenSearch :9200|curl -sf http://127.0.0.1:9200/_cluster/health" \
             "tenant-billing :8084|curl -sf http://127.0.0.1:8084/q/health/ready" \
             "ingestion :8081 (indexes soc.events.v1)|curl -sf http://127.0.0.1:8081/q/health/ready"; do
  name="${check%%|*}"; cmd="${check#*|}"
  $cmd >/dev/null 2>&1 || fail "$name is not up: start the platform with ./soc up (./soc status shows what runs)"
done
[ -s "$HOME_DIR/demo-ingest-key" ] || fail "no demo ingest key in $HOME_DIR/demo-ingest-key: ./soc up writes it"

peers=()
if command -v rsyslogd >/dev/null && ls /usr/lib/*/rsyslog/omkafka.so >/dev/null 2>&1; then
  peers+=(rsyslog)
else
  echo "PEER NOT INSTALLED: rsyslog with omkafka (apt-get install -y rsyslog rsyslog-kafka, or local-stack/bench/install-peers.sh); its run is left out" >&2
fi
if [ -x "$PEERS_DIR/syslog-ng/usr/sbin/syslog-ng" ] && [ -f "$PEERS_DIR/syslog-ng/usr/lib/syslog-ng/3.38/libkafka.so" ]; then
  peers+=(syslog-ng)
else
  echo "PEER NOT INSTALLED: syslog-ng with kafka-c under $PEERS_DIR/syslog-ng (local-stack/bench/install-peers.sh); its run is left out" >&2
fi

# a JDK >= 21 (JAVA_HOME if it is one, else the newest installed), as ./soc picks it
. "$ROOT/.mvn/select-jdk.sh"
java="$JAVA_HOME/bin/java"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1)"
"$java" -cp "$(cat "$ROOT/local-stack/dists/kafka/target/classpath.txt")" -Dlog4j2.level=warn \
  "$ROOT/local-stack/bench/ingest/BenchTopics.java" 127.0.0.1:9092 soc.bench.v1 soc.bench.usage.v1 soc.bench.dlq.v1 soc.bench.tenants.v1 \
  soc.bench.events.v1:6
peer_list=$(IFS=,; echo "${peers[*]:-}")
exec python3 "$ROOT/local-stack/bench/ingest/bench.py" --root "$ROOT" --home "$HOME_DIR" --corpus "$CORPUS" \
  --peers-dir "$PEERS_DIR" --peers "$peer_list" "$@"
