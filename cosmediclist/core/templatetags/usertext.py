from django import template
from django.utils.safestring import SafeString

from cosmediclist.core.text import describe, render_user_text

register = template.Library()


@register.filter(name="usertext")
def usertext(value: object) -> SafeString:
    """Render user-written plain text safely: ``{{ comment.body|usertext }}``."""
    return render_user_text(str(value or ""))


@register.filter(name="usertext_nolinks")
def usertext_nolinks(value: object) -> SafeString:
    return render_user_text(str(value or ""), links=False)


@register.filter(name="describe")
def describe_filter(value: object, limit: int = 160) -> str:
    """A page description ending at a sentence or word boundary: ``{{ text|describe }}``."""
    return describe(str(value or ""), int(limit))
