"""Uploaded photos: checked by content, size and pixels; re-encoded without metadata; safe names."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from PIL import Image

from cosmediclist.directory import services
from cosmediclist.directory.media import serve_media
from cosmediclist.directory.models import ClinicPhoto, Practitioner
from cosmediclist.directory.tests.factories import image_bytes
from tests.corpora import upload_filenames
from tests.personas import client_for

STORED = re.compile(r"^clinics/[0-9a-f]{32}\.jpg$")


def png_bomb(side: int = 12_000) -> bytes:
    """A real PNG of side×side grey pixels, all zero: about 140 KB on disk, 144 megapixels decoded."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    compressor = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    idat = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return png_bomb()


@pytest.fixture
def staff(clinic_staff) -> Client:
    return client_for(clinic_staff)


def upload(staff: Client, clinic, content: bytes, name: str = "photo.jpg"):
    file = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return staff.post(f"/portal/clinics/{clinic.slug}/photos/", {"image": file, "alt_text": "Treatment room"})


def test_a_photo_is_stored_re_encoded_under_a_server_made_name_without_exif_or_gps(
    staff: Client, clinic, _media_root: Path
) -> None:
    original = image_bytes((320, 200), gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825)
    assert upload(staff, clinic, original, name="my-holiday.jpg").status_code == 302
    photo = ClinicPhoto.objects.get(clinic=clinic)
    assert STORED.match(str(photo.image.name))
    stored = Path(photo.image.path)
    assert stored.parent == _media_root / "clinics"
    with Image.open(stored) as image:
        assert image.format == "JPEG"
        assert image.size == (320, 200)
        assert dict(image.getexif()) == {}
    assert b"Test Camera" not in stored.read_bytes()
    assert (photo.width, photo.height) == (320, 200)


def test_a_png_becomes_a_jpeg(staff: Client, clinic) -> None:
    assert upload(staff, clinic, image_bytes(fmt="PNG"), name="logo.png").status_code == 302
    assert str(ClinicPhoto.objects.get(clinic=clinic).image.name).endswith(".jpg")


@pytest.mark.parametrize(
    "content",
    [b"<?php system($_GET['c']); ?>", b"GIF89a<script>alert(1)</script>", b"\xff\xd8\xff\xe0 truncated", b""],
)
def test_a_file_that_is_not_an_image_is_refused_by_the_field(staff: Client, clinic, content: bytes) -> None:
    response = upload(staff, clinic, content)
    assert response.status_code == 400
    assert 'id="id_image_error"' in response.content.decode()
    assert 'value="Treatment room"' in response.content.decode()
    assert not ClinicPhoto.objects.exists()


def test_a_decompression_bomb_is_refused_from_its_header(staff: Client, clinic, bomb: bytes) -> None:
    assert len(bomb) < 1_000_000
    response = upload(staff, clinic, bomb, name="bomb.png")
    assert response.status_code == 400
    page = response.content.decode()
    assert "12000×12000 pixels; the limit is 40 megapixels" in page
    assert not ClinicPhoto.objects.exists()


def test_a_file_over_10_mb_is_refused(staff: Client, clinic) -> None:
    response = upload(staff, clinic, b"\xff" * (10 * 1024 * 1024 + 1))
    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()


def raw_upload(staff: Client, clinic, name: str, content: bytes):
    """Post the file name exactly as a hostile client would write it in the multipart header."""
    boundary = "----cml-boundary-7MA4YWxkTrZu0gW"
    body = b"".join(
        [
            f"--{boundary}\r\n".encode(),
            b'Content-Disposition: form-data; name="alt_text"\r\n\r\nEntrance\r\n',
            f"--{boundary}\r\n".encode(),
            b'Content-Disposition: form-data; name="image"; filename="'
            + name.encode("utf-8", "surrogateescape")
            + b'"\r\nContent-Type: text/html\r\n\r\n',
            content,
            f"\r\n--{boundary}--\r\n".encode(),
        ]
    )
    return staff.generic(
        "POST",
        f"/portal/clinics/{clinic.slug}/photos/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def test_every_hostile_file_name_is_stored_safely_inside_the_media_folder(
    staff: Client, clinic, _media_root: Path
) -> None:
    statuses = {}
    for name in upload_filenames():
        statuses[name] = raw_upload(staff, clinic, name, image_bytes()).status_code
    # Names Django's parser cannot use at all ("..", " ") arrive as no file: a field error, not a 500.
    assert set(statuses.values()) <= {302, 400}
    assert sum(code == 302 for code in statuses.values()) >= len(statuses) - 3
    photos = list(ClinicPhoto.objects.filter(clinic=clinic))
    assert len(photos) == sum(code == 302 for code in statuses.values())
    for photo in photos:
        assert STORED.match(str(photo.image.name))
        assert Path(photo.image.path).resolve().parent == (_media_root / "clinics").resolve()
    stored = sorted(p.name for p in (_media_root / "clinics").iterdir())
    assert len(stored) == len(photos)
    assert all(re.fullmatch(r"[0-9a-f]{32}\.jpg", n) for n in stored)


