"""Demo clinics: 44 fictional clinics in 11 UK towns, built through the directory's services.

Names, addresses and practitioners are invented. Phone numbers are from Ofcom's ranges kept for
drama; registration numbers start with DEMO so that nobody mistakes them for real ones.
Offers are made only for catalogue treatments that exist (the catalogue loader runs first).
"""

from __future__ import annotations

from datetime import time

from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.core.registers import Register
from cosmediclist.directory import places, services
from cosmediclist.directory.models import Clinic, ClinicMembership, MembershipRole, PriceBasis

# town, outward postcode, drama phone prefix (Ofcom), streets
TOWNS = [
    ("Manchester", "M1", "0161 496 0", ["Portland Street", "Deansgate", "Oxford Road", "King Street"]),
    ("London", "W1G", "020 7946 0", ["Harley Street", "Wimpole Street", "Marylebone Lane", "Upper Street"]),
    ("Birmingham", "B3", "0121 496 0", ["Colmore Row", "Newhall Street", "Harborne Road", "Broad Street"]),
    ("Leeds", "LS1", "0113 496 0", ["Park Square", "The Headrow", "Wellington Street", "Boar Lane"]),
    ("Liverpool", "L1", "0151 496 0", ["Rodney Street", "Bold Street", "Castle Street", "Hope Street"]),
    ("Bristol", "BS8", "0117 496 0", ["Whiteladies Road", "Park Street", "Clifton Down", "Queens Road"]),
    ("Glasgow", "G2", "0141 496 0", ["West George Street", "Bath Street", "Byres Road", "Hope Street"]),
    ("Edinburgh", "EH3", "0131 496 0", ["George Street", "Queen Street", "Morningside Road", "Lothian Road"]),
    ("Cardiff", "CF10", "029 2018 0", ["Cathedral Road", "Queen Street", "Windsor Place", "City Road"]),
    ("Belfast", "BT1", "028 9018 0", ["Lisburn Road", "Donegall Square", "Malone Road", "Botanic Avenue"]),
    (
        "Newcastle upon Tyne",
        "NE1",
        "0191 498 0",
        ["Grey Street", "Osborne Road", "Grainger Street", "Jesmond Road"],
    ),
]
NAMES = [
    "Northgate Skin Clinic",
    "Riverside Aesthetics",
    "Oakfield Medical Aesthetics",
    "Lantern Dermatology Rooms",
]
FIRST = ["Amara", "Ben", "Chloe", "Dev", "Elin", "Farah", "Gareth", "Hana", "Isla", "Jonah", "Kiran", "Leah"]
LAST = ["Ashdown", "Brightwell", "Carrow", "Denholm", "Eastleigh", "Fairbairn", "Greyfield", "Holloway"]
CREDENTIALS = [
    (Register.GMC, "Aesthetic doctor"),
    (Register.NMC, "Aesthetic nurse prescriber"),
    (Register.GDC, "Dentist with aesthetic training"),
    (Register.GPHC, "Pharmacist independent prescriber"),
    (Register.PSA, "Aesthetic practitioner"),
]
TREATMENTS = [
    "mesotherapy",
    "microneedling",
    "chemical-peel",
    "botulinum-toxin",
    "dermal-filler",
    "skin-booster",
    "prp",
    "laser-hair-removal",
    "hifu",
    "led-therapy",
    "rf-microneedling",
    "ipl",
]
WEEKDAYS = [(day, time(9, 0), time(18, 0)) for day in range(5)]
WELLCARE = "Wellcare Medical Centre"
WELLCARE_DESCRIPTION = (
    "An independent medical aesthetics clinic in central Manchester, led by a doctor and a nurse "
    "prescriber. Every course starts with a consultation and a skin assessment, so that the "
    "treatment plan fits your skin and what you hope to change. We offer mesotherapy, "
    "microneedling, skin boosters and chemical peels, and we will tell you if a treatment is "
    "unlikely to help."
)


def _actor() -> User:
    return User.objects.get(email=accounts_demo.ADMIN.email)


def _practitioners(actor: User, clinic: Clinic, seed: int, count: int) -> None:
    for k in range(count):
        n = seed * 3 + k
        register, profession = CREDENTIALS[n % len(CREDENTIALS)]
        practitioner = services.save_practitioner(
            actor=actor,
            clinic=clinic,
            data={
                "name": f"{'Dr ' if register == Register.GMC else ''}{FIRST[n % len(FIRST)]} {LAST[(n // 3) % len(LAST)]}",
                "profession": profession,
                "register": register,
                "psa_register_name": "Save Face" if register == Register.PSA else "",
                "registration_number": f"DEMO{n + 1:04d}",
                "bio": f"{profession} who has worked in aesthetic medicine for {4 + n % 9} years.",
                "sort_order": k,
            },
        )
        if n % 4 != 3:
            services.verify_practitioner(actor=actor, practitioner=practitioner)


