"""A learner's assignment page: the instructions, a draft kept until handed in, then the grade and feedback."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from lms import clock
from lms.assignments import services
from lms.assignments.files import MAX_FILES
from lms.assignments.forms import AnswerForm, removed_files, uploads_of
from lms.assignments.models import Assignment, FilePurpose, SubmissionFile, SubmissionStatus
from lms.courses.models import Module
from lms.courses.permissions import can_edit_course, can_open_modules, is_learner
from lms.courses.queries import enrollment_of
from lms.errors import DomainError
from lms.extensions import db
from lms.files import services as stored_files
from lms.i18n import localized
from lms.web.markdown import render_markdown
from lms.web.routes import Routes
from lms.web.unit_of_work import writes_on_get

routes = Routes("/assignments")


@routes.route("/module/<int:assignment_module_id>")
@login_required
@writes_on_get  # an assignment module's assignment is made the first time it is opened
def for_module(assignment_module_id: int):
    """The assignment of an assignment module (the course page links modules, not assignments)."""
    module = db.get_or_404(Module, assignment_module_id)
    if not can_open_modules(current_user, module.course):
        abort(403)
    return redirect(url_for("assignments.page", assignment_id=services.assignment_for(module).id))


@routes.route("/<int:assignment_id>/", methods=["GET", "POST"])
@login_required
def page(assignment_id: int):
    assignment = db.get_or_404(Assignment, assignment_id)
    module, course = assignment.module, assignment.module.day.course
    if not can_open_modules(current_user, course):
        abort(403)
    if not module.day.is_open(clock.now()) and not can_edit_course(current_user, course):
        return render_template("courses/locked.html", course=course, module=module), 403
    enrollment = enrollment_of(current_user, course)
    submission = services.submission_of(assignment, current_user.id)
    form = AnswerForm(text=submission.text if submission else "")
    if form.is_submitted() and not is_learner(enrollment):
        abort(403)  # trainers and admins preview the page; only learners hand in
    status = 400 if form.is_submitted() else 200
    if form.validate_on_submit():
        try:
            work = {"added": uploads_of(form.files), "removed": removed_files()}
            if form.hand_in.data:
                services.hand_in(assignment, enrollment, form.text.data or "", clock.now(), **work)
                flash(_("Your work on “%(title)s” has been handed in.", title=localized(module, "title")), "success")
            else:
                services.save_draft(assignment, enrollment, form.text.data or "", clock.now(), **work)
                flash(_("Your draft has been saved."), "success")
            return redirect(url_for("assignments.page", assignment_id=assignment.id))
        except DomainError as error:  # flashed: once work is graded the page has no form to show it on
            db.session.rollback()
            flash(error.message, "error")
            status = error.status
    returned = submission is not None and submission.status is SubmissionStatus.RETURNED
    return render_template("assignments/page.html", assignment=assignment, module=module, course=course, form=form,
                           submission=submission, returned=returned, is_learner=is_learner(enrollment),
                           max_files=MAX_FILES, chosen_levels=submission.chosen_levels if returned else {},
                           instructions=render_markdown(localized(module, "body"), localized(module, "title"))), status


@routes.route("/<int:assignment_id>/files/<int:submission_file_id>")
@login_required
def download(assignment_id: int, submission_file_id: int):
    """A file of a submission: for its learner (feedback once returned) and the course's trainers and admins."""
    found = db.get_or_404(SubmissionFile, submission_file_id)
    submission = found.submission
    if submission.assignment_id != assignment_id:
        abort(404)
    own = submission.user_id == current_user.id and (
        found.purpose is FilePurpose.WORK or submission.status is SubmissionStatus.RETURNED)
    if not own and not can_edit_course(current_user, submission.assignment.module.day.course):
        abort(404)  # not 403: whether someone's file exists is not for others to learn
    return stored_files.response(found.file, found.filename, inline=False)
