"""The app's Jitsi settings as a checked JitsiConfig, made once at start-up."""
from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask, current_app

from lms.live.jitsi import JAAS, JitsiConfig

SECRET_FILE = "jitsi-secret"  # noqa: S105  (a file name in instance/, not a secret)  # nosec B105


def init_jitsi(app: Flask) -> None:
    """Build and check the Jitsi settings; refuse to start with settings no server would accept."""
    config = app.config
    secret = config["JITSI_APP_SECRET"]
    if not secret and config["JITSI_MODE"] != JAAS and not config["JITSI_REQUIRE_SECRET"]:
        secret = _instance_secret(Path(app.instance_path) / SECRET_FILE)
    private_key = ""
    if config["JITSI_MODE"] == JAAS and config["JITSI_PRIVATE_KEY_FILE"]:
        private_key = Path(config["JITSI_PRIVATE_KEY_FILE"]).read_text(encoding="utf-8")
    jitsi = JitsiConfig(
        mode=config["JITSI_MODE"], domain=config["JITSI_DOMAIN"], app_id=config["JITSI_APP_ID"],
        app_secret=secret, audience=config["JITSI_AUDIENCE"], subject=config["JITSI_SUBJECT"],
        private_key=private_key, key_id=config["JITSI_KEY_ID"],
        nbf_backdate_seconds=config["JITSI_NBF_BACKDATE_SECONDS"],
        exp_grace_minutes=config["JITSI_EXP_GRACE_MINUTES"],
        opens_minutes_before=config["JITSI_OPENS_MINUTES_BEFORE"],
    )
    jitsi.check()
    app.extensions["jitsi"] = jitsi


def jitsi_config() -> JitsiConfig:
    return current_app.extensions["jitsi"]


def _instance_secret(path: Path) -> str:
    """A random secret made on first run and kept in instance/ (never in the repository)."""
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()
