"""Drive folio in a real pseudo-terminal and time what a person would see.

Usage: pty-probe.py COLUMNS ROWS MARKER KEYS_JSON -- COMMAND...
Starts COMMAND on a new pty of the given size, waits until MARKER appears in the output (the first
frame), then sends each key in KEYS_JSON (a list of strings), waiting for the terminal to go quiet
after each one. Prints one JSON object: first_frame_ms, key_ms (list, time from the key to the last
byte of the frame it caused), peak_rss_kb of the process, exit status.
"""
import json, os, pty, select, signal, struct, sys, time, fcntl, termios

def main():
    columns, rows, marker, keys = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode(), json.loads(sys.argv[4])
    command = sys.argv[sys.argv.index('--') + 1:]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
    buffer = b''
    first = None
    deadline = start + 30
    while first is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buffer += chunk
            if marker in buffer:
                first = (time.perf_counter() - start) * 1000
    latencies = []
    settle_after_open = float(os.environ.get('PROBE_SETTLE', '0'))
    if settle_after_open:
        drain(fd, settle_after_open)
    for key in keys:
        drain(fd, 0.03)
        sent = time.perf_counter()
        os.write(fd, key.encode())
        last = None
        while True:
            ready, _, _ = select.select([fd], [], [], 0.03 if last else 1.0)
            if not ready:
                break
            try:
                os.read(fd, 65536)
            except OSError:
                break
            last = time.perf_counter()
        if last is not None:
            latencies.append((last - sent) * 1000)
    rss = peak_rss(pid)
    os.write(fd, b'q')
    status = wait(pid, fd)
    print(json.dumps({'first_frame_ms': first, 'key_ms': latencies, 'peak_rss_kb': rss, 'status': status}))

def drain(fd, quiet):
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return
        try:
            os.read(fd, 65536)
        except OSError:
            return

def peak_rss(pid):
    # The node process may be a child of the pty's first process (a shell); take the largest.
    best = 0
    for candidate in [pid] + children(pid):
        try:
            with open(f'/proc/{candidate}/status') as status:
                for line in status:
                    if line.startswith('VmHWM:'):
                        best = max(best, int(line.split()[1]))
        except OSError:
            pass
    return best

def children(pid):
    try:
        with open(f'/proc/{pid}/task/{pid}/children') as file:
            direct = [int(value) for value in file.read().split()]
    except OSError:
        return []
    return direct + [grandchild for child in direct for grandchild in children(child)]

def wait(pid, fd):
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        drain(fd, 0.05)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
    os.kill(pid, signal.SIGKILL)
    return None

main()
