"""Writes the syslog load: N lines of 150-250 bytes, about 40 % RFC 5424 and the rest RFC 3164, in
shapes taken from the corpus (the program/message pairs of wazuh-ruleset-tests' syslog lines) and
corpus-style sshd, sudo and firewall lines. The same seed gives the same file, so every run and
every receiver gets the same bytes. The project's copy of the peer reference's load generator.

    python3 gen_syslog.py CORPUS OUT_FILE [N]
"""
import json
import random
import re
import sys

corpus, out_path = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
random.seed(42)
R = re.compile(r'^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (\S+) ([\w\-\./]+)(\[\d+\])?: (.*)$')
templates = []
for l in open(corpus + '/wazuh-ruleset-tests/cases.jsonl'):
    s = json.loads(l)['log']
    m = R.match(s)
    if m and not m.group(3).startswith('test') and m.group(3) not in ('ow_test',):
        templates.append((m.group(3), m.group(5)))
users = ['alice', 'bob', 'deploy', 'root', 'admin', 'jenkins', 'www-data', 'postgres']


def ip():
    return '%d.%d.%d.%d' % (random.choice([10, 172, 192, 203, 198, 45, 91]), random.randint(0, 255),
                            random.randint(0, 255), random.randint(1, 254))


def synth():
    k = random.randint(0, 3)
    if k == 0:
        u = random.choice(users)
        return 'sudo', f'{u} : TTY=pts/{random.randint(0,9)} ; PWD=/home/{u} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx.service --no-pager'
    if k == 1:
        return 'kernel', f'[{random.randint(1000,99999)}.{random.randint(0,999999):06d}] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC={ip()} DST={ip()} LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID={random.randint(1,65535)} DF PROTO=TCP SPT={random.randint(1024,65535)} DPT={random.choice([22,23,80,443,3389,8080])} WINDOW=29200 RES=0x00 SYN URGP=0'
    if k == 2:
        return 'sshd', f'Accepted publickey for {random.choice(users)} from {ip()} port {random.randint(1024,65535)} ssh2: RSA SHA256:{"".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43))}'
    return 'sshd', f'Failed password for invalid user {random.choice(["oracle","test","ubnt","guest","pi"])} from {ip()} port {random.randint(1024,65535)} ssh2'


mons = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
hosts = ['web-01', 'web-02', 'db-01', 'fw-edge', 'bastion', 'mail-01', 'ns3', 'app-07']
apps5424 = [('nginx', 'ACCESS', 'GET /api/v1/orders/{n} HTTP/1.1 200 {b} "-" "Mozilla/5.0 (X11; Linux x86_64)" rt=0.0{r}'),
            ('app', 'AUTH', '[auth@32473 user="{u}" src="{ip}"] login succeeded for user {u} via password from {ip}'),
            ('sshd', '-', 'Connection closed by authenticating user {u} {ip} port {p} [preauth] after {n} attempts'),
            ('audit', 'SYSCALL', 'type=SYSCALL arch=c000003e syscall=59 success=yes exit=0 pid={p} uid=0 comm="bash" exe="/usr/bin/bash"')]


def fill(t):
    return t.format(n=random.randint(1, 99999), b=random.randint(100, 99999), r=random.randint(10, 999),
                    u=random.choice(users), ip=ip(), p=random.randint(1000, 65535))


out = open(out_path, 'w')
sizes = []
n5424 = 0
i = 0
while i < N:
    h = random.choice(hosts)
    pid = random.randint(100, 65000)
    if random.random() < 0.4:
        app, msgid, t = random.choice(apps5424)
        body = fill(t)
        sd = '-'
        if body.startswith('[auth@'):
            sd, body = body.split('] ', 1)
            sd += ']'
        line = f'<{random.choice([13,14,30,38,86,134])}>1 2026-{random.randint(1,12):02d}-{random.randint(1,28):02d}T{random.randint(0,23):02d}:{random.randint(0,59):02d}:{random.randint(0,59):02d}.{random.randint(0,999999):06d}Z {h}.example.com {app} {pid} {msgid} {sd} {body}'
        is5424 = True
    else:
        if random.random() < 0.5 and templates:
            prog, msg = random.choice(templates)
        else:
            prog, msg = synth()
        tag = prog if prog == 'kernel' else f'{prog}[{pid}]'
        line = f'<{random.choice([4,13,38,85,86,134])}>{random.choice(mons)} {random.randint(1,28):2d} {random.randint(0,23):02d}:{random.randint(0,59):02d}:{random.randint(0,59):02d} {h} {tag}: {msg}'
        is5424 = False
    line = line.replace('\n', ' ')
    if len(line) < 150:
        line += f' session={random.getrandbits(64):016x} trace={random.getrandbits(64):016x}'
        if len(line) < 150:
            line += ' ' + 'ctx=' + ''.join(random.choice('abcdef0123456789') for _ in range(150 - len(line)))
    if len(line) > 250:
        continue
    out.write(line + '\n')
    sizes.append(len(line))
    n5424 += is5424
    i += 1
out.close()
print('lines', N, 'rfc5424', n5424, 'min', min(sizes), 'max', max(sizes), 'avg', sum(sizes) / N, 'templates', len(templates))
