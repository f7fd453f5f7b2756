"""Uploaded photos: checked by content, size and pixel count, then re-encoded without metadata.

The pixel count is read from the file header before any pixel is decoded, so a
decompression bomb (a small file that claims 144 megapixels) is refused at once.
The stored file is always a fresh JPEG under a random name the server makes:
nothing of the uploaded name, format or metadata (EXIF, GPS, ICC comments) survives.
"""

from __future__ import annotations

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2400
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def reencode(upload: UploadedFile[bytes], *, field: str = "image") -> ContentFile[bytes]:
    """A clean JPEG copy of the uploaded image, named ``<random>.jpg``.

    Raises ``ValidationError`` on ``field`` when the file is over 10 MB, is not a JPEG,
    PNG, WebP or GIF image by its content, is over 40 megapixels, or cannot be decoded.
    """
    if upload.size is None or upload.size > MAX_BYTES:
        raise _refuse(field, "The photo is larger than 10 MB. Please upload a smaller one.")
    upload.seek(0)
    with warnings.catch_warnings():
        # Our own limit below is lower than Pillow's warning threshold; the warning adds nothing.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
            raise _refuse(field, "This file is not an image we can read (JPEG, PNG, WebP or GIF).") from None
        with image:
            if image.format not in ACCEPTED_FORMATS:
                raise _refuse(field, "Please upload a JPEG, PNG, WebP or GIF image.")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _refuse(
                    field,
                    f"The photo is {width}×{height} pixels; the limit is 40 megapixels.",
                )
            try:
                image.load()
                clean = ImageOps.exif_transpose(image)
                clean = clean.convert("RGB")
            except (OSError, ValueError, Image.DecompressionBombError, SyntaxError):
                raise _refuse(field, "This image is damaged and cannot be read.") from None
    clean.thumbnail((MAX_SIDE, MAX_SIDE))
    # A new image from the pixels alone. A copy would keep the original's ``info`` (comment, xmp,
    # icc_profile, exif, dpi…), and Pillow writes ``info["comment"]`` back as a COM segment.
    pixels = Image.frombytes("RGB", clean.size, clean.tobytes())
    buffer = io.BytesIO()
    pixels.save(buffer, format="JPEG", quality=85, optimize=True)
    # The model field's upload_to puts it in MEDIA_ROOT/clinics/.
    return ContentFile(buffer.getvalue(), name=f"{secrets.token_hex(16)}.jpg")
