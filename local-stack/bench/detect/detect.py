"""Accept-to-alert benchmark against the running platform. Started by local-stack/bench/detect.sh,
which checks the prerequisites and creates the topics; see docs/benchmarks.md ("Accept to alert").

What runs, beside the platform and without touching it:
  - a benchmark instance of ingestion (the built jar, as ingest.sh starts it: ../ingest/bench.py),
    publishing the accepted events to EVENTS_TOPIC;
  - a benchmark instance of correlation (the built jar, the JVM flags ./soc up runs it with) on its
    own port, consumer group, Kafka Streams application id, tenant facts topic and topics, whose
    tenant-config holds two packs: the full rule set (every SigmaHQ rule of the corpus with logsource
    product windows, as the Sigma JMH benchmark takes them) and the platform's default pack
    (windows-core); the tenant facts give acme one of them, and switching is a new fact (no restart);
  - AlertTap.java, which follows ALERTS_TOPIC and prints each alert's append time and event ids.

Per phase (the full rule set, then the default pack as the peer in the same run): a warm-up, then
HTTP NDJSON at a fixed rate for the measured time; for every alert raised by an event accepted in the
measured time, the time from the 202 answering the batch that held the event to the alert's append
time on the alerts topic (the broker's clock, LogAppendTime: the same machine's clock as the 202).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'ingest'))
import bench  # noqa: E402  (the ingestion benchmark's helpers: instance, tenant facts, /proc readings)

EVENTS_TOPIC = 'soc.bench.detect.events.v1'
EVENTS_PARTITIONS = 6  # as soc.events.v1; detect.sh creates the topic
ALERTS_TOPIC = 'soc.bench.detect.alerts.v1'
MATCHES_TOPIC = 'soc.bench.detect.rule-matches.v1'
EVENTS_DLQ_TOPIC = 'soc.bench.detect.events.dlq.v1'
ALERTS_DLQ_TOPIC = 'soc.bench.detect.alerts.dlq.v1'
TENANTS_TOPIC = 'soc.bench.detect.tenants.v1'
# ports of its own, beside those of ingest.sh's instance (18081, 15140, 15141): both may run at once
INGESTION_PORTS = (18091, 15150, 15151)
CORRELATION_PORT = 18092
FULL_PACK = 'sigmahq-windows'
DEFAULT_PACK = 'windows-core'
# the JVM flags ./soc up runs correlation with (local-stack Service.jvmOptions)
PLATFORM_JVM = '-Xms64m -Xmx256m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED'
# the logsource's product (the only indented "product:" key of a Sigma rule)
WINDOWS = re.compile(r'^[ \t]+product:[ \t]*windows[ \t]*$', re.M)

log = bench.log


def write_tenant_config(root, corpus, work):
    """A tenant-config folder with the full rule set as one pack (links to the corpus' files), the
    platform's default pack and filters (links to the repository's). Returns (folder, rule files)."""
    tc = os.path.join(work, 'tenant-config')
    shutil.rmtree(tc, ignore_errors=True)
    pack = os.path.join(tc, 'rules', FULL_PACK)
    os.makedirs(pack)
    os.symlink(os.path.join(root, 'tenant-config', 'rules', DEFAULT_PACK), os.path.join(tc, 'rules', DEFAULT_PACK))
    os.symlink(os.path.join(root, 'tenant-config', 'filters'), os.path.join(tc, 'filters'))
    sigma = os.path.join(corpus, 'sigma')
    count = 0
    for folder in sorted(f for f in os.listdir(sigma) if f.startswith('rules')):
        for d, _, files in sorted(os.walk(os.path.join(sigma, folder))):
            for f in sorted(files):
                path = os.path.join(d, f)
                if f.endswith('.yml') and WINDOWS.search(open(path, encoding='utf-8').read()):
                    os.symlink(path, os.path.join(pack, f))
                    count += 1
    with open(os.path.join(pack, 'pack.yaml'), 'w') as fh:
        fh.write(f'id: {FULL_PACK}\ntitle: Every SigmaHQ Windows rule of the corpus (benchmark)\n'
                 'license: DRL-1.1\nsource_url_base: https://github.com/SigmaHQ/sigma/tree/master/rules/\n')
    return tc, count


class Correlation:
    """The benchmark instance of correlation; nothing of it is shared with the platform's."""

    def __init__(self, root, work, tenant_config, jvm, run, jfr=None, extra=()):
        self.root, self.work = root, work
        self.app = os.path.join(root, 'services', 'correlation', 'target', 'quarkus-app')
        props = {
            'quarkus.http.port': CORRELATION_PORT,
            'socaas.tenant-facts.topic': TENANTS_TOPIC,
            'socaas.tenant-config.dir': tenant_config,
            'mp.messaging.incoming.events.topic': EVENTS_TOPIC,
            # a group of its own per run, from the end of the topic: no backlog of an earlier run
            'mp.messaging.incoming.events.group.id': f'socaas-bench-detect-{run}',
            'mp.messaging.incoming.events.auto.offset.reset': 'latest',
            'mp.messaging.outgoing.alerts.topic': ALERTS_TOPIC,
            'mp.messaging.outgoing.events-dlq.topic': EVENTS_DLQ_TOPIC,
            'mp.messaging.outgoing.alerts-dlq.topic': ALERTS_DLQ_TOPIC,
            'socaas.correlation.streams.matches-topic': MATCHES_TOPIC,
            'socaas.correlation.streams.alerts-topic': ALERTS_TOPIC,
            # never the platform's Streams group, changelogs or transactional ids
            'socaas.correlation.streams.application-id': 'socaas-bench-detect',
            'socaas.correlation.streams.state-dir': os.path.join(work, 'kafka-streams'),
            'socaas.correlation.streams.standby-replicas': 0,
        }
        props.update(p.split('=', 1) for p in extra)
        self.cmd = ['java'] + jvm.split()
        if jfr:
            self.cmd += [f'-XX:StartFlightRecording=filename={jfr},settings=profile,dumponexit=true']
        self.cmd += [f'-D{k}={v}' for k, v in props.items()] + ['-jar', os.path.join(self.app, 'quarkus-run.jar')]
        self.proc = self.logfile = None
        self.logpath = os.path.join(work, 'logs', 'correlation-bench.log')

    def start(self):
        if bench.listening(CORRELATION_PORT):
            raise SystemExit(f'port {CORRELATION_PORT} is taken: is another benchmark running?')
        self.logfile = open(self.logpath, 'w')
        self.proc = subprocess.Popen(self.cmd, stdout=self.logfile, stderr=subprocess.STDOUT,
                                     cwd=os.path.join(self.root, 'services', 'correlation'),
                                     env=dict(os.environ, QUARKUS_PROFILE='prod'))
        try:
            bench.wait_until(
                lambda: self.proc.poll() is None and bench.http_ok(f'http://127.0.0.1:{CORRELATION_PORT}/q/health/ready'),
                180, f'the benchmark instance of correlation (log {self.logpath})')
        except BaseException:
            self.stop()
            raise
        return self

    def rules_enabled(self):
        """Rules enabled for acme, as the instance last logged a change of it (None before any)."""
        found = re.findall(r'tenant acme changed: (\d+) rules enabled', open(self.logpath, errors='replace').read())
        return int(found[-1]) if found else None

    def pack_sizes(self):
        return {p: int(n) for p, n in re.findall(r'rule pack (\S+): (\d+) rules', open(self.logpath, errors='replace').read())}

    def metric(self, pattern):
        with urllib.request.urlopen(f'http://127.0.0.1:{CORRELATION_PORT}/q/metrics', timeout=5) as r:
            text = r.read().decode()
        return sum(float(m) for m in re.findall(pattern, text, re.M))

    def evaluated(self):
        """Events the instance has evaluated (its metric), every tenant."""
        return self.metric(r'^socaas_correlation_events_evaluated_total\{[^}]*\} (\S+)')

    def assigned(self):
        """Partitions of the events topic its consumers own (the group starts at the topic's end: an
        event sent before the assignment is never read)."""
        return self.metric(r'^kafka_consumer_coordinator_assigned_partitions\{client_id="kafka-consumer-events[^}]*\} (\S+)')

    def catch_up(self, ingestion, most):
        """Waits until the instance has evaluated every event ingestion accepted (at most `most` s);
        returns (seconds waited, events still not evaluated)."""
        start = time.time()
        while True:
            behind = ingestion.accepted() - self.evaluated()
            if behind <= 0 or time.time() > start + most:
                return round(time.time() - start, 1), max(0, int(behind))
            time.sleep(0.5)

    def stop(self):
        bench.terminate(self.proc, 60)
        if self.logfile:
            self.logfile.close()


