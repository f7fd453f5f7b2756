"""The privacy page names every cookie the site sets: signing in, a form's notice after sending, comments."""

from __future__ import annotations

import re

from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.discussion import tokens
from tests.personas import PASSWORD


def test_every_cookie_the_site_sets_is_listed_on_the_privacy_page(reader: User) -> None:
    listed = set(re.findall(r"<code>([\w-]+)</code>", Client().get("/privacy/").content.decode()))
    seen: set[str] = set()
    visitor = Client()
    seen |= set(visitor.get("/contact/").cookies)
    message = {"name": "Jo Reader", "email": "jo@example.org", "body": "Do you list clinics in Truro?"}
    seen |= set(visitor.post("/contact/", message).cookies)  # "Thank you" shown on the next page
    signed_in = Client()
    seen |= set(signed_in.post("/account/sign-in/", {"email": reader.email, "password": PASSWORD}).cookies)
    assert {"csrftoken", "sessionid", "messages"} <= seen
    seen |= {tokens.AUTHOR_COOKIE, tokens.REMEMBER_COOKIE}  # set by posting a comment (test_posting.py)
    assert sorted(seen - listed) == []
