"""Read a page's form as a browser would send it, so that a test can save it unchanged, or change a field."""
from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collects the fields of every POST form on a page: [(action, [(name, value), ...]), ...]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, list[tuple[str, str]]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = {name: (value or "") for name, value in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._fields = []
            self.forms.append((a.get("action", ""), self._fields))
        if self._fields is None or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag):
        if self._fields is None:
            return
        if tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected] or [v for v, _ in self._options[:1]]
            self._fields.extend((self._select, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # a browser drops the one newline that follows <textarea>
            self._fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self._fields = None


def form_fields(html: str, action: str | None = None) -> list[tuple[str, str]]:
    """The (name, value) pairs a POST form of the page sends as it stands.

    The form posting to `action` (its own address when the form has none: `""`), or else the page's
    largest form (not the sign-out button in the header).
    """
    reader = _FormReader()
    reader.feed(html)
    forms = [fields for target, fields in reader.forms if action is None or target == action]
    assert forms, f"no POST form for {action!r} on the page"
    return list(max(forms, key=len))


def changed(fields: list[tuple[str, str]], **values: str | None) -> list[tuple[str, str]]:
    """The fields with some set to another value (None removes the field, as an unticked checkbox)."""
    kept = [(name, value) for name, value in fields if name not in values]
    return kept + [(name, value) for name, value in values.items() if value is not None]
