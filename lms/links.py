"""Absolute links (in mails, calendar addresses, certificate QR codes), built from PUBLIC_URL.

Never from the request's Host header, which a visitor chooses: a set-password mail asked for with
`Host: evil.example` must still point to the site. Without PUBLIC_URL (development, tests) links
follow the address the page was asked at.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, url_for


def absolute_url(endpoint: str, **values) -> str:
    """The full address of `endpoint` on the public site, inside a request or outside one."""
    public_url = current_app.config.get("PUBLIC_URL") or ""
    if not public_url:
        return url_for(endpoint, _external=True, **values)
    anchor = values.pop("_anchor", None)
    site = urlsplit(public_url)
    adapter = current_app.url_map.bind(site.netloc, url_scheme=site.scheme, script_name=site.path or "/")
    return adapter.build(endpoint, values, force_external=True) + (f"#{anchor}" if anchor else "")
