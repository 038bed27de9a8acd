"""`flask lms import-questions | close-overdue-attempts`."""
from __future__ import annotations

from collections import Counter

import click

from lms import clock
from lms.cli import command
from lms.courses.queries import course_outline
from lms.quizzes import question_import
from lms.quizzes import services as quiz_services
from lms.quizzes.problems import problem_message


@command("import-questions")
@click.argument("slug")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--format", "fmt", type=click.Choice(["gift", "aiken"]), default="gift", show_default=True)
@click.option("--language", default=None, help="The language of the questions (default: the course's original).")
@click.option("--skip-unsupported", is_flag=True,
              help="Leave out descriptions and matching distractors (listed with their lines) "
                   "instead of refusing the file.")
def import_questions(slug: str, file, fmt: str, language: str | None, skip_unsupported: bool) -> None:
    """Add the questions of a GIFT or Aiken FILE to the course's bank; nothing when any line fails."""
    course = course_outline(slug)
    if course is None:
        raise click.ClickException(f"No course has the address {slug!r}.")
    try:
        if skip_unsupported:
            questions, skipped = question_import.import_supported_questions(course, file.read(), fmt, language)
            for problem in skipped:
                click.echo(f"skipped, line {problem.line}: {problem_message(problem)}", err=True)
        else:
            questions = question_import.import_questions(course, file.read(), fmt, language)
        counts = Counter(q.kind for q in questions)
    except question_import.ImportFailed as failed:
        for problem in failed.problems:
            click.echo(f"line {problem.line}: {problem_message(problem)}", err=True)
        raise click.ClickException(f"{len(failed.problems)} problem(s); nothing was imported.") from None
    for kind, count in sorted(counts.items()):
        click.echo(f"{kind.value}: {count}")
    click.echo(f"Imported {sum(counts.values())} questions into {slug}.")


@command("close-overdue-attempts")
def close_overdue_attempts() -> None:
    """Submit every quiz attempt whose time is up, with the answers saved so far (run it from cron)."""
    closed = quiz_services.close_overdue_attempts(clock.now())
    click.echo(f"Closed {closed} overdue attempt(s).")


COMMANDS = (import_questions, close_overdue_attempts)
