"""Jitsi Meet room names and JWTs: pure functions of the configuration, the session and the user.

Two modes, as the deployment says: a self-hosted Jitsi Meet whose Prosody checks HS256 tokens
with a shared secret, or 8x8's JaaS, which checks RS256 tokens signed with the tenant's key.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from config import ConfigError

SELF_HOSTED = "self_hosted"
JAAS = "jaas"
JAAS_DOMAIN = "8x8.vc"
MIN_SECRET_BYTES = 32  # PyJWT, and good sense, want at least this much for HS256


class JitsiConfigError(ConfigError, ValueError):
    """The Jitsi settings cannot produce tokens a server would accept."""


@dataclass(frozen=True)
class JitsiConfig:
    mode: str
    domain: str
    app_id: str
    app_secret: str = ""
    audience: str = "jitsi"
    subject: str = ""  # self-hosted: the XMPP domain or tenant; defaults to the meeting domain
    private_key: str = ""  # JaaS: the PEM of the key whose public half 8x8 holds
    key_id: str = ""  # JaaS: that key's id
    nbf_backdate_seconds: int = 60
    exp_grace_minutes: int = 30
    opens_minutes_before: int = 15

    def check(self) -> None:
        """Raise JitsiConfigError for settings no Jitsi server would accept."""
        if self.mode == SELF_HOSTED:
            if not self.domain or not self.app_id:
                raise JitsiConfigError("JITSI_DOMAIN and JITSI_APP_ID are needed")
            if len(self.app_secret.encode()) < MIN_SECRET_BYTES:
                raise JitsiConfigError(f"JITSI_APP_SECRET must be at least {MIN_SECRET_BYTES} bytes")
        elif self.mode == JAAS:
            if not self.app_id or not self.key_id or "PRIVATE KEY" not in self.private_key:
                raise JitsiConfigError("JaaS needs JITSI_APP_ID, JITSI_KEY_ID and a private key file")
        else:
            raise JitsiConfigError(f"unknown JITSI_MODE {self.mode!r}")

    @property
    def meeting_domain(self) -> str:
        return JAAS_DOMAIN if self.mode == JAAS else self.domain

    @property
    def tenant(self) -> str:
        """JaaS rooms live under the tenant, "vpaas-magic-cookie-<app id>"."""
        return f"vpaas-magic-cookie-{self.app_id}"


@dataclass(frozen=True)
class Participant:
    id: int | str  # a user's id, or "guest-<invite>" for a guest without an account
    name: str
    email: str
    avatar: str = ""
    moderator: bool = False  # decided on the server from course roles, never from a request


@dataclass(frozen=True)
class Window:
    """When a session's room may be entered: from a while before its start until its end."""

    starts_at: datetime
    ends_at: datetime

    def opens_at(self, config: JitsiConfig) -> datetime:
        return self.starts_at - timedelta(minutes=config.opens_minutes_before)

    def is_open(self, config: JitsiConfig, now: datetime) -> bool:
        return self.opens_at(config) <= now < self.ends_at


def room_name(room_secret: str) -> str:
    """A room name from the session's random secret: [a-z0-9-] only, unguessable, stable."""
    if not room_secret:
        raise ValueError("a session needs a room secret")
    return "telim-" + hashlib.sha256(room_secret.encode()).hexdigest()[:24]


def claims(config: JitsiConfig, room: str, window: Window, who: Participant, now: datetime) -> dict[str, Any]:
    """The token's payload, in the format Jitsi's token plugin (or JaaS) checks."""
    user: dict[str, Any] = {"id": str(who.id), "name": who.name, "email": who.email}
    if who.avatar:
        user["avatar"] = who.avatar
    user = {key: value for key, value in user.items() if value}  # the plugin rejects empty values
    if who.moderator:
        user.update(moderator="true", affiliation="owner", lobby_bypass=True)
    else:
        user["affiliation"] = "member"
    payload: dict[str, Any] = {
        "room": room,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()) - config.nbf_backdate_seconds,  # Prosody allows no clock skew
        "exp": int((window.ends_at + timedelta(minutes=config.exp_grace_minutes)).timestamp()),
        "context": {"user": user},
    }
    if config.mode == JAAS:
        payload.update(aud="jitsi", iss="chat", sub=config.tenant)
        flag = "true" if who.moderator else "false"
        payload["context"]["features"] = {"livestreaming": flag, "recording": flag,
                                          "transcription": "false", "outbound-call": "false"}
    else:
        payload.update(aud=config.audience, iss=config.app_id, sub=config.subject or config.domain)
    if who.moderator:
        payload["moderator"] = True
    return payload


def token(config: JitsiConfig, room: str, window: Window, who: Participant, now: datetime) -> str:
    """A signed token for `who` to enter `room` (HS256 self-hosted, RS256 with kid for JaaS)."""
    import jwt  # here, not at the top: PyJWT loads cryptography (10 MB), which only live sessions' pages need

    payload = claims(config, room, window, who, now)
    if config.mode == JAAS:
        return jwt.encode(payload, config.private_key, algorithm="RS256",
                          headers={"kid": f"{config.tenant}/{config.key_id}", "typ": "JWT"})
    return jwt.encode(payload, config.app_secret, algorithm="HS256", headers={"typ": "JWT"})


def meeting_url(config: JitsiConfig, room: str, jwt_token: str | None = None) -> str:
    """The room's address on the meeting server, with the token when given."""
    path = f"{config.tenant}/{room}" if config.mode == JAAS else room
    url = f"https://{config.meeting_domain}/{path}"
    return f"{url}?jwt={quote(jwt_token)}" if jwt_token else url


def room_path(config: JitsiConfig, room: str) -> str:
    """The room as the IFrame API names it ("tenant/room" on JaaS)."""
    return f"{config.tenant}/{room}" if config.mode == JAAS else room
