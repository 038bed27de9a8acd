"""Two app servers behind nginx: learners take the quiz while one server is killed and started again.

1. a fresh PostgreSQL database seeded as for the load test, and an admin (`flask lms create-admin`);
2. two app servers, each a copy of the app in a folder of its own (its own `instance/`), each gunicorn
   with the production settings, sharing PostgreSQL and Redis (rate limits and the job queue); one
   job worker (`flask lms worker`) mailing into an SMTP server of this script (aiosmtpd);
3. nginx (Debian's package) balancing the two, as `deploy/nginx.conf` describes;
4. the admin attaches a file to the lesson through server 1; learners take the quiz through nginx as
   in `make bench-faults` (every failed request sent again, two browsers submitting at once); a few
   seconds in, server 1's gunicorn master gets SIGKILL (its workers leave when they see it gone) and
   is started again; while it is down the admin writes to every learner through nginx and downloads
   the attachment through server 2;
5. checks, as `make bench-faults`: every acknowledged answer stored as acknowledged, one attempt per
   learner, none graded twice, no 500; every notification mailed exactly once; the attachment
   downloaded through server 2 (and through server 1 again after its restart) is the uploaded file.

    make bench-scale        # or: .venv/bin/python -m bench.load.scale --learners 80
Prints the figures and exits 1 when a check fails.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, text

from bench.load.faults import Browser, Learner, Statuses, check, csrf, take_quizzes
from bench.load.run import OUT, ROOT, app_environment, fresh_database, sh, start_gunicorn

SERVERS = {"server 1": 8124, "server 2": 8125}
BALANCER_PORT = 8130
BALANCER = f"http://127.0.0.1:{BALANCER_PORT}"
SMTP_PORT = 8126
ADMIN = ("admin@bench.example", "bench-admin-password-1")
COPIED = ("lms", "templates", "static", "translations", "bench", "config.py", "wsgi.py")
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


class Mailbox:
    """aiosmtpd's handler: the Message-ID of every message received, in order."""

    def __init__(self) -> None:
        self.message_ids: list[str] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802  (aiosmtpd's hook name)
        found = re.search(rb"^Message-ID:\s*(\S+)", envelope.content, re.M | re.I)
        self.message_ids.append(found.group(1).decode() if found else "")
        return "250 Message accepted for delivery"


def copy_app(folder: Path) -> Path:
    """A copy of the app as a server of its own would have it: code, templates, translations, no instance/."""
    folder.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(source, folder / name)
    return folder


def nginx_config(prefix: Path) -> Path:
    """deploy/nginx.conf with this run's ports and a prefix of its own for logs and temporary files."""
    prefix.mkdir()
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / name).mkdir(mode=0o777)
        (prefix / name).chmod(0o777)  # nginx's workers run as nobody when the master is root
    prefix.chmod(0o755)
    upstreams = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=3s;" for port in SERVERS.values())
    config = NGINX_CONF.read_text()
    for example, here in (("    server 10.0.0.11:8000 max_fails=1 fail_timeout=3s;\n"
                           "    server 10.0.0.12:8000 max_fails=1 fail_timeout=3s;", upstreams),
                          ("listen 80;", f"listen 127.0.0.1:{BALANCER_PORT};")):
        if example not in config:  # else nginx would balance the example's addresses, not this run's servers
            raise RuntimeError(f"{NGINX_CONF} no longer holds {example.strip()!r}: update nginx_config")
        config = config.replace(example, here)
    lines = [f"pid {prefix}/nginx.pid;", f"error_log {prefix}/error.log warn;", "worker_processes 1;",
             "events { worker_connections 4096; }", "http {",
             "  log_format upstream '$status $upstream_addr $request_method $uri';",
             f"  access_log {prefix}/access.log upstream;",
             *(f"  {name}_temp_path {prefix}/{folder};" for name, folder in
               (("client_body", "body"), ("proxy", "proxy"), ("fastcgi", "fastcgi"), ("uwsgi", "uwsgi"),
                ("scgi", "scgi"))),
             config, "}"]
    path = prefix / "nginx.conf"
    path.write_text("\n".join(lines) + "\n")
    return path


def start_nginx(config: Path, prefix: Path) -> subprocess.Popen:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    sh(nginx, "-t", "-q", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config))
    process = subprocess.Popen([nginx, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config),  # noqa: S603
                                "-g", "daemon off;"])
    for _ in range(40):
        try:
            Browser(Statuses(), BALANCER).get("/healthz")
            return process
        except Exception:  # noqa: BLE001  (not listening yet)
            time.sleep(0.25)
    raise RuntimeError("nginx did not answer")


