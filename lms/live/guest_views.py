"""Guests of live sessions: a trainer invites and revokes them; a guest enters by their personal link.

The link is the guest's only key: it opens this one session's meeting inside its window, in the
guest's name, and nothing else of the site.
"""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, session, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, SelectField, StringField, SubmitField
from wtforms.validators import Optional

from lms import clock
from lms.courses.permissions import editable_course, module_of_or_404
from lms.extensions import db
from lms.i18n import LANGUAGES, SESSION_KEY, current_locale
from lms.live import guests, jitsi, services
from lms.live.models import GuestInvite
from lms.live.settings import jitsi_config
from lms.web.forms import Form, email_address, max_length, required, select_choices
from lms.web.routes import Routes
from lms.web.unit_of_work import service_errors_on, writes_on_get

routes = Routes()


class GuestForm(Form):
    name = StringField(_l("Name"), validators=[required(), max_length(200)])
    email = StringField(_l("E-mail"), validators=[required(), email_address(), max_length(254)])
    organisation = StringField(_l("Organisation"), validators=[Optional(), max_length(200)])
    locale = SelectField(_l("Language of the invitation"), choices=select_choices(LANGUAGES.items()),
                         validators=[required()])
    moderator = BooleanField(_l("Joins as a moderator"))
    submit = SubmitField(_l("Invite and send the link"))


@routes.route("/courses/<slug>/manage/live/<int:live_module_id>/guests", methods=["GET", "POST"])
def guest_list(slug: str, live_module_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, live_module_id)
    live_session = services.session_for(module) or abort(404)
    form = GuestForm(locale=course.original_locale)
    if form.validate_on_submit():
        with service_errors_on(form):
            guest = guests.invite(live_session, name=form.name.data, email=form.email.data,
                                  organisation=form.organisation.data or "", locale=form.locale.data,
                                  moderator=form.moderator.data, by=current_user, now=clock.now())
            flash(_("%(name)s is invited: the personal link is on its way by e-mail.", name=guest.name), "success")
            return redirect(url_for("live.guest_list", slug=slug, live_module_id=module.id))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("live/manage/guests.html", course=course, module=module, session=live_session, form=form,
                           guests=guests.guests_of(live_session), revoke_form=Form()), status


@routes.route("/courses/<slug>/manage/live/<int:live_module_id>/guests/<int:guest_id>/revoke", methods=["POST"])
def revoke_guest(slug: str, live_module_id: int, guest_id: int):
    course = editable_course(slug)
    module = module_of_or_404(course, live_module_id)
    guest = db.get_or_404(GuestInvite, guest_id)
    if guest.session.module_id != module.id or not Form().validate():
        abort(404 if guest.session.module_id != module.id else 400)
    guests.revoke(guest, current_user, clock.now())
    flash(_("The link of %(name)s no longer opens the meeting.", name=guest.name), "success")
    return redirect(url_for("live.guest_list", slug=slug, live_module_id=module.id))


@routes.route("/live/<int:session_id>/guest/<token>")
@writes_on_get  # opening the meeting by the link is the guest's attendance
def guest_entry(session_id: int, token: str):
    guest = guests.guest_for(session_id, token)
    if guest is None:
        return render_template("live/guest_invalid.html"), 404
    chosen = session.get(SESSION_KEY)  # a guest who switched the page's language keeps that choice
    g.page_timezone = guest.session.module.day.course.timezone  # the guest has no zone of their own
    with force_locale(chosen if chosen in LANGUAGES else guest.locale):
        return _guest_page(guest)


def _guest_page(guest: GuestInvite):
    live, config, now = guest.session, jitsi_config(), clock.now()
    window = jitsi.Window(live.starts_at, live.ends_at)
    context = {"guest": guest, "session": live, "module": live.module, "opens_at": window.opens_at(config),
               "is_over": now >= live.ends_at, "zone": live.module.day.course.timezone}
    if not window.is_open(config, now):
        return render_template("live/guest.html", embed=None, **context), 403
    room = jitsi.room_name(live.room_secret)
    who = jitsi.Participant(id=f"guest-{guest.id}", name=guest.name, email=guest.email, moderator=guest.moderator)
    signed = jitsi.token(config, room, window, who, now)
    guests.record_join(guest, now)
    embed = {"domain": config.meeting_domain, "room": jitsi.room_path(config, room), "jwt": signed,
             "lang": current_locale(), "name": guest.name, "email": guest.email,
             "url": jitsi.meeting_url(config, room, signed)}
    return render_template("live/guest.html", embed=embed, **context)
