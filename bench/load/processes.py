"""What Linux's /proc tells about the server's processes: gunicorn's workers, PostgreSQL's, their memory and CPU.

Standard library only: the load generator's environment (.venv-load) reads it too.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's children: its workers (none once it has gone)."""
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def postgres_pids() -> list[int]:
    """Every process of the PostgreSQL server: its backends and its own helpers."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "postgres":
                found.append(int(entry.name))
        except OSError:  # gone meanwhile
            continue
    return found


def rss_mb(pid: int) -> float:
    """The process's resident memory, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pids: Iterable[int]) -> float:
    """CPU time (user and system) these processes have used so far; a process that has gone counts nothing."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime and stime, the stat file's 14th and 15th fields
    return ticks / os.sysconf("SC_CLK_TCK")
