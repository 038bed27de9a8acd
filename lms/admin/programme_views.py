"""A programme's progress report (page and CSV) and the comparison of a course's or programme's editions."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, stream_with_context, url_for
from flask_babel import get_timezone
from flask_babel import gettext as _
from flask_login import current_user

from lms import clock
from lms.admin import programme_reports
from lms.admin.exports import csv_lines, xlsx_chunks
from lms.admin.report_table import Column
from lms.admin.report_views import XLSX
from lms.auth.permissions import can_manage_users, requires
from lms.certificates import services as certificates
from lms.certificates.forms import RevokeForm
from lms.courses.permissions import editable_course
from lms.i18n import country_name, localized
from lms.programmes.models import Programme
from lms.programmes.queries import programme_by_slug
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed

routes = Routes("/admin")


@routes.route("/programmes/<slug>/progress")
@requires(can_manage_users)
def programme_report(slug: str):
    programme = programme_or_404(slug)
    return render_template("admin/programme_report.html", programme=programme,
                           report=programme_reports.programme_report(programme), revoke_form=RevokeForm())


@routes.route("/programmes/<slug>/progress.csv")
@requires(can_manage_users)
def programme_report_csv(slug: str):
    programme = programme_or_404(slug)
    report = programme_reports.programme_report(programme)
    lines = csv_lines(_columns(programme), report.rows, str(get_timezone()))
    return Response(stream_with_context(lines), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{programme.slug}-progress.csv"'})


@routes.route("/programmes/<slug>/progress.xlsx")
@requires(can_manage_users)
def programme_report_xlsx(slug: str):
    programme = programme_or_404(slug)
    report = programme_reports.programme_report(programme)
    chunks = xlsx_chunks(_columns(programme), report.rows, str(get_timezone()), localized(programme, "title"))
    return Response(stream_with_context(chunks), mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="{programme.slug}-progress.xlsx"'})


@routes.route("/programmes/<slug>/certificates/<int:user_id>/revoke", methods=["POST"])
@requires(can_manage_users)
def revoke_programme_certificate(slug: str, user_id: int):
    programme = programme_or_404(slug)
    certificate = programme_reports.programme_certificate(programme, user_id)
    if certificate is None:
        abort(404)
    form = RevokeForm()
    if not form.validate():
        flash(_("Give the reason for revoking the certificate."), "error")
    else:
        with service_errors_flashed():
            certificates.revoke(current_user, certificate, form.reason.data, clock.now())
            flash(_("The certificate of %(name)s has been revoked.", name=certificate.holder.name), "success")
    return redirect(url_for("admin.programme_report", slug=programme.slug))


@routes.route("/programmes/<slug>/editions")
@requires(can_manage_users)
def programme_editions(slug: str):
    programme = programme_or_404(slug)
    return render_template("admin/editions.html", subject=programme, back=("programmes.manage", programme.slug),
                           rows=programme_reports.programme_editions(programme.series))


@routes.route("/courses/<slug>/editions")
def course_editions(slug: str):
    course = editable_course(slug)
    return render_template("admin/editions.html", subject=course, back=("courses.manage", course.slug),
                           rows=programme_reports.course_editions(course.series))


def programme_or_404(slug: str) -> Programme:
    programme = programme_by_slug(slug)
    if programme is None:
        abort(404)
    return programme


def _columns(programme: Programme) -> list[Column]:
    """The CSV's columns, headed in the viewer's language: the person, then each course, then the programme."""
    columns = [
        Column(_("Name"), lambda row: row.user.name),
        Column(_("E-mail"), lambda row: row.user.email),
        Column(_("Organisation"), lambda row: row.organisation),
        Column(_("Country"), lambda row: country_name(row.user.country) or None),
    ]
    for index, item in enumerate(programme.courses):
        title = localized(item.course, "title")
        columns.append(Column(_("%(course)s: complete (%%)", course=title),
                              lambda row, index=index: row.cells[index].progress.percent
                              if row.cells[index].progress else None))
        columns.append(Column(_("%(course)s: certificate", course=title),
                              lambda row, index=index: _("yes") if row.cells[index].certified else _("no")))
    columns += [
        Column(_("Required courses done"), lambda row: row.required_done),
        Column(_("Programme completed"), lambda row: _("yes") if row.complete else _("no")),
        Column(_("Programme certificate"), lambda row: _("yes") if row.certified else _("no")),
    ]
    return columns
