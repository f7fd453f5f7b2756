"""Directory forms: the public search and the portal's listing editors. They validate only."""

from __future__ import annotations

from typing import Any

from django import forms

from cosmediclist.catalog.models import Concern, Treatment
from cosmediclist.core.forms import Form, ModelForm
from cosmediclist.directory.images import MAX_BYTES
from cosmediclist.directory.models import (
    PRACTITIONER_FIELDS,
    PROFILE_FIELDS,
    Clinic,
    Offer,
    Practitioner,
    Weekday,
)

SORTS = [("distance", "Distance"), ("price", "Price"), ("rating", "Rating"), ("response", "Response time")]
RADII = [(n, str(n)) for n in (1, 3, 5, 10, 15, 25, 50, 100)]
UNITS = [("mi", "miles"), ("km", "kilometres")]
DEFAULT_RADIUS = {"mi": 15, "km": 25}


class SearchForm(Form):
    treatment = forms.ModelChoiceField(
        queryset=Treatment.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label="Any treatment",
    )
    concern = forms.ModelChoiceField(
        queryset=Concern.objects.all(), to_field_name="slug", required=False, empty_label="Any concern"
    )
    near = forms.CharField(
        label="Near (town, city or postcode)",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    lat = forms.FloatField(min_value=-90, max_value=90, required=False, widget=forms.HiddenInput)
    lng = forms.FloatField(min_value=-180, max_value=180, required=False, widget=forms.HiddenInput)
    radius = forms.TypedChoiceField(label="Within", choices=RADII, coerce=int, required=False, initial=15)
    units = forms.ChoiceField(label="Distance in", choices=UNITS, required=False, initial="mi")
    sort = forms.ChoiceField(label="Sort by", choices=SORTS, required=False)
    price_min = forms.IntegerField(label="Price from (£)", min_value=0, max_value=100_000, required=False)
    price_max = forms.IntegerField(label="Price up to (£)", min_value=0, max_value=100_000, required=False)
    verified = forms.BooleanField(label="Only practitioners with a checked registration", required=False)
    weekend = forms.BooleanField(label="Open at weekends", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("price_min"), data.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", "The upper price must be at least the lower one.")
        if (data.get("lat") is None) != (data.get("lng") is None):
            self.add_error("near", "Your position was incomplete: type a town instead.")
        return data


class ClinicProfileForm(ModelForm[Clinic]):
    website = forms.URLField(max_length=300, required=False, assume_scheme="https")

    class Meta:
        model = Clinic
        fields = list(PROFILE_FIELDS)
        help_texts = {
            "latitude": "Decimal degrees, for example 53.4808.",
            "longitude": "Decimal degrees, for example -2.2426.",
        }


class HoursForm(Form):
    """The whole week at once: a day with both times empty is closed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for day in Weekday:
            self.fields[f"opens_{day.value}"] = forms.TimeField(
                label=f"{day.label} opens", required=False, widget=forms.TimeInput(attrs={"type": "time"})
            )
            self.fields[f"closes_{day.value}"] = forms.TimeField(
                label=f"{day.label} closes", required=False, widget=forms.TimeInput(attrs={"type": "time"})
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for day in Weekday:
            opens, closes = data.get(f"opens_{day.value}"), data.get(f"closes_{day.value}")
            if (opens is None) != (closes is None) and not self.has_error(f"closes_{day.value}"):
                self.add_error(
                    f"closes_{day.value}", f"{day.label}: give both times, or neither when closed."
                )
            elif opens is not None and closes is not None and opens >= closes:
                self.add_error(f"closes_{day.value}", f"{day.label}: closing must be after opening.")
        return data

    def days(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(day.label, self[f"opens_{day.value}"], self[f"closes_{day.value}"]) for day in Weekday]

    def hours(self) -> list[tuple[int, Any, Any]]:
        data = self.cleaned_data
        return [
            (day.value, data[f"opens_{day.value}"], data[f"closes_{day.value}"])
            for day in Weekday
            if data.get(f"opens_{day.value}") is not None and data.get(f"closes_{day.value}") is not None
        ]


def _check_size(upload: Any) -> Any:
    if upload is not None and upload.size > MAX_BYTES:
        raise forms.ValidationError("The photo is larger than 10 MB. Please upload a smaller one.")
    return upload


class PractitionerForm(ModelForm[Practitioner]):
    photo_upload = forms.FileField(
        label="Photo", required=False, help_text="JPEG, PNG, WebP or GIF, up to 10 MB and 40 megapixels."
    )

    class Meta:
        model = Practitioner
        fields = list(PRACTITIONER_FIELDS)

    def clean_photo_upload(self) -> Any:
        return _check_size(self.cleaned_data.get("photo_upload"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number = "".join(str(data.get("registration_number") or "").split())
        if number and (not number.isascii() or not number.replace("-", "").isalnum()):
            self.add_error(
                "registration_number", "Use the letters and digits of the registration number only."
            )
        if data.get("register") == "psa" and not data.get("psa_register_name"):
            self.add_error("psa_register_name", "Name the PSA accredited register.")
        return data


class OfferForm(ModelForm[Offer]):
    treatment = forms.ModelChoiceField(queryset=Treatment.objects.published())

    class Meta:
        model = Offer
        fields = ["treatment", "price_from_gbp", "price_to_gbp", "price_basis", "practitioners", "notes"]
        widgets = {"practitioners": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, clinic: Clinic, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practitioners"].queryset = Practitioner.objects.filter(clinic=clinic)  # type: ignore[attr-defined]
        self.instance.clinic = clinic

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("price_from_gbp"), data.get("price_to_gbp")
        if low is not None and high is not None and high < low:
            self.add_error("price_to_gbp", "The upper price cannot be below the starting price.")
        return data


class PhotoForm(Form):
    image = forms.FileField(label="Photo", help_text="JPEG, PNG, WebP or GIF, up to 10 MB and 40 megapixels.")
    alt_text = forms.CharField(
        label="Description", max_length=200, help_text="What the photo shows, for people who cannot see it."
    )

    def clean_image(self) -> Any:
        return _check_size(self.cleaned_data.get("image"))


class InviteForm(Form):
    email = forms.EmailField(label="Their email address")
