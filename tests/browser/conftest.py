"""Real Chromium (Debian's) driving the app served from a thread, with CSRF on as in production."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
# Chromium's calls home are refused on these machines' closed network; turn them off.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic",
]
BROWSER_TESTS = "tests/browser/"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """When Chromium leaves a page while a static file is still downloading, the development server
    drops the file unclosed in its thread; that warning is the server's, not the app's."""
    for item in items:
        if BROWSER_TESTS in item.nodeid:
            item.add_marker(pytest.mark.filterwarnings("ignore:unclosed file:ResourceWarning"))
            item.add_marker(pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium: Playwright cannot download its own browser here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture()
def live_server(app, other_app) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, served until the test ends; yields its base URL."""
    served = other_app(WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, served, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
