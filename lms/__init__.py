"""Təlim LMS: the application factory."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from werkzeug.middleware.proxy_fix import ProxyFix

from config import BASE_DIR, DevConfig
from lms import (
    cli,
    content_cache,
    models,  # noqa: F401  (every table known to SQLAlchemy and Alembic)
)
from lms.admin import import_views, organisation_views, report_views, user_views  # noqa: F401  (routes on the admin blueprint)
from lms.admin.views import bp as admin_bp
from lms.auth import cli as auth_cli
from lms.auth import sign_ins
from lms.auth.models import User
from lms.auth.views import bp as auth_bp
from lms.calendar.views import bp as calendar_bp
from lms.certificates import cli as certificates_cli
from lms.certificates.manage_views import bp as certificate_manage_bp
from lms.certificates.views import bp as certificates_bp
from lms.core.views import bp as core_bp
from lms.courses import cli as courses_cli
from lms.courses import manage_views  # noqa: F401  (adds the authoring routes to the courses blueprint)
from lms.courses.views import bp as courses_bp
from lms.demo import cli as demo_cli
from lms.extensions import babel, csrf, db, limiter, login_manager, migrate, talisman
from lms.i18n import select_locale, select_timezone
from lms.live import cli as live_cli
from lms.live import transfer as _live_transfer  # noqa: F401  (adds live times to course exports)
from lms.live.manage_views import bp as live_manage_bp
from lms.live.settings import init_jitsi
from lms.live.views import bp as live_bp
from lms.progress.views import bp as progress_bp
from lms.quizzes import cli as quizzes_cli
from lms.quizzes import transfer as _quiz_transfer  # noqa: F401  (adds quizzes to course exports)
from lms.quizzes.manage_views import bp as quiz_manage_bp
from lms.quizzes.views import bp as quizzes_bp
from lms.web.error_pages import register_error_handlers
from lms.web.security import content_security_policy, live_session_policy
from lms.web.templating import register_template_helpers
from lms.web.unit_of_work import UnitOfWorkFlask, watch_session

SIGN_IN_TO_CONTINUE = _l("Please sign in to open this page.")
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def create_app(config_class: type = DevConfig, **overrides) -> Flask:
    """Build the app from a config class (and test overrides), ready to serve."""
    if hasattr(config_class, "check"):
        config_class.check()
    app = UnitOfWorkFlask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(BASE_DIR / "instance"),
    )
    app.config.from_object(config_class)
    if hasattr(config_class, "runtime_settings"):
        app.config.update(config_class.runtime_settings())
    app.config.update(overrides)
    Path(app.instance_path).mkdir(exist_ok=True)
    if app.config["PROXY_COUNT"]:
        hops = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    _register_extensions(app)
    init_jitsi(app)
    for blueprint in (core_bp, auth_bp, courses_bp, quizzes_bp, quiz_manage_bp, live_bp, live_manage_bp,
                      calendar_bp, certificates_bp, certificate_manage_bp, progress_bp, admin_bp):
        app.register_blueprint(blueprint)
    # Only the session page may load the Jitsi server's script and frame (Talisman reads this).
    app.view_functions["live.session_page"].talisman_view_options = {
        "content_security_policy": live_session_policy(app.extensions["jitsi"].meeting_domain)}
    register_template_helpers(app)
    cli.register(app)
    for feature in (auth_cli, courses_cli, quizzes_cli, live_cli, certificates_cli, demo_cli):
        cli.add_commands(app, *feature.COMMANDS)
    register_error_handlers(app)
    if app.config["RATELIMIT_STORAGE_URI"].startswith("memory://") and not (app.debug or app.testing):
        app.logger.warning("Rate limits are counted in this process's memory (RATELIMIT_STORAGE_URI=memory://): "
                           "with several workers or servers each counts alone. Set RATELIMIT_STORAGE_URI=redis://...")
    return app


def _register_extensions(app: Flask) -> None:
    db.init_app(app)
    watch_session()
    app.teardown_appcontext(_end_session)  # runs before Flask-SQLAlchemy's own, which it makes a no-op
    content_cache.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    limiter.init_app(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        content_security_policy=content_security_policy(),
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    # Flask-Login's own message is English; ours is translated when it is flashed.
    login_manager.login_message = SIGN_IN_TO_CONTINUE
    login_manager.localize_callback = str
    login_manager.user_loader(_load_user)

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _load_user(sign_in_token: str) -> User | None:
    return sign_ins.user_for(sign_in_token)


def _end_session(_error: BaseException | None) -> None:
    """End the request's session; a database lost since the response was made does not undo it."""
    try:
        db.session.remove()
    except OperationalError:
        # The final ROLLBACK met a restarted server: SQLAlchemy has invalidated the connection, and
        # the response (with whatever was committed) stands, instead of becoming a 500.
        db.session.registry.clear()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers and a writer work at once; SQLite leaves foreign keys off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


__all__ = ["create_app"]
