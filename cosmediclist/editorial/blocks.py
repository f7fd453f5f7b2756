"""The blocks an article body is made of: headings, text, lists, images, call-outs, quotes, references."""

from __future__ import annotations

from typing import Any

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# Readers' text stays plain: bold, italic and links only (no headings or embeds inside paragraphs).
INLINE_FEATURES = ["bold", "italic", "link"]
BODY_IMAGE_SPEC = "width-800"


CALLOUT_KINDS = [
    ("what_to_expect", "What to expect"),
    ("benefits", "Benefits"),
    ("risks", "Risks"),
    ("note", "Note"),
]


class PrefetchingImageChooserBlock(ImageChooserBlock):  # type: ignore[misc]
    """Loads every image of a body, with its rendition, in two queries however many there are."""

    def bulk_to_python(self, values: Any) -> list[Any]:
        ids = list(values)
        found = (
            get_image_model()
            .objects.prefetch_renditions(BODY_IMAGE_SPEC)
            .in_bulk([i for i in ids if i is not None])
        )
        return [found.get(i) for i in ids]


class ImageBlock(blocks.StructBlock):  # type: ignore[misc]
    image = PrefetchingImageChooserBlock()
    alt = blocks.CharBlock(max_length=250, help_text="What the image shows, for people who cannot see it.")
    caption = blocks.CharBlock(max_length=250, required=False)
    credit = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "image"
        template = "editorial/blocks/image.html"


class CalloutBlock(blocks.StructBlock):  # type: ignore[misc]
    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="note")
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "help"
        template = "editorial/blocks/callout.html"

    def get_context(self, value: Any, parent_context: Any = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(value, parent_context)
        context["kind_label"] = dict(CALLOUT_KINDS).get(value["kind"], "")
        return context


class QuoteBlock(blocks.StructBlock):  # type: ignore[misc]
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=160, required=False)

    class Meta:
        icon = "openquote"
        template = "editorial/blocks/quote.html"


class ReferenceBlock(blocks.StructBlock):  # type: ignore[misc]
    title = blocks.CharBlock(max_length=300)
    publisher = blocks.CharBlock(max_length=200, help_text="Journal or organisation.")
    year = blocks.IntegerBlock(required=False, min_value=1800, max_value=2100)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "doc-full"


class BodyBlock(blocks.StreamBlock):  # type: ignore[misc]
    heading = blocks.CharBlock(max_length=120, icon="title", form_classname="title")
    paragraph = blocks.RichTextBlock(features=INLINE_FEATURES, template="editorial/blocks/paragraph.html")
    list = blocks.ListBlock(
        blocks.CharBlock(max_length=300), icon="list-ul", template="editorial/blocks/list.html"
    )
    image = ImageBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    references = blocks.ListBlock(
        ReferenceBlock(), icon="doc-full", template="editorial/blocks/references.html"
    )
