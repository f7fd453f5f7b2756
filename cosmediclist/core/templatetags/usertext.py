from django import template
from django.utils.safestring import SafeString

from cosmediclist.core.text import render_user_text

register = template.Library()


@register.filter(name="usertext")
def usertext(value: object) -> SafeString:
    """Render user-written plain text safely: ``{{ comment.body|usertext }}``."""
    return render_user_text(str(value or ""))


@register.filter(name="usertext_nolinks")
def usertext_nolinks(value: object) -> SafeString:
    return render_user_text(str(value or ""), links=False)
