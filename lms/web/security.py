"""HTTP security headers: the Content-Security-Policy the pages are written for."""
from __future__ import annotations

from lms.web.markdown import VIDEO_FRAME_SOURCES


def live_session_policy(jitsi_domain: str) -> dict[str, str | list[str]]:
    """The site's policy, plus the Jitsi server's script and frames for the embedded meeting."""
    policy = content_security_policy()
    policy["script-src"] = ["'self'", f"https://{jitsi_domain}"]
    policy["frame-src"] = [*policy["frame-src"], f"https://{jitsi_domain}"]
    return policy


def content_security_policy() -> dict[str, str | list[str]]:
    """Everything from this site only: no inline scripts, no CDN, no framing by others."""
    return {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": ["'self'", "data:"],
        "font-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
        # Lessons embed videos only from these players (see lms/web/markdown.py).
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
    }
