#!/usr/bin/env python3
"""OpenSearch's CPU per document with the platform's index template and with variants of its mapping.

Takes up to 5000 documents from the platform's events-acme alias (run the latency phase of ingest.sh
first) and, for each variant in turn (alternating, --rounds times), writes N of them at a steady
5000 documents/s in bulks of 250 into one new index with the template's settings (refresh interval)
and the variant's mapping, then prints OpenSearch's CPU seconds per document (from /proc). Variants:
  template              the mapping of the events-acme template as the platform installed it
  text-doc-values       raw_data and message as keywords with doc values (the mapping before them)
  unmapped-not-indexed  the source's fields (unmapped) kept in _source only, not searchable
Its index is deleted afterwards. See docs/benchmarks.md.
  python3 local-stack/bench/ingest/mapping_cost.py [--variants template,text-doc-values] [--rounds 3] [--bulk 250]
"""
import argparse
import copy
import json
import os
import time

from refresh_fanout import call, cpu_seconds, opensearch_pid

INDEX = 'bench-mapping-cost'


def template():
    found = call('GET', '/_index_template/events-acme')
    templates = found.get('index_templates', [])
    if not templates:
        raise SystemExit('no events-acme index template: start the platform with ./soc up')
    t = templates[0]['index_template']['template']
    return t['settings'].get('index', t['settings']).get('refresh_interval', '1s'), t['mappings']


def variant(mapping, name):
    m = copy.deepcopy(mapping)
    properties = m.setdefault('properties', {})
    if name == 'text-doc-values':
        for field in ('raw_data', 'message'):
            properties[field] = {'type': 'keyword', 'ignore_above': 8191}
    elif name == 'unmapped-not-indexed':
        properties['unmapped'] = {'type': 'object', 'enabled': False}
    elif name != 'template':
        raise SystemExit(f'unknown variant {name}')
    return m


def run(pid, docs, refresh, mapping, n, rate=5000, bulk=250):
    call('DELETE', '/' + INDEX)
    answer = call('PUT', '/' + INDEX, json.dumps({'settings': {'refresh_interval': refresh, 'number_of_replicas': 0},
                                                  'mappings': mapping}).encode())
    if not answer.get('acknowledged'):
        raise SystemExit(f'index not created: {answer}')
    c0, t0 = cpu_seconds(pid), time.time()
    for start in range(0, n, bulk):
        delay = t0 + start / rate - time.time()
        if delay > 0:
            time.sleep(delay)
        lines = []
        for i in range(start, min(n, start + bulk)):
            lines.append(json.dumps({'create': {'_index': INDEX, '_id': f'd{i}'}}))
            lines.append(json.dumps(docs[i % len(docs)]))
        answer = call('POST', '/_bulk?filter_path=errors', ('\n'.join(lines) + '\n').encode(), 'application/x-ndjson')
        if answer.get('errors'):
            raise SystemExit(f'bulk refused documents: {answer}')
    call('POST', f'/{INDEX}/_refresh')
    time.sleep(3)  # the merges the writes started
    c1 = cpu_seconds(pid)
    call('DELETE', '/' + INDEX)
    return (c1 - c0) * 1e6 / n


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--documents', type=int, default=60000)
    a.add_argument('--variants', default='template,text-doc-values')
    a.add_argument('--rounds', type=int, default=3)
    a.add_argument('--bulk', type=int, default=250, help='documents per bulk request')
    args = a.parse_args()
    found = call('POST', '/events-acme/_search', json.dumps({'size': 5000, 'query': {'match_all': {}}}).encode())
    docs = [h['_source'] for h in found.get('hits', {}).get('hits', [])]
    if not docs:
        raise SystemExit('no documents in events-acme: run bash local-stack/bench/ingest.sh --skip syslog,http,peers first')
    refresh, mapping = template()
    pid = opensearch_pid(os.environ.get('SOCAAS_HOME', os.path.expanduser('~/.socaas')))
    print(f'{len(docs)} sample documents; {args.documents} per run at 5000/s, bulks of {args.bulk}, refresh {refresh}')
    results = {}
    for _ in range(args.rounds):
        for name in args.variants.split(','):
            per_doc = run(pid, docs, refresh, variant(mapping, name), args.documents, bulk=args.bulk)
            results.setdefault(name, []).append(per_doc)
            print(f'{name:>22}: {per_doc:6.0f} us OpenSearch CPU per document', flush=True)
    for name, values in results.items():
        print(f'{name:>22}: median {sorted(values)[len(values) // 2]:6.0f} us per document ({len(values)} runs)')


if __name__ == '__main__':
    main()
