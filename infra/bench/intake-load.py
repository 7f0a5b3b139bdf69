#!/usr/bin/env python3
"""Load run against a running intake-service (./run): records calls at a steady rate and reports the HTTP latency
and the outbox delay (contact stored -> Kafka acknowledged) that the service measured itself.

usage: infra/bench/intake-load.py [--rate 100] [--seconds 30] [--url http://127.0.0.1:8081]
Stdlib only; sends to the given local URL only and stops by itself."""
import argparse
import json
import re
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

CALL = {
    "agentId": "BENCH01", "callerName": "压测客户", "phone": "13800000000", "callerType": "OWNER",
    "projectCode": "SH-LJY", "unit": "1栋1单元101", "matter": "压测：卫生间漏水", "category": "REPAIR",
    "settledOnCall": False, "greetingGiven": True, "ringCount": 2,
}


def post(url, body, key):
    request = urllib.request.Request(url + "/api/v1/calls", data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json", "Idempotency-Key": key})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        return response.status, time.perf_counter() - started


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def outbox_delay(url):
    text = urllib.request.urlopen(url + "/actuator/prometheus", timeout=10).read().decode()
    found = {}
    for q in ("0.5", "0.99"):
        m = re.search(r'^caseflow_outbox_publish_delay_seconds\{[^}]*quantile="%s"[^}]*\} (\S+)' % re.escape(q),
                      text, re.M)
        found[q] = float(m.group(1)) * 1000 if m else float("nan")
    m = re.search(r'^caseflow_outbox_publish_delay_seconds_max\{[^}]*\} (\S+)', text, re.M)
    found["max"] = float(m.group(1)) * 1000 if m else float("nan")
    m = re.search(r'^caseflow_outbox_backlog\{[^}]*\} (\S+)', text, re.M)
    found["backlog"] = float(m.group(1)) if m else float("nan")
    return found


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--rate", type=int, default=100)
    args.add_argument("--seconds", type=int, default=30)
    args.add_argument("--url", default="http://127.0.0.1:8081")
    a = args.parse_args()
    if not re.match(r"^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$", a.url):
        raise SystemExit("only a local intake-service is a target")
    latencies, failures, lock = [], [], threading.Lock()
    run = uuid.uuid4().hex[:8]

    def one(i):
        body = dict(CALL, phone="138%08d" % (i % 100_000_000))
        try:
            status, seconds = post(a.url, body, "bench-%s-%d" % (run, i))
            with lock:
                (latencies if status == 201 else failures).append(seconds)
        except Exception as e:  # counted, not raised: the run goes on
            with lock:
                failures.append(repr(e))

    total = a.rate * a.seconds
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i in range(total):
            delay = start + i / a.rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, i)
    elapsed = time.perf_counter() - start
    time.sleep(2)
    delay = outbox_delay(a.url)
    print("sent %d calls in %.1f s (%.0f/s): %d accepted, %d failed" %
          (total, elapsed, total / elapsed, len(latencies), len(failures)))
    print("HTTP 201 latency ms: p50 %.1f  p99 %.1f  max %.1f" %
          (percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000, max(latencies or [0]) * 1000))
    print("outbox delay (stored -> Kafka ack) ms: p50 %.1f  p99 %.1f  max %.1f; backlog after run: %.0f" %
          (delay["0.5"], delay["0.99"], delay["max"], delay["backlog"]))


if __name__ == "__main__":
    main()
