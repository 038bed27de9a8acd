"""The load scenario, after a published Moodle quiz load test.

Each virtual learner signs in, opens the course, starts the 16-question quiz (2 questions a page,
8 pages), answers each question with the page's autosave, waits 30–90 s between pages, submits,
and starts again. Run by bench/load/run.py; the seed's facts come in LOAD_FACTS (a JSON file).

The learners are FastHttpUsers (geventhttpclient): the load generator shares the machine's two CPUs
with the app, and the requests-based HttpUser used a whole CPU by itself at 4,000 learners.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import re
import time

from locust import FastHttpUser, LoadTestShape, between, task

FACTS = json.load(open(os.environ["LOAD_FACTS"]))  # noqa: SIM115
ACCOUNTS = itertools.count()
SIGNED_IN = itertools.count(1)  # how many virtual learners have finished signing in
signed_in = 0
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
QUESTION = re.compile(r'data-question="(\d+)"')
CHOICE = re.compile(r'name="q(\d+)" id="q\d+-c\d+" value="(\d+)"')
PAGES = 8


def csrf_of(html: str | None) -> str:
    """The page's CSRF token; "" for a response that never came (FastHttpUser gives it no text)."""
    match = CSRF.search(html or "")
    return match.group(1) if match else ""


class Learner(FastHttpUser):
    wait_time = between(30, 90)

    def on_start(self) -> None:
        number = next(ACCOUNTS) % FACTS["learners"]
        page = self.client.get("/auth/login", name="sign-in page")
        self.client.post("/auth/login", name="sign in", data={
            "csrf_token": csrf_of(page.text), "email": f"load{number}@bench.example", "password": FACTS["password"]})
        self.client.get(f"/courses/{FACTS['slug']}/", name="course page")
        self.attempt_url: str | None = None
        self.page = 0
        global signed_in
        signed_in = next(SIGNED_IN)

    @task
    def next_step(self) -> None:
        """One step a think-time apart: start an attempt, answer one page, or submit."""
        if self.attempt_url is None:
            start = self.client.get(f"/quizzes/{FACTS['quiz_id']}/", name="quiz start page")
            started = self.client.post(f"/quizzes/{FACTS['quiz_id']}/start", name="start attempt",
                                       data={"csrf_token": csrf_of(start.text)}, allow_redirects=False)
            if not (started.headers or {}).get("Location"):
                return  # no answer: the next step tries again, as a learner would
            self.attempt_url = started.headers["Location"].split("?")[0]
            self.page = 1
            self.answer(self.client.get(self.attempt_url, name="quiz page").text)
        elif self.page < PAGES:
            self.page += 1
            response = self.client.get(f"{self.attempt_url}?page={self.page}", name="quiz page")
            self.answer(response.text)
        else:
            summary = self.client.get(f"{self.attempt_url}/summary", name="summary")
            self.client.post(f"{self.attempt_url}/submit", name="submit (→ review)",
                             data={"csrf_token": csrf_of(summary.text)})
            self.attempt_url = None

    def answer(self, html: str | None) -> None:
        """Pick an answer to each question on the page and autosave it, as quiz.js does."""
        token, html = csrf_of(html), html or ""
        choices: dict[str, list[str]] = {}
        for question, choice in CHOICE.findall(html):
            choices.setdefault(question, []).append(choice)
        for question in QUESTION.findall(html):
            picked = random.choice(choices.get(question) or ["0"])  # noqa: S311
            self.client.post(f"{self.attempt_url}/answers", name="autosave answer",
                             json={"question": int(question), "fields": {f"q{question}": [picked]}},
                             headers={"X-CSRFToken": token})


class Steps(LoadTestShape):
    """Ramp up to each number of learners in LOAD_STEPS, hold it, and record that step's figures.

    A step's figures (requests, failures, p50, p95, max, requests/s) cover only its holding time: the
    statistics are reset once that many learners have signed in (scrypt makes a sign-in the dearest
    request, and a class does not sign in all at once), and read when the hold ends.
    """

    steps = [int(n) for n in os.environ.get("LOAD_STEPS", "250,500,1000,2000,3500,5000").split(",")]
    hold = int(os.environ.get("LOAD_HOLD_SECONDS", "90"))
    spawn_rate = float(os.environ.get("LOAD_SPAWN_RATE", "5"))

    def __init__(self) -> None:
        super().__init__()
        self.index, self.holding_since, self.results = 0, None, []

    def tick(self):
        if self.index >= len(self.steps):
            return None
        target = self.steps[self.index]
        if self.holding_since is None and self.runner.user_count >= target and signed_in >= target:
            self.runner.stats.reset_all()
            self.holding_since = time.monotonic()
        elif self.holding_since is not None and time.monotonic() - self.holding_since >= self.hold:
            self.record(target, time.monotonic() - self.holding_since)
            self.index, self.holding_since = self.index + 1, None
            if self.index >= len(self.steps):
                return None
            target = self.steps[self.index]
        return target, self.spawn_rate

    def record(self, users: int, seconds: float) -> None:
        total = self.runner.stats.total
        by_name = {entry.name: {"requests": entry.num_requests, "p50": entry.get_response_time_percentile(0.5),
                                "p95": entry.get_response_time_percentile(0.95)}
                   for entry in self.runner.stats.entries.values()}
        self.results.append({
            "users": users, "seconds": round(seconds), "requests": total.num_requests,
            "failures": total.num_failures, "rps": round(total.num_requests / seconds, 1),
            "p50": total.get_response_time_percentile(0.5), "p95": total.get_response_time_percentile(0.95),
            "max": total.max_response_time, "by_name": by_name,
        })
        with open(os.environ.get("LOAD_RESULTS", "load-results.json"), "w") as file:
            json.dump(self.results, file, indent=1)
