"""The project's own security lint rules (run by `make lint`) find what they promise to find."""

from __future__ import annotations

import pytest

from tests import safety_rules


def messages_for_python(source: str, path: str = "cosmediclist/example/views.py") -> list[str]:
    return [finding.message for finding in safety_rules.check_python(path, source)]


def messages_for_template(source: str, path: str = "templates/example.html") -> list[str]:
    return [finding.message for finding in safety_rules.check_template(path, source)]


def test_the_project_passes_its_own_rules() -> None:
    assert [str(finding) for finding in safety_rules.run(safety_rules.DEFAULT_PATHS)] == []


def test_mark_safe_needs_a_review_note_on_its_line() -> None:
    bare = "from django.utils.safestring import mark_safe\nx = mark_safe(comment.body)\n"
    reviewed = "x = mark_safe(escaped)  # safe-html: escaped two lines up\n"
    assert messages_for_python(bare) == ["mark_safe() without a '# safe-html: <why>' review note"]
    assert messages_for_python(reviewed) == []


@pytest.mark.parametrize(
    "call",
    [
        'cursor.execute(f"SELECT * FROM x WHERE name = {name}")',
        'cursor.execute("SELECT * FROM x WHERE name = %s" % name)',
        'cursor.execute("SELECT * FROM x WHERE name = " + name)',
        'Model.objects.raw("SELECT * FROM x WHERE id = {}".format(pk))',
        'qs.extra(f"id = {pk}")',
        'RawSQL(f"lower({column})", [])',
    ],
)
def test_sql_built_by_formatting_is_refused(call: str) -> None:
    assert len(messages_for_python(call + "\n")) == 1


def test_sql_with_parameters_passes() -> None:
    assert messages_for_python('cursor.execute("SELECT * FROM x WHERE name = %s", [name])\n') == []
    assert messages_for_python('cursor.execute(f"SELECT 1")\n') == []  # an f-string with no value in it


def test_csrf_exempt_only_on_the_reviewed_views() -> None:
    source = (
        "from django.views.decorators.csrf import csrf_exempt\n"
        "@csrf_exempt\ndef unsubscribe(request, token): ...\n"
        "@csrf_exempt\ndef save(request): ...\n"
    )
    reviewed = safety_rules.check_python("cosmediclist/discussion/views.py", source)
    assert [(finding.line, finding.message) for finding in reviewed] == [
        (4, "csrf_exempt outside the reviewed list")
    ]
    elsewhere = safety_rules.check_python("cosmediclist/example/views.py", source)
    assert [finding.line for finding in elsewhere] == [2, 4]
    wrapped = "from django.views.decorators.csrf import csrf_exempt\nurl = csrf_exempt(view)\n"
    assert messages_for_python(wrapped) == ["csrf_exempt outside the reviewed list"]


def test_debug_true_is_refused() -> None:
    assert messages_for_python("DEBUG = True\n") == ["DEBUG = True"]
    assert messages_for_python("settings.DEBUG = True\n") == ["DEBUG = True"]
    assert messages_for_python("override_settings(DEBUG=True)\n") == ["DEBUG=True"]
    assert messages_for_python('DEBUG = env.bool("DEBUG", default=False)\n') == []


def test_templates_never_trust_text_as_html() -> None:
    assert messages_for_template("<p>{{ comment.body|safe }}</p>") == ["the |safe filter trusts text as HTML"]
    assert messages_for_template("{{ items|safeseq|join:', ' }}") == ["the |safe filter trusts text as HTML"]
    assert messages_for_template("{% autoescape off %}{{ x }}{% endautoescape %}") == [
        "{% autoescape off %} in an HTML template"
    ]
    # A plain-text template (an email's text part) may turn escaping off, never use |safe.
    assert messages_for_template("{% autoescape off %}{{ x }}", "templates/mail/x.txt") == []
    assert messages_for_template("{{ x|safe }}", "templates/mail/x.txt") != []
    assert messages_for_template("{{ title|safe_title }}") == []
