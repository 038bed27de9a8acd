"""Applying and nominating (`/courses/<slug>/apply`, `/programmes/<slug>/apply`), my applications and a
coordinator's nominees (`/applications/`), and an application's own page, reached by its link with or
without an account."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from lms import clock
from lms.applications import queries, services, targets
from lms.applications.forms import NominationFileForm, OfferForm, WithdrawForm, application_form
from lms.applications.links import application_for, link_token
from lms.applications.models import Application, ApplicationStatus
from lms.applications.nomination_file import read_nominees
from lms.applications.targets import TARGET_KIND, Target
from lms.auth.models import Role
from lms.auth.permissions import can_manage_users
from lms.auth.queries import organisation_choices
from lms.courses.models import Course, CourseStatus
from lms.courses.permissions import can_see_course
from lms.extensions import limiter
from lms.i18n import current_locale
from lms.programmes.models import Programme
from lms.web.rate_limits import setting
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on

routes = Routes()


@routes.route(f"/{TARGET_KIND}/<slug>/apply", methods=["GET", "POST"])
@limiter.limit(setting("APPLICATION_RATE_LIMIT"), methods=["POST"])
def apply(kind: str, slug: str):
    target, now = _visible_target(kind, slug), clock.now()
    nominating, mine = _is_coordinator(), _my_application(target)
    intake = queries.intake_of(target)
    questions = intake.questions if intake is not None else []
    form = application_form(questions, organisation_choices(), nominating=nominating, **_prefill(nominating))
    if current_user.is_authenticated and not nominating:
        form.email.data = current_user.email  # an account applies with its own address
        form.email.render_kw = {"readonly": True}
    accepting = services.takes_applications(target, now) and mine is None
    if accepting and form.validate_on_submit():
        with service_errors_on(form):
            application = services.apply(
                target, form.details(questions), user=None if nominating or not current_user.is_authenticated
                else current_user, nominated_by=current_user if nominating else None, now=now)
            if nominating:
                flash(_("%(name)s is nominated. They have been told by mail.", name=application.name), "success")
                return redirect(url_for("applications.apply", kind=kind, slug=slug))
            flash(_("Your application has been sent. You will be told the decision by mail."), "success")
            return redirect(url_for("applications.application", token=link_token(application)))
    status = 400 if form.errors or form.form_errors else 200
    if request.method == "POST" and not accepting:
        status = 409 if mine is not None else 403
    return render_template("applications/apply.html", target=target, kind=kind, form=form, nominating=nominating,
                           file_form=NominationFileForm(), open=services.takes_applications(target, now),
                           mine=mine, now=now, page=targets.page_endpoint(target),
                           dates=targets.dates_of(target)), status


@routes.route(f"/{TARGET_KIND}/<slug>/apply/file", methods=["POST"])
@login_required
def nominate_file(kind: str, slug: str):
    target = _visible_target(kind, slug)
    if not _is_coordinator():
        abort(403)
    form = NominationFileForm()
    if not form.validate():
        flash(_("Choose a CSV file."), "error")
        return redirect(url_for("applications.apply", kind=kind, slug=slug))
    with service_errors_flashed():
        nominated = services.nominate_many(current_user, target, read_nominees(form.file.data.read(),
                                                                                current_locale()), clock.now())
        flash(ngettext("%(num)d person is nominated.", "%(num)d people are nominated.", len(nominated)), "success")
    return redirect(url_for("applications.apply", kind=kind, slug=slug))


@routes.route("/applications/")
@login_required
def mine():
    organisation = current_user.organisation if _is_coordinator() else None
    return render_template(
        "applications/mine.html", applications=queries.applications_of(current_user), organisation=organisation,
        nominees=queries.applications_of_organisation(organisation.id) if organisation else [],
        link_token=link_token, now=clock.now())


@routes.route("/applications/<token>")
def application(token: str):
    found = _by_link(token)
    return render_template("applications/application.html", application=found, now=clock.now(),
                           withdraw_form=WithdrawForm(), offer_form=OfferForm(), token=token)


@routes.route("/applications/<token>/withdraw", methods=["POST"])
def withdraw(token: str):
    found = _by_link(token)
    if not WithdrawForm().validate():
        abort(400)
    services.withdraw(found, current_user if current_user.is_authenticated else None, clock.now())
    flash(_("Your application is withdrawn."), "success")
    return redirect(url_for("applications.application", token=token))


@routes.route("/applications/<token>/offer", methods=["POST"])
def answer_offer(token: str):
    found = _by_link(token)
    form = OfferForm()
    if not form.validate():
        abort(400)
    with service_errors_flashed():
        if form.accept.data:
            services.accept_offer(found, clock.now())
            flash(_("The seat is yours: you are enrolled."), "success")
        else:
            services.withdraw(found, None, clock.now())
            flash(_("You have declined the seat; it goes to the next person in line."), "success")
    return redirect(url_for("applications.application", token=token))


def _visible_target(kind: str, slug: str) -> Target:
    """A course its visitor may see, or a published (or archived) programme; drafts for their editors only."""
    target = targets.target_by_slug(kind, slug)
    if target is None:
        abort(404)
    if isinstance(target, Course) and not can_see_course(current_user, target):
        abort(404)
    if isinstance(target, Programme) and target.status is CourseStatus.DRAFT and not (
            current_user.is_authenticated and can_manage_users(current_user)):
        abort(404)
    return target


def _by_link(token: str) -> Application:
    found = application_for(token)
    if found is None:
        abort(404)
    return found


def _is_coordinator() -> bool:
    return current_user.is_authenticated and current_user.role is Role.COORDINATOR


def _prefill(nominating: bool) -> dict:
    if nominating or not current_user.is_authenticated:
        return {"locale": current_locale()}
    return {"name": current_user.name, "email": current_user.email, "locale": current_user.locale or current_locale(),
            "country": current_user.country or "", "organisation": current_user.organisation_id or 0}


def _my_application(target: Target) -> Application | None:
    if not current_user.is_authenticated or _is_coordinator():
        return None
    return next((found for found in queries.applications_of(current_user)
                 if found.target is target and found.status is not ApplicationStatus.WITHDRAWN), None)
