"""Ingestion benchmark against the running platform, with rsyslog and syslog-ng as peers in the
same run. Started by local-stack/bench/ingest.sh, which checks the prerequisites; see
docs/benchmarks.md ("Ingestion throughput") for what each figure means.

Each throughput phase (1-3) first sends the same load --warmup-passes times (default 1) through the
same process, unmeasured for the comparison: the figures compared are a running receiver's, ours with
its JVM's hot paths compiled, the peers' after the same pass. The warm-up passes are printed as well.

Phases:
  1. ours, syslog TCP: the load file over one TCP connection to a tenant port of a benchmark
     instance of ingestion (the built jar, JVM flags as ./soc up runs it), published with acks=all
     to the benchmark topic; events/s until every line is on the topic, CPU seconds, peak RSS.
  2. ours, HTTP NDJSON: Windows events of the corpus in batches of 1000 on 4 connections with the
     demo ingest key, to the same instance and topic.
  3. each installed peer (rsyslog omkafka, syslog-ng kafka-c, acks=all): the same load file over one
     TCP connection into the same broker and topic.
  4. latency: HTTP NDJSON (batches of 250 on 8 connections) at a fixed rate (5000 events/s) to a
     benchmark instance; per batch, the time from the 202 answer to the moment OpenSearch's search
     finds the whole batch, measured after a warm-up of the same load (--latency-warmup, 30 s).
     After throughput phases it starts once half the CPU has been idle for 2 s (at most
     --settle-seconds, 120), so that it measures the steady state at that rate.
     With --indexer bench (the default) the instance publishes to its own
     topic soc.bench.events.v1 (emptied first) and indexes it itself with the built jar's indexer
     (a consumer group of its own); with --indexer platform it publishes to soc.events.v1 and the
     running platform's indexer makes the events searchable.
  5. drain (only with --drain-events N): the indexer alone. N events are published to
     soc.bench.events.v1 (emptied first) by a benchmark instance without indexer, then an instance
     with the indexer (a new consumer group) indexes the backlog: events/s indexed, its CPU seconds.
"""
import argparse
import gzip
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile

HZ = os.sysconf('SC_CLK_TCK')
HERE = os.path.dirname(os.path.abspath(__file__))
BROKER = '127.0.0.1:9092'
TOPIC = 'soc.bench.v1'
USAGE_TOPIC = 'soc.bench.usage.v1'
DLQ_TOPIC = 'soc.bench.dlq.v1'
TENANTS_TOPIC = 'soc.bench.tenants.v1'
# the benchmark's stand-in for soc.events.v1 (as many partitions), indexed by benchmark instances
EVENTS_TOPIC = 'soc.bench.events.v1'
EVENTS_PARTITIONS = 6
PARTITIONS = 3
HTTP_PORT = 18081
SYSLOG_PORT = 15140
TENANT_PORT = 15141
PEER_PORTS = {'rsyslog': 15514, 'syslog-ng': 15515}


def log(*a):
    print(*a, flush=True)


# ---- measurement helpers (as the peer reference's runner) ----

def offsets(topic=TOPIC, partitions=PARTITIONS):
    args = ['kcat', '-Q', '-b', BROKER]
    for p in range(partitions):
        args += ['-t', f'{topic}:{p}:-1']
    out = subprocess.run(args, capture_output=True, text=True, timeout=10).stdout
    v = [int(x) for x in re.findall(r'offset (-?\d+)', out)]
    assert len(v) == partitions, out
    return sum(v)


def cpu(pid):
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) / HZ


def tree_cpu(pid):
    """CPU seconds of a process and its children still alive (syslog-ng's wrapper, the JVM)."""
    total = cpu(pid)
    for child in children(pid):
        total += tree_cpu(child)
    return total


def children(pid):
    try:
        return [int(c) for c in open(f'/proc/{pid}/task/{pid}/children').read().split()]
    except OSError:
        return []


def hwm_mb(pid):
    for l in open(f'/proc/{pid}/status'):
        if l.startswith('VmHWM'):
            return int(l.split()[1]) / 1024
    return None


def listening(port):
    out = subprocess.run(['ss', '-ltn'], capture_output=True, text=True).stdout
    return re.search(rf'127\.0\.0\.1\]?:{port}\s', out) is not None


def wait_until(check, seconds, what):
    until = time.time() + seconds
    while time.time() < until:
        if check():
            return
        time.sleep(0.2)
    raise SystemExit(f'timed out after {seconds} s waiting for {what}')


