#!/usr/bin/env python3
"""OpenSearch's CPU per document for events spread over many daily indices (a backfill), at two
refresh intervals: the day's index interval and the one indices made for older days get.

Takes up to 5000 documents from the platform's events-acme alias (run the latency phase of
ingest.sh first), writes N of them in bulks of 250 round-robin over K new indices with the
platform's mapping (keyword strings, unmapped as flat_object) and the given refresh interval,
alternating the intervals, and prints OpenSearch's CPU seconds per document (from /proc) and the
documents/s. Its indices are deleted afterwards. See docs/benchmarks.md.
  python3 local-stack/bench/ingest/refresh_fanout.py [--documents 60000] [--indices 30] [--rounds 2]
"""
import argparse
import json
import os
import subprocess
import time
import urllib.error
import urllib.request

OPENSEARCH = 'http://127.0.0.1:9200'
MAPPING = {
    'dynamic_templates': [{'strings': {'match_mapping_type': 'string',
                                       'mapping': {'type': 'keyword', 'ignore_above': 8191}}}],
    'date_detection': False,
    'properties': {'unmapped': {'type': 'flat_object'},
                   'raw_data': {'type': 'keyword', 'ignore_above': 8191, 'doc_values': False},
                   'message': {'type': 'keyword', 'ignore_above': 8191, 'doc_values': False},
                   'time': {'type': 'date', 'format': 'epoch_millis||strict_date_optional_time'},
                   'received_time': {'type': 'date', 'format': 'strict_date_optional_time||epoch_millis'}}}


def call(method, path, body=None, content_type='application/json'):
    request = urllib.request.Request(OPENSEARCH + path, data=body, method=method,
                                     headers={'Content-Type': content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return json.load(e)


def opensearch_pid(home):
    """The pid ./soc up recorded for OpenSearch (SOCAAS_HOME/run/opensearch.pid)."""
    try:
        return int(open(os.path.join(home, 'run', 'opensearch.pid')).read().strip())
    except (OSError, ValueError):
        raise SystemExit('OpenSearch is not running: start the platform with ./soc up')


def cpu_seconds(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def run(pid, docs, refresh, n, k):
    indices = [f'bench-fanout-{i}' for i in range(k)]
    for index in indices:
        call('DELETE', '/' + index)
        call('PUT', '/' + index, json.dumps({'settings': {'refresh_interval': refresh, 'number_of_replicas': 0},
                                             'mappings': MAPPING}).encode())
    c0, t0 = cpu_seconds(pid), time.time()
    for start in range(0, n, 250):
        lines = []
        for i in range(start, min(n, start + 250)):
            lines.append(json.dumps({'create': {'_index': indices[i % k], '_id': f'd{i}'}}))
            lines.append(json.dumps(docs[i % len(docs)]))
        answer = call('POST', '/_bulk?filter_path=errors', ('\n'.join(lines) + '\n').encode(), 'application/x-ndjson')
        if answer.get('errors'):
            raise SystemExit(f'bulk refused documents: {answer}')
        time.sleep(0.02)  # a steady stream, not a burst: refreshes happen while it is written
    for index in indices:
        call('POST', f'/{index}/_refresh')
    time.sleep(3)
    c1, t1 = cpu_seconds(pid), time.time()
    for index in indices:
        call('DELETE', '/' + index)
    return (c1 - c0) * 1e6 / n, n / (t1 - t0)


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--documents', type=int, default=60000)
    a.add_argument('--indices', type=int, default=30)
    a.add_argument('--rounds', type=int, default=2)
    a.add_argument('--intervals', default='500ms,10s')
    args = a.parse_args()
    found = call('POST', '/events-acme/_search', json.dumps({'size': 5000, 'query': {'match_all': {}}}).encode())
    docs = [h['_source'] for h in found.get('hits', {}).get('hits', [])]
    if not docs:
        raise SystemExit('no documents in events-acme: run bash local-stack/bench/ingest.sh --skip syslog,http,peers first')
    pid = opensearch_pid(os.environ.get('SOCAAS_HOME', os.path.expanduser('~/.socaas')))
    print(f'{len(docs)} sample documents; {args.documents} per run over {args.indices} indices, bulks of 250')
    for _ in range(args.rounds):
        for refresh in args.intervals.split(','):
            per_doc, rate = run(pid, docs, refresh, args.documents, args.indices)
            print(f'refresh {refresh:>6}: {per_doc:6.0f} us OpenSearch CPU per document, {rate:6.0f} documents/s')


if __name__ == '__main__':
    main()
