"""`flask lms check-certificates`: standing certificates whose grounds no longer hold."""
from __future__ import annotations

import click

from lms.certificates.grounds import certificates_in_doubt
from lms.cli import command


@command("check-certificates")
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


COMMANDS = (check_certificates,)
