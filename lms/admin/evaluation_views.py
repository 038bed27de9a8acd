"""Evaluation reports (+ `.xlsx`, `.pdf`): a course's (`/admin/courses/<slug>/evaluation`: participation by
gender, country and organisation, knowledge gain between its pre-test and post-test, satisfaction) and a
programme's (`/admin/programmes/<slug>/evaluation`: its learners' participation, each course side by side)."""
from __future__ import annotations

from flask import Response, render_template

from lms.admin import programme_evaluation as programme_evaluations
from lms.admin.evaluation import evaluation_report
from lms.admin.evaluation_charts import gain_chart, participation_chart, satisfaction_chart
from lms.admin.evaluation_export import evaluation_pdf, evaluation_workbook, programme_workbook
from lms.admin.programme_views import programme_or_404
from lms.auth.genders import GENDER_LABELS
from lms.auth.permissions import can_manage_users, requires
from lms.courses.permissions import editable_course
from lms.web.routes import Routes

routes = Routes("/admin")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@routes.route("/courses/<slug>/evaluation")
def course_evaluation(slug: str):
    course = editable_course(slug)
    report = evaluation_report(course)
    return render_template("admin/evaluation.html", course=course, report=report, gender_labels=GENDER_LABELS,
                           **charts(report))


def charts(report) -> dict:
    return {"participation_chart": participation_chart(report.participation), "gain_chart": gain_chart(report.gain),
            "satisfaction_chart": satisfaction_chart(report.satisfaction)}


@routes.route("/courses/<slug>/evaluation.xlsx")
def course_evaluation_xlsx(slug: str):
    course = editable_course(slug)
    return Response(evaluation_workbook(evaluation_report(course)), mimetype=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-evaluation.xlsx"'})


@routes.route("/courses/<slug>/evaluation.pdf")
def course_evaluation_pdf(slug: str):
    course = editable_course(slug)
    report = evaluation_report(course)
    html = render_template("admin/evaluation_print.html", subject=course, course=course, report=report,
                           sections="admin/_evaluation_sections.html", gender_labels=GENDER_LABELS, printed=True,
                           **charts(report))
    return Response(evaluation_pdf(html), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-evaluation.pdf"'})


@routes.route("/programmes/<slug>/evaluation")
@requires(can_manage_users)
def programme_evaluation(slug: str):
    programme = programme_or_404(slug)
    report = programme_evaluations.programme_evaluation(programme)
    return render_template("admin/programme_evaluation.html", programme=programme, report=report,
                           gender_labels=GENDER_LABELS, participation_chart=participation_chart(report.participation))


@routes.route("/programmes/<slug>/evaluation.xlsx")
@requires(can_manage_users)
def programme_evaluation_xlsx(slug: str):
    programme = programme_or_404(slug)
    return Response(programme_workbook(programme_evaluations.programme_evaluation(programme)), mimetype=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{programme.slug}-evaluation.xlsx"'})


@routes.route("/programmes/<slug>/evaluation.pdf")
@requires(can_manage_users)
def programme_evaluation_pdf(slug: str):
    programme = programme_or_404(slug)
    report = programme_evaluations.programme_evaluation(programme)
    html = render_template("admin/evaluation_print.html", subject=programme, course=None, report=report,
                           sections="admin/_programme_evaluation_sections.html", gender_labels=GENDER_LABELS,
                           printed=True, participation_chart=participation_chart(report.participation))
    return Response(evaluation_pdf(html), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{programme.slug}-evaluation.pdf"'})
