"""A course's evaluation report (`/admin/courses/<slug>/evaluation`): participation by gender, country
and organisation, and the knowledge gain between its pre-test and post-test."""
from __future__ import annotations

from flask import render_template

from lms.admin.evaluation import participation
from lms.auth.genders import GENDER_LABELS
from lms.courses.permissions import editable_course
from lms.quizzes.knowledge import knowledge_gain
from lms.web.routes import Routes

routes = Routes("/admin")


@routes.route("/courses/<slug>/evaluation")
def course_evaluation(slug: str):
    course = editable_course(slug)
    return render_template("admin/evaluation.html", course=course, participation=participation(course),
                           gain=knowledge_gain(course), gender_labels=GENDER_LABELS)