class AlertTap:
    """AlertTap.java in the background: every alert line, kept with the time it was read."""

    def __init__(self, root):
        app = os.path.join(root, 'services', 'correlation', 'target', 'quarkus-app')
        cp = os.path.join(app, 'lib', 'main', '*') + os.pathsep + os.path.join(app, 'app', '*')
        self.proc = subprocess.Popen(['java', '-cp', cp, '-Dlog4j2.level=warn', os.path.join(HERE, 'AlertTap.java'),
                                      bench.BROKER, ALERTS_TOPIC], stdout=subprocess.PIPE, text=True)
        self.alerts = []  # (append ms, rule id, [ingest ids])
        ready = self.proc.stdout.readline()
        if not ready.startswith('ready'):
            raise SystemExit(f'AlertTap did not start: {ready!r}')
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            parts = line.split()
            if len(parts) == 4:
                self.alerts.append((int(parts[0]), parts[2], parts[3].split(',')))

    def wait_quiet(self, most):
        """Waits until no alert came for 3 s (at most `most` s); returns the seconds waited."""
        start = time.time()
        last_count, last_change = -1, start
        while time.time() < start + most:
            if len(self.alerts) != last_count:
                last_count, last_change = len(self.alerts), time.time()
            elif time.time() - last_change > 3:
                break
            time.sleep(0.2)
        return round(time.time() - start, 1)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=20)


