"""The `flask lms ...` commands: accounts, the demo, courses and questions in and out, catalogues."""
from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

import click
import jwt as pyjwt
from flask import current_app

from lms import clock, demo, i18n_tools
from lms.auth import services as accounts
from lms.auth.models import Role
from lms.certificates.grounds import certificates_in_doubt
from lms.courses import transfer
from lms.courses.permissions import can_edit_course, can_open_modules
from lms.courses.queries import course_outline
from lms.errors import DomainError
from lms.extensions import db
from lms.i18n import TRANSLATED_LOCALES
from lms.json_input import load_json
from lms.live import jitsi
from lms.live.models import LiveSession
from lms.live.settings import jitsi_config
from lms.quizzes import services as quiz_services
from lms.quizzes.problems import problem_message


@click.group("lms")
def lms_cli() -> None:
    """Təlim LMS administration."""


@lms_cli.command("create-admin")
@click.option("--email", prompt=True, help="The admin's e-mail address.")
@click.option("--name", prompt=True, help="The admin's full name.")
@click.password_option(help="Asked for without echo when not given.")
def create_admin(email: str, name: str, password: str) -> None:
    """Create an administrator account."""
    try:
        user = accounts.create_user(email=email, name=name, password=password, role=Role.ADMIN)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Administrator {user.email} created.")


@lms_cli.command("demo")
@click.option("--password", default=None, help="Give every demo account this password.")
def load_demo(password: str | None) -> None:
    """Create (or refresh) the demo organisations, accounts and course."""
    result = demo.load(password)
    db.session.commit()
    click.echo(f"Demo ready on {current_app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]}:")
    click.echo(f"  {len(result.organisations)} organisations, {len(result.users)} accounts, "
               f"course '{result.course.slug}' (starting today) and its finished previous cohort "
               f"'{result.previous.slug}', where learner10 holds the certificate")
    click.echo("  Sign in with any of these accounts and this password:")
    click.echo(f"    password: {result.password}")
    for user in result.users:
        click.echo(f"    {user.email:28} {user.role.value}")


@lms_cli.group("translate")
def translate() -> None:
    """Translation catalogues (az, en, ru)."""


@translate.command("update")
def translate_update() -> None:
    """Extract strings from the code and merge them into every catalogue."""
    i18n_tools.update()


@translate.command("compile")
def translate_compile() -> None:
    """Compile the catalogues into the .mo files the app reads."""
    i18n_tools.compile_catalogues()


@translate.command("stats")
def translate_stats() -> None:
    """Print how many strings each translated language lacks (English is the source)."""
    for locale in TRANSLATED_LOCALES:
        stats = i18n_tools.catalogue_stats(locale)
        click.echo(f"{locale}: {stats.total} strings, {stats.untranslated} untranslated, {stats.fuzzy} fuzzy")


@lms_cli.command("export-course")
@click.argument("slug")
@click.argument("file", type=click.File("w", encoding="utf-8"))
def export_course(slug: str, file) -> None:
    """Write the course SLUG, with every translation, to FILE as JSON ("-" for standard output)."""
    course = course_outline(slug)
    if course is None:
        raise click.ClickException(f"No course has the address {slug!r}.")
    json.dump(transfer.export_course(course), file, ensure_ascii=False, indent=2)
    click.echo(f"Exported {slug}: {len(course.days)} days, "
               f"{sum(len(day.modules) for day in course.days)} modules.", err=True)


