"""Programmes for everyone: the catalogue of programmes and their editions, a programme's page, enrolling."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from lms import clock
from lms.auth.permissions import can_manage_users
from lms.courses.models import CourseStatus, EnrolmentMode
from lms.programmes import queries, services
from lms.programmes.forms import EnrolForm
from lms.programmes.models import Programme
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed

routes = Routes("/programmes")


@routes.route("/")
def catalogue():
    staff = current_user.is_authenticated and can_manage_users(current_user)
    return render_template("programmes/catalogue.html", series=queries.catalogue(clock.now().date(),
                                                                                  include_drafts=staff),
                           can_author=staff, today=clock.now().date())


@routes.route("/<slug>/")
def programme(slug: str):
    found = _visible(slug)
    enrolment = queries.enrolment_of(found, current_user)
    standing = queries.standing(found, current_user.id) if enrolment is not None else None
    editions = queries.catalogue_of_series(found.series, include_drafts=can_manage_users(current_user)
                                           if current_user.is_authenticated else False)
    return render_template("programmes/programme.html", programme=found, enrolment=enrolment, standing=standing,
                           span=queries.span(found), editions=editions, enrol_form=EnrolForm(),
                           can_enrol=found.status is CourseStatus.PUBLISHED and found.enrolment is EnrolmentMode.OPEN,
                           can_manage=current_user.is_authenticated and can_manage_users(current_user))


@routes.route("/<slug>/enrol", methods=["POST"])
@login_required
def enrol(slug: str):
    found = _visible(slug)
    if not EnrolForm().validate():
        abort(400)
    with service_errors_flashed():
        services.enrol(current_user, found)
        flash(_("You are enrolled in the programme and in each of its courses."), "success")
    return redirect(url_for("programmes.programme", slug=found.slug))


def _visible(slug: str) -> Programme:
    """A published or archived programme for everyone; a draft only for the centre's administrators."""
    found = queries.programme_by_slug(slug)
    if found is None:
        abort(404)
    if found.status is CourseStatus.DRAFT and not (current_user.is_authenticated and can_manage_users(current_user)):
        abort(404)
    return found
