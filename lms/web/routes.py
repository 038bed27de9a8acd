"""The routes of one views module, put on its feature's blueprint by the feature's `register(app)`.

A views module declares its pages with `@routes.route(...)` as it would with a blueprint; nothing is
attached when the module is imported. The feature makes one blueprint per app (package = blueprint
name = template folder) and adds each of its modules' routes, so a reader finds every page of a
feature from its `register`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint

View = TypeVar("View", bound=Callable[..., Any])


class Routes:
    """Rules and their views, under a URL prefix ("/quizzes", "/courses/<slug>/manage/live")."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.rstrip("/")
        self._rules: list[tuple[str, Callable[..., Any], dict[str, Any]]] = []

    def route(self, rule: str, **options: Any) -> Callable[[View], View]:
        def record(view: View) -> View:
            self._rules.append((self.prefix + rule, view, options))
            return view

        return record

    def add_to(self, blueprint: Blueprint) -> None:
        for rule, view, options in self._rules:
            blueprint.add_url_rule(rule, view_func=view, **options)


def feature_blueprint(name: str, *modules: Any) -> Blueprint:
    """A new blueprint called `name` with the routes of each views module (each has a `routes`)."""
    blueprint = Blueprint(name, f"lms.{name}")
    for module in modules:
        module.routes.add_to(blueprint)
    return blueprint