def http_ok(url):
    try:
        with urllib.request.urlopen(url, timeout=3) as r:
            return r.status == 200
    except Exception:
        return False


def kafka_pid(home):
    try:
        return int(open(os.path.join(home, 'run', 'kafka.pid')).read().strip())
    except OSError:
        return None


def load_average():
    return [round(x, 2) for x in os.getloadavg()]


def cpu_idle_share(seconds):
    """The share of the machine's CPU time that was idle over the next `seconds` (/proc/stat)."""
    def sample():
        fields = [int(x) for x in open('/proc/stat').readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total
    idle0, total0 = sample()
    time.sleep(seconds)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(1, total1 - total0)


def settle(max_seconds, idle_share=0.5, window=2):
    """Waits until the machine has settled after the phases before (the broker writing out their
    records, their JVMs exiting): at least `idle_share` of the CPU idle over `window` seconds, for at
    most `max_seconds`. Returns the seconds waited and the last idle share."""
    t0 = time.time()
    share = cpu_idle_share(window)
    while share < idle_share and time.time() - t0 < max_seconds:
        share = cpu_idle_share(window)
    return round(time.time() - t0, 1), round(share, 2)


def truncate(root, *topics):
    """Deletes what the benchmark topics hold (BenchTruncate.java), so that a new group reads only this run."""
    cp = open(os.path.join(root, 'local-stack', 'dists', 'kafka', 'target', 'classpath.txt')).read().strip()
    subprocess.run(['java', '-cp', cp, '-Dlog4j2.level=warn', os.path.join(HERE, 'BenchTruncate.java'), BROKER,
                    *topics], check=True)


# ---- loads ----

def syslog_load(work, corpus, lines):
    path = os.path.join(work, 'load', f'syslog-{lines}.txt')
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        log(f'writing the syslog load ({lines} lines) to {path}')
        subprocess.run([sys.executable, os.path.join(HERE, 'gen_syslog.py'), corpus, path, str(lines)], check=True)
    return path


def windows_events(corpus, limit):
    """Windows events of the corpus: evtx-attack-samples (evtx-dump shape), then OTRF (flat)."""
    events = []
    root = os.path.join(corpus, 'evtx-attack-samples-json', 'events')
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if f.endswith('.ndjson.gz'):
                with gzip.open(os.path.join(d, f), 'rt', encoding='utf-8') as fh:
                    events += [l.strip() for l in fh if l.strip().startswith('{')]
            if len(events) >= limit:
                return events[:limit]
    root = os.path.join(corpus, 'otrf-security-datasets', 'datasets')
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if not f.endswith('.zip'):
                continue
            with zipfile.ZipFile(os.path.join(d, f)) as z:
                for name in z.namelist():
                    if name.endswith('.json'):
                        with z.open(name) as fh:
                            for i, l in enumerate(fh):
                                if i >= 200:
                                    break
                                l = l.decode('utf-8', 'replace').strip()
                                if l.startswith('{'):
                                    events.append(l)
            if len(events) >= limit:
                return events[:limit]
    return events


# ---- the benchmark instance of ingestion ----

def publish_tenant(classpath, packs='', topic=TENANTS_TOPIC, port=TENANT_PORT):
    """The benchmark's tenant facts (BenchTenant.java): acme active, its syslog port, its rule packs."""
    subprocess.run(['java', '-cp', classpath, os.path.join(HERE, 'BenchTenant.java'),
                    BROKER, topic, 'acme', str(port), packs], check=True)


class Ingestion:
    def __init__(self, root, work, events_topic, name, jfr=None, index_group=None, packs='',
                 tenants_topic=TENANTS_TOPIC, ports=(HTTP_PORT, SYSLOG_PORT, TENANT_PORT)):
        """index_group: run this instance's indexer on events_topic as that consumer group (else none).
        detect.sh's instance gives acme rule packs (comma-separated), and has its own tenant facts
        topic and ports (HTTP, syslog, the tenant's syslog port) so that it can run beside this one."""
        self.root, self.work, self.name, self.packs = root, work, name, packs
        self.tenants_topic, (self.http_port, syslog_port, self.tenant_port) = tenants_topic, ports
        self.jar = os.path.join(root, 'services', 'ingestion', 'target', 'quarkus-app', 'quarkus-run.jar')
        props = {
            'quarkus.http.port': self.http_port,
            'socaas.ingestion.syslog.tcp-port': syslog_port,
            'socaas.ingestion.syslog.udp-port': syslog_port,
            # the platform's instance holds RELP (2514) and TLS (6514); the benchmark needs neither
            'socaas.ingestion.syslog.relp.enabled': 'false',
            'socaas.ingestion.syslog.tls.enabled': 'false',
            'socaas.syslog.tenant-ports.reserved': f'{self.http_port},{syslog_port},8081,5140,6514,2514,2515',
            # its own tenant facts: acme active, with the tenant port TENANT_PORT (BenchTenant.java)
            'socaas.tenant-facts.topic': tenants_topic,
            # the demo tenant's plan (1000 events/s) would measure the quota, not ingestion
            'socaas.ingestion.quota.enabled': 'false',
            # the platform's own instance indexes soc.events.v1 and applies retention
            'socaas.ingestion.indexing.enabled': 'false',
            'socaas.ingestion.indexing.retention.enabled': 'false',
            'mp.messaging.outgoing.events-out.topic': events_topic,
            'mp.messaging.outgoing.usage-out.topic': USAGE_TOPIC,
            'mp.messaging.outgoing.events-dlq-out.topic': DLQ_TOPIC,
        }
        if index_group:
            props.update({
                'socaas.ingestion.indexing.enabled': 'true',
                'socaas.ingestion.indexing.topic': events_topic,
                'socaas.ingestion.indexing.group-id': index_group,
                'socaas.ingestion.indexing.dead-letter-topic': DLQ_TOPIC,
            })
        # the JVM flags ./soc up runs ingestion with (local-stack Service.jvmOptions)
        self.cmd = ['java', '-Xms512m', '-Xmx1g', '-XX:+UseParallelGC', '--enable-native-access=ALL-UNNAMED']
        if jfr:
            self.cmd += [f'-XX:StartFlightRecording=filename={jfr},settings=profile,dumponexit=true']
        self.cmd += [f'-D{k}={v}' for k, v in props.items()] + ['-jar', self.jar]
        self.proc = None

    def start(self):
        if listening(self.http_port) or listening(self.tenant_port):
            raise SystemExit(f'port {self.http_port} or {self.tenant_port} is taken: is another benchmark running?')
        publish_tenant(self.classpath(), self.packs, self.tenants_topic, self.tenant_port)
        os.makedirs(os.path.join(self.work, 'logs'), exist_ok=True)
        self.logfile = open(os.path.join(self.work, 'logs', f'{self.name}.log'), 'w')
        env = dict(os.environ, QUARKUS_PROFILE='prod', SOCAAS_TENANT_CONFIG_DIR=os.path.join(self.root, 'tenant-config'))
        self.proc = subprocess.Popen(self.cmd, stdout=self.logfile, stderr=subprocess.STDOUT,
                                     cwd=os.path.join(self.root, 'services', 'ingestion'), env=env)
        try:
            wait_until(lambda: self.proc.poll() is None and http_ok(f'http://127.0.0.1:{self.http_port}/q/health/ready'),
                       120, f'the benchmark instance of ingestion (log {self.logfile.name})')
            wait_until(lambda: listening(self.tenant_port), 30, 'the syslog tenant port')
        except BaseException:
            self.stop()
            raise
        return self

    def classpath(self):
        app = os.path.join(self.root, 'services', 'ingestion', 'target', 'quarkus-app')
        return os.path.join(app, 'lib', 'main', '*') + os.pathsep + os.path.join(app, 'app', '*')

    def accepted(self):
        return self.metric('socaas_ingestion_events_accepted_total')

    def metric(self, name):
        """The sum of a counter over its tags."""
        with urllib.request.urlopen(f'http://127.0.0.1:{self.http_port}/q/metrics', timeout=5) as r:
            text = r.read().decode()
        return sum(float(m) for m in re.findall(rf'^{name}\{{[^}}]*\}} (\S+)', text, re.M))

    def stop(self):
        terminate(self.proc, 30)
        self.logfile.close()


def terminate(proc, seconds):
    """SIGTERM, then SIGKILL after `seconds` (a process not started or already ended: nothing)."""
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---- throughput runs ----

def until_on_topic(base, n, t0, stall=30, topic=TOPIC, partitions=PARTITIONS):
    """Polls the topic's end offsets until n records arrived after base; returns (done time, count)."""
    last, last_change = base, time.time()
    while True:
        time.sleep(0.1)
        o = offsets(topic, partitions)
        now = time.time()
        if o != last:
            last, last_change = o, now
        if o - base >= n:
            return now, o - base
        if now - last_change > stall:
            return None, o - base


def syslog_run(label, pid, port, load, n, kpid):
    base = offsets()
    c0, k0 = tree_cpu(pid), (cpu(kpid) if kpid else 0)
    s = subprocess.Popen([sys.executable, os.path.join(HERE, 'sender.py'), '127.0.0.1', str(port), load],
                         stdout=subprocess.PIPE, text=True)
    t_start = time.time()
    done, count = until_on_topic(base, n, t_start)
    c1, k1, rss = tree_cpu(pid), (cpu(kpid) if kpid else 0), peak_rss(pid)
    st0, st1, _ = s.communicate(timeout=120)[0].split()
    t0 = float(st0)
    time.sleep(2)
    final = offsets() - base
    secs = (done - t0) if done else None
    r = dict(run=label, transport='syslog TCP', events=n, on_topic=final, complete=final == n,
             secs=secs, eps=(n / secs) if secs else None, cpu_s=c1 - c0,
             cpu_s_per_million=(c1 - c0) * 1e6 / max(1, count), rss_mb=rss, broker_cpu_s=k1 - k0,
             sender_secs=float(st1) - t0)
    log(json.dumps(r))
    return r


def warmup(result):
    """A throughput pass sent before the measured one: shown, never compared."""
    result['warmup'] = True
    log(f'(warm-up pass of {result["run"]}, not compared)')
    return result


def peak_rss(pid):
    """Peak resident set of the process and its children (MB)."""
    total = hwm_mb(pid) or 0
    for c in children(pid):
        total += peak_rss(c)
    return total


def http_run(label, pid, bodies, batches, key, kpid, connections=4, topic=TOPIC, partitions=PARTITIONS):
    n = sum(b[1] for b in (bodies[i % len(bodies)] for i in range(batches)))
    base = offsets(topic, partitions)
    c0, k0 = tree_cpu(pid), (cpu(kpid) if kpid else 0)
    todo = list(range(batches))
    lock = threading.Lock()
    errors = []

    def worker():
        conn = http.client.HTTPConnection('127.0.0.1', HTTP_PORT, timeout=60)
        while True:
            with lock:
                if not todo:
                    return
                i = todo.pop()
            body, _ = bodies[i % len(bodies)]
            while True:
                conn.request('POST', '/api/v1/events', body=body,
                             headers={'Authorization': 'Bearer ' + key, 'Content-Type': 'application/x-ndjson'})
                r = conn.getresponse()
                r.read()
                if r.status == 202:
                    break
                if r.status in (429, 503):
                    time.sleep(float(r.getheader('Retry-After', '1')))
                    continue
                errors.append(r.status)
                return

    t0 = time.time()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done, count = until_on_topic(base, n, t0, topic=topic, partitions=partitions)
    c1, k1, rss = tree_cpu(pid), (cpu(kpid) if kpid else 0), peak_rss(pid)
    secs = (done - t0) if done else None
    r = dict(run=label, transport='HTTP NDJSON', events=n, on_topic=count, complete=count == n and not errors,
             http_errors=errors[:5], secs=secs, eps=(n / secs) if secs else None, cpu_s=c1 - c0,
             cpu_s_per_million=(c1 - c0) * 1e6 / max(1, count), rss_mb=rss, broker_cpu_s=k1 - k0)
    log(json.dumps(r))
    return r


# ---- peers ----

def peer_command(peer, work, peers_dir):
    d = os.path.join(work, peer)
    os.makedirs(os.path.join(d, 'work'), exist_ok=True)
    port = PEER_PORTS[peer]
    conf = open(os.path.join(HERE, f'{peer}.conf')).read()
    conf = (conf.replace('WORK_DIR', os.path.join(d, 'work')).replace('PORT', str(port))
            .replace('BROKER', BROKER).replace('TOPIC', TOPIC))
    path = os.path.join(d, f'{peer}.conf')
    open(path, 'w').write(conf)
    if peer == 'rsyslog':
        return port, ['rsyslogd', '-n', '-f', path, '-i', os.path.join(d, 'rsyslogd.pid')], None
    base = os.path.join(peers_dir, 'syslog-ng')
    env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(base, 'usr/lib/syslog-ng'))
    return port, [os.path.join(base, 'usr/sbin/syslog-ng'), '-F', '--no-caps', '-f', path,
                  f'--module-path={base}/usr/lib/syslog-ng/3.38', '-R', os.path.join(d, 'persist'),
                  '-p', os.path.join(d, 'syslog-ng.pid'), '-c', os.path.join(d, 'syslog-ng.ctl')], env


