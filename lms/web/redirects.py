"""Safe redirect targets: a `next` URL may only lead back into this site."""
from __future__ import annotations

from urllib.parse import urlsplit


def safe_next_url(target: str | None, host_url: str) -> str | None:
    """`target` as a local path when it points into this site (same host), else None."""
    if not target:
        return None
    target = target.strip()
    # Browsers treat backslashes as slashes, so "/\evil.example" would leave the site.
    if "\\" in target or any(ord(char) < 32 for char in target):
        return None
    parts = urlsplit(target)
    host = urlsplit(host_url)
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (host.scheme, host.netloc):
            return None
    elif not target.startswith("/") or target.startswith("//"):
        return None
    path = parts.path or "/"
    if path.startswith("//"):  # "http://HOST//evil.example" would become the address //evil.example
        return None
    return path + (f"?{parts.query}" if parts.query else "")
