"""A course's grading queue (essays and assignments waiting) and the grading of an essay (trainers, admins)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms import clock
from lms.assignments import grading_queue, services
from lms.assignments.forms import AnonymousGradingForm, EssayGradeForm
from lms.courses.permissions import editable_course
from lms.quizzes import essays
from lms.quizzes.grading import word_count
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on

routes = Routes("/courses/<slug>/manage/grading")


@routes.route("", methods=["GET", "POST"])
def queue(slug: str):
    course = editable_course(slug)
    anonymous = grading_queue.grades_anonymously(course)
    form = AnonymousGradingForm(anonymous=anonymous)
    if form.validate_on_submit():
        services.grade_anonymously(course, form.anonymous.data)
        flash(_("Names are now hidden while grading.") if form.anonymous.data
              else _("Names are now shown while grading."), "success")
        return redirect(url_for("assignments.queue", slug=slug))
    return render_template("assignments/manage/queue.html", course=course, form=form, anonymous=anonymous,
                           waiting=grading_queue.waiting_in(course)), 400 if form.errors else 200


@routes.route("/essays/<int:answer_id>", methods=["GET", "POST"])
def grade_essay(slug: str, answer_id: int):
    """Grade an essay answer of a submitted quiz attempt; saving opens the next work waiting."""
    course = editable_course(slug)
    found = grading_queue.essay_of(course, answer_id)
    if found is None:
        abort(404)
    answer, attempt, question, participant = found
    author = grading_queue.shown_name(attempt.user, participant, grading_queue.grades_anonymously(course))
    form = EssayGradeForm(points=answer.credit * question.points if answer.credit is not None else None,
                          comment=answer.comment)
    if form.validate_on_submit():
        with service_errors_on(form):
            essays.grade_written_answer(current_user, answer, points=float(form.points.data),
                                         comment=form.comment.data or "", now=clock.now())
            flash(_("The answer of %(name)s has been graded.", name=author), "success")
            return redirect(grading_queue.next_url(course))
    text = (answer.response or {}).get("text") or ""
    return render_template("assignments/manage/essay.html", course=course, answer=answer, attempt=attempt,
                           question=question, author=author, form=form, text=text, words=word_count(text)), \
        400 if form.errors or form.form_errors else 200
