"""Writing an assignment's rubric: add, edit and remove its criteria (the course's trainers and admins)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from lms.assignments import rubric
from lms.assignments.forms import CriterionForm, RemoveForm
from lms.assignments.manage_views import assignment_of
from lms.assignments.models import Assignment, RubricCriterion
from lms.extensions import db
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on, writes_on_get

routes = Routes("/courses/<slug>/manage/assignments")


@routes.route("/<int:assignment_module_id>/rubric/new", methods=["GET", "POST"])
@writes_on_get  # the assignment row is made on the first visit
def new_criterion(slug: str, assignment_module_id: int):
    course, module, assignment = assignment_of(slug, assignment_module_id)
    form = CriterionForm()
    if form.validate_on_submit():
        with service_errors_on(form):
            rubric.add_criterion(assignment, texts=form.texts_and_levels(), points=form.level_points())
            flash(_("The criterion has been added to the rubric."), "success")
            return _back_to(slug, module.id)
    return render_template("assignments/manage/criterion.html", course=course, module=module, assignment=assignment,
                           form=form, criterion=None), 400 if form.errors or form.form_errors else 200


@routes.route("/<int:assignment_module_id>/rubric/<int:criterion_id>", methods=["GET", "POST"])
@writes_on_get  # the assignment row is made on the first visit
def edit_criterion(slug: str, assignment_module_id: int, criterion_id: int):
    course, module, assignment = assignment_of(slug, assignment_module_id)
    criterion = _criterion_of(assignment, criterion_id)
    saved = {f"{name}_{locale}": "\n".join(text["levels"]) if name == "levels" else text["title"]
             for locale, text in criterion.texts.items() for name in ("title", "levels")}
    form = CriterionForm(points=", ".join(str(value) for value in criterion.points), **saved)
    if form.validate_on_submit():
        with service_errors_on(form):
            rubric.update_criterion(criterion, texts=form.texts_and_levels(), points=form.level_points())
            flash(_("The criterion has been saved."), "success")
            return _back_to(slug, module.id)
    return render_template("assignments/manage/criterion.html", course=course, module=module, assignment=assignment,
                           form=form, criterion=criterion, used=rubric.is_used(assignment)), \
        400 if form.errors or form.form_errors else 200


@routes.route("/<int:assignment_module_id>/rubric/<int:criterion_id>/remove", methods=["POST"])
def remove_criterion(slug: str, assignment_module_id: int, criterion_id: int):
    _course, module, assignment = assignment_of(slug, assignment_module_id)
    criterion = _criterion_of(assignment, criterion_id)
    form = RemoveForm()
    if not form.validate_on_submit():
        abort(400)
    with service_errors_flashed():
        rubric.remove_criterion(criterion)
        flash(_("The criterion has been removed from the rubric."), "success")
    return _back_to(slug, module.id)


def _criterion_of(assignment: Assignment, criterion_id: int) -> RubricCriterion:
    criterion = db.session.get(RubricCriterion, criterion_id)
    if criterion is None or criterion.assignment_id != assignment.id:
        abort(404)
    return criterion


def _back_to(slug: str, assignment_module_id: int):
    return redirect(url_for("assignments.overview", slug=slug, assignment_module_id=assignment_module_id,
                            _anchor="rubric-title"))
