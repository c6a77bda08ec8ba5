# Sends FILE over one TCP connection as fast as the receiver reads; prints start, end (epoch s) and bytes.
#   python3 sender.py HOST PORT FILE
import socket, sys, time
host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = open(path, 'rb').read()
s = socket.create_connection((host, port))
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
mv = memoryview(data); CH = 1 << 20
t0 = time.time()
for i in range(0, len(data), CH):
    s.sendall(mv[i:i+CH])
t1 = time.time()
s.shutdown(socket.SHUT_WR)
s.close()
print(f"{t0:.6f} {t1:.6f} {len(data)}", flush=True)
