"""The fault run: learners take a quiz while gunicorn workers are killed and PostgreSQL restarts.

1. a fresh PostgreSQL database seeded as for the load test, gunicorn with the production settings;
2. every virtual learner (a thread) signs in, starts the 16-question quiz and answers each question
   through the autosave endpoint, changing its mind on the first question of each page. A request
   that fails (a connection dropped by a killed worker, a 503 while the database restarts) is sent
   again until the server acknowledges it, as the quiz page's script does;
3. meanwhile a worker gets SIGKILL every second or so, and PostgreSQL is restarted once;
4. each learner then submits twice at the same moment, from two signed-in browsers;
5. the database is read back. Every answer the server acknowledged must be stored with the value
   acknowledged last; each learner has one attempt, graded once, with the score its stored answers
   earn; no response was a 500.

    make bench-faults       # or: .venv/bin/python -m bench.load.faults --learners 40
Prints the counts and exits 1 when a check fails.
"""
from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.load.processes import worker_pids
from bench.load.run import (
    BASE,
    OUT,
    ROOT,
    app_environment,
    fresh_database,
    sh,
    start_gunicorn,
    stop_gunicorn,
)

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
QUESTION = re.compile(r'data-question="(\d+)".*?Which answer is number (\d+)\?', re.S)
CHOICE = re.compile(r'<label for="q(\d+)-c(\d+)">Answer (\d+)</label>')
SUBMITTED = "Your attempt has been submitted."
PAGES = 8
GIVE_UP_SECONDS = 120  # a request still failing after this long counts as a learner stuck for good


