"""MDN's HTTP Observatory scores A+ on the site served as in production, over TLS.

The scanner (npm ``@mdn/mdn-http-observatory``, pinned in package.json) runs here, not on MDN's
service: it fetches ``https://host/path`` and ``http://host/path`` on the default ports, follows
the redirects, and grades the headers (HSTS, CSP, cookies, X-Content-Type-Options,
X-Frame-Options, Referrer-Policy, CORP, CORS, the http -> https redirection, subresource
integrity). So the site is served on ports 443 and 80 of a loopback address of its own
(127.x.y.z, drawn at random: the SQLite and PostgreSQL runs of CI can scan at the same time), whose
sockets this test binds and hands to gunicorn, so no other run can take them in between:

- port 443: gunicorn with a throwaway certificate for that address, signed by a throwaway
  certificate authority made here (the scanner trusts it through NODE_EXTRA_CA_CERTS; an
  untrusted certificate would make it retry without verification and mark HSTS down);
- port 80: the same application over plain HTTP, redirecting to https by its own
  SECURE_SSL_REDIRECT, as any request arriving without TLS is.

Both run with the production settings (DEBUG off, HTTPS on) on the test database (a copy of it on
SQLite); TESTING stays on, which only keeps static file names unhashed (no collectstatic: the
scanner fetches pages, not their assets). Binding ports below 1024 needs root, as in CI.

Pages scanned: the home page, a guide (Wagtail), a clinic, the sign-in page (which sets the CSRF
cookie, graded for Secure, HttpOnly and SameSite) and an API list (JSON). Each must grade A+
(score 100 or more); the figures go to the security report.
"""

from __future__ import annotations

import datetime
import errno
import ipaddress
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cosmediclist.editorial.services import set_up_editorial
from cosmediclist.editorial.tests import factories as editorial
from tests.security.figures import record
from tests.servers import ROOT, server_environment

SCANNER = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scanner" / "index.js"
PASSING_GRADE = "A+"