def peer_run(peer, work, peers_dir, load, n, kpid, warmup_passes=0):
    """The peer's warm-up passes (labelled) and its measured pass, through one running process."""
    port, cmd, env = peer_command(peer, work, peers_dir)
    logf = open(os.path.join(work, 'logs', f'{peer}.log'), 'w')
    p = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, env=env)
    try:
        wait_until(lambda: p.poll() is None and listening(port), 20, f'{peer} on port {port} (log {logf.name})')
        time.sleep(2)  # its Kafka producer connects
        runs = [warmup(syslog_run(peer, p.pid, port, load, n, kpid)) for _ in range(warmup_passes)]
        return runs + [syslog_run(peer, p.pid, port, load, n, kpid)]
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        logf.close()


# ---- latency: accept to searchable at a fixed rate ----

RFC5424_TIME = re.compile(r'^(<\d{1,3}>1 )\S+')
RFC3164_TIME = re.compile(r'^(<\d{1,3}>)[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d')


def stamped(line, t):
    """The line with its syslog header's time set to t (epoch seconds, UTC): a live source's line."""
    g = time.gmtime(t)
    if RFC5424_TIME.match(line):
        return RFC5424_TIME.sub(lambda m: m.group(1) + time.strftime('%Y-%m-%dT%H:%M:%S', g)
                                + '.%06dZ' % int((t % 1) * 1e6), line, count=1)
    return RFC3164_TIME.sub(lambda m: m.group(1) + time.strftime('%b ', g) + '%2d' % g.tm_mday
                            + time.strftime(' %H:%M:%S', g), line, count=1)


