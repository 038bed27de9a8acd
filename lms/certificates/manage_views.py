"""A course's certificates for its trainers and the admins: the rule, who has earned what, and actions."""
from __future__ import annotations

from dataclasses import asdict

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from lms import clock
from lms.auth.permissions import admin_required, can_manage_users
from lms.certificates import queries, services
from lms.certificates.forms import ActionForm, RevokeForm, RuleForm
from lms.certificates.rules import Unmet
from lms.courses.models import Course, CourseRole, Enrollment
from lms.courses.permissions import editable_course
from lms.extensions import db
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on

routes = Routes("/courses/<slug>/manage/certificates")

UNMET_LABELS = {
    Unmet.REQUIRED_MODULES: _l("required modules"),
    Unmet.REQUIRED_QUIZZES: _l("required quizzes"),
    Unmet.ATTENDANCE: _l("attendance"),
    Unmet.APPROVAL: _l("approval"),
    Unmet.SURVEY: _l("end-of-course survey"),
}


@routes.route("/", methods=["GET", "POST"])
def index(slug: str):
    course = editable_course(slug)
    form = RuleForm(data=asdict(queries.rule_of(course)))
    if form.validate_on_submit():
        with service_errors_on(form.min_presence_percent):
            services.set_rule(course, all_required_modules=form.all_required_modules.data,
                              required_quizzes_passed=form.required_quizzes_passed.data,
                              min_attendance_percent=form.min_attendance_percent.data,
                              manual_approval=form.manual_approval.data,
                              final_survey_answered=form.final_survey_answered.data,
                              min_presence_percent=form.min_presence_percent.data, actor=current_user)
            flash(_("The completion rule has been saved. It applies to certificates issued from now on."), "success")
            return redirect(url_for("certificates.index", slug=slug))
    return _page(course, form), 400 if form.errors else 200


@routes.route("/issue-all", methods=["POST"])
def issue_all(slug: str):
    course = editable_course(slug)
    _check(ActionForm())
    count = services.issue_to_everyone_who_qualifies(course, clock.now())
    flash(ngettext("%(num)d certificate has been issued.", "%(num)d certificates have been issued.", count),
          "success")
    return _back(course)


@routes.route("/<int:user_id>/approve", methods=["POST"])
def approve(slug: str, user_id: int):
    course = editable_course(slug)
    _check(ActionForm())
    enrollment = _learner_enrollment(course, user_id)
    certificate = services.approve(current_user, enrollment, clock.now())
    flash(_("%(name)s is approved.", name=enrollment.user.name) + (
        " " + _("The certificate has been issued.") if certificate else ""), "success")
    return _back(course)


@routes.route("/<int:user_id>/issue", methods=["POST"])
@admin_required
def issue(slug: str, user_id: int):
    course = editable_course(slug)
    _check(ActionForm())
    enrollment = _learner_enrollment(course, user_id)
    services.issue_by_hand(current_user, enrollment, clock.now())
    flash(_("The certificate of %(name)s has been issued.", name=enrollment.user.name), "success")
    return _back(course)


@routes.route("/<int:user_id>/revoke", methods=["POST"])
@admin_required
def revoke(slug: str, user_id: int):
    course = editable_course(slug)
    enrollment = _learner_enrollment(course, user_id)
    certificate = queries.certificates_of_course(course).get(enrollment.id)
    if certificate is None:
        abort(404)
    if not RevokeForm().validate():
        flash(_("Give the reason for revoking the certificate."), "error")
        return _page(course), 400
    with service_errors_flashed():
        services.revoke(current_user, certificate, RevokeForm().reason.data, clock.now())
        flash(_("The certificate of %(name)s has been revoked.", name=enrollment.user.name), "success")
        return _back(course)
    return _page(course), 400


def _page(course: Course, rule_form: RuleForm | None = None) -> str:
    rule = queries.rule_of(course)
    return render_template(
        "certificates/manage.html", course=course, form=rule_form or RuleForm(formdata=None, data=asdict(rule)),
        rows=queries.learner_standing(course), action_form=ActionForm(), revoke_form=RevokeForm(formdata=None),
        unmet_labels=UNMET_LABELS, can_revoke_and_download=can_manage_users(current_user))  # as admin_required


def _learner_enrollment(course: Course, user_id: int) -> Enrollment:
    enrollment = db.session.scalar(db.select(Enrollment).where(
        Enrollment.course_id == course.id, Enrollment.user_id == user_id, Enrollment.role == CourseRole.LEARNER))
    if enrollment is None:
        abort(404)
    return enrollment


def _check(form: ActionForm) -> None:
    if not form.validate():
        abort(400)


def _back(course: Course):
    return redirect(url_for("certificates.index", slug=course.slug))
