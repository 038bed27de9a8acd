"""A course's evaluation report (`/admin/courses/<slug>/evaluation`, + `.xlsx`, `.pdf`): participation by
gender, country and organisation, knowledge gain between its pre-test and post-test, satisfaction."""
from __future__ import annotations

from flask import Response, render_template

from lms.admin.evaluation import evaluation_report
from lms.admin.evaluation_charts import gain_chart, participation_chart, satisfaction_chart
from lms.admin.evaluation_export import evaluation_pdf, evaluation_workbook
from lms.auth.genders import GENDER_LABELS
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
    html = render_template("admin/evaluation_print.html", course=course, report=report, gender_labels=GENDER_LABELS,
                           printed=True, **charts(report))
    return Response(evaluation_pdf(html), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-evaluation.pdf"'})