@dataclass(frozen=True)
class Authority:
    ca: Path
    certificate: Path
    key: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_certificates(folder: Path, address: str) -> Authority:
    """A certificate authority and a server certificate for ``address``, valid for a day."""
    now = datetime.datetime.now(datetime.UTC)
    start, end = now - datetime.timedelta(minutes=5), now + datetime.timedelta(days=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("CosMedicList throwaway test CA")
    ca = (
        x509.CertificateBuilder(
            subject_name=ca_name,
            issuer_name=ca_name,
            public_key=ca_key.public_key(),
            serial_number=x509.random_serial_number(),
            not_valid_before=start,
            not_valid_after=end,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder(
            subject_name=_name(address),
            issuer_name=ca_name,
            public_key=key.public_key(),
            serial_number=x509.random_serial_number(),
            not_valid_before=start,
            not_valid_after=end,
        )
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(address))]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = Authority(ca=folder / "ca.pem", certificate=folder / "server.pem", key=folder / "server.key")
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


def bind_ports_80_and_443() -> tuple[str, socket.socket, socket.socket]:
    """Listening sockets on ports 80 and 443 of a loopback address no other run is using."""
    chance = random.SystemRandom()
    for _attempt in range(20):
        address = f"127.{chance.randrange(1, 255)}.{chance.randrange(0, 256)}.{chance.randrange(1, 255)}"
        bound: list[socket.socket] = []
        try:
            for port in (80, 443):
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                bound.append(sock)
                sock.bind((address, port))
                sock.listen(64)
        except PermissionError as error:
            for sock in bound:
                sock.close()
            raise AssertionError(
                "the Observatory test serves on ports 80 and 443: run it as root (as CI does)"
            ) from error
        except OSError as error:
            for sock in bound:
                sock.close()
            if error.errno == errno.EADDRINUSE:
                continue
            raise
        return address, bound[0], bound[1]
    raise AssertionError("no free loopback address for ports 80 and 443 after 20 tries")


def start_gunicorn(env: dict[str, str], sock: socket.socket, *tls: str) -> subprocess.Popen[bytes]:
    fd = sock.fileno()
    return subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cosmediclist.wsgi:application",
            "--bind",
            f"fd://{fd}",
            "--workers",
            "1",
            *tls,
        ],
        cwd=ROOT,
        env=env,
        pass_fds=(fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_until_up(url: str, ca: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=30, verify=str(ca), allow_redirects=False)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture
def site_over_tls(transactional_db: None, tmp_path: Path, clinic: Any) -> Iterator[tuple[str, Authority]]:
    editorial.wagtail_roots()  # an earlier transactional test may have flushed what Wagtail's migrations made
    guide = editorial.article(
        set_up_editorial(), slug="what-is-mesotherapy", guide_for=clinic.offers.get().treatment
    )
    assert guide.live
    address, plain, secure = bind_ports_80_and_443()
    certificates = make_certificates(tmp_path, address)
    env = server_environment(tmp_path)
    env.update(HTTPS="true", ALLOWED_HOSTS=address, SITE_URL=f"https://{address}")
    processes = [
        start_gunicorn(
            env, secure, "--certfile", str(certificates.certificate), "--keyfile", str(certificates.key)
        ),
        start_gunicorn(env, plain),
    ]
    plain.close()
    secure.close()
    try:
        wait_until_up(f"https://{address}/healthz", certificates.ca)
        wait_until_up(f"http://{address}/healthz", certificates.ca)
        yield address, certificates
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


# One Node process scans every page at once with the scanner's own scan() (what its command line,
# src/scan.js, calls). Version 1.4.8 takes a host name and keeps what follows it in the URLs it
# fetches, so "address/path" scans https://address/path and http://address/path (later versions
# parse the path themselves). bin/wrapper.js is not used: it would replace NODE_EXTRA_CA_CERTS.
RUNNER = """
const [scanner, ...sites] = process.argv.slice(1);
const { scan } = await import(scanner);
const results = await Promise.all(sites.map((site) => scan(site).then(
  ({ scan, tests }) => ({ scan, tests }),
  (error) => ({ error: String(error?.message ?? error) }),
)));
console.log(JSON.stringify(results));
"""


def scan(address: str, paths: list[str], ca: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node, "the Observatory needs Node.js (apt-get install npm, or make browser)"
    assert SCANNER.exists(), "the Observatory is not installed: run make browser"
    done = subprocess.run(  # noqa: S603 - our own node_modules, fixed arguments
        [
            node,
            "--input-type=module",
            "-e",
            RUNNER,
            SCANNER.as_uri(),
            *(f"{address}{path}" for path in paths),
        ],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(ca)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def failures(result: dict[str, Any]) -> dict[str, str]:
    return {
        name: f"{test['result']} ({test['scoreModifier']:+d})"
        for name, test in result.get("tests", {}).items()
        if not test["pass"] or test["scoreModifier"] < 0
    }


def test_the_observatory_grades_every_kind_of_page_a_plus(
    site_over_tls: tuple[str, Authority], clinic: Any
) -> None:
    address, certificates = site_over_tls
    paths = {
        "home": "/",
        "guide": "/guides/what-is-mesotherapy/",
        "clinic": clinic.get_absolute_url(),
        "sign-in": "/account/sign-in/",
        "API": "/api/v1/treatments",
    }
    results = dict(zip(paths, scan(address, list(paths.values()), certificates.ca), strict=True))
    report = {
        name: {
            "path": paths[name],
            "grade": result.get("scan", {}).get("grade"),
            "score": result.get("scan", {}).get("score"),
            "error": result.get("error") or result.get("scan", {}).get("error"),
            "marked down": failures(result),
        }
        for name, result in results.items()
    }
    shown = json.dumps(report, indent=2)
    print(shown)  # noqa: T201 - the grade of each page, shown with -s
    scores = {name: int(entry["score"]) for name, entry in report.items() if entry["score"] is not None}
    lowest = min(scores, key=lambda name: scores[name], default=None)
    record(
        "HTTP Observatory",
        pages_scanned=len(scores),
        lowest_score=scores[lowest] if lowest else None,
        grade=report[lowest]["grade"] if lowest else None,
    )
    below = [name for name, entry in report.items() if entry["grade"] != PASSING_GRADE or name not in scores]
    assert below == [], shown
    assert min(scores.values()) >= 100, shown
    # The HSTS test passes only over a verified certificate chain, and every page was reached
    # through the http -> https redirection.
    for name, result in results.items():
        assert result["tests"]["strict-transport-security"]["pass"], (name, shown)
        assert result["tests"]["redirection"]["result"] == "redirection-to-https", (name, shown)
