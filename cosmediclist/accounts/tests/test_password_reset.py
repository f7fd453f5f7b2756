"""Password reset by email, delivered through the outbox to a real SMTP server."""

from __future__ import annotations

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.worker import run_tasks


def test_reset_link_arrives_and_sets_a_new_password(client: Client, reader, smtp_server) -> None:
    response = client.post(reverse("accounts:password-reset"), {"email": "rosa.reader@example.org"})
    assert response.status_code == 302
    run_tasks()
    [message] = smtp_server.messages
    assert message["To"] == "rosa.reader@example.org"
    assert message.is_multipart()
    text = message.get_payload()[0].get_payload(decode=True).decode()
    path = re.search(re.escape(settings.SITE_URL) + r"(/account/password-reset/\S+/)", text)
    assert path, text
    page = client.get(path.group(1), follow=True)
    assert page.status_code == 200
    confirm_url = page.redirect_chain[-1][0] if page.redirect_chain else path.group(1)
    done = client.post(
        confirm_url, {"new_password1": "fresh-meadow-lamp-9", "new_password2": "fresh-meadow-lamp-9"}
    )
    assert done.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password("fresh-meadow-lamp-9")


def test_unknown_address_gets_the_same_answer_and_no_email(client: Client, db, smtp_server) -> None:
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    run_tasks()
    assert smtp_server.messages == []
