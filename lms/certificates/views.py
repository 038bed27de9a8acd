"""A certificate's PDF for its owner and the admins, and the public check of a verification code."""
from __future__ import annotations

from flask import Response, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from lms.certificates import queries
from lms.certificates.pdf import render_pdf
from lms.certificates.services import normalise_code
from lms.extensions import limiter
from lms.i18n import LANGUAGES, current_locale
from lms.web.rate_limits import setting
from lms.web.routes import Routes

routes = Routes("")


@routes.route("/certificates/<code>.pdf")
@login_required
def pdf(code: str):
    certificate = queries.certificate_by_code(normalise_code(code) or "")
    if certificate is None or certificate.revoked:
        abort(404)
    if certificate.holder.id != current_user.id and not current_user.is_admin:
        abort(404)  # someone else's certificate does not exist for this visitor
    locale = request.args.get("lang") or certificate.locale
    if locale not in LANGUAGES:
        abort(400)
    filename = f"certificate-{certificate.awarded_for.slug}-{locale}.pdf"
    return Response(render_pdf(certificate, locale), mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})


@routes.route("/verify/")
def verify_box():
    """The public page with a box for a code (printed certificates carry the code, not always the QR)."""
    code = request.args.get("code", "").strip()
    if code:
        return redirect(url_for("certificates.verify", code=code[:64]))
    return render_template("certificates/verify.html", certificate=None, code="", asked=False)


@routes.route("/verify/<code>")
@limiter.limit(setting("VERIFY_RATE_LIMIT"))
def verify(code: str):
    canonical = normalise_code(code)
    certificate = queries.certificate_by_code(canonical) if canonical else None
    status = 200 if certificate is not None else 404
    return render_template("certificates/verify.html", certificate=certificate, code=code[:64], asked=True,
                           malformed=canonical is None, locale=current_locale()), status
