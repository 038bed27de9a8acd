"""The admin home and user management."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.admin import queries
from lms.admin.forms import ROLE_LABELS, ActiveForm, RoleForm, UserSearchForm
from lms.auth import services as accounts
from lms.auth.models import Role, User
from lms.auth.permissions import admin_required
from lms.extensions import db
from lms.redirects import safe_next_url

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/")
@admin_required
def index():
    return render_template("admin/index.html", counts=queries.site_counts(), role_labels=ROLE_LABELS)


@bp.route("/users")
@admin_required
def users():
    form = UserSearchForm(request.args)
    if not form.validate():
        return render_template("admin/users.html", form=form, page=None, role_labels=ROLE_LABELS), 400
    page = queries.search_users(
        form.q.data or "",
        Role(form.role.data) if form.role.data else None,
        page=request.args.get("page", 1, type=int),
        per_page=current_app.config["USERS_PER_PAGE"],
    )
    return render_template("admin/users.html", form=form, page=page, role_labels=ROLE_LABELS)


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@admin_required
def change_role(user_id: int):
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    if not form.validate():
        abort(400)
    accounts.set_role(current_user, user, Role(form.role.data))
    db.session.commit()
    flash(_("%(name)s is now: %(role)s.", name=user.name, role=ROLE_LABELS[user.role]), "success")
    return redirect(_back_to_list())


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@admin_required
def change_active(user_id: int):
    user = db.get_or_404(User, user_id)
    form = ActiveForm()
    if not form.validate():
        abort(400)
    accounts.set_active(current_user, user, form.active.data == "1")
    db.session.commit()
    if user.active:
        flash(_("%(name)s can sign in again.", name=user.name), "success")
    else:
        flash(_("%(name)s has been deactivated and can no longer sign in.", name=user.name), "success")
    return redirect(_back_to_list())


def _back_to_list() -> str:
    """The user list with the filters the admin was looking at."""
    return safe_next_url(request.form.get("next"), request.host_url) or url_for("admin.users")
