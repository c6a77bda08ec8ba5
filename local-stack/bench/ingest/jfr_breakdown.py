"""Where ingestion's CPU samples go, from a JFR recording (ingest.sh --jfr FILE): per thread, and per
stage (a sample counts in every stage on its stack, so the shares overlap).

    jfr print --json --events jdk.ExecutionSample --stack-depth 96 FILE > samples.json
    python3 jfr_breakdown.py samples.json
"""
import json, collections, sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
cats=[('Kafka producer client (accumulator, network, callbacks)','org.apache.kafka'),
      ('SmallRye messaging/Mutiny/context propagation','io.smallrye'),
      ('JSON record written (JsonEvent.toJsonBytes)','JsonEvent.toJsonBytes'),
      ('OCSF normalize (OcsfNormalizer.normalize)','OcsfNormalizer.normalize'),
      ('syslog/CEF/LEEF parse (LogLine.decode)','LogLine.decode'),
      ('framing (SyslogFrameDecoder)','SyslogFrameDecoder'),
      ('UTF-8 check (CharsetDecoder)','CharsetDecoder.decode'),
      ('ingest ids (IngestIds)','IngestIds'),
      ('message + headers (KafkaEventPublisher.toMessage)','KafkaEventPublisher.toMessage'),
      ('vert.x','io.vertx'),
     ]
threads=collections.Counter(); inc=collections.Counter()
for e in ev:
    st=e['values']['stackTrace']
    frames=[(f"{f['method']['type']['name']}.{f['method']['name']}").replace('/','.') for f in (st['frames'] if st else [])]
    t=(e['values']['sampledThread']['javaName'] or '?')
    threads[t.split('|')[0].split('/')[0][:30]]+=1
    s='\n'.join(frames)
    for name,key in cats:
        if key in s: inc[name]+=1
n=len(ev)
print('samples', n)
print('by thread:')
for t, c in threads.most_common(8):
    print(f'  {c:5d} {100 * c / n:5.1f}% {t}')
print('by stage (a sample counts in every stage on its stack):')
for k, c in inc.most_common():
    print(f'  {c:5d} {100 * c / n:5.1f}% {k}')
