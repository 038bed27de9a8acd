"""`flask lms export-course | import-course`: a course, with every translation, as JSON."""
from __future__ import annotations

import json

import click

from lms.cli import command
from lms.courses import transfer
from lms.courses.queries import course_outline
from lms.json_input import UnsafeJSON, load_json


@command("export-course")
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


@command("import-course")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--slug", required=True, help="The new course's address.")
@click.option("--starts-on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="A new start date (YYYY-MM-DD); opening times move with it.")
def import_course(file, slug: str, starts_on) -> None:
    """Create a new draft course from a FILE exported with export-course."""
    try:
        document = load_json(file.read())
    except UnsafeJSON as error:
        raise click.ClickException(f"Not a JSON file: {error}") from error
    course = transfer.import_course(document, slug=slug, starts_on=starts_on.date() if starts_on else None)
    click.echo(f"Imported as draft course {course.slug}: {len(course.days)} days, "
               f"{sum(len(day.modules) for day in course.days)} modules.")


COMMANDS = (export_course, import_course)