def multipart(fields: dict[str, str], file_field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body and its Content-Type, as a browser's form with a file sends it."""
    boundary = secrets.token_hex(16)
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
                 f"Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class Admin:
    """The admin's browser: one cookie jar used through nginx and through each server directly."""

    def __init__(self, statuses: Statuses, facts: dict) -> None:
        self.browser, self.facts = Browser(statuses, BALANCER), facts
        self.browser.sign_in(*ADMIN)

    def through(self, base: str) -> Browser:
        self.browser.base = base
        return self.browser

    def attach(self, base: str, content: bytes) -> str:
        """Attach a PDF to the lesson through `base`; returns the download path."""
        edit = f"/courses/{self.facts['slug']}/manage/modules/{self.facts['lesson_module_id']}"
        _, page = self.through(base).get(edit)
        body, content_type = multipart({"csrf_token": csrf(page)}, "file", "handout.pdf", content)
        _, page = self.through(base).send(f"{edit}/attachments", body, {"Content-Type": content_type})
        link = re.search(rf'href="(/courses/{self.facts["slug"]}/modules/\d+/files/\d+)"', page)
        if not link:
            raise RuntimeError("the attachment's link is not on the module's page")
        return link.group(1)

    def download(self, base: str, path: str) -> bytes:
        # the body as bytes (Browser.send decodes text), with the admin's cookies
        with self.browser.opener.open(urllib.request.Request(base + path), timeout=30) as response:  # noqa: S310
            return response.read()

    def write_to_learners(self) -> None:
        messages = f"/courses/{self.facts['slug']}/manage/messages"
        _, page = self.through(BALANCER).get(messages)
        self.browser.send(messages, urllib.parse.urlencode({
            "csrf_token": csrf(page), "status": "", "country": "", "organisation": "0",
            "subject_en": "Results tomorrow", "body_en": "The quiz's results are discussed tomorrow at 10:00.",
        }).encode())


class ServerKiller(threading.Thread):
    """SIGKILL server 1's gunicorn master after `after` seconds; start it again `down_for` seconds later."""

    def __init__(self, servers: dict[str, subprocess.Popen], start, after: float, down_for: float,
                 while_down) -> None:
        super().__init__(daemon=True)
        self.servers, self.start_server, self.after, self.down_for = servers, start, after, down_for
        self.while_down, self.events, self.error = while_down, [], ""

    def run(self) -> None:
        try:
            time.sleep(self.after)
            self.servers["server 1"].send_signal(signal.SIGKILL)
            self.servers["server 1"].wait()
            self.events.append(f"server 1's master killed (SIGKILL) at {self.after:.0f} s")
            self.while_down()
            time.sleep(self.down_for)
            self.servers["server 1"] = self.start_server("server 1")
            self.events.append(f"server 1 answering again after {self.down_for:.0f} s and a start")
        except Exception as error:  # noqa: BLE001  (reported with the figures)
            self.error = f"{type(error).__name__}: {error}"


def notification_figures(database_url: str, mailbox: Mailbox) -> dict[str, int]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT unique_key, mail_state FROM notifications WHERE kind = 'course_message'")).all()
    engine.dispose()
    received = Counter(mailbox.message_ids)
    keys = {key.replace(":", ".") for key, _ in rows}
    mailed = Counter()
    for message_id, count in received.items():
        key = message_id.strip("<>").split("@")[0]
        matched = next((k for k in keys if key.endswith(k)), None)
        if matched:
            mailed[matched] += count
    return {"notifications written": len(rows),
            "notifications marked sent": sum(state == "sent" for _, state in rows),
            "notifications mailed exactly once": sum(mailed[key] == 1 for key in keys),
            "notifications mailed twice or more": sum(mailed[key] > 1 for key in keys),
            "messages received": len(mailbox.message_ids)}


def upstream_counts(access_log: Path) -> Counter[str]:
    """How many requests nginx passed to each server, from its access log (a failed try counts too)."""
    names = {f"127.0.0.1:{port}": name for name, port in SERVERS.items()}
    counts: Counter[str] = Counter()
    for line in access_log.read_text().splitlines():
        for address in re.findall(r"127\.0\.0\.1:\d+", line.split(" ", 2)[1] if " " in line else ""):
            counts[names.get(address, address)] += 1
    return counts


def stop(process: subprocess.Popen, how: signal.Signals) -> None:
    if process.poll() is None:
        process.send_signal(how)
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=80)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each app server")
    parser.add_argument("--kill-after", type=float, default=12.0, help="seconds before server 1 is killed")
    parser.add_argument("--down-for", type=float, default=8.0, help="seconds server 1 stays down")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="telim-scale-"))
    database_url = fresh_database("telim_scale")
    queue = f"telim-scale-{os.getpid()}"  # a queue of this run's own on the shared Redis
    environment = {**app_environment(database_url), "PROXY_COUNT": "1", "QUEUE_URL": "redis://127.0.0.1:6379/7",
                   "QUEUE_NAME": queue, "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(SMTP_PORT),
                   "MAIL_USE_TLS": "0"}
    facts_file = str(OUT / "scale-facts.json")
    sh(str(ROOT / ".venv" / "bin" / "python"), "-m", "bench.load.seed", "--learners", str(args.learners),
       "--out", facts_file, cwd=ROOT, env=environment, capture_output=True)
    sh(str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi", "lms", "create-admin", "--email", ADMIN[0],
       "--name", "Bench Admin", "--password", ADMIN[1], cwd=ROOT, env=environment, capture_output=True)
    facts = json.loads(Path(facts_file).read_text())
    copies = {name: copy_app(folder / name.replace(" ", "-")) for name in (*SERVERS, "worker")}

    def start(name: str) -> subprocess.Popen:
        return start_gunicorn(environment, args.workers, SERVERS[name], copies[name],
                              f"scale-{name.replace(' ', '-')}.log")

    mailbox, statuses = Mailbox(), Statuses()
    servers: dict[str, subprocess.Popen] = {}
    with contextlib.ExitStack() as running:  # whatever started is stopped, also when a step fails
        smtp = Controller(mailbox, hostname="127.0.0.1", port=SMTP_PORT)
        smtp.start()
        running.callback(smtp.stop)
        running.callback(lambda: [stop(process, signal.SIGTERM) for process in servers.values()])
        servers.update({name: start(name) for name in SERVERS})
        worker = subprocess.Popen([str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi", "lms", "worker"],  # noqa: S603
                                  cwd=copies["worker"], env={**environment, "PYTHONPATH": str(copies["worker"])},
                                  stdout=subprocess.DEVNULL, stderr=open(OUT / "scale-worker.log", "w"))  # noqa: SIM115
        running.callback(stop, worker, signal.SIGINT)
        nginx = start_nginx(nginx_config(folder / "nginx"), folder / "nginx")
        running.callback(stop, nginx, signal.SIGQUIT)
        admin = Admin(statuses, facts)
        handout = b"%PDF-1.4\n" + secrets.token_bytes(300_000) + b"\n%%EOF\n"
        downloads: dict[str, bool] = {}
        attachment = admin.attach(f"http://127.0.0.1:{SERVERS['server 1']}", handout)

        def while_down() -> None:
            admin.write_to_learners()
            downloads["through server 2 while server 1 was down"] = admin.download(
                f"http://127.0.0.1:{SERVERS['server 2']}", attachment) == handout

        killer = ServerKiller(servers, start, args.kill_after, args.down_for, while_down)
        learners = [Learner(n) for n in range(args.learners)]
        killer.start()
        retries, seconds = take_quizzes(learners, facts, statuses, BALANCER)
        killer.join()
        downloads["through server 1 after its restart"] = admin.download(
            f"http://127.0.0.1:{SERVERS['server 1']}", attachment) == handout
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the worker mails the message to every learner
            mail = notification_figures(database_url, mailbox)
            if mail["notifications written"] and mail["notifications marked sent"] == mail["notifications written"]:
                break
            time.sleep(1)
        time.sleep(2)  # a message mailed twice would arrive now
    answers = check(learners, database_url)
    mail = notification_figures(database_url, mailbox)
    passed_to = upstream_counts(folder / "nginx" / "access.log")
    stuck = [learner.error for learner in learners if learner.error]
    print(f"{args.learners} learners through nginx to 2 app servers ({args.workers} gunicorn workers each), "
          f"{seconds:.0f} s")
    for event in killer.events:
        print(" ", event)
    print("requests nginx passed on:", ", ".join(f"{name}: {count}" for name, count in sorted(passed_to.items())))
    print("responses:", ", ".join(f"{status}: {count}" for status, count in sorted(statuses.counts.items())))
    print(f"requests sent again after a failure: {sum(retries.values())}; learners who could not finish: {len(stuck)}")
    for name, value in {**answers, **mail}.items():
        print(f"{name}: {value}")
    for name, same in downloads.items():
        print(f"attachment uploaded through server 1, downloaded {name}: {'identical' if same else 'DIFFERENT'}")
    for error in [*stuck[:5], killer.error]:
        if error:
            print("  ", error)
    failed = (stuck or killer.error or statuses.counts["500"] or len(killer.events) < 2
              or answers["answers acknowledged"] != answers["acknowledged answers stored as acknowledged"]
              or answers["learners with more than one attempt"] or answers["attempts not submitted"]
              or answers["attempts graded by two submits"] or answers["scores that differ from the stored answers"]
              or mail["notifications written"] != args.learners
              or mail["notifications mailed exactly once"] != mail["notifications written"]
              or not all(downloads.values()) or len(downloads) < 2)
    print("FAILED" if failed else "OK: every acknowledged answer stored, every attempt graded once, "
          "every notification mailed once, the attachment served by both servers")
    shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