class Statuses:
    """Every response's status (or "no answer" for a dropped connection), from every thread."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()

    def add(self, status: str) -> None:
        with self.lock:
            self.counts[status] += 1


class Browser:
    """One learner's browser: a cookie jar, English pages, and every request retried until it is answered."""

    def __init__(self, statuses: Statuses, base: str = BASE) -> None:
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.statuses, self.base = statuses, base
        self.retries = 0

    def send(self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[str, str]:
        """(final URL, body) of the first attempt the server answers with a status below 500."""
        started = time.monotonic()
        while True:
            request = urllib.request.Request(self.base + path, data=data,  # noqa: S310  (our own server)
                                             headers={"Accept-Language": "en", **(headers or {})})
            try:
                with self.opener.open(request, timeout=30) as response:  # noqa: S310  (our own server)
                    self.statuses.add(str(response.status))
                    return response.geturl(), response.read().decode()
            except urllib.error.HTTPError as error:
                self.statuses.add(str(error.code))
                if error.code < 500:
                    raise
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
                self.statuses.add("no answer")
            if time.monotonic() - started > GIVE_UP_SECONDS:
                raise RuntimeError(f"{path}: no answer for {GIVE_UP_SECONDS} s")
            self.retries += 1
            time.sleep(random.uniform(0.2, 0.6))  # noqa: S311  (spread the retries, as quiz.js does)

    def get(self, path: str) -> tuple[str, str]:
        return self.send(path)

    def post_form(self, path: str, page: str, **fields: str) -> tuple[str, str]:
        return self.send(path, urllib.parse.urlencode({"csrf_token": csrf(page), **fields}).encode())

    def post_json(self, path: str, body: dict, page: str) -> dict:
        _, answer = self.send(path, json.dumps(body).encode(),
                              {"Content-Type": "application/json", "X-CSRFToken": csrf(page)})
        return json.loads(answer)

    def sign_in(self, email: str, password: str) -> None:
        while True:
            _, page = self.get("/auth/login")
            url, _ = self.post_form("/auth/login", page, email=email, password=password)
            if "/auth/login" not in url:
                return


def csrf(page: str) -> str:
    match = CSRF.search(page)
    return match.group(1) if match else ""


@dataclass
class Learner:
    number: int
    attempt_path: str = ""
    acknowledged: dict[int, int] = field(default_factory=dict)  # question id → choice id last acknowledged
    right: dict[int, int] = field(default_factory=dict)  # question id → the choice that is right
    submitted_flashes: int = 0
    error: str = ""


def take_quiz(learner: Learner, facts: dict, statuses: Statuses, base: str = BASE) -> int:
    """The learner's whole quiz, resuming after every failure; returns how many requests were retried."""
    email = f"load{learner.number}@bench.example"
    browser = Browser(statuses, base)
    browser.sign_in(email, facts["password"])
    _, start_page = browser.get(f"/quizzes/{facts['quiz_id']}/")
    url, page = browser.post_form(f"/quizzes/{facts['quiz_id']}/start", start_page)
    learner.attempt_path = urllib.parse.urlsplit(url).path
    for number in range(1, PAGES + 1):
        if number > 1:
            _, page = browser.get(f"{learner.attempt_path}?page={number}")
        answer_page(browser, learner, page)
        time.sleep(random.uniform(1.0, 4.0))  # noqa: S311  (a learner reads before the next page)
    second = Browser(statuses, base)  # the same learner in a second browser, submitting at the same moment
    second.sign_in(email, facts["password"])
    summaries = [browser.get(f"{learner.attempt_path}/summary")[1], second.get(f"{learner.attempt_path}/summary")[1]]
    reviews: list[str] = []

    def submit(each: Browser, summary: str) -> None:
        reviews.append(each.post_form(f"{learner.attempt_path}/submit", summary)[1])

    submits = [threading.Thread(target=submit, args=pair) for pair in zip((browser, second), summaries, strict=True)]
    for thread in submits:
        thread.start()
    for thread in submits:
        thread.join()
    learner.submitted_flashes = sum(SUBMITTED in review for review in reviews)
    return browser.retries + second.retries


def take_quizzes(learners: list[Learner], facts: dict, statuses: Statuses, base: str = BASE) -> tuple[Counter, float]:
    """Every learner takes the quiz in a thread of its own, one more every 50 ms; returns the requests each
    sent again, and the seconds until the last finished. A learner who gives up keeps the reason in `error`."""
    retries: Counter[int] = Counter()

    def run(learner: Learner) -> None:
        try:
            retries[learner.number] = take_quiz(learner, facts, statuses, base)
        except Exception as error:  # noqa: BLE001  (a learner who gave up is a figure, not a crash)
            learner.error = f"{type(error).__name__}: {error}"

    threads = [threading.Thread(target=run, args=(learner,)) for learner in learners]
    started = time.monotonic()
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    for thread in threads:
        thread.join()
    return retries, time.monotonic() - started


def answer_page(browser: Browser, learner: Learner, page: str) -> None:
    """Answer each question on the page; change the first answer once; keep what was acknowledged."""
    choices: dict[int, list[tuple[int, int]]] = {}
    for question, choice, label in CHOICE.findall(page):
        choices.setdefault(int(question), []).append((int(choice), int(label)))
    for index, (question, wanted) in enumerate((int(q), int(n)) for q, n in QUESTION.findall(page)):
        learner.right[question] = next(choice for choice, label in choices[question] if label == wanted)
        picks = random.sample([choice for choice, _ in choices[question]], 2 if index == 0 else 1)
        for choice in picks:
            saved = browser.post_json(f"{learner.attempt_path}/answers",
                                      {"question": question, "fields": {f"q{question}": [str(choice)]}}, page)
            if saved.get("saved"):
                learner.acknowledged[question] = choice


class Faults(threading.Thread):
    """SIGKILL a random gunicorn worker every second or so; restart PostgreSQL once, a few seconds in."""

    def __init__(self, master: int, restart_after: float) -> None:
        super().__init__(daemon=True)
        self.master, self.restart_after = master, restart_after
        self.kills, self.restarts, self.running = 0, 0, True

    def run(self) -> None:
        started = time.monotonic()
        while self.running:
            time.sleep(random.uniform(0.5, 2.0))  # noqa: S311
            workers = worker_pids(self.master)
            if workers and self.running:
                os.kill(random.choice(workers), signal.SIGKILL)  # noqa: S311
                self.kills += 1
            if not self.restarts and time.monotonic() - started > self.restart_after:
                version = sorted(os.listdir("/etc/postgresql"))[-1]
                subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart",  # noqa: S603, S607
                                "-m", "fast"], check=True, capture_output=True)
                self.restarts += 1


