"""`next` URLs lead only back into this site."""
import pytest

from lms.redirects import safe_next_url

HOST = "http://lms.example.org/"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/auth/profile", "/auth/profile"),
        ("/admin/users?q=nigar&page=2", "/admin/users?q=nigar&page=2"),
        ("http://lms.example.org/auth/profile", "/auth/profile"),
        ("https://evil.example/", None),
        ("//evil.example/path", None),
        ("/\\evil.example", None),
        ("\\\\evil.example", None),
        ("javascript:alert(1)", None),
        ("http://lms.example.org.evil.example/", None),
        ("https://lms.example.org/", None),  # another scheme is another site
        ("relative/path", None),
        ("/ok\r\nSet-Cookie: x=1", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_next_url(target, expected):
    assert safe_next_url(target, HOST) == expected
