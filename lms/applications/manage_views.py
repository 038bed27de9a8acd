"""The centre's review of a course's or a programme's applications (`/admin/courses/<slug>/applications`,
`/admin/programmes/<slug>/applications`): filters, seats against each quota, bulk decisions with a
message, CSV; and the intake's seats, quotas and questions."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from lms import clock
from lms.applications import intake as intake_settings
from lms.applications import queries, services, targets
from lms.applications.export import applications_csv
from lms.applications.forms import (
    DecisionForm,
    IntakeForm,
    QuestionForm,
    QuotaForm,
    RemoveForm,
    ReviewFilterForm,
)
from lms.applications.labels import STATUS_LABELS
from lms.applications.models import ApplicationStatus
from lms.applications.targets import TARGET_KIND, Target
from lms.auth.models import Organisation
from lms.auth.permissions import admin_required
from lms.auth.queries import organisation_choices
from lms.extensions import db
from lms.i18n import country_choices, country_name
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed

routes = Routes(f"/admin/{TARGET_KIND}/<slug>/applications")

@routes.route("/")
@admin_required
def review(kind: str, slug: str):
    target = _target(kind, slug)
    filters_form, filters = _filters(target)
    applications = queries.review_list(target, filters)
    decision_form = DecisionForm()
    decision_form.applications.choices = [(found.id, found.name) for found in applications]
    return render_template(
        "applications/manage/review.html", target=target, kind=kind, applications=applications,
        filters_form=filters_form,
        decision_form=decision_form, seats=queries.quota_use(target, clock.now()),
        counts=queries.count_by_status(target), now=clock.now(), query=request.query_string.decode(),
        questions=intake.questions if (intake := queries.intake_of(target)) else [],
        status_labels=STATUS_LABELS)


@routes.route("/decide", methods=["POST"])
@admin_required
def decide(kind: str, slug: str):
    target = _target(kind, slug)
    form = DecisionForm()
    form.applications.choices = [(found.id, found.name) for found in queries.review_list(target, queries.Filters())]
    back = url_for("applications.review", kind=kind, slug=slug)
    if request.args.get("back"):
        back += "?" + request.args["back"]
    if not form.validate():
        flash(_("Tick at least one application and choose a decision."), "error")
        return redirect(back)
    with service_errors_flashed():
        outcome = services.decide(current_user, target, queries.applications_by_id(target, form.applications.data),
                                  ApplicationStatus(form.decision.data), form.message.data or "", clock.now())
        if outcome.changed:
            flash(ngettext("%(num)d application decided; the applicant is told by mail.",
                           "%(num)d applications decided; each applicant is told by mail.",
                           len(outcome.changed)), "success")
        for application, reason in outcome.refused:
            flash(f"{application.name}: {reason}", "error")  # the reason is translated
    return redirect(back)


@routes.route(".csv")
@admin_required
def export(kind: str, slug: str):
    target = _target(kind, slug)
    _, filters = _filters(target)
    return Response(applications_csv(target, queries.review_list(target, filters)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{target.slug}-applications.csv"'})


@routes.route("/settings", methods=["GET", "POST"])
@admin_required
def settings(kind: str, slug: str):
    target = _target(kind, slug)
    intake = queries.intake_of(target)
    form = IntakeForm(seats=intake.seats if intake else None, offer_hours=intake.offer_hours if intake else 72)
    if form.validate_on_submit():
        intake_settings.set_seats(current_user, target, form.seats.data, form.offer_hours.data, clock.now())
        flash(_("The seats are saved."), "success")
        return redirect(url_for("applications.settings", kind=kind, slug=slug))
    return _settings_page(target, form=form), 400 if form.errors else 200


@routes.route("/quotas", methods=["POST"])
@admin_required
def set_quota(kind: str, slug: str):
    target = _target(kind, slug)
    form = _quota_form()
    if form.validate():
        organisation = db.session.get(Organisation, form.organisation.data) if form.organisation.data else None
        with service_errors_flashed():
            intake_settings.set_quota(current_user, target, country=form.country.data or None,
                                      organisation=organisation, seats=form.seats.data, now=clock.now())
            flash(_("The quota is saved."), "success")
            return redirect(url_for("applications.settings", kind=kind, slug=slug))
    return _settings_page(target, quota_form=form), 400


@routes.route("/quotas/<int:quota_id>/remove", methods=["POST"])
@admin_required
def remove_quota(kind: str, slug: str, quota_id: int):
    target = _target(kind, slug)
    if not RemoveForm().validate():
        abort(400)
    intake_settings.remove_quota(current_user, target, quota_id, clock.now())
    flash(_("The quota is removed."), "success")
    return redirect(url_for("applications.settings", kind=kind, slug=slug))


@routes.route("/questions", methods=["POST"])
@admin_required
def add_question(kind: str, slug: str):
    target = _target(kind, slug)
    form = QuestionForm()
    if form.validate():
        with service_errors_flashed():
            intake_settings.add_question(current_user, target, {code: texts["label"] for code, texts
                                                                in form.texts().items()},
                                         required=form.required_answer.data == "required")
            flash(_("The question is added to the application form."), "success")
            return redirect(url_for("applications.settings", kind=kind, slug=slug))
    return _settings_page(target, question_form=form), 400


@routes.route("/questions/<int:number>/remove", methods=["POST"])
@admin_required
def remove_question(kind: str, slug: str, number: int):
    target = _target(kind, slug)
    if not RemoveForm().validate():
        abort(400)
    intake_settings.remove_question(current_user, target, number)
    flash(_("The question is removed from the application form."), "success")
    return redirect(url_for("applications.settings", kind=kind, slug=slug))


def _target(kind: str, slug: str) -> Target:
    target = targets.target_by_slug(kind, slug)
    if target is None:
        abort(404)
    return target


def _filters(target: Target) -> tuple[ReviewFilterForm, queries.Filters]:
    countries, organisations = queries.countries_and_organisations(target)
    form = ReviewFilterForm(request.args)
    form.status.choices = [("", _("Any status"))] + [(status.value, label) for status, label in
                                                      STATUS_LABELS.items()]
    form.country.choices = [("", _("All countries"))] + [(code, country_name(code)) for code in countries]
    form.organisation.choices = [(0, _("All organisations"))] + organisations
    if not form.validate():
        return form, queries.Filters()
    return form, queries.Filters(status=form.status.data or "", country=form.country.data or "",
                                 organisation_id=form.organisation.data or None)


def _quota_form() -> QuotaForm:
    form = QuotaForm()
    form.country.choices = [("", _("— choose —"))] + country_choices()
    form.organisation.choices = [(0, _("— choose —"))] + organisation_choices()
    return form


def _settings_page(target: Target, **forms):
    intake = queries.intake_of(target)
    forms.setdefault("form", IntakeForm(seats=intake.seats if intake else None,
                                        offer_hours=intake.offer_hours if intake else 72))
    forms.setdefault("quota_form", _quota_form())
    forms.setdefault("question_form", QuestionForm(required_answer="optional"))
    return render_template("applications/manage/settings.html", target=target, kind=targets.kind_of(target),
                           intake=intake,
                           remove_form=RemoveForm(), seats=queries.quota_use(target, clock.now()),
                           **forms)
