"""Organisations and their countries."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.admin import queries, services
from lms.admin.forms import OrganisationForm
from lms.auth.models import Organisation
from lms.auth.permissions import admin_required
from lms.extensions import db
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on

routes = Routes("/admin")


@routes.route("/organisations", methods=["GET", "POST"])
@admin_required
def organisations():
    form = OrganisationForm()
    if form.validate_on_submit():
        with service_errors_on(form.name):
            organisation = services.create_organisation(current_user, form.name.data, form.country.data)
            flash(_("%(name)s has been added.", name=organisation.name), "success")
            return redirect(url_for("admin.organisations"))
    return render_template("admin/organisations.html", form=form, rows=queries.organisations_with_counts()), \
        400 if form.errors else 200


@routes.route("/organisations/<int:organisation_id>", methods=["GET", "POST"])
@admin_required
def edit_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    form = OrganisationForm(obj=organisation)
    if form.validate_on_submit():
        with service_errors_on(form.name):
            services.update_organisation(current_user, organisation, form.name.data, form.country.data)
            flash(_("%(name)s has been saved.", name=organisation.name), "success")
            return redirect(url_for("admin.organisations"))
    return render_template("admin/organisation_form.html", form=form, organisation=organisation), \
        400 if form.errors else 200
