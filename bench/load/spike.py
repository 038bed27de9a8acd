"""The start spike: N signed-in learners press "Start" within the same second and open the quiz's first page.

Run by bench/load/run.py in the load generator's environment (gevent and geventhttpclient, from locust),
one process:

1. outside the measured window, each learner signs in (8 at a time: a sign-in is a deliberate
   scrypt) and opens the quiz's start page, as a class does while the trainer introduces the quiz;
2. at one moment every learner waits a random part of the same second, then posts "Start" and
   follows the redirect to the first page of its new attempt;
3. prints one JSON object: the time until the last learner had its first page, p50/p95/max of the
   start request, of the first page and of both together (what a learner waits), the errors, and the
   CPU time used meanwhile by the app's workers, by PostgreSQL and by this generator, which all share
   the machine's CPUs: what a start costs, and whether the CPUs or something else held the learners up.

Each learner is a greenlet with a connection of its own (geventhttpclient, whose parser is written in C:
the generator takes as little of the server's CPU as it can).

    .venv-load/bin/python -m bench.load.spike --base http://127.0.0.1:8123 --facts docs/benchmarks/load-facts.json \\
        --first 5000 --learners 2000 --server-pid "$(pgrep -o -f wsgi_load)"
"""
from __future__ import annotations

from gevent import monkey

monkey.patch_all()  # before anything imports socket

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

import gevent  # noqa: E402
from gevent.pool import Pool  # noqa: E402
from geventhttpclient import HTTPClient  # noqa: E402

from bench.load.processes import cpu_seconds, postgres_pids, worker_pids  # noqa: E402

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
TIMEOUT = 120  # seconds: a learner who waits longer has given up, and it counts as an error
SIGNING_IN_AT_ONCE = 8


class Refused(Exception):
    """The server answered with an error status, or not what a learner expects."""


class Browser:
    """One learner's browser: its own connection and the cookies the site set."""

    def __init__(self, base: str) -> None:
        address = urllib.parse.urlsplit(base)
        self.client = HTTPClient(address.hostname, address.port, connection_timeout=TIMEOUT,
                                 network_timeout=TIMEOUT)
        self.cookies: dict[str, str] = {}

    def send(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str, str]:
        """(status, Location header, body) of one request; redirects are not followed."""
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = b""
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = self.client.request(method, path, body=body, headers=headers)
        text = response.read().decode()
        for cookie in (value for name, value in response.items() if name.lower() == "set-cookie"):
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value:
                self.cookies[name] = value
            else:  # cleared by the server
                self.cookies.pop(name, None)
        if response.status_code >= 400:
            raise Refused(f"HTTP {response.status_code}")
        return response.status_code, response.get("location") or "", text


@dataclass
class Learner:
    number: int
    browser: Browser | None = field(repr=False, default=None)
    token: str = ""
    start_ms: float | None = None
    page_ms: float | None = None
    done_at: float | None = None  # seconds after the release
    error: str = ""


def prepare(learner: Learner, base: str, facts: dict) -> None:
    """Sign in and open the quiz's start page (not measured)."""
    learner.browser = Browser(base)
    _, _, login = learner.browser.send("GET", "/auth/login")
    status, _, _ = learner.browser.send("POST", "/auth/login", {
        "csrf_token": CSRF.search(login).group(1), "email": f"load{learner.number}@bench.example",
        "password": facts["password"]})
    if status != 302:
        raise Refused("not signed in")
    _, _, start_page = learner.browser.send("GET", f"/quizzes/{facts['quiz_id']}/")
    learner.token = CSRF.search(start_page).group(1)


def start(learner: Learner, facts: dict, release: float) -> None:
    """Press "Start" at a random moment of the release's second, then open the first page."""
    gevent.sleep(max(0.0, release + random.random() - time.monotonic()))  # noqa: S311  (not cryptographic)
    began = time.monotonic()
    try:
        status, attempt, _ = learner.browser.send("POST", f"/quizzes/{facts['quiz_id']}/start",
                                                  {"csrf_token": learner.token})
        if status != 302 or not attempt:
            raise Refused("no redirect to the attempt")
        learner.start_ms = (time.monotonic() - began) * 1000
        opened = time.monotonic()
        _, _, page = learner.browser.send("GET", urllib.parse.urlsplit(attempt)._replace(scheme="", netloc="").geturl())
        if 'data-question="' not in page:
            raise Refused("the first page shows no question")
        learner.page_ms = (time.monotonic() - opened) * 1000
        learner.done_at = time.monotonic() - release
    except Refused as refused:
        learner.error = str(refused)
    except Exception as error:  # noqa: BLE001  (every failure is a figure of the run)
        learner.error = type(error).__name__


def spread(values: list[float]) -> dict[str, float]:
    """p50, p95 and max of a list of times (ms); zeros for an empty list."""
    if not values:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    ordered = sorted(values)
    return {"p50": round(ordered[len(ordered) // 2], 1), "p95": round(ordered[int(len(ordered) * 0.95) - 1], 1),
            "max": round(ordered[-1], 1)}


def run(base: str, facts: dict, first: int, count: int, server_pid: int) -> dict:
    learners = [Learner(number) for number in range(first, first + count)]
    signing_in = time.monotonic()
    Pool(SIGNING_IN_AT_ONCE).map(lambda learner: prepare(learner, base, facts), learners)
    signed_in_seconds = time.monotonic() - signing_in
    release = time.monotonic() + 1.0  # every greenlet is waiting before its second begins
    # Connections are already open (each learner signed in), so no worker or backend starts in the window.
    servers = {"app": worker_pids(server_pid), "database": postgres_pids()}
    before = resource.getrusage(resource.RUSAGE_SELF)
    servers_before = {name: cpu_seconds(pids) for name, pids in servers.items()}
    gevent.joinall([gevent.spawn(start, learner, facts, release) for learner in learners])
    servers_after = {name: cpu_seconds(pids) for name, pids in servers.items()}
    after = resource.getrusage(resource.RUSAGE_SELF)
    done = [learner for learner in learners if not learner.error]
    return {
        "learners": count, "signing_in_seconds": round(signed_in_seconds, 1),
        "all_on_first_page_seconds": round(max((learner.done_at for learner in done), default=0.0), 2),
        "start": spread([learner.start_ms for learner in done]),
        "first_page": spread([learner.page_ms for learner in done]),
        "learner": spread([learner.start_ms + learner.page_ms for learner in done]),
        "errors": len(learners) - len(done),
        "error_kinds": dict(Counter(learner.error for learner in learners if learner.error)),
        "generator_cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
        "app_cpu_seconds": round(servers_after["app"] - servers_before["app"], 1),
        "database_cpu_seconds": round(servers_after["database"] - servers_before["database"], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--facts", required=True, help="the seed's JSON facts (quiz id, password)")
    parser.add_argument("--first", type=int, required=True, help="number of the first account to use")
    parser.add_argument("--learners", type=int, required=True)
    parser.add_argument("--server-pid", type=int, required=True, help="gunicorn's master (its workers' CPU is counted)")
    args = parser.parse_args()
    with open(args.facts) as file:
        facts = json.load(file)
    print(json.dumps(run(args.base, facts, args.first, args.learners, args.server_pid)))


if __name__ == "__main__":
    main()
