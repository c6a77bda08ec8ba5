#!/usr/bin/env bash
# Runs a module's JMH benchmark (src/test/.../bench/*Benchmark.java): builds the module with -Pbench
# under the shared Maven lock (offline; the profile writes target/bench-classpath.txt), then runs the
# benchmark's main in the module's folder, where the tests run and find the corpus (SOCAAS_CORPUS,
# default ../shared/corpus). Extra arguments are JMH options (e.g. -wi 1 -i 2). In a module with
# several benchmarks, BENCH names the one to run (the start of its class name; default: the first).
#   bash local-stack/bench/jmh.sh services/event-model   # parse + normalize (NormalizationThroughputBenchmark)
#   BENCH=SigmaThroughput bash local-stack/bench/jmh.sh services/correlation   # Sigma engine
#   BENCH=IntelMatch bash local-stack/bench/jmh.sh services/correlation        # threat-intel matching
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="${1:?usage: jmh.sh <module folder, e.g. services/event-model> [JMH options]}"
shift
main=$(cd "$ROOT/$module/src/test/java" && find . -path "*/bench/${BENCH:-}*Benchmark.java" | sort | head -1 | sed 's|^\./||; s|\.java$||; s|/|.|g')
[ -n "$main" ] || { echo "no src/test/java/**/bench/${BENCH:-}*Benchmark.java in $module" >&2; exit 1; }
cd "$ROOT"
# a JDK >= 21 (JAVA_HOME if it is one, else the newest installed), as ./soc picks it
. "$ROOT/.mvn/select-jdk.sh"
flock /tmp/socaas-maven.lock ./mvnw -B -q -o verify -pl "$module" -am -DskipTests -Pbench
cd "$ROOT/$module"
java="$JAVA_HOME/bin/java"  # ./mvnw picked a JDK >= 21 (.mvn/select-jdk.sh)
echo "running $main ($("$java" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$@"
