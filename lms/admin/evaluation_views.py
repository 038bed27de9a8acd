"""A course's evaluation report (`/admin/courses/<slug>/evaluation`): participation by gender, country
and organisation, and the knowledge gain between its pre-test and post-test."""
from __future__ import annotations

from flask import Response, render_template

from lms.admin.evaluation import participation
from lms.admin.evaluation_export import evaluation_workbook
from lms.auth.genders import GENDER_LABELS
from lms.courses.permissions import editable_course
from lms.quizzes.knowledge import knowledge_gain
from lms.web.routes import Routes

routes = Routes("/admin")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@routes.route("/courses/<slug>/evaluation")
def course_evaluation(slug: str):
    course = editable_course(slug)
    return render_template("admin/evaluation.html", course=course, participation=participation(course),
                           gain=knowledge_gain(course), gender_labels=GENDER_LABELS)


@routes.route("/courses/<slug>/evaluation.xlsx")
def course_evaluation_xlsx(slug: str):
    course = editable_course(slug)
    return Response(evaluation_workbook(participation(course), knowledge_gain(course)), mimetype=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-evaluation.xlsx"'})