def latency_run(lines_file, key, rate, seconds, batch, opensearch, indexer='platform', live_times=True, trace=None):
    run = 'bench-%d' % int(time.time())
    load_before = load_average()
    with open(lines_file) as f:
        lines = [next(f).rstrip('\n') for _ in range(20000)]
    batches = int(rate * seconds / batch)
    interval = batch / rate
    accepted = {}
    searchable = {}
    errors = []
    stop = threading.Event()

    def body(i, t):
        return '\n'.join(json.dumps({'message': stamped(line, t) if live_times else line, 'bench_run': run,
                                     'bench_batch': f'b{i}'})
                         for line in (lines[(i * batch + j) % len(lines)] for j in range(batch))).encode()

    # live times: each line carries the second it is sent, as a live source's lines do, so the events
    # go to the day's index; the load's own dates (spread over the year) fan a bulk out to every
    # daily index of the last 30 days, as a backfill of old logs would
    start = time.time() + 1 + batches * 0.001
    bodies = [body(i, start + i * interval) for i in range(batches)]
    next_batch = [0]
    lock = threading.Lock()

    def sender():
        conn = http.client.HTTPConnection('127.0.0.1', HTTP_PORT, timeout=30)
        while True:
            with lock:
                i = next_batch[0]
                if i >= batches:
                    return
                next_batch[0] += 1
            due = start + i * interval
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            conn.request('POST', '/api/v1/events', body=bodies[i],
                         headers={'Authorization': 'Bearer ' + key, 'Content-Type': 'application/x-ndjson'})
            r = conn.getresponse()
            r.read()
            if r.status == 202:
                accepted[i] = time.time()
            else:
                errors.append(r.status)

    # the source's fields (unmapped) are a flat_object: searched by path, not aggregated by value,
    # so each accepted batch not yet searchable is counted by a filter of its own
    def query(pending):
        return json.dumps({'size': 0, 'query': {'term': {'unmapped.bench_run': run}},
                           'aggs': {'b': {'filters': {'filters': {
                               f'b{i}': {'term': {'unmapped.bench_batch': f'b{i}'}} for i in pending}}}}}).encode()

    def poller():
        while not stop.is_set():
            try:
                pending = [i for i in list(accepted) if i not in searchable][:1000]
                if not pending:
                    time.sleep(0.05)
                    continue
                req = urllib.request.Request(f'{opensearch}/events-acme/_search', data=query(pending),
                                             headers={'Content-Type': 'application/json'})
                with urllib.request.urlopen(req, timeout=10) as r:
                    res = json.loads(r.read())
                now = time.time()
                for key, b in res.get('aggregations', {}).get('b', {}).get('buckets', {}).items():
                    i = int(key[1:])
                    if b['doc_count'] >= batch and i not in searchable:
                        searchable[i] = now
            except Exception:
                pass
            time.sleep(0.05)

    senders = [threading.Thread(target=sender) for _ in range(8)]
    poll = threading.Thread(target=poller)
    poll.start()
    for t in senders:
        t.start()
    for t in senders:
        t.join()
    sent_end = time.time()
    deadline = time.time() + 120
    while time.time() < deadline and len(searchable) < len(accepted):
        time.sleep(0.2)
    stop.set()
    poll.join()
    lat = sorted((searchable[i] - accepted[i]) * 1000 for i in accepted if i in searchable)
    q = (lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] if lat else None)
    if trace:
        # one row per batch in the order sent: when it was accepted and searchable, seconds from the start
        with open(trace, 'w') as f:
            f.write('batch,accepted_epoch_s,accepted_s,searchable_s,latency_ms\n')
            for i in sorted(accepted):
                done = searchable.get(i)
                f.write(f'{i},{accepted[i]:.3f},{accepted[i] - start:.3f},{"" if done is None else f"{done - start:.3f}"},'
                        f'{"" if done is None else f"{(done - accepted[i]) * 1000:.0f}"}\n')
    r = dict(run='latency', transport='HTTP NDJSON', rate=rate, seconds=seconds, batch=batch, indexer=indexer,
             times='live' if live_times else 'load',
             load_average_before=load_before, load_average_after=load_average(),
             events=batches * batch, accepted_batches=len(accepted), searchable_batches=len(searchable),
             achieved_rate=len(accepted) * batch / max(0.001, sent_end - start), http_errors=errors[:5],
             p50_ms=q(0.50), p99_ms=q(0.99), max_ms=lat[-1] if lat else None,
             mean_ms=statistics.mean(lat) if lat else None)
    log(json.dumps(r))
    return r


