"""The professional registers a practitioner or a guide's reviewer can be on: one vocabulary.

Stored as lower-case codes. The directory lists practitioners on any of them; a guide's medical
reviewer must be on one of the statutory registers (``STATUTORY``), which a reader can search.
"""

from __future__ import annotations

from django.db import models


class Register(models.TextChoices):
    GMC = "gmc", "General Medical Council (GMC)"
    NMC = "nmc", "Nursing and Midwifery Council (NMC)"
    GDC = "gdc", "General Dental Council (GDC)"
    HCPC = "hcpc", "Health and Care Professions Council (HCPC)"
    GPHC = "gphc", "General Pharmaceutical Council (GPhC)"
    PSA = "psa", "A PSA Accredited Register"


# The statutory registers (every register but the PSA's accredited ones).
STATUTORY = (Register.GMC, Register.NMC, Register.GDC, Register.HCPC, Register.GPHC)

# Each register's abbreviation, as shown beside a registration number.
REGISTER_SHORT: dict[str, str] = {
    Register.GMC: "GMC",
    Register.NMC: "NMC",
    Register.GDC: "GDC",
    Register.HCPC: "HCPC",
    Register.GPHC: "GPhC",
    Register.PSA: "PSA Accredited Register",
}

# Each register's full name, without the abbreviation.
REGISTER_NAME: dict[str, str] = {
    Register.GMC: "General Medical Council",
    Register.NMC: "Nursing and Midwifery Council",
    Register.GDC: "General Dental Council",
    Register.HCPC: "Health and Care Professions Council",
    Register.GPHC: "General Pharmaceutical Council",
    Register.PSA: "A PSA Accredited Register",
}