def check(learners: list[Learner], database_url: str) -> dict[str, int]:
    """What the database holds against what the learners were told."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        answers = {(attempt, question): response for attempt, question, response in connection.execute(text(
            "SELECT answers.attempt_id, answers.question_id, answers.response FROM answers"))}
        attempts = {email: facts for email, *facts in connection.execute(text(
            "SELECT users.email, min(attempts.id), min(attempts.state), min(attempts.score), count(attempts.id) "
            "FROM attempts JOIN users ON users.id = attempts.user_id GROUP BY users.email"))}
    engine.dispose()
    figures = Counter()
    for learner in learners:
        attempt_id, state, score, count = attempts.get(f"load{learner.number}@bench.example", (None, None, None, 0))
        figures["attempts"] += count
        figures["learners with more than one attempt"] += count > 1
        figures["attempts not submitted"] += state != "submitted"
        figures["attempts graded by two submits"] += learner.submitted_flashes > 1
        for question, choice in learner.acknowledged.items():
            figures["answers acknowledged"] += 1
            response = answers.get((attempt_id, question))
            if isinstance(response, str):
                response = json.loads(response)
            stored_as_told = bool(response) and response.get("choice") == choice
            figures["acknowledged answers stored as acknowledged"] += stored_as_told
        expected = sum(learner.right.get(question) == choice for question, choice in learner.acknowledged.items())
        figures["scores that differ from the stored answers"] += score is None or abs(score - expected) > 1e-9
    figures["answers stored"] = len(answers)
    return dict(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--restart-after", type=float, default=15.0, help="seconds before PostgreSQL restarts")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    database_url = fresh_database()
    environment = app_environment(database_url)
    facts_file = str(OUT / "load-facts.json")
    sh(str(ROOT / ".venv" / "bin" / "python"), "-m", "bench.load.seed", "--learners", str(args.learners),
       "--out", facts_file, cwd=ROOT, env=environment, capture_output=True)
    facts = json.loads(Path(facts_file).read_text())
    gunicorn = start_gunicorn(environment, args.workers)
    statuses, learners = Statuses(), [Learner(n) for n in range(args.learners)]
    faults = Faults(gunicorn.pid, args.restart_after)
    faults.start()
    retries, seconds = take_quizzes(learners, facts, statuses)
    faults.running = False
    faults.join()
    stop_gunicorn(gunicorn)
    figures = check(learners, database_url)
    stuck = [learner.error for learner in learners if learner.error]
    print(f"{args.learners} learners, {seconds:.0f} s; {faults.kills} workers killed (SIGKILL), "
          f"PostgreSQL restarted {faults.restarts} time(s)")
    print("responses:", ", ".join(f"{status}: {count}" for status, count in sorted(statuses.counts.items())))
    print(f"requests sent again after a failure: {sum(retries.values())}; learners who could not finish: {len(stuck)}")
    for name, value in figures.items():
        print(f"{name}: {value}")
    for error in stuck[:5]:
        print("  ", error)
    failed = (stuck or statuses.counts["500"] or faults.kills == 0 or faults.restarts == 0
              or figures["answers acknowledged"] != figures["acknowledged answers stored as acknowledged"]
              or figures["learners with more than one attempt"] or figures["attempts not submitted"]
              or figures["attempts graded by two submits"] or figures["scores that differ from the stored answers"])
    print("FAILED" if failed else "OK: every acknowledged answer is stored, every attempt graded once")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