# ---- drain: the indexer alone, on a backlog ----

def drain_run(root, work, corpus, key, n, kpid, opensearch, jfr=None):
    run = 'drain-%d' % int(time.time())
    events = windows_events(corpus, min(n, 50_000))
    marked = []
    for e in events:
        try:
            o = json.loads(e)
        except ValueError:
            continue
        if isinstance(o, dict):
            o['bench_run'] = run
            marked.append(json.dumps(o))
    bodies = [('\n'.join(marked[i:i + 1000]).encode(), len(marked[i:i + 1000])) for i in range(0, len(marked), 1000)]
    bodies = [b for b in bodies if b[1] == 1000]
    truncate(root, EVENTS_TOPIC)
    filler = Ingestion(root, work, EVENTS_TOPIC, 'ingestion-bench-drain-fill').start()
    try:
        time.sleep(2)
        log(f'drain: publishing {n} Windows events to {EVENTS_TOPIC} (no indexer running)')
        filled = http_run('drain fill', filler.proc.pid, bodies, n // 1000, key, kpid,
                          topic=EVENTS_TOPIC, partitions=EVENTS_PARTITIONS)
    finally:
        filler.stop()
    n = filled['on_topic']
    load_before = load_average()
    indexer = Ingestion(root, work, EVENTS_TOPIC, 'ingestion-bench-drain', jfr=jfr,
                        index_group=f'ingestion-indexer-bench-{run}').start()
    try:
        c0 = tree_cpu(indexer.proc.pid)
        first = None
        until = time.time() + 600
        indexed = rejected = 0
        while time.time() < until:
            indexed = indexer.metric('socaas_ingestion_indexing_indexed_total')
            rejected = indexer.metric('socaas_ingestion_indexing_dead_lettered_total')
            now = time.time()
            if first is None and indexed + rejected > 0:
                first = (now, indexed + rejected)
            if indexed + rejected >= n:
                break
            # each scrape formats every metric: not more often, or the scrapes are what is measured
            time.sleep(0.5)
        done = time.time()
        c1 = tree_cpu(indexer.proc.pid)
        rss = peak_rss(indexer.proc.pid)
    finally:
        indexer.stop()
    searchable = count(opensearch, run, indexed)
    secs = (done - first[0]) if first and indexed + rejected >= n else None
    # dead-lettered: documents the index mapping refused (kept on the dead-letter topic, not lost)
    r = dict(run='drain', events=n, indexed=indexed, dead_lettered=rejected, searchable=searchable,
             complete=searchable == indexed and indexed + rejected == n,
             secs=secs, eps=((n - first[1]) / secs) if secs else None, cpu_s=c1 - c0,
             cpu_s_per_million=(c1 - c0) * 1e6 / max(1, indexed + rejected), rss_mb=rss,
             load_average_before=load_before, load_average_after=load_average())
    log(json.dumps(r))
    return r


