"""Logging that keeps addresses out: a filter on the site's handlers that masks email addresses.

Our own code never logs an address; this is for the libraries that do (Wagtail logs the recipient
of a workflow email it could not send, for example), so that their messages reach the log without it.
"""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
MASK = "[email address]"


class MaskEmailAddresses(logging.Filter):
    """Replaces every email address in a record's message with a mask; the record is always kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if EMAIL.search(message):
            record.msg, record.args = EMAIL.sub(MASK, message), None
        return True
