"""Clinics, their practitioners, opening hours, photos and offers (treatment × price)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse

from cosmediclist.catalog.models import Treatment
from cosmediclist.core.models import TimeStampedModel
from cosmediclist.core.registers import REGISTER_SHORT, Register
from cosmediclist.directory import geo

if TYPE_CHECKING:
    from collections.abc import Iterable


# Each register's public search. Where the register accepts the number in the address the link
# opens the entry; otherwise it opens the search page and the number is shown beside it.
REGISTER_SEARCH = {
    Register.GMC: "https://www.gmc-uk.org/doctors/{number}",
    Register.NMC: "https://www.nmc.org.uk/registration/search-the-register/",
    Register.GDC: "https://olr.gdc-uk.org/SearchRegister/SearchResult?RegistrationNumber={number}",
    Register.HCPC: "https://www.hcpc-uk.org/check-the-register/",
    Register.GPHC: "https://www.pharmacyregulation.org/registers",
    Register.PSA: "https://www.professionalstandards.org.uk/check-practitioners",
}


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


WEEKEND = (Weekday.SATURDAY, Weekday.SUNDAY)


class PriceBasis(models.TextChoices):
    PER_SESSION = "session", "per session"
    PER_COURSE = "course", "per course"


class MembershipRole(models.TextChoices):
    OWNER = "owner", "Owner"
    STAFF = "staff", "Staff"


class ClinicGroup(TimeStampedModel):
    """A business with several locations; each location is a Clinic."""

    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(max_length=160, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClinicQuerySet(models.QuerySet["Clinic"]):
    def verified(self) -> ClinicQuerySet:
        return self.filter(is_verified=True)

    def offering(
        self, treatments: Treatment | Iterable[Treatment] | models.QuerySet[Treatment]
    ) -> ClinicQuerySet:
        """Clinics with an offer for the treatment (or any of the treatments)."""
        offers = Offer.objects.filter(clinic=OuterRef("pk"))
        if isinstance(treatments, Treatment):
            offers = offers.filter(treatment=treatments)
        else:
            offers = offers.filter(treatment__in=treatments)
        return self.filter(Exists(offers))

    def in_box(self, lat: float, lng: float, km: float) -> ClinicQuerySet:
        """The indexed pre-filter of ``near``: every clinic inside the bounding box."""
        box = geo.bounding_box(lat, lng, km)
        queryset = self.filter(latitude__gte=box.min_lat, latitude__lte=box.max_lat)
        if box.min_lng >= -180 and box.max_lng <= 180:
            queryset = queryset.filter(longitude__gte=box.min_lng, longitude__lte=box.max_lng)
        return queryset

    def near(self, lat: float, lng: float, km: float) -> list[Clinic]:
        """Clinics within ``km`` of the point, nearest first, each with ``distance_km`` set.

        The bounding box uses the (latitude, longitude) index; the exact great-circle distance
        is then computed in Python, so it works the same on SQLite and PostgreSQL.
        """
        found = []
        for clinic in self.in_box(lat, lng, km):
            clinic.distance_km = geo.haversine_km(lat, lng, clinic.latitude, clinic.longitude)
            if clinic.distance_km <= km:
                found.append(clinic)
        return sorted(found, key=lambda c: (c.distance_km, c.name))

    def for_cards(self, treatments: Iterable[Treatment] | None = None) -> ClinicQuerySet:
        """What a search result shows, in a fixed number of queries.

        Each clinic gets ``matching_offers`` (cheapest first, with their treatment): the offers for
        ``treatments`` when given, else all of its offers; and ``listed_practitioners``.
        """
        practitioners = Practitioner.objects.order_by("sort_order", "name")
        queryset = self.select_related("group").prefetch_related(
            Prefetch("practitioners", queryset=practitioners, to_attr="listed_practitioners")
        )
        offers = Offer.objects.select_related("treatment")
        if treatments is not None:
            offers = offers.filter(treatment__in=list(treatments))
        offers = offers.order_by("price_from_gbp", "treatment__name")
        return queryset.prefetch_related(Prefetch("offers", queryset=offers, to_attr="matching_offers"))

    def for_profile(self) -> ClinicQuerySet:
        """Everything the clinic page shows, in a fixed number of queries."""
        offers = Offer.objects.select_related("treatment").prefetch_related("practitioners")
        return self.select_related("group").prefetch_related(
            Prefetch("practitioners", queryset=Practitioner.objects.order_by("sort_order", "name")),
            Prefetch("offers", queryset=offers.order_by("treatment__name")),
            Prefetch("photos", queryset=ClinicPhoto.objects.order_by("sort_order", "id")),
            Prefetch("hours", queryset=OpeningHours.objects.order_by("weekday")),
        )


class Clinic(TimeStampedModel):
    group = models.ForeignKey(
        ClinicGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="clinics"
    )
    name = models.CharField(max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    description = models.TextField(blank=True)
    address = models.CharField(max_length=300, help_text="Street address, without the town.")
    town = models.CharField(max_length=100)
    postcode = models.CharField(max_length=10)
    country = models.CharField(max_length=2, default="GB", help_text="ISO country code.")
    latitude = models.FloatField()
    longitude = models.FloatField()
    phone = models.CharField(max_length=30, blank=True)
    website = models.URLField(max_length=300, blank=True)
    accessibility = models.TextField(
        blank=True, help_text="Step-free access, parking, lifts, hearing loops, languages spoken…"
    )
    is_verified = models.BooleanField(default=False, db_index=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    # Filled in by reviews when they arrive; empty means "no rating yet" and sorts last.
    rating_average = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    rating_count = models.PositiveIntegerField(default=0)
    # Kept by consultations (the published formula, see consultations/responsiveness.py); empty
    # means "not enough requests yet" and sorts last.
    median_response_hours = models.FloatField(null=True, blank=True)

    objects: ClassVar[ClinicQuerySet] = ClinicQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="directory_clinic_lat_lng")]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90), name="directory_clinic_latitude_range"
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180), name="directory_clinic_longitude_range"
            ),
            models.CheckConstraint(
                condition=Q(is_verified=False) | Q(verified_at__isnull=False),
                name="directory_clinic_verified_has_date",
            ),
            models.CheckConstraint(
                condition=Q(rating_average__isnull=True) | Q(rating_average__gte=1, rating_average__lte=5),
                name="directory_clinic_rating_1_5",
            ),
            models.CheckConstraint(
                condition=Q(median_response_hours__isnull=True) | Q(median_response_hours__gte=0),
                name="directory_clinic_response_hours_not_negative",
            ),
        ]

    distance_km: float | None = None

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:clinic-detail", args=[self.slug])

    @property
    def full_address(self) -> str:
        return ", ".join(part for part in (self.address, self.town, self.postcode) if part)

    @property
    def is_open_at_weekends(self) -> bool:
        return any(h.weekday in WEEKEND for h in self.hours.all())


class OpeningHours(models.Model):
    """One day's opening; a day with no row is closed."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()

    class Meta:
        ordering = ["weekday"]
        verbose_name_plural = "opening hours"
        constraints = [
            models.UniqueConstraint(fields=["clinic", "weekday"], name="directory_hours_one_per_day"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="directory_hours_weekday_0_6"),
            models.CheckConstraint(
                condition=Q(opens_at__lt=F("closes_at")), name="directory_hours_open_before_close"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"


class ClinicPhoto(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to="clinics/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(
        max_length=200, help_text="What the photo shows, for people who cannot see it."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.alt_text


class PractitionerQuerySet(models.QuerySet["Practitioner"]):
    def registered_clinicians(self) -> PractitionerQuerySet:
        """Practitioners of a verified clinic whose register entry (register and number) was checked."""
        return self.filter(clinic__is_verified=True, is_registration_verified=True).exclude(
            Q(register="") | Q(registration_number="")
        )


class Practitioner(TimeStampedModel):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="practitioners")
    name = models.CharField(max_length=160)
    profession = models.CharField(
        max_length=120, help_text="For example: aesthetic doctor, nurse prescriber."
    )
    register = models.CharField(max_length=10, choices=Register.choices)
    psa_register_name = models.CharField(
        "PSA accredited register", max_length=160, blank=True, help_text="Which accredited register, for PSA."
    )
    registration_number = models.CharField(max_length=20)
    is_registration_verified = models.BooleanField(default=False)
    registration_verified_at = models.DateTimeField(null=True, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="clinics/", blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    # The site account of this practitioner, if they have one: a member of the clinic linked here is
    # a clinician (the one who may clear a flagged request) and earns the clinician badge on comments.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner_profiles",
    )

    objects = PractitionerQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "user"], name="directory_practitioner_one_per_user"),
            models.UniqueConstraint(
                fields=["clinic", "register", "registration_number"],
                name="directory_practitioner_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(is_registration_verified=False) | Q(registration_verified_at__isnull=False),
                name="directory_practitioner_verified_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def register_short(self) -> str:
        if self.register == Register.PSA and self.psa_register_name:
            return self.psa_register_name
        return REGISTER_SHORT[Register(self.register)]

    @property
    def register_url(self) -> str:
        """The register's public search, opened on this number where the register allows it."""
        return REGISTER_SEARCH[Register(self.register)].format(
            number=quote(self.registration_number, safe="")
        )


class Offer(TimeStampedModel):
    """A treatment a clinic offers, at a price from (and optionally to), per session or course."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="offers")
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="offers")
    price_from_gbp = models.PositiveIntegerField("price from (£)")
    price_to_gbp = models.PositiveIntegerField("price to (£)", null=True, blank=True)
    price_basis = models.CharField(max_length=10, choices=PriceBasis.choices, default=PriceBasis.PER_SESSION)
    practitioners = models.ManyToManyField(Practitioner, related_name="offers", blank=True)
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["treatment__name"]
        constraints = [
            models.UniqueConstraint(fields=["clinic", "treatment"], name="directory_offer_one_per_treatment"),
            models.CheckConstraint(
                condition=Q(price_to_gbp__isnull=True) | Q(price_to_gbp__gte=F("price_from_gbp")),
                name="directory_offer_price_to_ge_from",
            ),
        ]
        indexes = [models.Index(fields=["treatment", "price_from_gbp"], name="directory_offer_treat_price")]

    def __str__(self) -> str:
        return f"{self.treatment} at {self.clinic}"

    @property
    def price_label(self) -> str:
        basis = self.get_price_basis_display()
        if self.price_to_gbp and self.price_to_gbp != self.price_from_gbp:
            return f"£{self.price_from_gbp:,}–£{self.price_to_gbp:,} {basis}"
        return f"from £{self.price_from_gbp:,} {basis}"


class ClinicMembership(models.Model):
    """A user who works on a clinic's listing: owners may also invite staff."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_memberships"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=MembershipRole.choices, default=MembershipRole.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["clinic__name", "created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "clinic"], name="directory_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) at {self.clinic}"


# The fields of a clinic's public profile that its staff edit in the portal.
PROFILE_FIELDS = (
    "name",
    "description",
    "address",
    "town",
    "postcode",
    "latitude",
    "longitude",
    "phone",
    "website",
    "accessibility",
)

# The fields of a practitioner that the clinic's staff edit in the portal.
PRACTITIONER_FIELDS = (
    "name",
    "profession",
    "register",
    "psa_register_name",
    "registration_number",
    "bio",
    "sort_order",
)