def count(opensearch, run, expected):
    """Documents of the run that a search finds, once it finds all of them or after 30 s."""
    query = json.dumps({'query': {'term': {'unmapped.bench_run': run}}}).encode()
    req = urllib.request.Request(f'{opensearch}/events-acme/_count', data=query,
                                 headers={'Content-Type': 'application/json'})
    deadline = time.time() + 30
    while True:
        with urllib.request.urlopen(req, timeout=10) as r:
            c = json.loads(r.read())['count']
        if c >= expected or time.time() > deadline:
            return c
        time.sleep(0.5)


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--root', required=True)
    a.add_argument('--home', required=True)
    a.add_argument('--corpus', required=True)
    a.add_argument('--peers-dir', required=True)
    a.add_argument('--peers', default='rsyslog,syslog-ng')
    a.add_argument('--lines', type=int, default=1_000_000)
    a.add_argument('--http-events', type=int, default=200_000)
    a.add_argument('--rate', type=int, default=5000)
    a.add_argument('--latency-seconds', type=int, default=30)
    a.add_argument('--latency-warmup', type=int, default=30,
                   help='seconds of the same load before the measured latency window (default 30: right after'
                        ' ./soc up, OpenSearch compiles its indexing path for the first tens of seconds of load'
                        ' and falls 20 s behind in a 10 s warm-up)')
    a.add_argument('--settle-seconds', type=int, default=120,
                   help='at most this long, wait for half the CPU to be idle before the latency phase when'
                        ' throughput phases ran before it (default 120)')
    a.add_argument('--warmup-passes', type=int, default=1,
                   help='throughput phases: send the same load this many times through the same process before'
                        ' the measured pass, for ours and the peers alike (default 1: a long-running receiver\'s'
                        ' steady state, with the JVM\'s hot paths compiled; 0 measures a just started process);'
                        ' the warm-up passes are printed too, labelled (warm-up)')
    a.add_argument('--jfr', help='record a JFR profile of our syslog run into this file')
    a.add_argument('--skip', default='', help='phases to leave out: syslog,http,peers,latency')
    a.add_argument('--indexer', choices=['bench', 'platform'], default='bench',
                   help='who indexes in the latency phase: the built jar (bench, default) or the platform')
    a.add_argument('--drain-events', type=int, default=0,
                   help='also measure the indexer alone on a backlog of this many events (0: not)')
    a.add_argument('--jfr-indexer', help='record a JFR profile of the indexing instance (latency or drain)')
    a.add_argument('--latency-trace', help='write each measured batch (accepted, searchable, latency) as CSV '
                   'to this file, to see whether the slow batches come in bursts')
    a.add_argument('--latency-times', choices=['live', 'load'], default='live',
                   help='latency phase: stamp each line with the time it is sent, as a live source does (live,'
                        ' default), or keep the load\'s own dates, spread over the year (load: a backfill)')
    args = a.parse_args()
    work = os.path.join(args.home, 'bench-ingest')
    os.makedirs(os.path.join(work, 'logs'), exist_ok=True)
    os.makedirs(os.path.join(work, 'results'), exist_ok=True)
    skip = set(filter(None, args.skip.split(',')))
    key = open(os.path.join(args.home, 'demo-ingest-key')).read().strip()
    kpid = kafka_pid(args.home)
    load = syslog_load(work, args.corpus, args.lines)
    results = []

    if not {'syslog', 'http'} <= skip:
        ours = Ingestion(args.root, work, TOPIC, 'ingestion-bench', jfr=args.jfr).start()
        try:
            time.sleep(2)  # its producer has connected and the tenant facts are read
            if 'syslog' not in skip:
                for _ in range(args.warmup_passes):
                    results.append(warmup(syslog_run('socaas ingestion', ours.proc.pid, TENANT_PORT, load,
                                                     args.lines, kpid)))
                results.append(syslog_run('socaas ingestion', ours.proc.pid, TENANT_PORT, load, args.lines, kpid))
            if 'http' not in skip:
                events = windows_events(args.corpus, 50_000)
                bodies = []
                for i in range(0, len(events) - 999, 1000):
                    bodies.append(('\n'.join(events[i:i + 1000]).encode(), 1000))
                log(f'HTTP load: {len(bodies)} distinct batches of 1000 Windows events, {args.http_events} events')
                for _ in range(args.warmup_passes):
                    results.append(warmup(http_run('socaas ingestion', ours.proc.pid, bodies,
                                                   args.http_events // 1000, key, kpid)))
                results.append(http_run('socaas ingestion', ours.proc.pid, bodies, args.http_events // 1000, key, kpid))
            log(f'accepted by the benchmark instance (its metric): {ours.accepted():.0f}')
        finally:
            ours.stop()

    if 'peers' not in skip:
        for peer in filter(None, args.peers.split(',')):
            results.extend(peer_run(peer, work, args.peers_dir, load, args.lines, kpid, args.warmup_passes))

    if 'latency' not in skip:
        if not {'syslog', 'http', 'peers'} <= skip:
            # the latency figure is a steady state at a fixed rate, not the aftermath of the
            # throughput phases' load
            waited, idle = settle(args.settle_seconds)
            log(f'latency: started after {waited} s of settling, CPU {idle:.0%} idle '
                f'(load average {load_average()})')
        if args.indexer == 'bench':
            truncate(args.root, EVENTS_TOPIC)
            inst = Ingestion(args.root, work, EVENTS_TOPIC, 'ingestion-bench-latency', jfr=args.jfr_indexer,
                             index_group='ingestion-indexer-bench-%d' % int(time.time())).start()
        else:
            inst = Ingestion(args.root, work, 'soc.events.v1', 'ingestion-bench-latency').start()
        try:
            time.sleep(2)
            if args.latency_warmup > 0:
                # the same load before the measured window, not counted: a steady state, not the
                # instance's and a just started OpenSearch's first seconds (their JIT compiling the
                # hot paths)
                log(f'latency: warm-up {args.latency_warmup} s at {args.rate} events/s (not measured)')
                latency_run(load, key, args.rate, args.latency_warmup, 250, 'http://127.0.0.1:9200',
                            indexer=args.indexer, live_times=args.latency_times == 'live')
            results.append(latency_run(load, key, args.rate, args.latency_seconds, 250, 'http://127.0.0.1:9200',
                                       indexer=args.indexer, live_times=args.latency_times == 'live',
                                       trace=args.latency_trace))
        finally:
            inst.stop()

    if args.drain_events:
        results.append(drain_run(args.root, work, args.corpus, key, args.drain_events, kpid,
                                 'http://127.0.0.1:9200', jfr=None if 'latency' not in skip else args.jfr_indexer))

    stamp = time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())
    json.dump(results, open(os.path.join(work, 'results', f'ingest-{stamp}.json'), 'w'), indent=1)
    summary(results)


def summary(results):
    log('\n== ingestion throughput into Kafka (acks=all), same load, same broker ==')
    log(f'{"receiver":<28} {"transport":<12} {"events":>9} {"complete":>8} {"events/s":>10} {"CPU s/1M":>9} {"peak RSS MB":>11}')
    for r in results:
        if r['run'] in ('latency', 'drain'):
            continue
        eps = f'{r["eps"]:.0f}' if r['eps'] else 'stalled'
        label = r['run'] + (' (warm-up)' if r.get('warmup') else '')
        log(f'{label:<28} {r["transport"]:<12} {r["events"]:>9} {str(r["complete"]):>8} {eps:>10} '
            f'{r["cpu_s_per_million"]:>9.1f} {r["rss_mb"]:>11.0f}')
    ours = next((r for r in results if r['run'] == 'socaas ingestion' and r['transport'] == 'syslog TCP'
                 and not r.get('warmup')), None)
    for r in results:
        if r['run'] in PEER_PORTS and not r.get('warmup') and ours and ours['eps'] and r['eps']:
            log(f'ours/{r["run"]} (syslog TCP events/s): {ours["eps"] / r["eps"]:.2f}')
    lat = next((r for r in results if r['run'] == 'latency'), None)
    if lat:
        log(f'accept to searchable at {lat["rate"]} events/s (achieved {lat["achieved_rate"]:.0f}), '
            f'indexer {lat["indexer"]}, {lat.get("times", "load")} times: p50 {lat["p50_ms"]} ms, p99 {lat["p99_ms"]} ms, max {lat["max_ms"]} ms '
            f'({lat["searchable_batches"]}/{lat["accepted_batches"]} batches of {lat["batch"]} searchable); '
            f'load average {lat["load_average_before"]} before, {lat["load_average_after"]} after')
    drain = next((r for r in results if r['run'] == 'drain'), None)
    if drain:
        eps = f'{drain["eps"]:.0f} events/s' if drain['eps'] else 'did not finish'
        log(f'indexer alone on a backlog of {drain["events"]} events: {eps}, '
            f'{drain["cpu_s_per_million"]:.1f} CPU s per 1M events, {drain["searchable"]} searchable, '
            f'{drain["dead_lettered"]} refused by the mapping (dead-lettered); '
            f'load average {drain["load_average_before"]} before, {drain["load_average_after"]} after')


if __name__ == '__main__':
    main()
