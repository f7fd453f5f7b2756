"""Generate many verified, fictional clinics for benchmarks, with bulk inserts (seconds for 10,000)."""

from __future__ import annotations

import random
from datetime import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from cosmediclist.catalog.models import Treatment
from cosmediclist.core.registers import Register
from cosmediclist.directory.models import (
    Clinic,
    Offer,
    OpeningHours,
    Practitioner,
    PriceBasis,
)
from cosmediclist.directory.places import gazetteer

BATCH = 1000


class Command(BaseCommand):
    help = "Add COUNT fictional verified clinics around the 60 largest UK towns (for benchmarks)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args: Any, count: int, seed: int, **options: Any) -> None:
        rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
        uk = gazetteer().uk
        towns = sorted({p.name: p for p in uk.values()}.values(), key=lambda p: p.name)
        # The gazetteer keeps population apart; the ordering by name plus weights below is enough
        # to spread clinics over many towns deterministically.
        anchors = rng.sample(towns, min(60, len(towns)))
        for big in ("Manchester", "London", "Birmingham", "Leeds", "Glasgow"):
            anchors.append(uk[big.lower()])
        treatments = list(Treatment.objects.all())
        start = Clinic.objects.count()
        now = timezone.now()
        with transaction.atomic():
            for offset in range(0, count, BATCH):
                size = min(BATCH, count - offset)
                clinics = []
                for i in range(offset, offset + size):
                    anchor = rng.choice(anchors)
                    clinics.append(
                        Clinic(
                            name=f"Generated Clinic {start + i + 1}",
                            slug=f"generated-clinic-{start + i + 1}",
                            address=f"{rng.randint(1, 300)} Bench Street",
                            town=anchor.name,
                            postcode="ZZ1 1ZZ",
                            latitude=max(-90.0, min(90.0, anchor.latitude + rng.gauss(0, 0.08))),
                            longitude=max(-180.0, min(180.0, anchor.longitude + rng.gauss(0, 0.12))),
                            is_verified=True,
                            verified_at=now,
                            rating_average=round(rng.uniform(3, 5), 2) if rng.random() < 0.6 else None,
                            rating_count=rng.randint(1, 80),
                        )
                    )
                created = Clinic.objects.bulk_create(clinics)
                if not created or created[0].pk is None:
                    created = list(Clinic.objects.filter(slug__in=[c.slug for c in clinics]))
                self._children(rng, created, treatments)
        self.stdout.write(f"Generated {count} clinics.")

    def _children(self, rng: random.Random, clinics: list[Clinic], treatments: list[Treatment]) -> None:
        practitioners, offers, hours = [], [], []
        registers = list(Register)
        for clinic in clinics:
            for k in range(rng.randint(1, 3)):
                practitioners.append(
                    Practitioner(
                        clinic=clinic,
                        name=f"Practitioner {clinic.pk}-{k}",
                        profession="Aesthetic practitioner",
                        register=registers[k % len(registers)],
                        registration_number=f"GEN{clinic.pk}{k}",
                        psa_register_name="Save Face"
                        if registers[k % len(registers)] == Register.PSA
                        else "",
                    )
                )
            for treatment in rng.sample(treatments, min(len(treatments), rng.randint(2, 6))):
                price = rng.randint(treatment.price_gbp_min, treatment.price_gbp_max)
                offers.append(
                    Offer(
                        clinic=clinic,
                        treatment=treatment,
                        price_from_gbp=price,
                        price_basis=PriceBasis.PER_SESSION,
                    )
                )
            for day in range(rng.choice((5, 6, 7))):
                hours.append(OpeningHours(clinic=clinic, weekday=day, opens_at=time(9), closes_at=time(17)))
        Practitioner.objects.bulk_create(practitioners, batch_size=BATCH)
        Offer.objects.bulk_create(offers, batch_size=BATCH)
        OpeningHours.objects.bulk_create(hours, batch_size=BATCH)
