"""UDP sinks for the fan-out bench: holds sockets on 127.0.0.1 and never reads them.

Each line on stdin is a count N; the answer is one line with the N new ports. A tiny
receive buffer makes the kernel drop what arrives, so the sinks cost no CPU in user space.
"""
import socket
import sys

held = []
for line in sys.stdin:
    count = int(line)
    ports = []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
        s.bind(("127.0.0.1", 0))
        held.append(s)
        ports.append(str(s.getsockname()[1]))
    print(" ".join(ports), flush=True)
