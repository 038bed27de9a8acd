"""The shape of the app: one blueprint per feature, features in DESIGN's order, reactions as named signals."""
from __future__ import annotations

import ast
from pathlib import Path

from lms import signals
from lms.certificates.services import on_module_completed
from lms.quizzes.services import on_attempt_graded

ROOT = Path(__file__).resolve().parents[2]
LMS = ROOT / "lms"
# DESIGN.md's order: each feature imports only those before it.
FEATURES = ["auth", "audit", "files", "notifications", "courses", "quizzes", "live", "surveys", "assignments",
            "programmes", "applications", "certificates", "progress", "calendar", "core", "admin", "demo"]
AGGREGATORS = {LMS / "__init__.py", LMS / "models.py"}  # the factory and the table list name every feature


def _runtime_imports(path: Path) -> set[str]:
    """The lms modules a file imports when it runs (imports under `if TYPE_CHECKING:` left out)."""
    tree = ast.parse(path.read_text())
    skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
               and getattr(block.test, "id", None) == "TYPE_CHECKING" for node in ast.walk(block)}
    names = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lms"):
            names |= {f"{node.module}.{alias.name}" for alias in node.names} if node.module == "lms" else {node.module}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names if alias.name.startswith("lms")}
    return names


def _feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FEATURES else None


def _feature_of_file(path: Path) -> str | None:
    parts = path.relative_to(LMS).with_suffix("").parts
    name = parts[0]
    return name if name in FEATURES else None


def test_each_feature_imports_only_the_features_before_it():
    wrong = []
    for path in LMS.rglob("*.py"):
        if "migrations" in path.parts or path in AGGREGATORS:
            continue
        mine = _feature_of_file(path)
        allowed = set(FEATURES[:FEATURES.index(mine) + 1]) if mine else set()  # shared code imports no feature
        wrong += [f"{path.relative_to(ROOT)} imports {module}" for module in sorted(_runtime_imports(path))
                  if _feature_of(module) and _feature_of(module) not in allowed]
    assert wrong == []


def test_each_feature_is_one_blueprint_named_as_its_package_and_template_folder(app):
    pages = {name for name in app.blueprints}
    assert pages == {"auth", "notifications", "courses", "quizzes", "live", "surveys", "assignments", "programmes",
                     "applications",
                     "certificates", "progress", "calendar", "core", "admin"}
    assert all((LMS / name / "__init__.py").exists() for name in pages)
    folders = {folder.name for folder in (ROOT / "templates").iterdir() if folder.is_dir()}
    assert folders - {"_macros", "_partials", "errors"} <= pages  # every page's template in its feature's folder
    endpoints = {rule.endpoint.split(".")[0] for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert endpoints == pages


def test_a_second_app_gets_the_same_pages_and_reactions_once(app, other_app):
    second = other_app()
    assert sorted(map(str, second.url_map.iter_rules())) == sorted(map(str, app.url_map.iter_rules()))
    assert list(signals.module_completed.receivers_for(object())).count(on_module_completed) == 1


def test_reactions_across_features_are_named_signals(app):
    assert on_module_completed in signals.module_completed.receivers_for(object())
    assert on_attempt_graded in signals.attempt_graded.receivers_for(object())



def test_no_file_under_lms_is_over_400_lines():
    long = {str(path.relative_to(ROOT)): n for path in LMS.rglob("*.py")
            if "migrations" not in path.parts and (n := len(path.read_text().splitlines())) > 400}
    assert long == {}
