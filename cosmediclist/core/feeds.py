"""Feed formats that survive any stored text: control characters XML 1.0 refuses are left out."""

from __future__ import annotations

from typing import Any

from django.utils import feedgenerator

from cosmediclist.core.text import strip_control_characters


def _xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return [_xml_safe(v) for v in value]
    return value


class _XmlSafe(feedgenerator.SyndicationFeed):
    """Cleans every text of the feed and its items just before writing.

    Text typed before the forms stripped control characters (or put in by other means) would
    otherwise make Django raise ``UnserializableContentError``: a 500 on every page holding it.
    """

    def write(self, outfile: Any, encoding: str) -> None:
        self.feed = {key: _xml_safe(value) for key, value in self.feed.items()}
        self.items = [{key: _xml_safe(value) for key, value in item.items()} for item in self.items]
        super().write(outfile, encoding)


class RssFeed(_XmlSafe, feedgenerator.Rss201rev2Feed):
    """RSS 2.0, safe for any stored text."""


class AtomFeed(_XmlSafe, feedgenerator.Atom1Feed):
    """Atom 1.0, safe for any stored text."""