class PacedLoad:
    """HTTP NDJSON batches at a fixed rate: batch i is due at start + i * batch / rate, on a pool of
    connections; every accepted event's ingest id is kept with the time its batch's 202 came back."""

    def __init__(self, bodies, key, rate, batch, connections):
        self.bodies, self.key, self.rate, self.batch, self.connections = bodies, key, rate, batch, connections

    def run(self, seconds):
        total = int(self.rate * seconds / self.batch)
        accepted = {}  # ingest id -> epoch ms of the 202
        refused = []
        late = []  # how late each batch left (s): the sender not keeping up shows here
        claim = iter(range(total))
        claim_lock = threading.Lock()
        t0 = time.time() + 0.5

        def connection():
            conn = http.client.HTTPConnection('127.0.0.1', INGESTION_PORTS[0], timeout=60)
            headers = {'Authorization': 'Bearer ' + self.key, 'Content-Type': 'application/x-ndjson'}
            while True:
                with claim_lock:
                    i = next(claim, None)
                if i is None:
                    return
                wait = t0 + i * self.batch / self.rate - time.time()
                if wait > 0:
                    time.sleep(wait)
                else:
                    late.append(-wait)
                conn.request('POST', '/api/v1/events', body=self.bodies[i % len(self.bodies)], headers=headers)
                answer = conn.getresponse()
                text = answer.read()
                at = int(time.time() * 1000)
                if answer.status != 202:
                    refused.append(answer.status)
                    continue
                for ingest_id in json.loads(text)['ingest_ids']:
                    accepted[ingest_id] = at

        pool = [threading.Thread(target=connection) for _ in range(self.connections)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed = time.time() - t0
        return dict(accepted=accepted, refused=refused, elapsed=elapsed,
                    late_batches=len([x for x in late if x > 0.1]), batches=total)


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))] if sorted_values else None


def proc_mb(pid, field):
    for line in open(f'/proc/{pid}/status'):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return None


def measure(label, load, tap, correlation, ingestion, seconds, drain, pack_size=None):
    """One measured window: the load for `seconds`, then alerts until none came for 3 s (at most `drain` s)."""
    loadavg0 = open('/proc/loadavg').read().split()[:3]
    first_alert = len(tap.alerts)
    c0, i0, w0 = bench.tree_cpu(correlation.proc.pid), bench.tree_cpu(ingestion.proc.pid), time.time()
    sent = load.run(seconds)
    c1, i1, w1 = bench.tree_cpu(correlation.proc.pid), bench.tree_cpu(ingestion.proc.pid), time.time()
    accepted = sent['accepted']
    behind_at_end = max(0, int(ingestion.accepted() - correlation.evaluated()))
    caught_up_s, not_evaluated = correlation.catch_up(ingestion, drain)
    drained = caught_up_s + tap.wait_quiet(10)
    latencies, alerts, events_alerted = [], 0, set()
    for append_ms, _rule, ids in tap.alerts[first_alert:]:
        at = [accepted[i] for i in ids if i in accepted]
        if at:
            alerts += 1
            latencies.append(append_ms - max(at))
            events_alerted.update(i for i in ids if i in accepted)
    latencies.sort()
    window = w1 - w0
    # what the instance logged for acme; before its first change of acme, the pack's size
    r = dict(phase=label, rules=correlation.rules_enabled() or pack_size, seconds=seconds, rate=load.rate, batch=load.batch,
             connections=load.connections, batches=sent['batches'], refused=len(sent['refused']),
             refused_status=sorted(set(sent['refused']))[:5], late_batches=sent['late_batches'],
             accepted_events=len(accepted), accepted_eps=len(accepted) / sent['elapsed'],
             alerts=alerts, alerts_per_s=alerts / sent['elapsed'], events_with_alert=len(events_alerted),
             p50_ms=percentile(latencies, 0.50), p90_ms=percentile(latencies, 0.90),
             p99_ms=percentile(latencies, 0.99), max_ms=latencies[-1] if latencies else None,
             drain_s=drained, behind_at_end=behind_at_end, not_evaluated_after_drain=not_evaluated,
             correlation_cpu_cores=(c1 - c0) / window, ingestion_cpu_cores=(i1 - i0) / window,
             correlation_rss_mb=proc_mb(correlation.proc.pid, 'VmRSS'),
             correlation_peak_rss_mb=proc_mb(correlation.proc.pid, 'VmHWM'),
             loadavg_start=' '.join(loadavg0), loadavg_end=' '.join(open('/proc/loadavg').read().split()[:3]))
    log(json.dumps(r))
    return r


