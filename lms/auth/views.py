"""Signing in and out, registering, and the user's own profile."""
from __future__ import annotations

import json

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_required, login_user, logout_user

from lms import clock, signals
from lms.auth import services, sign_ins
from lms.auth.forms import (
    ForgotPasswordForm,
    LoginForm,
    PasswordForm,
    ProfileForm,
    RegisterForm,
    RenewCalendarForm,
    SetPasswordForm,
)
from lms.auth.genders import gender_from
from lms.auth.models import Organisation
from lms.auth.personal_data import personal_data
from lms.auth.queries import organisation_choices
from lms.extensions import db, limiter
from lms.i18n import current_locale
from lms.links import absolute_url
from lms.web.rate_limits import answered, setting
from lms.web.redirects import safe_next_url
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on, writes_on_get

routes = Routes("/auth")


def _account_key() -> str:
    return "account:" + services.normalise_email(request.form.get("email", ""))[:254]


def _next_or_home():
    return redirect(safe_next_url(request.args.get("next"), request.host_url) or url_for("core.home"))


@routes.route("/login", methods=["GET", "POST"])
@limiter.limit(setting("LOGIN_FAILURES_PER_ADDRESS"), methods=["POST"], deduct_when=answered(401))
@limiter.limit(setting("LOGIN_FAILURES_PER_ACCOUNT"), methods=["POST"], deduct_when=answered(401),
               key_func=_account_key)
def login():
    if current_user.is_authenticated:
        return _next_or_home()
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            flash(_("The e-mail or password is not correct, or the account is inactive."), "error")
            return render_template("auth/login.html", form=form), 401
        sign_ins.start(user, remember=form.remember.data)
        login_user(user, remember=form.remember.data)
        flash(_("Welcome back, %(name)s!", name=user.name), "success")
        return _next_or_home()
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@routes.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        sign_ins.end(current_user.sign_in_token)  # a copy of this browser's cookies stops working too
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("core.home"))


@routes.route("/register", methods=["GET", "POST"])
@limiter.limit(setting("REGISTRATION_RATE_LIMIT"), methods=["POST"])
def register():
    if not current_app.config["REGISTRATION_OPEN"]:
        abort(404)
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = RegisterForm(organisation_choices())
    if form.validate_on_submit():
        owner = services.find_user_by_email(form.email.data)
        if owner is not None:
            # Never say that the address has an account: its owner is told by mail instead.
            signals.registration_with_taken_address.send(owner)
            return _registered(form.email.data)
        with service_errors_on(form.email):
            services.create_user(
                email=form.email.data,
                name=form.name.data,
                password=form.password.data,
                locale=current_locale(),
                country=form.country.data or None,
                organisation=db.session.get(Organisation, form.organisation.data or 0),
            )
            return _registered(form.email.data)
    return render_template("auth/register.html", form=form), 400 if form.errors else 200


def _registered(email: str):
    """The one answer to a registration, whether the address was new or had an account."""
    return render_template("auth/registered.html", email=services.normalise_email(email))


@routes.route("/password/<token>", methods=["GET", "POST"])
@limiter.limit(setting("LOGIN_RATE_LIMIT"), methods=["POST"])
def set_password(token: str):
    user = services.user_for_password_token(token)
    if user is None:
        return render_template("auth/password_link_invalid.html"), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.new_password.data)
        logout_user()
        flash(_("Your password has been set. You can sign in now."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form, user=user), 400 if form.errors else 200


@routes.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(setting("FORGOT_PASSWORD_RATE_LIMIT"), methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_link(form.email.data)
        # The same answer for every address: nobody learns here who has an account.
        return render_template("auth/forgot_password_sent.html", email=form.email.data,
                               hours=current_app.config["PASSWORD_LINK_HOURS"])
    return render_template("auth/forgot_password.html", form=form), 400 if form.errors else 200


@routes.route("/profile", methods=["GET", "POST"])
@login_required
@writes_on_get
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        services.update_profile(current_user, name=form.name.data, locale=form.locale.data,
                                timezone=form.timezone.data, gender=gender_from(form.gender.data))
        refresh()  # say "saved" in the language just chosen, not the one this request began in
        flash(_("Your profile has been saved."), "success")
        return redirect(url_for("auth.profile"))
    return _render_profile(profile_form=form)


@routes.route("/profile/password", methods=["POST"])
@login_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        with service_errors_on(form.current_password):
            services.change_password(current_user, form.current_password.data, form.new_password.data)
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("auth.profile"))
    return _render_profile(password_form=form)


@routes.route("/profile/calendar", methods=["POST"])
@login_required
def renew_calendar():
    if not RenewCalendarForm().validate():
        abort(400)
    services.calendar_token(current_user, renew=True)
    flash(_("Your calendar has a new private address; the old one no longer works."), "success")
    return redirect(url_for("auth.profile") + "#calendar")


@routes.route("/profile/data.json")
@login_required
def my_data():
    """Everything the site keeps about me, as a JSON download."""
    body = json.dumps(personal_data(current_user, clock.now()), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="my-data.json"'})


def _render_profile(profile_form: ProfileForm | None = None, password_form: PasswordForm | None = None):
    profile_form = profile_form or ProfileForm(obj=current_user)
    password_form = password_form or PasswordForm(formdata=None)
    status = 400 if profile_form.errors or password_form.errors else 200
    token = services.calendar_token(current_user)  # made on first visit (the reason for @writes_on_get)
    return render_template(
        "auth/profile.html", profile_form=profile_form, password_form=password_form,
        calendar_url=absolute_url("calendar.feed", token=token), calendar_form=RenewCalendarForm(),
    ), status