@lms_cli.command("import-course")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--slug", required=True, help="The new course's address.")
@click.option("--starts-on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="A new start date (YYYY-MM-DD); opening times move with it.")
def import_course(file, slug: str, starts_on) -> None:
    """Create a new draft course from a FILE exported with export-course."""
    try:
        course = transfer.import_course(load_json(file.read()), slug=slug,
                                        starts_on=starts_on.date() if starts_on else None)
    except (ValueError, DomainError) as error:
        db.session.rollback()
        raise click.ClickException(getattr(error, "message", f"Not a JSON file: {error}")) from error
    db.session.commit()
    click.echo(f"Imported as draft course {course.slug}: {len(course.days)} days, "
               f"{sum(len(day.modules) for day in course.days)} modules.")


@lms_cli.command("import-questions")
@click.argument("slug")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--format", "fmt", type=click.Choice(["gift", "aiken"]), default="gift", show_default=True)
@click.option("--language", default=None, help="The language of the questions (default: the course's original).")
@click.option("--skip-unsupported", is_flag=True,
              help="Leave out essays, descriptions and matching distractors (listed with their lines) "
                   "instead of refusing the file.")
def import_questions(slug: str, file, fmt: str, language: str | None, skip_unsupported: bool) -> None:
    """Add the questions of a GIFT or Aiken FILE to the course's bank; nothing when any line fails."""
    course = course_outline(slug)
    if course is None:
        raise click.ClickException(f"No course has the address {slug!r}.")
    try:
        if skip_unsupported:
            questions, skipped = quiz_services.import_supported_questions(course, file.read(), fmt, language)
            for problem in skipped:
                click.echo(f"skipped, line {problem.line}: {problem_message(problem)}", err=True)
        else:
            questions = quiz_services.import_questions(course, file.read(), fmt, language)
        counts = Counter(q.kind for q in questions)
    except quiz_services.ImportFailed as failed:
        db.session.rollback()
        for problem in failed.problems:
            click.echo(f"line {problem.line}: {problem_message(problem)}", err=True)
        raise click.ClickException(f"{len(failed.problems)} problem(s); nothing was imported.") from None
    db.session.commit()
    for kind, count in sorted(counts.items()):
        click.echo(f"{kind.value}: {count}")
    click.echo(f"Imported {sum(counts.values())} questions into {slug}.")


@lms_cli.command("close-overdue-attempts")
def close_overdue_attempts() -> None:
    """Submit every quiz attempt whose time is up, with the answers saved so far (run it from cron)."""
    closed = quiz_services.close_overdue_attempts(clock.now())
    db.session.commit()
    click.echo(f"Closed {closed} overdue attempt(s).")


@lms_cli.command("check-certificates")
def check_certificates() -> None:
    """List standing certificates whose learner no longer meets the course's rule; revokes nothing.

    Quiz modules count only with a submitted attempt at the pass mark, live modules only with
    recorded attendance. Exits with status 1 when any certificate is listed, so a cron job can alert.
    """
    doubts = certificates_in_doubt()
    for doubt in doubts:
        certificate, enrollment = doubt.certificate, doubt.certificate.enrollment
        how = "by hand" if certificate.issued_by_id else "automatically"
        click.echo(f"{certificate.code}  {enrollment.user.email}  {enrollment.course.slug}  "
                   f"issued {how} {certificate.issued_at:%Y-%m-%d}")
        click.echo(f"    not met: {', '.join(unmet.value for unmet in doubt.unmet)}")
        for module in doubt.unsupported:
            evidence = "no passing attempt" if module.kind.value == "quiz" else "no attendance"
            where = f"day {module.day.number}, {module.kind.value}"
            click.echo(f"    module {module.id} ({where}) complete with {evidence}")
    if not doubts:
        click.echo("Every standing certificate meets its course's rule.")
        return
    raise click.ClickException(f"{len(doubts)} certificate(s) to review; revoke them on the course's "
                               "certificates page if they were not earned.")


@lms_cli.command("jitsi-token")
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
    claims = pyjwt.decode(signed, options={"verify_signature": False})
    click.echo(signed)
    click.echo(json.dumps({"header": pyjwt.get_unverified_header(signed), "claims": claims},
                          ensure_ascii=False, indent=2))
    for name in ("nbf", "exp"):
        click.echo(f"{name}: {datetime.fromtimestamp(claims[name], UTC):%Y-%m-%d %H:%M:%S} UTC")
    click.echo(jitsi.meeting_url(config, room, signed))
