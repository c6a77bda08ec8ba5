#!/usr/bin/env bash
# Accept-to-alert benchmark against the running platform (./soc up): HTTP NDJSON at a fixed rate
# (default 5000 events/s) of Windows events of the corpus into a benchmark instance of ingestion, and
# a benchmark instance of correlation with every SigmaHQ Windows rule of the corpus enabled for acme;
# per alert, the time from the 202 of the batch holding its event to the alert on the alerts topic.
# Prints p50/p90/p99/max, events/s accepted, alerts/s, correlation's CPU and RSS, with the platform's
# default pack (windows-core) as the peer in the same run. See docs/benchmarks.md ("Accept to alert").
#   bash local-stack/bench/detect.sh                          # both phases, 20 s warm-up + 60 s each (~4 min)
#   bash local-stack/bench/detect.sh --rate 2000 --seconds 30 --phases full
#   bash local-stack/bench/detect.sh --phases full --jfr /tmp/detect.jfr   # profile correlation
#   bash local-stack/bench/detect.sh --help                   # every option
# Needs: the platform up (./soc up: Kafka, Keycloak, tenant-billing resolve the demo ingest key),
# ingestion and correlation built in this checkout (./mvnw -B -DskipTests package -pl
# services/ingestion,services/correlation,local-stack/dists/kafka -am), python3 and the corpus.
# Nothing of the platform is stopped or reconfigured: the benchmark instances use ports 18091/18092/
# 15150/15151, their own consumer groups, Streams application id, tenant facts and soc.bench.* topics.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${SOCAAS_HOME:-$HOME/.socaas}"
CORPUS="${SOCAAS_CORPUS:-$ROOT/../shared/corpus}"
fail() { echo "detect.sh: $*" >&2; exit 1; }

case " $* " in *" --help "*|*" -h "*)
  exec python3 "$ROOT/local-stack/bench/detect/detect.py" --root "$ROOT" --home "$HOME_DIR" --corpus "$CORPUS" --help;;
esac
command -v python3 >/dev/null || fail "python3 is missing (apt-get install -y python3)"
[ -d "$CORPUS/sigma" ] && [ -d "$CORPUS/evtx-attack-samples-json" ] || fail "corpus not found at $CORPUS (set SOCAAS_CORPUS)"
for service in ingestion correlation; do
  [ -f "$ROOT/services/$service/target/quarkus-app/quarkus-run.jar" ] \
    || fail "$service is not built: ./mvnw -B -DskipTests package -pl services/ingestion,services/correlation,local-stack/dists/kafka -am"
done
[ -f "$ROOT/local-stack/dists/kafka/target/classpath.txt" ] \
  || fail "local-stack/dists/kafka is not built (its classpath.txt creates the topics): add it to the package command"
for check in "Kafka :9092|bash -c 'exec 3<>/dev/tcp/127.0.0.1/9092'" \
             "Keycloak :8180|curl -sf http://127.0.0.1:8180/realms/socaas" \
             "tenant-billing :8084|curl -sf http://127.0.0.1:8084/q/health/ready"; do
  name="${check%%|*}"; cmd="${check#*|}"
  eval "$cmd" >/dev/null 2>&1 || fail "$name is not up: start the platform with ./soc up (./soc status shows what runs)"
done
[ -s "$HOME_DIR/demo-ingest-key" ] || fail "no demo ingest key in $HOME_DIR/demo-ingest-key: ./soc up writes it"

# a JDK >= 21 (JAVA_HOME if it is one, else the newest installed), as ./soc picks it
. "$ROOT/.mvn/select-jdk.sh"
java="$JAVA_HOME/bin/java"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1)"
# the events topic has the partitions of soc.events.v1 (6) so that correlation's consumers share it as
# on the platform; ingestion's own benchmark topics are ingest.sh's
"$java" -cp "$(cat "$ROOT/local-stack/dists/kafka/target/classpath.txt")" -Dlog4j2.level=warn \
  "$ROOT/local-stack/bench/ingest/BenchTopics.java" 127.0.0.1:9092 soc.bench.detect.events.v1:6 \
  soc.bench.detect.alerts.v1:6 soc.bench.detect.rule-matches.v1:6 soc.bench.detect.events.dlq.v1 \
  soc.bench.detect.alerts.dlq.v1 soc.bench.detect.tenants.v1 soc.bench.usage.v1 soc.bench.dlq.v1
exec python3 "$ROOT/local-stack/bench/detect/detect.py" --root "$ROOT" --home "$HOME_DIR" --corpus "$CORPUS" "$@"
