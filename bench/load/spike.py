"""The start spike: N signed-in learners press "Start" within the same second and open the quiz's first page.

Run by bench/load/run.py in the load generator's environment (gevent, from locust), one process:

1. outside the measured window, each learner signs in (8 at a time: a sign-in is a deliberate
   scrypt) and opens the quiz's start page, as a class does while the trainer introduces the quiz;
2. at one moment every learner waits a random part of the same second, then posts "Start" and
   follows the redirect to the first page of its new attempt;
3. prints one JSON object: the time until the last learner had its first page, p50/p95/max of the
   start request, of the first page and of both together (what a learner waits), and the errors.

    .venv-load/bin/python -m bench.load.spike --base http://127.0.0.1:8123 --facts docs/benchmarks/load-facts.json \
        --first 5000 --learners 2000
"""
from __future__ import annotations

from gevent import monkey

monkey.patch_all()  # before anything imports socket: each learner is a greenlet with its own connection

import argparse  # noqa: E402
import http.cookiejar  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

import gevent  # noqa: E402
from gevent.pool import Pool  # noqa: E402

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
TIMEOUT = 120  # seconds: a learner who waits longer has given up, and it counts as an error
SIGNING_IN_AT_ONCE = 8


class KeepRedirect(urllib.request.HTTPRedirectHandler):
    """Hand the 302 of "Start" back to the caller, so that each of the two requests is timed alone."""

    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Learner:
    number: int
    opener: urllib.request.OpenerDirector = field(repr=False, default=None)
    token: str = ""
    start_ms: float | None = None
    page_ms: float | None = None
    done_at: float | None = None  # seconds after the release
    error: str = ""


def browser() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                       KeepRedirect())


def prepare(learner: Learner, base: str, facts: dict) -> None:
    """Sign in and open the quiz's start page (not measured)."""
    learner.opener = browser()
    login = learner.opener.open(f"{base}/auth/login", timeout=TIMEOUT).read().decode()
    form = {"csrf_token": CSRF.search(login).group(1), "email": f"load{learner.number}@bench.example",
            "password": facts["password"]}
    try:
        learner.opener.open(f"{base}/auth/login", urllib.parse.urlencode(form).encode(), timeout=TIMEOUT)
    except urllib.error.HTTPError as redirect:  # the 302 to the home page: signed in
        if redirect.code != 302:
            raise
    start_page = learner.opener.open(f"{base}/quizzes/{facts['quiz_id']}/", timeout=TIMEOUT).read().decode()
    learner.token = CSRF.search(start_page).group(1)


def start(learner: Learner, base: str, facts: dict, release: float) -> None:
    """Press "Start" at a random moment of the release's second, then open the first page."""
    gevent.sleep(max(0.0, release + random.random() - time.monotonic()))  # noqa: S311  (not cryptographic)
    began = time.monotonic()
    try:
        try:
            learner.opener.open(f"{base}/quizzes/{facts['quiz_id']}/start",
                                urllib.parse.urlencode({"csrf_token": learner.token}).encode(), timeout=TIMEOUT)
            raise RuntimeError("no redirect to the attempt")
        except urllib.error.HTTPError as answer:
            if answer.code != 302:
                raise
            attempt = answer.headers["Location"]
        learner.start_ms = (time.monotonic() - began) * 1000
        opened = time.monotonic()
        page = learner.opener.open(urllib.parse.urljoin(base, attempt), timeout=TIMEOUT).read().decode()
        if 'data-question="' not in page:
            raise RuntimeError("the first page shows no question")
        learner.page_ms = (time.monotonic() - opened) * 1000
        learner.done_at = time.monotonic() - release
    except urllib.error.HTTPError as error:
        learner.error = f"HTTP {error.code}"
    except Exception as error:  # noqa: BLE001  (every failure is a figure of the run)
        learner.error = type(error).__name__


def spread(values: list[float]) -> dict[str, float]:
    """p50, p95 and max of a list of times (ms); zeros for an empty list."""
    if not values:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    ordered = sorted(values)
    return {"p50": round(ordered[len(ordered) // 2], 1), "p95": round(ordered[int(len(ordered) * 0.95) - 1], 1),
            "max": round(ordered[-1], 1)}


def run(base: str, facts: dict, first: int, count: int) -> dict:
    learners = [Learner(number) for number in range(first, first + count)]
    signing_in = time.monotonic()
    Pool(SIGNING_IN_AT_ONCE).map(lambda learner: prepare(learner, base, facts), learners)
    signed_in_seconds = time.monotonic() - signing_in
    release = time.monotonic() + 1.0  # every greenlet is waiting before its second begins
    gevent.joinall([gevent.spawn(start, learner, base, facts, release) for learner in learners])
    done = [learner for learner in learners if not learner.error]
    return {
        "learners": count, "signing_in_seconds": round(signed_in_seconds, 1),
        "all_on_first_page_seconds": round(max((learner.done_at for learner in done), default=0.0), 2),
        "start": spread([learner.start_ms for learner in done]),
        "first_page": spread([learner.page_ms for learner in done]),
        "learner": spread([learner.start_ms + learner.page_ms for learner in done]),
        "errors": len(learners) - len(done),
        "error_kinds": dict(Counter(learner.error for learner in learners if learner.error)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--facts", required=True, help="the seed's JSON facts (quiz id, password)")
    parser.add_argument("--first", type=int, required=True, help="number of the first account to use")
    parser.add_argument("--learners", type=int, required=True)
    args = parser.parse_args()
    with open(args.facts) as file:
        facts = json.load(file)
    print(json.dumps(run(args.base, facts, args.first, args.learners)))


if __name__ == "__main__":
    main()
