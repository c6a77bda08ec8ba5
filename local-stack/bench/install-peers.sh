#!/usr/bin/env bash
# Installs the peers of local-stack/bench/ingest.sh from Debian: rsyslog with omkafka (apt), and
# syslog-ng with kafka-c, whose packages conflict with rsyslog's: downloaded with apt and unpacked
# under $SOCAAS_PEERS (default ~/.socaas/peers) with dpkg -x, their libraries installed with apt.
set -euo pipefail
PEERS_DIR="${SOCAAS_PEERS:-${SOCAAS_HOME:-$HOME/.socaas}/peers}"
apt-get install -y rsyslog rsyslog-kafka kcat libivykis0 libnet1 libpcre3 librdkafka1
tmp=$(mktemp -d)
(cd "$tmp" && apt-get download syslog-ng-core syslog-ng-mod-rdkafka)
mkdir -p "$PEERS_DIR/syslog-ng"
for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$PEERS_DIR/syslog-ng"; done
rm -rf "$tmp"
echo "syslog-ng unpacked under $PEERS_DIR/syslog-ng"
