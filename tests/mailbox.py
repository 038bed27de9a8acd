"""A real SMTP server for tests (aiosmtpd in a thread): what the app sends arrives here as mail."""
from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


class _Collect:
    """Keeps each message the server accepts. With `delay`, the server takes that long to accept, and
    (like a real server) a message whose sender hung up meanwhile was never accepted."""

    def __init__(self, messages: list[EmailMessage], delay: float = 0) -> None:
        self.messages, self.delay, self.started = messages, delay, 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        self.started += 1
        if self.delay:
            await asyncio.sleep(self.delay)
            if server.transport is None or server.transport.is_closing():
                return "451 The sender has gone"
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server(messages: list[EmailMessage] | None = None) -> Iterator[tuple[int, list[EmailMessage]]]:
    """(port, messages received so far) while the server runs."""
    with _running(_Collect(messages if messages is not None else [])) as (port, handler):
        yield port, handler.messages


@contextmanager
def slow_smtp_server(delay: float) -> Iterator[tuple[int, _Collect]]:
    """(port, handler): a server that takes `delay` seconds to accept each message; `handler.started`
    counts the messages it began to receive, `handler.messages` holds those it accepted."""
    with _running(_Collect([], delay)) as running:
        yield running


@contextmanager
def _running(handler: _Collect) -> Iterator[tuple[int, _Collect]]:
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()


class Mailbox(list):
    """What arrived at the test's SMTP server; `deliver()` first runs the jobs the app has queued
    (the worker's part: notifications are mailed by it, never inside the request)."""

    def __init__(self, app) -> None:
        super().__init__()
        self.app = app

    def deliver(self) -> Mailbox:
        from tests.jobs import run_queued_jobs  # noqa: PLC0415  (only tests that mail need the queue)
        run_queued_jobs(self.app)
        return self