def switch_packs(ingestion, correlation, packs, expect):
    """Publishes acme's rule packs and waits until the instance has rebuilt its catalog."""
    before = open(correlation.logpath, errors='replace').read().count('tenant acme changed')
    bench.publish_tenant(ingestion.classpath(), packs, TENANTS_TOPIC, INGESTION_PORTS[2])
    bench.wait_until(lambda: open(correlation.logpath, errors='replace').read().count('tenant acme changed') > before,
                     60, f'correlation to enable the packs {packs} for acme')
    if expect is not None and correlation.rules_enabled() != expect:
        log(f'{correlation.rules_enabled()} of the pack\'s {expect} rules enabled for acme (the others need '
            f'what the tenant does not configure, e.g. placeholders; see the log {correlation.logpath})')


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument('--root', required=True)
    a.add_argument('--home', required=True)
    a.add_argument('--corpus', required=True)
    a.add_argument('--rate', type=int, default=5000, help='events/s asked for (default 5000)')
    a.add_argument('--seconds', type=int, default=60, help='measured seconds per phase (default 60)')
    a.add_argument('--warmup', type=int, default=20, help='warm-up seconds per phase (default 20)')
    a.add_argument('--batch', type=int, default=250, help='events per HTTP batch (default 250)')
    a.add_argument('--connections', type=int, default=8, help='HTTP connections (default 8)')
    a.add_argument('--events', type=int, default=20000, help='distinct corpus events replayed (default 20000)')
    a.add_argument('--phases', default='full,default', help='full (every Windows rule), default (windows-core)')
    a.add_argument('--correlation-jvm', default=PLATFORM_JVM, help=f'JVM flags of correlation (default: {PLATFORM_JVM}, as ./soc up)')
    a.add_argument('--correlation-property', action='append', default=[], metavar='KEY=VALUE',
                   help='a setting of the correlation instance, e.g. mp.messaging.incoming.events.concurrency=6 (repeatable)')
    a.add_argument('--jfr', help='record a JFR profile of the benchmark instance of correlation into this file')
    a.add_argument('--drain', type=int, default=120,
                   help='most seconds to wait for correlation to catch up after a warm-up or a measured window (default 120)')
    args = a.parse_args()
    work = os.path.join(args.home, 'bench-detect')
    for d in ('logs', 'results'):
        os.makedirs(os.path.join(work, d), exist_ok=True)
    run = time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())
    key = open(os.path.join(args.home, 'demo-ingest-key')).read().strip()

    tenant_config, rule_files = write_tenant_config(args.root, args.corpus, work)
    log(f'full rule set: {rule_files} SigmaHQ rule files with logsource product windows ({tenant_config})')
    events = bench.windows_events(args.corpus, args.events)
    bodies = ['\n'.join(events[i:i + args.batch]).encode() for i in range(0, len(events) - args.batch + 1, args.batch)]
    log(f'load: {len(events)} Windows events of the corpus in {len(bodies)} distinct batches of {args.batch}, replayed')

    phases = [p for p in args.phases.split(',') if p]
    first_packs = FULL_PACK if phases[0] == 'full' else DEFAULT_PACK
    ingestion = bench.Ingestion(args.root, work, EVENTS_TOPIC, 'ingestion-bench', packs=first_packs,
                                tenants_topic=TENANTS_TOPIC, ports=INGESTION_PORTS)
    correlation = Correlation(args.root, work, tenant_config, args.correlation_jvm, run, jfr=args.jfr,
                              extra=args.correlation_property)
    tap = None
    results = []
    try:
        ingestion.start()
        correlation.start()
        sizes = correlation.pack_sizes()
        log(f'correlation benchmark instance ready (pid {correlation.proc.pid}); packs loaded: {sizes}')
        try:
            bench.wait_until(lambda: correlation.assigned() >= EVENTS_PARTITIONS, 60, 'the partition assignment')
        except SystemExit:
            log(f'correlation does not report {EVENTS_PARTITIONS} partitions of {EVENTS_TOPIC} assigned after 60 s '
                f'(metric kafka_consumer_coordinator_assigned_partitions: {correlation.assigned():.0f}); going on')
        tap = AlertTap(args.root)
        load = PacedLoad(bodies, key, args.rate, args.batch, args.connections)
        current = first_packs
        for phase in phases:
            packs = FULL_PACK if phase == 'full' else DEFAULT_PACK
            if packs != current:
                switch_packs(ingestion, correlation, packs, sizes.get(packs))
                current = packs
            log(f'{phase}: {correlation.rules_enabled() or sizes.get(packs)} rules enabled for acme; warm-up {args.warmup} s '
                f'at {args.rate} events/s')
            seen = len(tap.alerts)
            load.run(args.warmup)
            bench.wait_until(lambda: len(tap.alerts) > seen or phase != phases[0], 60,
                             'the first alert on the benchmark alerts topic (is the consumer assigned?)')
            # the warm-up's backlog is gone before the measured window
            waited, behind = correlation.catch_up(ingestion, args.drain)
            tap.wait_quiet(10)
            if behind:
                log(f'{phase}: correlation is still {behind} events behind after {waited} s; measuring anyway')
            log(f'{phase}: measuring {args.seconds} s at {args.rate} events/s '
                f'(load average {" ".join(open("/proc/loadavg").read().split()[:3])})')
            results.append(measure(phase, load, tap, correlation, ingestion, args.seconds, args.drain, sizes.get(packs)))
    finally:
        if tap:
            tap.stop()
        correlation.stop()
        if ingestion.proc:
            ingestion.stop()
    json.dump(results, open(os.path.join(work, 'results', f'detect-{run}.json'), 'w'), indent=1)
    summary(results)


