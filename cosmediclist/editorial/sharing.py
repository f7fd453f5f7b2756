"""Share links as plain URLs: no third-party script, button or tracker ever loads."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class ShareLink:
    key: str
    label: str
    url: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """One link per service, opened in the reader's own app or browser; nothing is fetched first."""
    return [
        ShareLink("email", "Email", "mailto:?" + urlencode({"subject": title, "body": url}, safe=":/")),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ShareLink(
            "facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ShareLink(
            "reddit", "Reddit", "https://www.reddit.com/submit?" + urlencode({"url": url, "title": title})
        ),
    ]
