"""Data flows one way: `parsing` and `scoring` never import `tui` or Textual."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FORBIDDEN = {"tui", "textual", "rich"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", ["parsing", "scoring"])
def test_lower_layers_never_import_the_reader(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no modules"
    offenders = {
        str(f.relative_to(ROOT)): sorted(imported_roots(f) & FORBIDDEN)
        for f in files
        if imported_roots(f) & FORBIDDEN
    }
    assert offenders == {}


def _public_names(module: str) -> set[str] | None:
    """The names `module` declares public (`__all__`) plus its submodules; None: no `__all__`."""
    path = ROOT.joinpath(*module.split("."))
    source = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            names = set(ast.literal_eval(node.value))
            if path.is_dir():
                names |= {p.stem for p in path.glob("*.py")} | {
                    p.name for p in path.iterdir() if (p / "__init__.py").exists()
                }
            return names
    return None


def test_the_reader_uses_only_public_names_of_parsing_and_scoring() -> None:
    """`tui` reaches `parsing` and `scoring` through their public names only: no `_private`
    module or name, and only what a module lists in `__all__` when it has one."""
    offenders: list[str] = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.module or node.level:
                continue
            if node.module.split(".")[0] not in {"parsing", "scoring"}:
                continue
            public = _public_names(node.module)
            for alias in node.names:
                private = alias.name.startswith("_") or any(
                    part.startswith("_") for part in node.module.split(".")
                )
                if private or (public is not None and alias.name not in public):
                    offenders.append(f"{path.relative_to(ROOT)}: {node.module}.{alias.name}")
    assert offenders == []
