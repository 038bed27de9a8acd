"""Benchmark: does a failed sign-in take as long for an unknown address as for a wrong password?

With the production hashing (scrypt), times POST /auth/login in process for three cases: an
existing account with a wrong password, an address that has no account, and a correct sign-in.
Prints the median and the spread of each; the first two should be close (an unknown address once
took 3–13 ms against 83–131 ms, which told anyone which addresses have accounts).

    python -m bench.sign_in_timing [--runs 40]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from config import TestConfig
from lms import create_app
from lms.auth import services as accounts
from lms.extensions import db
from lms.schema import upgrade

PASSWORD = "a long enough password"  # noqa: S105  (a benchmark account's)  # nosec B105


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
                         PASSWORD_HASH_METHOD="scrypt")
        with app.app_context():
            upgrade()
            accounts.create_user(email="known@example.org", name="Known", password=PASSWORD)
            db.session.commit()
        client = app.test_client()
        cases = {"wrong password": ("known@example.org", "not the password"),
                 "unknown address": ("nobody@example.org", "not the password"),
                 "correct sign-in": ("known@example.org", PASSWORD)}
        for label, (email, password) in cases.items():
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                client.post("/auth/login", data={"email": email, "password": password})
                times.append((time.perf_counter() - started) * 1000)
                client.post("/auth/logout")
            times.sort()
            print(f"{label:16} median {statistics.median(times):6.1f} ms   "
                  f"10–90 %: {times[len(times) // 10]:6.1f}–{times[len(times) * 9 // 10]:6.1f} ms   ({runs} runs)")


if __name__ == "__main__":
    main()
