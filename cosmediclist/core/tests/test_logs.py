"""The site's log handler masks email addresses that a library puts in a message."""

from __future__ import annotations

import io
import logging
import logging.config

from django.conf import settings

from cosmediclist.core.logs import MASK


def test_an_address_in_a_librarys_message_or_arguments_is_masked_and_the_rest_kept() -> None:
    config = {**settings.LOGGING, "root": {"handlers": ["console"], "level": "INFO"}}
    logging.config.dictConfig(config)
    stream = io.StringIO()
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)
    try:
        logger = logging.getLogger("wagtail.admin.mail")
        logger.error("Failed to send notification email '%s' to %s", "Guide in review", "pia@example.org")
        logger.warning("Bounce from sam.oneil+spa@clinic.co.uk after 3 tries")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    text = stream.getvalue()
    assert "example.org" not in text and "clinic.co.uk" not in text
    assert f"Failed to send notification email 'Guide in review' to {MASK}" in text
    assert f"Bounce from {MASK} after 3 tries" in text