def test_a_hostile_name_through_the_portal_is_ignored(staff: Client, clinic) -> None:
    assert upload(staff, clinic, image_bytes(), name="../../settings.py").status_code == 302
    assert STORED.match(str(ClinicPhoto.objects.get().image.name))


def test_practitioner_photos_go_through_the_same_checks(staff: Client, clinic, bomb: bytes) -> None:
    doctor = clinic.practitioners.get()
    data = {"name": doctor.name, "profession": doctor.profession, "register": "gmc", "psa_register_name": ""}
    data |= {"registration_number": doctor.registration_number, "bio": "", "sort_order": "0"}
    url = f"/portal/clinics/{clinic.slug}/practitioners/{doctor.pk}/"
    refused = staff.post(url, {**data, "photo_upload": SimpleUploadedFile("b.png", bomb)})
    assert refused.status_code == 400
    assert 'id="id_photo_upload_error"' in refused.content.decode()
    accepted = staff.post(url, {**data, "photo_upload": SimpleUploadedFile("me.jpg", image_bytes(gps=True))})
    assert accepted.status_code == 302
    assert STORED.match(str(Practitioner.objects.get(pk=doctor.pk).photo.name))


def test_the_service_refuses_a_missing_description(clinic, clinic_staff) -> None:
    with pytest.raises(ValidationError) as error:
        services.add_photo(
            actor=clinic_staff, clinic=clinic, upload=SimpleUploadedFile("a.jpg", image_bytes()), alt_text=" "
        )
    assert "alt_text" in error.value.message_dict


def test_media_is_served_with_nosniff(clinic, clinic_staff) -> None:
    from cosmediclist.directory.tests.factories import photo

    stored = photo(clinic, clinic_staff)
    response = serve_media(RequestFactory().get("/media/x"), str(stored.image.name))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["../settings.py", "clinics/../../manage.py", "/etc/passwd", "clinics/missing.jpg"]
)
def test_media_outside_the_folder_or_missing_is_404(path: str) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        serve_media(RequestFactory().get("/media/x"), path)


def _jpeg_with_every_kind_of_metadata() -> bytes:
    from PIL import ImageCms

    picture = Image.new("RGB", (120, 80), (30, 140, 200))
    exif = Image.Exif()
    exif[0x0110] = "Test Camera"  # Model
    exif[0x8825] = {1: "N", 2: (53.0, 28.0, 51.0), 3: "W", 4: (2.0, 14.0, 15.0)}  # GPSInfo
    buffer = io.BytesIO()
    picture.save(
        buffer,
        format="JPEG",
        exif=exif,
        comment=b"SECRET-COM-SEGMENT home address",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRET-XMP</x:xmpmeta>',
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        dpi=(300, 300),
    )
    return buffer.getvalue()


def test_re_encoding_keeps_the_pixels_only_no_comment_xmp_icc_exif_or_dpi(
    staff: Client, clinic, _media_root: Path
) -> None:
    original = _jpeg_with_every_kind_of_metadata()
    with Image.open(io.BytesIO(original)) as check:  # the test file carries them all
        assert {"comment", "xmp", "icc_profile", "exif", "dpi"} <= set(check.info)
    assert upload(staff, clinic, original).status_code == 302
    photo = ClinicPhoto.objects.get(clinic=clinic)
    served = serve_media(RequestFactory().get("/media/x"), str(photo.image.name))
    body = b"".join(served)
    assert b"SECRET" not in body and b"Test Camera" not in body
    assert b"\xff\xfe" not in body.split(b"\xff\xda", 1)[0]  # no COM segment before the scan
    with Image.open(io.BytesIO(body)) as image:
        assert {"comment", "xmp", "icc_profile", "exif", "dpi"} & set(image.info) == set()
        assert image.size == (120, 80)
        assert image.getpixel((60, 40)) == pytest.approx((30, 140, 200), abs=3)


def test_a_media_path_longer_than_the_file_system_allows_is_404() -> None:
    from django.http import Http404

    for path in ("clinics/" + "a" * 300 + ".jpg", "a" * 256, "/".join(["b" * 200] * 30)):
        with pytest.raises(Http404):
            serve_media(RequestFactory().get("/media/x"), path)
