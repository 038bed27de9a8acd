"""Jitsi tokens, checked claim by claim and by a second JWT library in both modes."""
import json
import re
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto import jwk
from jwcrypto import jwt as jwcrypto_jwt

from lms.live.jitsi import (
    JAAS,
    SELF_HOSTED,
    JitsiConfig,
    JitsiConfigError,
    Participant,
    Window,
    claims,
    meeting_url,
    room_name,
    token,
)

SECRET = "s" * 40
# Relative to the real clock: the second library checks nbf and exp against it.
START = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=5)
WINDOW = Window(START, START + timedelta(hours=1))
NOW = START - timedelta(minutes=5)
LEARNER = Participant(id=7, name="Gülşən İsmayılova", email="gulshen@example.org")
TRAINER = Participant(id=2, name="Rəşad Məmmədli", email="reshad@example.org", moderator=True)
SELF = JitsiConfig(mode=SELF_HOSTED, domain="meet.example.org", app_id="telim", app_secret=SECRET)


@pytest.fixture(scope="module")
def jaas():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return JitsiConfig(mode=JAAS, domain="", app_id="abc123", private_key=pem, key_id="key1"), public


def test_room_names_are_safe_stable_and_unguessable():
    name = room_name("a random secret")
    assert re.fullmatch(r"[a-z0-9-]+", name) and name == room_name("a random secret")
    assert name != room_name("another secret") and name != "*"


def test_self_hosted_token_claim_by_claim():
    encoded = token(SELF, "telim-room", WINDOW, LEARNER, NOW)
    assert jwt.get_unverified_header(encoded) == {"alg": "HS256", "typ": "JWT"}
    payload = jwt.decode(encoded, SECRET, algorithms=["HS256"], audience="jitsi",
                         options={"verify_nbf": False, "verify_exp": False, "verify_iat": False})
    assert payload["aud"] == "jitsi" and isinstance(payload["aud"], str)
    assert (payload["iss"], payload["sub"], payload["room"]) == ("telim", "meet.example.org", "telim-room")
    assert all(isinstance(payload[name], int) for name in ("iat", "nbf", "exp"))
    assert payload["nbf"] == int(NOW.timestamp()) - 60  # backdated: Prosody allows no skew
    assert payload["exp"] == int((WINDOW.ends_at + timedelta(minutes=30)).timestamp())
    assert payload["context"]["user"] == {"id": "7", "name": "Gülşən İsmayılova", "email": "gulshen@example.org",
                                          "affiliation": "member"}
    assert "moderator" not in payload


def test_only_moderators_get_moderator_claims():
    payload = claims(SELF, "r", WINDOW, TRAINER, NOW)
    assert payload["moderator"] is True
    assert payload["context"]["user"]["moderator"] == "true"
    assert payload["context"]["user"]["affiliation"] == "owner"
    assert payload["context"]["user"]["lobby_bypass"] is True


def test_empty_fields_are_left_out():
    payload = claims(SELF, "r", WINDOW, Participant(id=1, name="A", email=""), NOW)
    assert "email" not in payload["context"]["user"] and "avatar" not in payload["context"]["user"]


def test_a_second_library_accepts_the_self_hosted_token():
    key = jwk.JWK(kty="oct", k=jwk.base64url_encode(SECRET.encode()))
    checked = jwcrypto_jwt.JWT(jwt=token(SELF, "telim-room", WINDOW, TRAINER, NOW), key=key,
                               check_claims={"aud": "jitsi", "iss": "telim"}, expected_type="JWS")
    assert json.loads(checked.claims)["context"]["user"]["id"] == "2"


def test_jaas_token_claim_by_claim_and_by_a_second_library(jaas):
    config, public_pem = jaas
    encoded = token(config, "telim-room", WINDOW, TRAINER, NOW)
    assert jwt.get_unverified_header(encoded) == {"alg": "RS256", "kid": "vpaas-magic-cookie-abc123/key1",
                                                  "typ": "JWT"}
    payload = jwt.decode(encoded, public_pem, algorithms=["RS256"], audience="jitsi",
                         options={"verify_nbf": False, "verify_exp": False, "verify_iat": False})
    assert (payload["iss"], payload["sub"]) == ("chat", "vpaas-magic-cookie-abc123")
    assert payload["context"]["features"] == {"livestreaming": "true", "recording": "true",
                                              "transcription": "false", "outbound-call": "false"}
    learner_features = claims(config, "r", WINDOW, LEARNER, NOW)["context"]["features"]
    assert set(learner_features.values()) == {"false"}
    checked = jwcrypto_jwt.JWT(jwt=encoded, key=jwk.JWK.from_pem(public_pem),
                               check_claims={"aud": "jitsi", "iss": "chat"}, expected_type="JWS")
    assert json.loads(checked.claims)["room"] == "telim-room"
    assert meeting_url(config, "telim-room") == "https://8x8.vc/vpaas-magic-cookie-abc123/telim-room"


@pytest.mark.parametrize(("moment", "open_"), [
    (START - timedelta(minutes=15, seconds=1), False),
    (START - timedelta(minutes=15), True),
    (START + timedelta(minutes=59, seconds=59), True),
    (START + timedelta(hours=1), False),
])
def test_window_edges(moment, open_):
    assert WINDOW.is_open(SELF, moment) is open_


@pytest.mark.parametrize("config", [
    JitsiConfig(mode=SELF_HOSTED, domain="meet.example.org", app_id="telim", app_secret="short"),
    JitsiConfig(mode=SELF_HOSTED, domain="", app_id="telim", app_secret=SECRET),
    JitsiConfig(mode=JAAS, domain="", app_id="abc", key_id="k", private_key="not a key"),
    JitsiConfig(mode="zoom", domain="x", app_id="y", app_secret=SECRET),
])
def test_settings_no_server_would_accept_are_refused(config):
    with pytest.raises(JitsiConfigError):
        config.check()


def test_meeting_url_carries_the_token():
    assert meeting_url(SELF, "telim-room", "a.b.c") == "https://meet.example.org/telim-room?jwt=a.b.c"