def summary(results):
    log('\n== accept to alert: HTTP 202 of the batch -> alert appended to the alerts topic ==')
    log(f'{"phase":<8} {"rules":>6} {"asked/s":>8} {"accepted/s":>10} {"alerts":>7} {"alerts/s":>8} '
        f'{"p50 ms":>7} {"p90 ms":>7} {"p99 ms":>7} {"max ms":>7} {"corr CPU":>8} {"corr RSS MB":>11} {"load avg":>15}')
    for r in results:
        log(f'{r["phase"]:<8} {r["rules"] or 0:>6} {r["rate"]:>8} {r["accepted_eps"]:>10.0f} {r["alerts"]:>7} '
            f'{r["alerts_per_s"]:>8.0f} {r["p50_ms"] or 0:>7} {r["p90_ms"] or 0:>7} {r["p99_ms"] or 0:>7} '
            f'{r["max_ms"] or 0:>7} {r["correlation_cpu_cores"]:>8.2f} {r["correlation_rss_mb"] or 0:>11.0f} '
            f'{r["loadavg_end"]:>15}')
    for r in results:
        if r['not_evaluated_after_drain']:
            log(f'{r["phase"]}: {r["not_evaluated_after_drain"]} events were still not evaluated {r["drain_s"]} s after the '
                'window: their alerts are missing and the percentiles understate the delay')
        elif r['behind_at_end']:
            log(f'{r["phase"]}: correlation was {r["behind_at_end"]} events behind when the window ended '
                f'(caught up {r["drain_s"]} s later): it did not keep up with the rate')
    full = next((r for r in results if r['phase'] == 'full'), None)
    peer = next((r for r in results if r['phase'] == 'default'), None)
    if full and peer and full['p99_ms'] and peer['p99_ms']:
        log(f'full/default: p50 {full["p50_ms"] / max(1, peer["p50_ms"]):.2f}, p99 {full["p99_ms"] / max(1, peer["p99_ms"]):.2f}, '
            f'correlation CPU {full["correlation_cpu_cores"] / max(0.01, peer["correlation_cpu_cores"]):.2f}')
    elif peer and not peer['alerts']:
        log('no ratio: the default pack raised no alert on these events')
    if full:
        verdict = 'under' if full['p99_ms'] is not None and full['p99_ms'] < 1000 else 'NOT under'
        log(f'target: p99 under 1000 ms at 5000 events/s with the full rule set: {verdict} '
            f'(p99 {full["p99_ms"]} ms, {full["accepted_eps"]:.0f} events/s accepted)')


if __name__ == '__main__':
    main()