def _offers(
    actor: User, clinic: Clinic, seed: int, treatments: dict[str, Treatment], slugs: list[str]
) -> None:
    staff = list(clinic.practitioners.all())
    for k, slug in enumerate(slugs):
        treatment = treatments.get(slug)
        if treatment is None:
            continue
        low, high = treatment.price_gbp_min, treatment.price_gbp_max
        price = low + ((seed * 37 + k * 11) % max(1, high - low + 1))
        services.save_offer(
            actor=actor,
            clinic=clinic,
            treatment=treatment,
            price_from_gbp=price,
            price_to_gbp=price + 50 if k % 3 == 0 else None,
            price_basis=PriceBasis.PER_COURSE if k % 4 == 3 else PriceBasis.PER_SESSION,
            practitioners=staff[: 1 + k % max(1, len(staff))],
            notes="Price confirmed at your consultation." if k % 2 else "",
        )


def _hours(seed: int) -> list[tuple[int, time, time]]:
    hours = list(WEEKDAYS)
    if seed % 2 == 0:
        hours.append((5, time(10, 0), time(16, 0)))
    if seed % 7 == 0:
        hours.append((6, time(11, 0), time(15, 0)))
    return hours


def _create(
    actor: User, *, name: str, town_index: int, k: int, seed: int, description: str = ""
) -> Clinic | None:
    town, outward, phone, streets = TOWNS[town_index]
    place = places.resolve(town).place
    if place is None or Clinic.objects.filter(name=name, town=town).exists():
        return None
    # Spread the town's clinics a few hundred metres to a few kilometres from its centre.
    d_lat = ((seed * 7) % 11 - 5) * 0.006
    d_lng = ((seed * 5) % 13 - 6) * 0.009
    clinic = services.create_clinic(
        actor=actor,
        name=name,
        address=f"{10 + seed % 80} {streets[k % len(streets)]}",
        town=town,
        postcode=f"{outward} {1 + seed % 9}ZZ",
        latitude=round(place.latitude + d_lat, 5),
        longitude=round(place.longitude + d_lng, 5),
        phone=f"{phone}{seed % 1000:03d}",
        description=description
        or f"A fictional demo clinic in {town} offering non-surgical treatments, each after a consultation.",
        accessibility="Step-free entrance and a ground-floor treatment room."
        if seed % 3
        else "Treatment rooms are on the first floor, reached by stairs only.",
    )
    services.set_opening_hours(actor=actor, clinic=clinic, hours=_hours(seed))
    return clinic


def load() -> None:
    actor = _actor()
    treatments = {t.slug: t for t in Treatment.objects.filter(slug__in=TREATMENTS)}
    wellcare = _create(actor, name=WELLCARE, town_index=0, k=0, seed=0, description=WELLCARE_DESCRIPTION)
    if wellcare is not None:
        _practitioners(actor, wellcare, 0, 3)
        for practitioner in wellcare.practitioners.all():
            services.verify_practitioner(actor=actor, practitioner=practitioner)
        _offers(
            actor, wellcare, 0, treatments, ["mesotherapy", "microneedling", "skin-booster", "chemical-peel"]
        )
        services.verify_clinic(actor=actor, clinic=wellcare)
    wellcare = Clinic.objects.get(name=WELLCARE, town="Manchester")
    staff = User.objects.get(email=accounts_demo.CLINIC_STAFF.email)
    ClinicMembership.objects.get_or_create(
        user=staff, clinic=wellcare, defaults={"role": MembershipRole.OWNER}
    )
    # The demo staff member is also one of Wellcare's registered practitioners: a clinician, who may
    # record the clinical review of a flagged request.
    first = wellcare.practitioners.order_by("sort_order", "name").first()
    if first is not None and first.user_id is None:
        services.link_practitioner(actor=actor, practitioner=first, user=staff)
    for town_index in range(len(TOWNS)):
        for k, name in enumerate(NAMES):
            seed = town_index * len(NAMES) + k + 1
            clinic = _create(actor, name=name, town_index=town_index, k=k, seed=seed)
            if clinic is None:
                continue
            _practitioners(actor, clinic, seed, 1 + seed % 3)
            chosen = [TREATMENTS[(seed + j * 5) % len(TREATMENTS)] for j in range(3 + seed % 4)]
            _offers(actor, clinic, seed, treatments, list(dict.fromkeys(chosen)))
            if seed % 15 != 7:  # a few stay unverified, as new listings waiting for a check
                services.verify_clinic(actor=actor, clinic=clinic)
