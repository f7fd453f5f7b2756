"""Local security rules that ruff and bandit cannot express. Run by `make lint`.

Fails on:
- `mark_safe(...)` without a review note (`# safe-html: <why>`) on the same line; the note says why
  no user text can reach it unescaped. Reviewed uses are listed by `--list`.
- `|safe` and `|safeseq` in any template, `{% autoescape off %}` in HTML templates: user text is never trusted as HTML;
  templates render what a view already made safe with `mark_safe` (reviewed) or `format_html`.
- SQL built by formatting (unless the line carries `# safe-sql: <why>`, for identifiers the
  database's own catalogue supplies, quoted by the backend): `.execute()`, `.executemany()`, `.raw()`, `.extra()` or `RawSQL()` whose
  SQL argument is an f-string, a `%` or `+` expression or a `.format()` call.
- `csrf_exempt` anywhere but the reviewed one-click unsubscribe views below (RFC 8058: the mail
  client posts without a cookie; the signed token in the URL is the credential).
- `DEBUG = True` (or `DEBUG=True` as a keyword) in Python.

Usage: python -m tests.safety_rules [PATH ...]   (default: the project's code and templates)
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ("cosmediclist", "templates", "bench", "bin", "tests", "conftest.py", "manage.py")
SKIP_PARTS = {"migrations", "node_modules", "staticfiles", "media", "__pycache__", ".venv", "corpora"}

# (file relative to the root, function name): reviewed csrf_exempt uses.
CSRF_EXEMPT_REVIEWED = {
    ("cosmediclist/consultations/views.py", "unsubscribe"),
    ("cosmediclist/reviews/outcome_views.py", "unsubscribe"),
    ("cosmediclist/discussion/views.py", "unsubscribe"),
}
SUFFIXES = {".py", ".html", ".txt", ".xml", ".ics"}
SQL_CALLS = {"execute", "executemany", "raw", "extra", "RawSQL"}
SAFE_NOTE = "# safe-html:"
SQL_NOTE = "# safe-sql:"
SAFE_FILTER = (re.compile(r"\|\s*safe(seq)?\b"), "the |safe filter trusts text as HTML")
AUTOESCAPE_OFF = (re.compile(r"\{%-?\s*autoescape\s+off"), "{% autoescape off %} in an HTML template")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_formatted(node: ast.expr) -> bool:
    """True when the expression builds a string by formatting or concatenation."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def _functions_by_line(tree: ast.AST) -> dict[int, str]:
    """The name of the function each decorator line belongs to."""
    names: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                names[decorator.lineno] = node.name
    return names


def check_python(relative: str, source: str) -> Iterator[Finding]:
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        yield Finding(relative, error.lineno or 0, f"cannot parse: {error.msg}")
        return
    lines = source.splitlines()
    decorated = _functions_by_line(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name == "mark_safe" and SAFE_NOTE not in lines[node.lineno - 1]:
                yield Finding(relative, node.lineno, f"mark_safe() without a '{SAFE_NOTE} <why>' review note")
            if (
                name in SQL_CALLS
                and node.args
                and _is_formatted(node.args[0])
                and SQL_NOTE not in lines[node.lineno - 1]
                and SQL_NOTE not in lines[node.args[0].lineno - 1]
            ):
                yield Finding(relative, node.lineno, f"SQL built by formatting in {name}(): pass parameters")
            for keyword in node.keywords:
                if keyword.arg == "DEBUG" and _is_true(keyword.value):
                    yield Finding(relative, node.lineno, "DEBUG=True")
        elif isinstance(node, (ast.Name, ast.Attribute)) and _ident(node) == "csrf_exempt":
            if isinstance(getattr(node, "ctx", None), ast.Load) and not _is_import_line(lines, node.lineno):
                function = decorated.get(node.lineno, "")
                if (relative, function) not in CSRF_EXEMPT_REVIEWED:
                    yield Finding(relative, node.lineno, "csrf_exempt outside the reviewed list")
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if _ident(target) == "DEBUG" and _is_true(node.value):
                    yield Finding(relative, node.lineno, "DEBUG = True")


def _ident(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _is_import_line(lines: list[str], lineno: int) -> bool:
    return lines[lineno - 1].lstrip().startswith(("from ", "import "))


def check_template(relative: str, source: str) -> Iterator[Finding]:
    # Plain-text templates (emails' text part, text/plain downloads) may turn escaping off: no
    # browser reads them as HTML. `|safe` is refused everywhere.
    rules = [SAFE_FILTER] if relative.endswith((".txt", ".ics")) else [SAFE_FILTER, AUTOESCAPE_OFF]
    for number, line in enumerate(source.splitlines(), start=1):
        for pattern, message in rules:
            if pattern.search(line):
                yield Finding(relative, number, message)


def files(paths: Iterable[str]) -> Iterator[Path]:
    for name in paths:
        path = (ROOT / name) if not Path(name).is_absolute() else Path(name)
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for candidate in candidates:
            wanted = candidate.suffix in SUFFIXES or _is_python_script(candidate)
            if wanted and candidate.is_file() and not SKIP_PARTS.intersection(candidate.parts):
                yield candidate


def _is_python_script(path: Path) -> bool:
    if path.suffix or path.parent.name != "bin":
        return False
    with path.open("rb") as handle:
        first = handle.readline()
    return first.startswith(b"#!") and b"python" in first


def run(paths: Iterable[str]) -> list[Finding]:
    findings: list[Finding] = []
    for path in files(paths):
        try:
            relative = path.relative_to(ROOT).as_posix()
        except ValueError:
            relative = path.as_posix()
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".py" or _is_python_script(path):
            findings.extend(check_python(relative, source))
        else:
            findings.extend(check_template(relative, source))
    return findings


def main(argv: list[str]) -> int:
    findings = run(argv or DEFAULT_PATHS)
    for finding in findings:
        sys.stdout.write(f"{finding}\n")
    sys.stdout.write(f"safety rules: {len(findings)} finding(s)\n")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
