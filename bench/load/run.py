"""The load benchmark: gunicorn on PostgreSQL, locust from the same machine, figures into docs/benchmarks/.

1. a fresh PostgreSQL database, migrated and seeded (bench/load/seed.py);
2. gunicorn with the production settings (bench/load/wsgi_load.py), several workers;
3. the framework ceiling: wrk against a trivial route (/healthz: one SELECT 1) and against the
   course page, a quiz page and an answer save, signed in; the ratio page / ceiling for each;
4. the start spike (bench/load/spike.py): for each of SPIKE_STEPS, that many signed-in learners
   press "Start" within the same second and open the quiz's first page;
5. locust's quiz scenario (bench/load/locustfile.py) ramped through LOAD_STEPS, each step held;
6. a table (Markdown) and a chart (PNG) of users → requests/s, p50, p95, max, errors, the spike's
   figures, and the workers' largest memory (RSS).

    make bench-load            # or: .venv/bin/python -m bench.load.run --steps 250,500,1000
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.load.processes import rss_mb, worker_pids

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "benchmarks"
PORT = 8123
BASE = f"http://127.0.0.1:{PORT}"
PG_SERVER = os.environ.get("LMS_TEST_PG_URL", "postgresql+psycopg://127.0.0.1:5432/postgres")
DATABASE = "telim_load"
LOAD_PYTHON = ROOT / ".venv-load" / "bin" / "python"


def sh(*command: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, text=True, **options)  # noqa: S603


def fresh_database(name: str = DATABASE) -> str:
    server = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    return PG_SERVER.rsplit("/", 1)[0] + f"/{name}"


def app_environment(database_url: str) -> dict[str, str]:
    return {**os.environ, "LMS_ENV": "production", "DATABASE_URL": database_url,
            "SECRET_KEY": "load-test-secret-key-0123456789abcdef", "JITSI_APP_SECRET": "j" * 40,
            "PUBLIC_URL": "http://127.0.0.1", "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/5",
            "LOGIN_RATE_LIMIT": "1000000 per minute", "LOGIN_FAILURES_PER_ADDRESS": "1000000 per minute",
            "PYTHONPATH": str(ROOT)}


def start_gunicorn(environment: dict[str, str], workers: int, port: int = PORT, cwd: Path = ROOT,
                   log_name: str = "gunicorn.log") -> subprocess.Popen:
    """gunicorn serving the app found in `cwd` on `port`, once it answers /healthz."""
    try:  # a server left running would answer for the new one, and every figure would be its
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
        raise RuntimeError(f"port {port} is taken: stop what answers there first")
    except OSError:
        pass
    process = subprocess.Popen(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--no-control-socket", "--access-logfile", "-", "--log-level", "warning", "bench.load.wsgi_load:app"],
        cwd=cwd, env={**environment, "PYTHONPATH": str(cwd)}, stdout=subprocess.DEVNULL,
        stderr=open(OUT / log_name, "w"))  # noqa: SIM115
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer /healthz on port {port}")


def stop_gunicorn(gunicorn: subprocess.Popen) -> None:
    """SIGTERM, and SIGKILL for what is left after 30 s: a step past the ceiling leaves workers a long queue."""
    gunicorn.send_signal(signal.SIGTERM)
    try:
        gunicorn.wait(timeout=30)
    except subprocess.TimeoutExpired:
        for pid in worker_pids(gunicorn.pid):
            os.kill(pid, signal.SIGKILL)
        gunicorn.kill()
        gunicorn.wait()


class MemoryWatch(threading.Thread):
    """The largest resident memory of any gunicorn worker, sampled every 2 s."""

    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master, self.largest, self.running = master, 0.0, True

    def run(self) -> None:
        while self.running:
            for pid in worker_pids(self.master):
                try:
                    self.largest = max(self.largest, rss_mb(pid))
                except OSError:
                    pass
            time.sleep(2)


WRK_LEARNERS = 32  # as many as wrk's connections: the ceiling is not one learner's 32 tabs
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass(frozen=True)
class SignedIn:
    """What wrk needs to act as one learner: the session cookie, an attempt in progress, a CSRF token."""

    cookie: str
    attempt: str
    token: str
    save: str  # an autosave's JSON body for the first question of the attempt


def signed_in_learner(facts: dict, number: int) -> SignedIn:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{BASE}/auth/login").read().decode()
    form = {"csrf_token": CSRF.search(page).group(1), "email": f"load{number}@bench.example",
            "password": facts["password"]}
    opener.open(f"{BASE}/auth/login", urllib.parse.urlencode(form).encode())
    start = opener.open(f"{BASE}/quizzes/{facts['quiz_id']}/").read().decode()
    response = opener.open(f"{BASE}/quizzes/{facts['quiz_id']}/start",
                           urllib.parse.urlencode({"csrf_token": CSRF.search(start).group(1)}).encode())
    attempt_url, html = response.geturl().split("?")[0], response.read().decode()
    question = re.search(r'data-question="(\d+)"', html).group(1)
    choice = re.search(rf'name="q{question}" id="q\d+-c\d+" value="(\d+)"', html).group(1)
    return SignedIn(cookie="; ".join(f"{c.name}={c.value}" for c in jar), attempt=attempt_url.replace(BASE, ""),
                    token=CSRF.search(html).group(1),
                    save=json.dumps({"question": int(question), "fields": {f"q{question}": [choice]}}))


def rotating_script(requests: list[tuple[str, str, dict[str, str], str]]) -> str:
    """A wrk script sending these (method, path, headers, body) in turn; each thread starts elsewhere."""
    def lua(value) -> str:  # JSON strings of ASCII text are Lua strings too
        if isinstance(value, dict):
            return "{" + ", ".join(f"[{lua(k)}] = {lua(v)}" for k, v in value.items()) + "}"
        return json.dumps(value)
    rows = ",\n".join("{" + ", ".join(lua(part) for part in request) + "}" for request in requests)
    return f"""local requests = {{
{rows}
}}
local threads = 0
function setup(thread) thread:set("first", threads * {len(requests) // 2}); threads = threads + 1 end
function init(args) i = first or 0 end
function request()
  i = i % #requests + 1
  local r = requests[i]
  return wrk.format(r[1], r[2], r[3], r[4] ~= "" and r[4] or nil)
end
"""


def wrk(url: str, requests: list[tuple[str, str, dict[str, str], str]] | None = None, seconds: int = 15) -> float:
    """Requests per second wrk reaches with 32 connections, at `url` or sending `requests` in turn."""
    command = ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if requests:
            script.write(rotating_script(requests))
            script.flush()
            command += ["-s", script.name]
        output = sh(*command, url, capture_output=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def ceiling(facts: dict) -> list[tuple[str, float]]:
    """The trivial route, then each hot request, as many different learners at once."""
    last = facts["learners"]  # the last accounts: locust starts from the first
    learners = [signed_in_learner(facts, number) for number in range(last - WRK_LEARNERS, last)]

    def each(method: str, path, body=None) -> list[tuple[str, str, dict[str, str], str]]:
        """The same request as every learner: at `path(learner)`, with a JSON `body(learner)` for a save."""
        requests = []
        for learner in learners:
            headers = {"Cookie": learner.cookie}
            if body:
                headers |= {"Content-Type": "application/json", "X-CSRFToken": learner.token}
            requests.append((method, path(learner), headers, body(learner) if body else ""))
        return requests

    return [
        ("trivial route (/healthz)", wrk(f"{BASE}/healthz")),
        ("course page", wrk(BASE, each("GET", lambda _learner: f"/courses/{facts['slug']}/"))),
        ("quiz page", wrk(BASE, each("GET", lambda learner: f"{learner.attempt}?page=1"))),
        ("answer save", wrk(BASE, each("POST", lambda learner: f"{learner.attempt}/answers",
                                       lambda learner: learner.save))),
    ]


def run_locust(facts_file: str, results_file: str, steps: str, hold: int,
               spawn_rate: float) -> tuple[list[dict], float]:
    """Each step's figures, and the share of one CPU the load generator itself used on average."""
    environment = {**os.environ, "LOAD_FACTS": facts_file, "LOAD_RESULTS": results_file, "LOAD_STEPS": steps,
                   "LOAD_HOLD_SECONDS": str(hold), "LOAD_SPAWN_RATE": str(spawn_rate)}
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    subprocess.run([str(LOAD_PYTHON), "-m", "locust", "-f", str(ROOT / "bench" / "load" / "locustfile.py"),  # noqa: S603
                    "--headless", "--host", BASE, "--only-summary", "--loglevel", "WARNING"],
                   env=environment, check=False, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    steps_run = json.loads(Path(results_file).read_text()) if Path(results_file).exists() else []
    return steps_run, cpu / (time.monotonic() - started)


def run_spikes(facts_file: str, first: int, sizes: list[int], server_pid: int) -> list[dict]:
    """Each spike's figures; each uses learners of its own, numbered from `first`, who have no attempt yet."""
    results = []
    for size in sizes:
        run = subprocess.run([str(LOAD_PYTHON), "-m", "bench.load.spike", "--base", BASE, "--facts", facts_file,  # noqa: S603
                              "--first", str(first), "--learners", str(size), "--server-pid", str(server_pid)],
                             cwd=ROOT, capture_output=True, text=True, check=False)
        if run.returncode:
            raise RuntimeError(f"the spike of {size} stopped:\n{run.stderr}")
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
        print("spike:", results[-1], flush=True)
        first += size
        time.sleep(5)  # let the last requests' connections close before the next step
    return results


def spike_table(spikes: list[dict]) -> list[str]:
    lines = ["| learners | all on their first page (s) | start p50 / p95 / max (ms) | first page p50 / p95 / max (ms) "
             "| both p50 / p95 / max (ms) | errors | CPU s: app / PostgreSQL / generator | app CPU a learner (ms) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for spike in spikes:
        cells = [" / ".join(f"{spike[part][key]:,.0f}" for key in ("p50", "p95", "max"))
                 for part in ("start", "first_page", "learner")]
        kinds = ", ".join(f"{kind}: {count}" for kind, count in spike["error_kinds"].items())
        cpu = " / ".join(f"{spike[f'{part}_cpu_seconds']:.1f}" for part in ("app", "database", "generator"))
        lines.append(f"| {spike['learners']:,} | {spike['all_on_first_page_seconds']:.1f} | {' | '.join(cells)} | "
                     f"{spike['errors']:,}{f' ({kinds})' if kinds else ''} | {cpu} | "
                     f"{spike['app_cpu_seconds'] * 1000 / spike['learners']:.1f} |")
    lines += ["", f"CPU seconds are those used from the release until the last learner had its page; the machine's "
              f"{os.cpu_count()} CPUs offer {os.cpu_count()} × the time in that window, for all three."]
    return lines


def report(steps: list[dict], ceilings: list[tuple[str, float]], workers: int, memory: float,
           generator_cpu: float, spikes: list[dict]) -> str:
    versions = sh(str(ROOT / ".venv" / "bin" / "python"), "-c",
                  "import flask, sqlalchemy, gunicorn; print(flask.__version__, sqlalchemy.__version__, "
                  "gunicorn.__version__)", capture_output=True).stdout.split()
    postgres = sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "show server_version",
                  capture_output=True).stdout.strip()
    lines = [f"# Load test, {date.today().isoformat()}", "",
             f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, "
             f"Flask {versions[0]}, SQLAlchemy {versions[1]}, gunicorn {versions[2]} ({workers} sync workers), "
             f"PostgreSQL {postgres}; locust and wrk on the same machine.", "",
             "## Framework ceiling (wrk, 32 connections, 15 s each)", "",
             "| request | requests/s | ratio to the ceiling |", "|---|---:|---:|"]
    trivial = ceilings[0][1]
    for name, rps in ceilings:
        lines.append(f"| {name} | {rps:,.0f} | {rps / trivial:.2f} |")
    if spikes:
        lines += ["", "## Start spike (every learner presses \"Start\" within the same second, then opens the "
                  "first page; signed in beforehand)", ""] + spike_table(spikes)
    lines += ["", "## Quiz scenario (locust; each step held, figures of the holding time only)", "",
              "| simultaneous learners | requests/s | p50 (ms) | p95 (ms) | max (ms) | errors |",
              "|---:|---:|---:|---:|---:|---:|"]
    for step in steps:
        lines.append(f"| {step['users']:,} | {step['rps']:,.1f} | {step['p50']:,.0f} | {step['p95']:,.0f} | "
                     f"{step['max']:,.0f} | {step['failures']:,} of {step['requests']:,} |")
    good = [step for step in steps if step["p95"] < 300 and step["failures"] == 0]
    lines += ["", f"Largest worker memory (RSS) during the run: {memory:.0f} MB.",
              f"The load generator (locust) used {generator_cpu:.0%} of one CPU on average, on the same 2 CPUs.",
              f"Most simultaneous learners with p95 under 300 ms and no error: "
              f"{good[-1]['users']:,}." if good else "Most simultaneous learners with p95 under 300 ms: none."]
    if good:
        lines += ["", f"## Each request at {good[-1]['users']:,} learners", "",
                  "| request | count | p50 (ms) | p95 (ms) |", "|---|---:|---:|---:|"]
        for name, entry in sorted(good[-1]["by_name"].items()):
            if name != "Aggregated" and entry["requests"]:
                lines.append(f"| {name} | {entry['requests']:,} | {entry['p50']:,.0f} | {entry['p95']:,.0f} |")
    return "\n".join(lines) + "\n"


def chart(steps: list[dict], spikes: list[dict], path: Path) -> None:
    """The quiz scenario's steps on the left, the start spikes on the right; errors written beside each point."""
    script = f"""
import json, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
steps, spikes = json.loads({json.dumps(json.dumps(steps))}), json.loads({json.dumps(json.dumps(spikes))})
fig, (left, spike) = plt.subplots(1, 2, figsize=(12, 4.5))
users = [s["users"] for s in steps]
for key, mark in (("p50", "o-"), ("p95", "s-"), ("max", "v:")):
    left.plot(users, [s[key] for s in steps], mark, label=key + " (ms)")
for s in steps:
    left.annotate(f"{{s['failures']}} errors", (s["users"], s["p95"]), fontsize=7, textcoords="offset points",
                  xytext=(4, 4))
left.axhline(300, color="grey", linestyle="--", linewidth=1)
left.set_yscale("log"); left.set_xlabel("simultaneous learners (locust)"); left.set_ylabel("response time (ms)")
left.set_title("Quiz scenario")
right = left.twinx()
right.plot(users, [s["rps"] for s in steps], "^-", color="green", label="requests/s")
right.set_ylabel("requests/s")
left.legend(loc="upper left", fontsize=8); right.legend(loc="lower right", fontsize=8)
learners = [s["learners"] for s in spikes]
for key, mark in (("p50", "o-"), ("p95", "s-"), ("max", "v:")):
    spike.plot(learners, [s["learner"][key] for s in spikes], mark, label="start + first page, " + key + " (ms)")
for s in spikes:
    spike.annotate(f"{{s['errors']}} errors", (s["learners"], s["learner"]["p95"]), fontsize=7,
                   textcoords="offset points", xytext=(4, 4))
spike.axhline(1000, color="grey", linestyle="--", linewidth=1)
spike.set_xlabel("learners starting within the same second"); spike.set_ylabel("response time (ms)")
spike.set_title("Start spike"); spike.legend(loc="upper left", fontsize=8)
fig.tight_layout(); fig.savefig({str(path)!r}, dpi=110)
"""
    sh(str(LOAD_PYTHON), "-c", script)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default="500,1000,2000,3000,4000,5000")
    parser.add_argument("--spikes", default="500,1000,2000", help="learners starting the quiz at once, per spike")
    parser.add_argument("--hold", type=int, default=90, help="seconds each step is held")
    parser.add_argument("--spawn-rate", type=float, default=8.0, help="new learners signing in per second")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--ceiling-only", action="store_true", help="measure the ceiling (2 minutes), print it")
    parser.add_argument("--spike-only", action="store_true", help="run the spikes alone, print them")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    spikes_sizes = [int(n) for n in args.spikes.split(",") if n]
    # accounts: locust's from 0, then the spikes' (each learner starts one attempt), then wrk's 32
    spike_first = max(int(n) for n in args.steps.split(","))
    learners = spike_first + sum(spikes_sizes) + WRK_LEARNERS
    environment = app_environment(fresh_database())
    facts_file = str(OUT / "load-facts.json")
    sh(str(ROOT / ".venv" / "bin" / "python"), "-m", "bench.load.seed", "--learners", str(learners),
       "--out", facts_file, cwd=ROOT, env=environment, capture_output=True)
    facts = json.loads(Path(facts_file).read_text())
    gunicorn = start_gunicorn(environment, args.workers)
    watch = MemoryWatch(gunicorn.pid)
    watch.start()
    steps, ceilings, spikes, generator_cpu = [], [], [], 0.0
    try:
        if not args.spike_only:
            ceilings = ceiling(facts)
            print("ceiling:", ceilings, flush=True)
        if args.ceiling_only:
            for name, rps in ceilings:
                print(f"{name:26} {rps:7,.0f} requests/s  {rps / ceilings[0][1]:.2f} of the trivial route")
            return
        spikes = run_spikes(facts_file, spike_first, spikes_sizes, gunicorn.pid)
        if args.spike_only:
            print("\n".join(spike_table(spikes)))
            print(f"Largest worker memory (RSS): {watch.largest:.0f} MB")
            return
        steps, generator_cpu = run_locust(facts_file, str(OUT / "load-results.json"), args.steps, args.hold,
                                          args.spawn_rate)
    finally:
        watch.running = False
        stop_gunicorn(gunicorn)
    name = f"load-{date.today().isoformat()}"
    text_report = report(steps, ceilings, args.workers, watch.largest, generator_cpu, spikes)
    (OUT / f"{name}.md").write_text(text_report)
    if steps:
        chart(steps, spikes, OUT / f"{name}.png")
    print(text_report)
    sys.exit(0 if steps else 1)


if __name__ == "__main__":
    main()
