"""Drive a program in a real pseudo-terminal and time what a person would see.

Usage: pty-probe.py SPEC_JSON -- COMMAND...
SPEC: {"columns": 120, "rows": 40, "ready": "MARKER", "steps": [STEP, ...]}
Starts COMMAND on a new pty of that size and waits until READY appears in its output (the first
screen). Then runs the steps in order:
  {"quiet": S}              wait until the program has written nothing for S seconds (settled)
  {"sleep": S}              read output for S seconds, whatever it does
  {"send": K}               send K without waiting for anything
  {"key": K, "expect": [M...], "label": L}
                            after 60 ms without output, send K and time it: from the key to the last byte of the frame it
                            caused (output then quiet for 20 ms), and, when EXPECT is given, not
                            before one of those markers has appeared since the key was sent.
                            Without EXPECT, a key that draws nothing for NO_FRAME seconds (and
                            leaves the program running) changed nothing: its entry says drew: false
                            and it is not timed.
Prints one JSON object: first_frame_ms, keys (list of {label, ms}), peak_rss_kb (VmHWM of the
process and its children), status.
"""
import json, os, pty, select, signal, struct, sys, time, fcntl, termios

FRAME_QUIET = 0.02
KEY_TIMEOUT = 30.0
# A key expecting nothing in particular that draws nothing within this long changed nothing
# (j on the last line): it is not timed, rather than waited for until KEY_TIMEOUT. Far longer
# than any frame, so a slow key (one queued behind G) is still timed.
NO_FRAME = 5.0
# Quiet before each key: a reader's pace (Ink draws at most one frame per 33 ms).
KEY_GAP = 0.06

def main():
    spec = json.loads(sys.argv[1])
    command = sys.argv[sys.argv.index('--') + 1:]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', spec['rows'], spec['columns'], 0, 0))
    ready = spec['ready'].encode()
    buffer = b''
    first = None
    deadline = start + 60
    while first is None and time.perf_counter() < deadline:
        chunk = read(fd, 0.5)
        if chunk is None:
            break
        buffer += chunk
        if ready in buffer:
            first = (time.perf_counter() - start) * 1000
    keys = []
    rss = 0
    for step in spec.get('steps', []) if first is not None else []:
        if 'quiet' in step:
            drain(fd, step['quiet'])
        elif 'send' in step:
            os.write(fd, step['send'].encode())
        elif 'sleep' in step:
            until = time.perf_counter() + step['sleep']
            while time.perf_counter() < until:
                read(fd, max(0.001, until - time.perf_counter()))
        else:
            drain(fd, KEY_GAP)
            ms, drew = press(fd, step['key'], step.get('expect'))
            keys.append({'label': step.get('label', step['key']), 'ms': ms, 'drew': drew})
        rss = max(rss, peak_rss(pid))
    rss = max(rss, peak_rss(pid))
    try:
        os.write(fd, spec.get('quit', 'q').encode())
    except OSError:
        pass
    status = wait(pid, fd)
    print(json.dumps({'first_frame_ms': first, 'keys': keys, 'peak_rss_kb': rss, 'status': status}))

def press(fd, key, expect):
    markers = [marker.encode() for marker in expect or []]
    seen = b''
    sent = time.perf_counter()
    os.write(fd, key.encode())
    found = not markers
    last = None
    gone = False
    while True:
        limit = NO_FRAME if (not markers and last is None) else KEY_TIMEOUT
        timeout = FRAME_QUIET if (found and last) else max(0.001, sent + limit - time.perf_counter())
        chunk = read(fd, timeout)
        if chunk is None:
            gone = True
        if not chunk:
            break
        last = time.perf_counter()
        if not found:
            # Keep a tail so a marker split across reads is still seen.
            seen = (seen + chunk)[-65536:]
            found = any(marker in seen for marker in markers)
        if time.perf_counter() - sent > KEY_TIMEOUT:
            break
    # (ms or None, drew): drew is false only for a key that expected nothing, drew nothing and
    # left the program running (it changed nothing); a key that never showed what it waited
    # for, or ended the program, is untimed but drew stays true, so it counts as infinitely slow.
    return (None if last is None or not found else (last - sent) * 1000), not (not markers and last is None and not gone)

def read(fd, timeout):
    """Bytes written within `timeout` seconds: b'' when none, None when the program has gone."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b''
    try:
        return os.read(fd, 65536)
    except OSError:
        return None

def drain(fd, quiet):
    while True:
        chunk = read(fd, quiet)
        if not chunk:
            return

def peak_rss(pid):
    # The program may be a child of the pty's first process (a shell); take the largest.
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
    os.waitpid(pid, 0)
    return None

main()
