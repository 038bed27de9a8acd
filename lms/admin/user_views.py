"""Managing people: the user list with its filters, new and edited accounts, roles, set-password links."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.admin import queries, services
from lms.admin.forms import ROLE_LABELS, ActiveForm, PasswordLinkForm, RoleForm, UserForm, UserSearchForm
from lms.auth.genders import gender_from
from lms.auth.models import Organisation, Role, User
from lms.auth.permissions import admin_required
from lms.auth.queries import organisation_choices
from lms.extensions import db
from lms.web.forms import page_number
from lms.web.redirects import safe_next_url
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_flashed, service_errors_on

routes = Routes("/admin")


@routes.route("/users")
@admin_required
def users():
    form = UserSearchForm(organisation_choices(), request.args)
    if not form.validate():
        return render_template("admin/users.html", form=form, page=None, role_labels=ROLE_LABELS), 400
    found = queries.UserFilter(
        text=form.q.data or "",
        role=Role(form.role.data) if form.role.data else None,
        organisation_id=form.organisation.data or None,
        country=form.country.data or None,
        active={"1": True, "0": False}.get(form.active.data or ""),
    )
    page = queries.search_users(found, page=request.args.get("page", 1, type=page_number),
                                per_page=current_app.config["USERS_PER_PAGE"])
    return render_template("admin/users.html", form=form, page=page, role_labels=ROLE_LABELS,
                           filters={key: value for key, value in request.args.items() if key != "page"})


@routes.route("/users/new", methods=["GET", "POST"])
@admin_required
def new_user():
    form = UserForm(organisation_choices())
    if form.validate_on_submit():
        with service_errors_on(form.email):
            user = services.create_user(current_user, **_account_fields(form))
            flash(_("The account of %(name)s has been created. Give them a set-password link.", name=user.name),
                  "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template("admin/user_form.html", form=form, user=None), 400 if form.errors else 200


@routes.route("/users/<int:user_id>", methods=["GET", "POST"])
@admin_required
def edit_user(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserForm(organisation_choices(), data={
        "name": user.name, "email": user.email, "role": user.role.value, "organisation": user.organisation_id or 0,
        "country": user.country or "", "locale": user.locale or "", "gender": user.gender or ""})
    if form.validate_on_submit():
        with service_errors_on(form):
            services.update_user(current_user, user, **_account_fields(form))
            flash(_("The account of %(name)s has been saved.", name=user.name), "success")
            return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template("admin/user_form.html", form=form, user=user, link_form=PasswordLinkForm(),
                           active_form=ActiveForm()), 400 if form.errors else 200


@routes.route("/users/<int:user_id>/password-link", methods=["POST"])
@admin_required
def password_link(user_id: int):
    user = db.get_or_404(User, user_id)
    if not PasswordLinkForm().validate():
        abort(400)
    with service_errors_flashed():
        link, mailed = services.password_link(current_user, user)
        return render_template("admin/password_link.html", user=user, link=link, mailed=mailed)
    return redirect(url_for("admin.edit_user", user_id=user.id))


@routes.route("/users/<int:user_id>/role", methods=["POST"])
@admin_required
def change_role(user_id: int):
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    if not form.validate():
        abort(400)
    services.change_role(current_user, user, Role(form.role.data))
    flash(_("%(name)s is now: %(role)s.", name=user.name, role=ROLE_LABELS[user.role]), "success")
    return redirect(_back_to_list())


@routes.route("/users/<int:user_id>/active", methods=["POST"])
@admin_required
def change_active(user_id: int):
    user = db.get_or_404(User, user_id)
    form = ActiveForm()
    if not form.validate():
        abort(400)
    services.change_active(current_user, user, form.active.data == "1")
    if user.active:
        flash(_("%(name)s can sign in again.", name=user.name), "success")
    else:
        flash(_("%(name)s has been deactivated and can no longer sign in.", name=user.name), "success")
    return redirect(_back_to_list())


def _account_fields(form: UserForm) -> dict:
    return {
        "email": form.email.data, "name": form.name.data, "role": Role(form.role.data),
        "organisation": db.session.get(Organisation, form.organisation.data or 0),
        "country": form.country.data or None, "locale": form.locale.data or None,
        "gender": gender_from(form.gender.data),
    }


def _back_to_list() -> str:
    """The page the admin came from (the list with its filters, or the account)."""
    return safe_next_url(request.form.get("next"), request.host_url) or url_for("admin.users")
