"""Profile the load test's hot requests in one process: where a course page, quiz page and answer save spend time.

A fresh PostgreSQL database seeded as for the load test (bench/load/seed.py), the app with the
production settings, one signed-in learner. Each request is made `--repeat` times in each of 5 rounds;
the median round's mean time, its ratio to the trivial route (/healthz) and its SQL statement count
are printed, and for each `--show` the profile (pyinstrument) of `--repeat` more.

Times move with whatever else the machine does (two runs of the same code differed by 30% here).
`--instructions` counts instead the CPU instructions the app's process executes for each request
(valgrind's callgrind, collecting only around the requests): the same code gives the same count, so
a change's before and after can be compared on any day. PostgreSQL's own work is not in the count.

    make profile            # or: .venv/bin/python -m bench.profile_pages --repeat 200 --show quiz
    .venv/bin/python -m bench.profile_pages --instructions
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flask.testing import FlaskClient
from pyinstrument import Profiler
from sqlalchemy import event

from bench.load.run import app_environment, fresh_database

PAGES = ("healthz", "course", "quiz", "answer", "start")  # the trivial route first: the others are measured against it
ROUNDS = 5
START_REPEAT = 20  # "start" needs a learner without an attempt each time, and signing in is a deliberate scrypt
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class SiteClient(FlaskClient):
    """A test client that asks for PUBLIC_URL's host: production refuses any other (TRUSTED_HOSTS)."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("base_url", os.environ["PUBLIC_URL"])
        return super().open(*args, **kwargs)


def on_start_page(app, facts: dict, number: int) -> tuple[SiteClient, str]:
    """A test client signed in as learner `number`, and the CSRF token of the quiz's start page."""
    client = SiteClient(app, app.response_class, use_cookies=True)
    login = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"csrf_token": TOKEN.search(login).group(1),
                                     "email": f"load{number}@bench.example", "password": facts["password"]})
    return client, TOKEN.search(client.get(f"/quizzes/{facts['quiz_id']}/").get_data(as_text=True)).group(1)


def signed_in_client(app, facts: dict) -> tuple[SiteClient, str]:
    """A test client signed in as a learner with an attempt in progress, and the attempt's URL."""
    client, csrf_token = on_start_page(app, facts, 0)
    response = client.post(f"/quizzes/{facts['quiz_id']}/start", data={"csrf_token": csrf_token})
    return client, response.headers["Location"].split("?")[0]


def starting_learners(app, facts: dict, count: int) -> Callable[[], object]:
    """Each call: the next of `count` learners on the start page presses "Start" and opens the first page."""
    waiting = iter([on_start_page(app, facts, number) for number in range(1, count + 1)])

    def start():
        client, csrf_token = next(waiting)
        started = client.post(f"/quizzes/{facts['quiz_id']}/start", data={"csrf_token": csrf_token})
        return client.get(started.headers["Location"])
    return start


def requests_to_profile(app, facts: dict, starts: int) -> dict[str, Callable[[], object]]:
    client, attempt = signed_in_client(app, facts)
    page = client.get(f"{attempt}?page=1").get_data(as_text=True)
    question = re.search(r'data-question="(\d+)"', page).group(1)
    choice = re.search(rf'name="q{question}" id="q\d+-c\d+" value="(\d+)"', page).group(1)
    headers = {"X-CSRFToken": TOKEN.search(page).group(1)}
    body = {"question": int(question), "fields": {f"q{question}": [choice]}}
    return {
        "healthz": lambda: client.get("/healthz"),
        "course": lambda: client.get(f"/courses/{facts['slug']}/"),
        "quiz": lambda: client.get(f"{attempt}?page=1"),
        "answer": lambda: client.post(f"{attempt}/answers", json=body, headers=headers),
        "start": starting_learners(app, facts, starts),
    }


def count_instructions(repeat: int) -> None:
    """Each request's instructions in millions (callgrind), one valgrind run a request, on one seeded database."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind is needed to count instructions: apt-get install valgrind")
    os.environ.update(app_environment(fresh_database()))
    from bench.load.seed import seed
    from bench.load.wsgi_load import app

    with app.app_context(), tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "facts.json"
        facts.write_text(json.dumps(seed(repeat + 20)))
        trivial = 0.0
        for name in PAGES:
            run = subprocess.run(  # noqa: S603  (this interpreter under valgrind, on this module)
                [valgrind, "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={folder}/{name}.out",
                 sys.executable, "-m", "bench.profile_pages", "--measure", name, "--facts", str(facts),
                 "--repeat", str(repeat)], capture_output=True, text=True, check=True, env=os.environ)
            collected = re.search(r"Collected : (\d+)", run.stderr)
            per_request = int(collected.group(1)) / repeat / 1e6
            trivial = trivial or per_request
            print(f"{name:7} {per_request:6.2f} M instructions a request ({trivial / per_request:.2f} of /healthz)")


def measure(name: str, facts_file: str, repeat: int) -> None:
    """Under valgrind: `repeat` requests named `name`, with callgrind collecting only around them."""
    from bench.load.wsgi_load import app

    facts = json.loads(Path(facts_file).read_text())
    request = requests_to_profile(app, facts, repeat + 5 if name == "start" else 0)[name]
    for _ in range(5):
        request()
    control = shutil.which("callgrind_control") or "/usr/bin/callgrind_control"

    def collect(switch: str) -> None:
        subprocess.run([control, "--instr", switch, str(os.getpid())], check=True, capture_output=True)  # noqa: S603

    collect("on")
    for _ in range(repeat):
        request()
    collect("off")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--show", choices=PAGES, action="append", help="print this request's profile")
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead")
    parser.add_argument("--measure", choices=PAGES, help=argparse.SUPPRESS)  # a run under valgrind
    parser.add_argument("--facts", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.measure, args.facts, args.repeat)
    if args.instructions:
        return count_instructions(min(args.repeat, 20))
    os.environ.update(app_environment(fresh_database()))
    from bench.load.seed import seed
    from bench.load.wsgi_load import app
    from lms.extensions import db

    starts = 10 + (ROUNDS + 1) * START_REPEAT  # warming up, the rounds, a profile
    with app.app_context():
        facts = seed(starts + 1)
        statements = []
        event.listen(db.engine, "before_cursor_execute", lambda *_: statements.append(1))
    requests = requests_to_profile(app, facts, starts)
    trivial = 0.0
    for name in PAGES:
        request, repeat = requests[name], START_REPEAT if name == "start" else args.repeat
        for _ in range(10):  # warm up: templates compiled, connections in the pool
            assert request().status_code == 200, name  # noqa: S101  (a broken request would make the figure a lie)
        statements.clear()
        rounds = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            for _ in range(repeat):
                request()
            rounds.append((time.perf_counter() - started) / repeat)
        elapsed = statistics.median(rounds)
        trivial = trivial or elapsed
        print(f"{name:7} {elapsed * 1000:6.2f} ms a request ({trivial / elapsed:.2f} of /healthz), "
              f"{len(statements) / (repeat * ROUNDS):.0f} SQL statements")
        if name in (args.show or ()):
            profiler = Profiler(interval=0.0005)
            with profiler:
                for _ in range(repeat):
                    request()
            print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
