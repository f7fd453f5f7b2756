"""Webhooks: signed per Standard Webhooks (verified with the library), delivered by the task queue to a
real HTTP receiver on loopback, retried with backoff after a 500, logged; no health answer, name or
email address in any payload."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from standardwebhooks import Webhook

from cosmediclist.accounts.models import User
from cosmediclist.api import webhooks
from cosmediclist.api.keys import NewKey
from cosmediclist.api.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from cosmediclist.api.tests.helpers import bearer, request_payload
from cosmediclist.consultations import services
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.core.models import AuditEvent
from cosmediclist.reviews.tests.factories import approved_review, treated_request
from tests.personas import client_for
from tests.worker import run_tasks


@dataclass
class Receiver:
    """A partner's system: answers each POST with the next status of ``answers`` (then 200)."""

    answers: list[int]
    received: list[tuple[dict[str, str], str]] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/cosmediclist"


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.WEBHOOK_ALLOW_LOCAL = True  # the receiver is on loopback over plain HTTP
    state = Receiver(answers=[])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            state.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(state.answers.pop(0) if state.answers else 200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def endpoint_and_secret(receiver: Receiver, clinic: Any, clinic_staff: User) -> tuple[WebhookEndpoint, str]:
    return webhooks.create_endpoint(
        actor=clinic_staff, clinic=clinic, url=receiver.url, events=list(WebhookEvent.values)
    )


def test_the_signature_matches_the_standard_webhooks_test_vector() -> None:
    """The published example of the Standard Webhooks specification, signed by our code."""
    endpoint = WebhookEndpoint(secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    delivery = WebhookDelivery(message_id="msg_p5jXN8AQM9LWM0D4loKWxJek")
    with time_machine.travel(1614265330, tick=False):
        headers = webhooks.signed_headers(endpoint, delivery, '{"test": 2432232314}')
    assert headers["webhook-timestamp"] == "1614265330"
    assert headers["webhook-signature"] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_a_new_request_is_delivered_signed_retried_after_a_500_and_logged(
    receiver: Receiver,
    endpoint_and_secret: tuple[WebhookEndpoint, str],
    partner_key: NewKey,
    clinic: Any,
    treatment: Any,
    clinic_staff: User,
    other_clinic_staff: User,
    other_clinic: Any,
) -> None:
    _, secret = endpoint_and_secret
    receiver.answers = [500]
    response = Client().post(
        "/api/v1/consultations/requests",
        json.dumps(request_payload(clinic, treatment)),
        content_type="application/json",
        **bearer(partner_key),
    )
    assert response.status_code == 201
    reference = ConsultationRequest.objects.get().reference
    delivery = WebhookDelivery.objects.get()
    assert delivery.event_type == "consultation.created"

    run_tasks()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.QUEUED, 1)
    assert delivery.next_attempt_at is not None
    assert len(receiver.received) == 1
    run_tasks()  # the retry is not due yet
    assert len(receiver.received) == 1

    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        run_tasks()
        headers, body = receiver.received[1]
        assert Webhook(secret).verify(body, headers)["type"] == "consultation.created"
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert [a.status_code for a in delivery.attempt_log.all()] == [500, 200]

    first_headers, first_body = receiver.received[0]
    assert first_headers["webhook-id"] == headers["webhook-id"] == delivery.message_id
    assert Webhook(secret).verify(first_body, first_headers)["data"]["reference"] == reference
    payload = json.loads(body)
    assert payload["data"]["reference"] == reference
    assert payload["data"]["clinic"] == "wellcare-medical-centre-manchester"
    for forbidden in ("@", "Warfarin", "Rosa", "Softer stretch marks", "answers", "flag"):
        assert forbidden not in body

    log = client_for(clinic_staff).get(f"/portal/clinics/{clinic.slug}/webhooks/deliveries/")
    assert log.status_code == 200
    page = log.content.decode()
    assert delivery.message_id in page and "HTTP 500" in page and "HTTP 200" in page
    other = client_for(other_clinic_staff)
    assert other.get(f"/portal/clinics/{clinic.slug}/webhooks/deliveries/").status_code == 404
    theirs = other.get(f"/portal/clinics/{other_clinic.slug}/webhooks/deliveries/").content.decode()
    assert delivery.message_id not in theirs


def test_a_delivery_that_keeps_failing_is_marked_failed(
    receiver: Receiver,
    endpoint_and_secret: tuple[WebhookEndpoint, str],
    settings: Any,
    clinic: Any,
) -> None:
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.answers = [503, 503]
    webhooks.queue_event(clinic_id=clinic.pk, event_type="consultation.created", data={"reference": "X"})
    run_tasks()
    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        run_tasks()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 2)
    assert len(receiver.received) == 2


def test_status_changes_and_published_reviews_are_sent_and_nothing_else(
    receiver: Receiver,
    endpoint_and_secret: tuple[WebhookEndpoint, str],
    clinic: Any,
    other_clinic: Any,
    treatment: Any,
    clinic_staff: User,
    other_clinic_staff: User,
    editor: User,
) -> None:
    made = treated_request(clinic, treatment, staff=clinic_staff)
    treated_request(other_clinic, treatment, staff=other_clinic_staff)  # another clinic: not sent here
    approved_review(clinic, treatment, staff=clinic_staff, editor=editor)
    services.move_request(actor=clinic_staff, request=made, to_status="closed")
    events = list(WebhookDelivery.objects.order_by("id").values_list("event_type", "payload"))
    assert [e for e, _ in events] == [
        "consultation.created",
        "consultation.status_changed",
        "consultation.status_changed",
        "consultation.created",
        "consultation.status_changed",
        "consultation.status_changed",
        "review.published",
        "consultation.status_changed",
    ]
    moved = events[1][1]["data"]
    assert (moved["from"], moved["to"]) == ("new", "booked")
    review = events[6][1]["data"]
    assert review["rating"] == 4 and review["clinic"] == "wellcare-medical-centre-manchester"
    text = json.dumps(events)
    assert "@" not in text and "Pia P." not in text and "Patient " not in text
    assert not WebhookDelivery.objects.exclude(endpoint__clinic=clinic).exists()


def test_a_disabled_endpoint_gets_nothing(
    receiver: Receiver, endpoint_and_secret: tuple[WebhookEndpoint, str], clinic: Any, clinic_staff: User
) -> None:
    endpoint, _ = endpoint_and_secret
    webhooks.queue_event(clinic_id=clinic.pk, event_type="consultation.created", data={"reference": "A"})
    webhooks.disable_endpoint(actor=clinic_staff, endpoint=endpoint)
    webhooks.queue_event(clinic_id=clinic.pk, event_type="consultation.created", data={"reference": "B"})
    run_tasks()
    assert receiver.received == []
    assert WebhookDelivery.objects.get().status == DeliveryStatus.FAILED
    assert AuditEvent.objects.filter(action="api.webhook_disabled").count() == 1


def test_loopback_and_plain_http_are_refused_outside_development(
    settings: Any, clinic: Any, clinic_staff: User
) -> None:
    settings.WEBHOOK_ALLOW_LOCAL = False
    with pytest.raises(Exception, match="https"):
        webhooks.create_endpoint(
            actor=clinic_staff, clinic=clinic, url="http://example.org/hook", events=["review.published"]
        )
    endpoint, _ = webhooks.create_endpoint(
        actor=clinic_staff, clinic=clinic, url="https://127.0.0.1:1/hook", events=["review.published"]
    )
    webhooks.queue_event(clinic_id=clinic.pk, event_type="review.published", data={"review_id": 1})
    run_tasks()
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.attempt_log.get().error == "BlockedAddress"
