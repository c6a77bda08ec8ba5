# Sourced by ./mvnw, ./soc and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# Keeps JAVA_HOME when it already is one; otherwise takes the newest JDK >= 21 found
# in the standard JVM directory (SOCAAS_JVM_DIR, default /usr/lib/jvm).
socaas_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
socaas_select_jdk() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(socaas_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then return 0; fi
  fi
  for candidate in "${SOCAAS_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(socaas_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "error: SOCaaS needs a JDK $min or newer: JAVA_HOME (${JAVA_HOME:-unset}) is not one and none was found in ${SOCAAS_JVM_DIR:-/usr/lib/jvm}. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
socaas_select_jdk || exit 1
