"""Kills a supervised process with SIGKILL, times until its replacement runs, alternating between
supervisors so that both see the same machine load. Each supervised command writes its pid to a
file first thing ("echo $$ > FILE; exec sleep ..."), so "running" means: a new process has started
and executed its first command.

usage: measure.py KILLS PAUSE_SECONDS NAME=PIDFILE[,PIDFILE...] [NAME=PIDFILE[,PIDFILE...] ...]
With several pid files for one name, its kills go round them (one process of many on a fleet).
Prints one line per system: NAME n=.. median_ms=.. p95_ms=.. min_ms=.. max_ms=.. misses=..
"""
import os
import random
import signal
import sys
import time


def read_pid(path):
    try:
        with open(path) as f:
            text = f.read().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        return stat[stat.rindex(")") + 2] not in "ZX"
    except (OSError, ValueError):
        return False


def wait_running(path, old, timeout):
    """Polls every 0.2 ms until PIDFILE names a live process other than OLD; returns the time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid = read_pid(path)
        if pid is not None and pid != old and alive(pid):
            return time.monotonic(), pid
        time.sleep(0.0002)
    return None, None


def percentile(values, p):
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def main():
    kills, pause = int(sys.argv[1]), float(sys.argv[2])
    systems = [(name, paths.split(",")) for name, paths in (a.split("=", 1) for a in sys.argv[3:])]
    results = {name: [] for name, _ in systems}
    misses = {name: 0 for name, _ in systems}
    jitter = random.Random(1)
    for i in range(kills):
        for name, paths in systems:
            path = paths[i % len(paths)]
            _, pid = wait_running(path, None, 30)
            if pid is None:
                sys.exit(f"{name}: no running process in {path}")
            # let it run past the stable period, as a healthy agent would; the random part keeps
            # the kills from falling in step with a supervisor's polling period
            time.sleep(pause + jitter.uniform(0, 0.5))
            t0 = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            t1, new = wait_running(path, pid, 30)
            if t1 is None:
                misses[name] += 1
            else:
                results[name].append((t1 - t0) * 1000.0)
    for name, _ in systems:
        r = results[name]
        if not r:
            print(f"{name} n=0 misses={misses[name]}")
            continue
        r_sorted = sorted(r)
        median = (r_sorted[(len(r) - 1) // 2] + r_sorted[len(r) // 2]) / 2
        print(f"{name} n={len(r)} median_ms={median:.1f} p95_ms={percentile(r, 95):.1f} "
              f"min_ms={min(r):.1f} max_ms={max(r):.1f} misses={misses[name]}")


if __name__ == "__main__":
    main()
