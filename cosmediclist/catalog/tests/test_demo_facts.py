"""The demo catalogue's facts match how each treatment works (checked against the references it cites)."""

from __future__ import annotations

from cosmediclist.catalog import demo
from cosmediclist.catalog.models import ProcedureType, Treatment

# How each demo treatment works: injections and needles break the skin (minimally invasive); peels
# and resurfacing lasers remove layers of it; light, ultrasound and cooling work through intact skin.
PROCEDURE_TYPES = {
    "mesotherapy": ProcedureType.MINIMALLY_INVASIVE,
    "microneedling": ProcedureType.MINIMALLY_INVASIVE,
    "fractional-co2-laser": ProcedureType.ABLATIVE,
    "chemical-peel": ProcedureType.MINIMALLY_INVASIVE,
    "botulinum-toxin": ProcedureType.MINIMALLY_INVASIVE,
    "dermal-filler": ProcedureType.MINIMALLY_INVASIVE,
    "skin-booster": ProcedureType.MINIMALLY_INVASIVE,
    "prp": ProcedureType.MINIMALLY_INVASIVE,
    "hifu": ProcedureType.NON_INVASIVE,
    "rf-microneedling": ProcedureType.MINIMALLY_INVASIVE,
    "ipl": ProcedureType.NON_INVASIVE,
    "laser-hair-removal": ProcedureType.NON_INVASIVE,
    "cryolipolysis": ProcedureType.NON_INVASIVE,
    "thread-lift": ProcedureType.MINIMALLY_INVASIVE,
    "led-therapy": ProcedureType.NON_INVASIVE,
}


def test_each_demo_treatment_has_the_procedure_type_of_how_it_works(db: None) -> None:
    demo.load()
    loaded = dict(Treatment.objects.values_list("slug", "procedure_type"))
    assert loaded == PROCEDURE_TYPES


def test_the_ablative_laser_says_days_of_healing_and_its_page_says_ablative(db: None, client) -> None:
    demo.load()
    laser = Treatment.objects.get(slug="fractional-co2-laser")
    assert laser.downtime_days_min >= 3
    html = client.get(laser.get_absolute_url()).content.decode()
    assert "Ablative" in html
    assert "Minimally invasive" not in html
