"""A real SMTP server's sink: every envelope it accepted, and each one as a parsed message."""

from __future__ import annotations

import email
from dataclasses import dataclass, field
from email.message import Message
from typing import Any


@dataclass
class SmtpSink:
    port: int
    envelopes: list[Any] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self) -> list[Message]:
        return [email.message_from_bytes(e.content) for e in self.envelopes]


@dataclass
class RefusingSmtpSink(SmtpSink):
    """A sink that can refuse mail for a while, as a mail server does when it is overloaded:
    while ``refusing``, every recipient gets "451 try again later" (a temporary failure)."""

    refusing: bool = False
    refused: int = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.refusing:
            self.refused += 1
            return "451 4.3.2 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"
