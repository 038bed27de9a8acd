"""`flask lms jitsi-token`: a meeting token as the site would issue it, to test a Jitsi server."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import click

from lms import clock
from lms.auth import services as accounts
from lms.cli import command
from lms.courses.permissions import can_edit_course, can_open_modules
from lms.extensions import db
from lms.live import jitsi
from lms.live.models import LiveSession
from lms.live.settings import jitsi_config


@command("jitsi-token")
@click.argument("session_id", type=int)
@click.argument("email")
@click.option("--any-time", is_flag=True, help="Outside the session's window: a token valid from now for as long "
                                               "as the session lasts, to test a Jitsi server.")
@click.option("--anyone", is_flag=True, help="For someone who is not one of the course's people.")
def jitsi_token(session_id: int, email: str, any_time: bool, anyone: bool) -> None:
    """Print a token for EMAIL to join live session SESSION_ID, its decoded claims and the meeting link.

    As the site does, only for the course's people and only inside the session's window, unless
    --anyone or --any-time says otherwise.
    """
    session = db.session.get(LiveSession, session_id)
    user = accounts.find_user_by_email(email)
    if session is None or user is None:
        raise click.ClickException("Unknown session or e-mail address.")
    course = session.module.course
    if not anyone and not can_open_modules(user, course):
        raise click.ClickException(f"{email} is not one of the people of course {course.slug!r}; "
                                   "use --anyone to make a token all the same.")
    config, now = jitsi_config(), clock.now()
    window = jitsi.Window(session.starts_at, session.ends_at)
    if not window.is_open(config, now):
        if not any_time:
            raise click.ClickException(
                f"The session's window is closed now: it opens {window.opens_at(config):%Y-%m-%d %H:%M} UTC "
                f"and closes {session.ends_at:%Y-%m-%d %H:%M} UTC. Use --any-time for a token valid from now.")
        window = jitsi.Window(now, now + (session.ends_at - session.starts_at))
    room = jitsi.room_name(session.room_secret)
    who = jitsi.Participant(id=user.id, name=user.name, email=user.email,
                            moderator=can_edit_course(user, course))
    signed = jitsi.token(config, room, window, who, now)
    import jwt as pyjwt  # only this command reads a token back (see jitsi.token)

    claims = pyjwt.decode(signed, options={"verify_signature": False})
    click.echo(signed)
    click.echo(json.dumps({"header": pyjwt.get_unverified_header(signed), "claims": claims},
                          ensure_ascii=False, indent=2))
    for name in ("nbf", "exp"):
        click.echo(f"{name}: {datetime.fromtimestamp(claims[name], UTC):%Y-%m-%d %H:%M:%S} UTC")
    click.echo(jitsi.meeting_url(config, room, signed))


COMMANDS = (jitsi_token,)
