#!/usr/bin/env python3
"""Load run against a running intake-service (./run): records calls at a steady rate and reports the HTTP latency
and the outbox delay (stored -> Kafka acknowledged) that the service measured itself.

usage: infra/bench/intake-load.py [--rate 100] [--seconds 30] [--url http://127.0.0.1:8081] [--agents A001,A002,R002]
                                  [--phone-events]
Logs the demo agents in with infra/bin/token and spreads the calls over them (each agent stays under the per-user
write limit). With --phone-events it plays the phone platform instead: each call is four signed call events
(QUEUED, RINGING, ANSWERED, ENDED; every tenth call ABANDONED instead of answered) posted in order to
/api/v1/phone/events with the secret of .local/secrets.env (or CASEFLOW_PHONE_SECRET). Stdlib only; sends to the
given local URL only and stops by itself."""
import argparse
import datetime
import hashlib
import hmac
import json
import os
import subprocess
import re
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

CALL = {
    "callerName": "压测客户", "phone": "13800000000", "callerType": "OWNER",
    "projectCode": "SH-LJY", "unit": "1栋1单元101", "matter": "压测：卫生间漏水", "category": "REPAIR",
    "settledOnCall": False, "greetingGiven": True, "ringCount": 2,
}


def post(url, body, key, token):
    request = urllib.request.Request(url + "/api/v1/calls", data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json", "Idempotency-Key": key,
                                              "Authorization": "Bearer " + token})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        return response.status, time.perf_counter() - started


def phone_secret():
    secret = os.environ.get("CASEFLOW_PHONE_SECRET")
    secrets = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".local", "secrets.env")
    if not secret and os.path.exists(secrets):
        with open(secrets) as f:
            secret = next((line.split("=", 1)[1].strip() for line in f if line.startswith("CASEFLOW_PHONE_SECRET=")),
                          None)
    if not secret:
        raise SystemExit("no CASEFLOW_PHONE_SECRET: start ./run once, or set it as intake has it")
    return secret


def post_event(url, event, secret):
    """One signed call event, as the phone platform sends it (shared-events WebhookSignature)."""
    body = json.dumps(event).encode("utf-8")
    timestamp = str(int(time.time()))
    signature = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(url + "/api/v1/phone/events", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-CaseFlow-Timestamp": timestamp,
                                              "X-CaseFlow-Signature": "sha256=" + signature})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        return response.status, time.perf_counter() - started


def call_events(run, i, agent):
    call = "bench-%s-%d" % (run, i)
    event = lambda n, kind, **more: dict(eventId="%s-%d" % (call, n), type=kind, callId=call, hotline="400-820-8820",
                                         caller="139%08d" % (i % 100_000_000), **more)
    middle = event(3, "ABANDONED") if i % 10 == 9 else event(3, "ANSWERED", agentId=agent)
    return [event(1, "QUEUED"), event(2, "RINGING", agentId=agent), middle,
            event(4, "ENDED", **({} if i % 10 == 9 else {"agentId": agent}))]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def scrape(url):
    """The outbox delay histogram (upper bound in s -> cumulative count) and the backlog gauge."""
    text = urllib.request.urlopen(url + "/actuator/prometheus", timeout=10).read().decode()
    buckets = {}
    for le, count in re.findall(r'^caseflow_outbox_publish_delay_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\S+)',
                                text, re.M):
        buckets[float(le)] = float(count)
    m = re.search(r'^caseflow_outbox_backlog\{[^}]*\} (\S+)', text, re.M)
    return buckets, float(m.group(1)) if m else float("nan")


def histogram_quantile(before, after, q):
    """Upper bound (ms) of the bucket holding quantile q of what was recorded between the two scrapes."""
    bounds = sorted(after)
    delta = [after[b] - before.get(b, 0.0) for b in bounds]
    total = delta[-1] if delta else 0
    for bound, cumulative in zip(bounds, delta):
        if total and cumulative >= q * total:
            return bound * 1000
    return float("nan")


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--rate", type=int, default=100)
    args.add_argument("--seconds", type=int, default=30)
    args.add_argument("--url", default="http://127.0.0.1:8081")
    args.add_argument("--agents", default="A001,A002,R002")
    args.add_argument("--phone-events", action="store_true")
    a = args.parse_args()
    agents = a.agents.split(",")
    if a.phone_events:
        secret = phone_secret()
    else:
        token_tool = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bin", "token")
        tokens = [subprocess.run([token_tool, agent], check=True, capture_output=True, text=True).stdout.strip()
                  for agent in agents]
        token_of = dict(enumerate(tokens))
    if not re.match(r"^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$", a.url):
        raise SystemExit("only a local intake-service is a target")
    latencies, failures, lock = [], [], threading.Lock()
    run = uuid.uuid4().hex[:8]
    base = int(run, 16)

    def one_call(i):
        for event in call_events(run, i, agents[i % len(agents)]):
            # stamped when sent: intake's outbox delay counts from the event's time
            event["occurredAt"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
            try:
                status, seconds = post_event(a.url, event, secret)
                with lock:
                    (latencies if status == 202 else failures).append(seconds)
            except Exception as e:  # counted, not raised: the run goes on
                with lock:
                    failures.append(repr(e))

    def one(i):
        # a customer and a building of its own per call: repeats and mass incidents would join existing cases
        body = dict(CALL, phone="13%d%08d" % (base // 100_000_000 % 10, (base + i) % 100_000_000),
                    unit="%s-%d栋1单元101" % (run, i))
        try:
            status, seconds = post(a.url, body, "bench-%s-%d" % (run, i), token_of[i % len(tokens)])
            with lock:
                (latencies if status == 201 else failures).append(seconds)
        except Exception as e:  # counted, not raised: the run goes on
            with lock:
                failures.append(repr(e))

    total = a.rate * a.seconds
    before, _ = scrape(a.url)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i in range(total):
            delay = start + i / a.rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one_call if a.phone_events else one, i)
    elapsed = time.perf_counter() - start
    time.sleep(2)
    after, backlog = scrape(a.url)
    print("sent %d calls in %.1f s (%.0f/s): %d %s accepted, %d failed" %
          (total, elapsed, total / elapsed, len(latencies), "events" if a.phone_events else "calls", len(failures)))
    print("HTTP %s latency ms: p50 %.1f  p99 %.1f  max %.1f" %
          ("202" if a.phone_events else "201", percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000,
           max(latencies or [0]) * 1000))
    print("outbox delay (stored -> Kafka ack), histogram bucket bounds, ms: p50 <= %.1f  p99 <= %.1f  "
          "p99.9 <= %.1f; backlog after run: %.0f" % (histogram_quantile(before, after, 0.5),
                                                     histogram_quantile(before, after, 0.99),
                                                     histogram_quantile(before, after, 0.999), backlog))


if __name__ == "__main__":
    main()
