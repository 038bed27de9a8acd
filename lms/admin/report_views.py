"""A course's progress report for its trainers and the admins: the page, a learner's page, exports."""
from __future__ import annotations

from flask import Response, abort, current_app, render_template, request, stream_with_context
from flask_babel import get_timezone
from flask_babel import gettext as _

from lms import clock
from lms.admin import reports
from lms.admin.chart import grouped_bars
from lms.admin.exports import certificates_archive, csv_lines, xlsx_chunks
from lms.admin.forms import ReportFilterForm
from lms.admin.learner_detail import learner_detail
from lms.admin.report_rows import CourseStructure, LearnerStatus, ReportFilter, SortKey
from lms.admin.report_table import CERTIFICATE_LABELS, STATUS_LABELS, report_columns
from lms.auth.permissions import admin_required
from lms.courses.models import Course
from lms.courses.permissions import editable_course
from lms.i18n import country_name, localized
from lms.web.forms import page_number
from lms.web.routes import Routes

routes = Routes("/admin")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@routes.route("/courses/<slug>/progress")
def course_report(slug: str):
    course = editable_course(slug)
    form, found = _filter_form(course)
    structure = reports.course_structure(course)
    if found is None:
        return render_template("admin/report.html", course=course, form=form, report=None), 400
    now = clock.now()
    report = reports.report_page(course, structure, found, page=request.args.get("page", 1, type=page_number),
                                 per_page=current_app.config["REPORT_ROWS_PER_PAGE"])
    return render_template(
        "admin/report.html", course=course, form=form, report=report, structure=structure,
        status_labels=STATUS_LABELS, certificate_labels=CERTIFICATE_LABELS,
        countries=reports.by_country(course, structure, now),
        organisations=reports.by_organisation(course, structure, now),
        chart=_completion_chart(course, structure),
        filters={key: value for key, value in request.args.items() if key != "page"},
    )


@routes.route("/courses/<slug>/progress.csv")
def course_report_csv(slug: str):
    course, columns, rows = _export(slug)
    lines = csv_lines(columns, rows, str(get_timezone()))
    return Response(stream_with_context(lines), mimetype="text/csv", headers=_attachment(course, "csv"))


@routes.route("/courses/<slug>/progress.xlsx")
def course_report_xlsx(slug: str):
    course, columns, rows = _export(slug)
    chunks = xlsx_chunks(columns, rows, str(get_timezone()), localized(course, "title"))
    return Response(stream_with_context(chunks), mimetype=XLSX, headers=_attachment(course, "xlsx"))


@routes.route("/courses/<slug>/learners/<int:user_id>")
def learner_page(slug: str, user_id: int):
    course = editable_course(slug)
    structure = reports.course_structure(course)
    row = reports.learner_row(course, structure, user_id)
    detail = learner_detail(course, user_id)
    if row is None or detail is None:
        abort(404)
    return render_template("admin/learner.html", course=course, structure=structure, row=row,
                           status_labels=STATUS_LABELS, detail=detail)


def _filter_form(course: Course) -> tuple[ReportFilterForm, ReportFilter | None]:
    """The filter form over the cohort's countries and organisations, and the filter it asks for."""
    codes, organisations = reports.cohort_countries_and_organisations(course)
    form = ReportFilterForm([(code, country_name(code)) for code in codes], organisations, request.args)
    if not form.validate():
        return form, None
    return form, ReportFilter(
        country=form.country.data or None,
        organisation_id=form.organisation.data or None,
        status=LearnerStatus(form.status.data) if form.status.data else None,
        sort=SortKey(form.sort.data or SortKey.NAME),
        descending=form.order.data == "desc",
    )


def _export(slug: str):
    course = editable_course(slug)
    form, found = _filter_form(course)
    if found is None:
        abort(400)
    structure = reports.course_structure(course)
    return course, report_columns(structure), reports.all_rows(course, structure, found)


def _attachment(course: Course, extension: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{course.slug}-progress.{extension}"'}


def _completion_chart(course: Course, structure: CourseStructure):
    shares = reports.completion_by_day_and_country(course, structure)
    if not shares or not structure.days:
        return None
    days = [_("Day %(number)d", number=column.day.number) for column in structure.days]
    series = {country_name(code) or _("No country"): values for code, values in shares.items()}
    return grouped_bars(days, series, lambda name, day, percent: _(
        "%(country)s, %(day)s: %(percent)d%% completed", country=name, day=day, percent=percent))


@routes.route("/courses/<slug>/certificates.zip")
@admin_required
def certificates_zip(slug: str):
    course = editable_course(slug)
    chunks = certificates_archive(course)
    return Response(stream_with_context(chunks), mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-certificates.zip"'})
