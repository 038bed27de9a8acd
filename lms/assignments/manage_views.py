"""An assignment's settings and every learner's work, graded one by one (the course's trainers and admins)."""
from __future__ import annotations

from collections import Counter

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms import clock
from lms.assignments import export, grading_queue, queries, services
from lms.assignments.forms import (
    AssignmentSettingsForm,
    GradeForm,
    RemoveForm,
    levels_posted,
    removed_files,
    uploads_of,
)
from lms.assignments.models import Assignment, CompletesOn, Resubmission, Submission, SubmissionStatus
from lms.courses.models import Course, Module
from lms.courses.permissions import editable_course, module_of_or_404
from lms.extensions import db
from lms.timezones import local_to_utc, utc_to_local
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on, writes_on_get

routes = Routes("/courses/<slug>/manage/assignments")


def assignment_of(slug: str, assignment_module_id: int) -> tuple[Course, Module, Assignment]:
    """The course (its editors only), the assignment module and its assignment."""
    course = editable_course(slug)
    module = module_of_or_404(course, assignment_module_id)
    return course, module, services.assignment_for(module)


@routes.route("/<int:assignment_module_id>/", methods=["GET", "POST"])
@writes_on_get  # the assignment row is made on the first visit
def overview(slug: str, assignment_module_id: int):
    course, module, assignment = assignment_of(slug, assignment_module_id)
    form = AssignmentSettingsForm(obj=assignment, completes_on=assignment.completes_on.value,
                                  resubmission=assignment.resubmission.value)
    if assignment.criteria:
        del form.max_points  # graded out of the rubric's total
    if not form.is_submitted():
        form.due_at.data = utc_to_local(assignment.due_at, course.timezone) if assignment.due_at else None
        form.cut_off_at.data = utc_to_local(assignment.cut_off_at, course.timezone) if assignment.cut_off_at else None
    if form.validate_on_submit():
        with service_errors_on(form):
            services.update_settings(
                assignment, due_at=_utc(form.due_at.data, course), cut_off_at=_utc(form.cut_off_at.data, course),
                late_allowed=form.late_allowed.data, pass_mark=form.pass_mark.data,
                max_points=form.max_points.data if "max_points" in form else assignment.max_points,
                completes_on=CompletesOn(form.completes_on.data), resubmission=Resubmission(form.resubmission.data),
                takes_text=form.takes_text.data, takes_files=form.takes_files.data)
            flash(_("The assignment has been saved."), "success")
            return redirect(url_for("assignments.overview", slug=slug, assignment_module_id=module.id))
    work = queries.learners_work(assignment)
    shown = request.args.get("standing", "")  # a filter on the list: one standing, or everyone
    return render_template("assignments/manage/overview.html", course=course, module=module, assignment=assignment,
                           form=form, work=[row for row in work if row.standing == shown] if shown else work,
                           counts=Counter(row.standing for row in work), shown=shown, remove_form=RemoveForm()), \
        400 if form.errors or form.form_errors else 200


@routes.route("/<int:assignment_module_id>/grades.csv")
@writes_on_get  # the assignment row is made on the first visit
def grades_csv(slug: str, assignment_module_id: int):
    course, module, assignment = assignment_of(slug, assignment_module_id)
    return Response(export.grades_csv(queries.learners_work(assignment), assignment.criteria), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-assignment-{module.id}.csv"'})


@routes.route("/<int:assignment_module_id>/submissions.zip")
@writes_on_get  # the assignment row is made on the first visit
def submissions_zip(slug: str, assignment_module_id: int):
    course, module, assignment = assignment_of(slug, assignment_module_id)
    return Response(export.submissions_zip(queries.learners_work(assignment)), mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{course.slug}-assignment-{module.id}.zip"'})


def _utc(local, course: Course):
    return local_to_utc(local, course.timezone) if local else None


@routes.route("/<int:assignment_module_id>/submissions/<int:submission_id>", methods=["GET", "POST"])
def grade(slug: str, assignment_module_id: int, submission_id: int):
    """Grade one submission; opened from the grading queue (`?queue=1`), saving it opens the next one."""
    course, module, assignment = assignment_of(slug, assignment_module_id)
    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.assignment_id != assignment.id:
        abort(404)
    from_queue = request.args.get("queue") == "1"
    author = grading_queue.shown_name(submission.user, grading_queue.participant_of(submission),
                                      grading_queue.grades_anonymously(course))
    form = GradeForm(points=submission.points, comment=submission.comment)
    if assignment.criteria:
        del form.points  # the rubric's levels give the points
    chosen = submission.chosen_levels
    if form.validate_on_submit():
        if submission.status is SubmissionStatus.DRAFT:
            abort(409)
        chosen = levels_posted(assignment.criteria)
        with service_errors_on(form):
            services.grade(current_user, submission, comment=form.comment.data or "",
                           points=float(form.points.data) if "points" in form else None, levels=chosen,
                           give_back=bool(form.give_back.data), now=clock.now(),
                           added=uploads_of(form.files), removed=removed_files())
            flash(_("The grade for %(name)s has been returned.", name=author) if form.give_back.data
                  else _("The grade for %(name)s has been saved; it is not returned yet.", name=author), "success")
            if from_queue:
                return redirect(grading_queue.next_url(course))
            return redirect(url_for("assignments.overview", slug=slug, assignment_module_id=module.id))
    return render_template("assignments/manage/grade.html", course=course, module=module, assignment=assignment,
                           submission=submission, form=form, author=author, from_queue=from_queue,
                           chosen=chosen), \
        400 if form.errors or form.form_errors else 200
