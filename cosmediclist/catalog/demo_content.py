"""Demo catalogue content: body areas, concerns, screening questions and treatments."""

from typing import Any

# Laid out by hand to keep the data compact; the formatter leaves this block alone.
# fmt: off

AREAS: list[dict[str, Any]] = [
    {"slug": "face", "name": "Face",
     "summary": "Forehead, cheeks, nose, chin and the skin around the mouth."},
    {"slug": "neck", "name": "Neck",
     "summary": "The front and sides of the neck, where skin is thin and shows age early."},
    {"slug": "decolletage", "name": "Chest (décolletage)",
     "summary": "The upper chest below the neck, often marked by sun exposure."},
    {"slug": "hands", "name": "Hands",
     "summary": "The backs of the hands, where volume loss and sun spots are common."},
    {"slug": "scalp", "name": "Scalp", "summary": "The hair-bearing scalp, treated for thinning hair."},
    {"slug": "under-eyes", "name": "Under-eyes",
     "summary": "The delicate tear-trough and lower-lid area beneath the eyes."},
    {"slug": "lips", "name": "Lips",
     "summary": "The lips and their border, including lines around the mouth."},
    {"slug": "abdomen", "name": "Abdomen",
     "summary": "The stomach and flanks, a common site of stretch marks and stubborn fat."},
    {"slug": "thighs", "name": "Thighs",
     "summary": "Inner and outer thighs, often treated for cellulite and fat."},
    {"slug": "buttocks", "name": "Buttocks", "summary": "The buttocks and the fold beneath them."},
    {"slug": "arms", "name": "Arms", "summary": "Upper and lower arms, including the back of the upper arm."},
    {"slug": "back", "name": "Back", "summary": "Upper and lower back, including the shoulders."},
    {"slug": "underarms", "name": "Underarms",
     "summary": "The armpits, treated for unwanted hair or heavy sweating."},
    {"slug": "legs", "name": "Legs", "summary": "Lower and upper legs, including knees and shins."},
    {"slug": "jawline", "name": "Jawline", "summary": "The jaw, jowls and the area under the chin."},
]

CONCERNS: list[dict[str, Any]] = [
    {"slug": "stretch-marks", "name": "Stretch marks",
     "summary": "Lines in the skin left by rapid stretching, from red to silvery.",
     "description": "Stretch marks form when skin stretches faster than it can adapt, for example in "
                    "pregnancy, growth spurts or weight change. Newer marks are red or purple and tend to "
                    "respond better than older, pale ones. Treatments can soften them, but none reliably "
                    "removes them."},
    {"slug": "cellulite", "name": "Cellulite",
     "summary": "Dimpled skin, usually on the thighs and buttocks.",
     "description": "Cellulite is the dimpled look that appears when fibrous bands under the skin pull "
                    "down while fat pushes up. It is very common, especially in women, and is not a "
                    "medical problem. Improvements from treatment are usually modest and temporary."},
    {"slug": "hair-loss", "name": "Hair loss",
     "summary": "Thinning hair or a receding hairline on the scalp.",
     "description": "Hair loss has many causes, from inherited pattern hair loss to stress, illness and "
                    "low iron. A GP or dermatologist can look for a treatable cause first. Cosmetic "
                    "treatments aim to support existing hair rather than regrow lost follicles."},
    {"slug": "fine-lines-and-wrinkles", "name": "Fine lines and wrinkles",
     "summary": "Creases from expression, sun exposure and ageing skin.",
     "description": "Lines appear as skin loses collagen and elasticity and as repeated expressions leave "
                    "creases. Lines that show only on movement respond to different treatments from those "
                    "present at rest. Daily sun protection helps slow new lines forming."},
    {"slug": "acne-scars", "name": "Acne scars",
     "summary": "Pitted or raised marks left after acne has healed.",
     "description": "Acne can leave rolling, boxcar or ice-pick scars, or raised scars. Active acne is "
                    "usually brought under control before scars are treated. Most people need a course of "
                    "treatment, and improvement is gradual and partial."},
    {"slug": "hyperpigmentation", "name": "Hyperpigmentation",
     "summary": "Dark patches such as sun spots, melasma or marks after spots.",
     "description": "Hyperpigmentation is skin that is darker in patches because of extra melanin. Sun "
                    "spots, melasma and marks left after inflammation behave differently, so the cause "
                    "matters when choosing treatment. Some treatments can make pigment worse in darker "
                    "skin types, so experience with your skin type is important."},
    {"slug": "sagging-skin", "name": "Sagging skin",
     "summary": "Loose or lax skin, for example along the jaw or neck.",
     "description": "With age the skin loses collagen and elastin and the tissues beneath it thin, so skin "
                    "loosens and folds. Non-surgical treatments can give a mild tightening effect. Marked "
                    "laxity is generally better addressed by surgery."},
    {"slug": "dull-skin", "name": "Dull skin", "summary": "Skin that looks tired, uneven or lacks radiance.",
     "description": "Dullness can come from a build-up of dead skin cells, dehydration, sun damage or "
                    "lifestyle factors such as smoking and poor sleep. Gentle exfoliation and good "
                    "skincare are often the first step, with clinic treatments as an option."},
    {"slug": "enlarged-pores", "name": "Enlarged pores",
     "summary": "Pores that look large, often on the nose and cheeks.",
     "description": "Pore size is largely inherited and linked to oil production, and pores can look "
                    "larger as skin loses firmness. Treatments can make them less noticeable for a time "
                    "but do not change their number."},
    {"slug": "thread-veins-and-redness", "name": "Thread veins and redness",
     "summary": "Small visible blood vessels and flushed areas of skin.",
     "description": "Thread veins are small dilated blood vessels near the surface, often on the nose, "
                    "cheeks and legs. Persistent redness can be a sign of rosacea, which is worth having "
                    "diagnosed. Light-based treatments can reduce visible vessels, but new ones may appear "
                    "over time."},
    {"slug": "unwanted-hair", "name": "Unwanted hair",
     "summary": "Hair on the face or body that a person would rather not have.",
     "description": "Unwanted hair is a common cosmetic concern. Sudden or excessive hair growth can have "
                    "a hormonal cause, such as polycystic ovary syndrome, which a GP can check. "
                    "Longer-term reduction works best on dark hair."},
    {"slug": "stubborn-fat", "name": "Stubborn fat",
     "summary": "Small areas of fat that resist diet and exercise.",
     "description": "Some fat deposits, such as on the lower abdomen, flanks or under the chin, stay "
                    "despite a stable healthy weight. Non-surgical fat reduction treats small, pinchable "
                    "areas and is not a weight-loss method."},
    {"slug": "volume-loss", "name": "Volume loss",
     "summary": "Hollowing of the cheeks, temples, under-eyes or backs of the hands.",
     "description": "With age the face loses fat and bone support, which can leave hollows and deepen "
                    "folds. Volume can be restored temporarily with injected products, and the aim is "
                    "usually a natural result rather than a change of shape."},
    {"slug": "uneven-texture", "name": "Uneven texture", "summary": "Rough, bumpy or uneven skin surface.",
     "description": "Texture problems include roughness, small bumps, shallow scars and sun damage. "
                    "Treatments that resurface the skin or stimulate collagen can smooth it, usually over "
                    "a course of sessions."},
    {"slug": "sun-damage", "name": "Sun damage",
     "summary": "Changes from years of sun exposure: spots, lines and rough skin.",
     "description": "Long-term sun exposure causes brown spots, fine lines, broken veins and roughness. "
                    "Any new, changing or bleeding spot should be checked by a doctor before cosmetic "
                    "treatment. Daily sunscreen protects the results of any treatment."},
]

CONTRAINDICATIONS: list[dict[str, Any]] = [
    {"slug": "pregnancy-breastfeeding", "question": "Are you pregnant, trying to conceive or breastfeeding?",
     "help_text": "Most cosmetic treatments have not been tested in pregnancy or while breastfeeding.",
     "handling": "do_not_treat", "wait_weeks": None,
     "explanation": "Elective cosmetic treatment is usually postponed until after pregnancy and "
                    "breastfeeding, as safety data are lacking."},
    {"slug": "anticoagulants-bleeding-disorder",
     "question": "Do you take blood-thinning medicine or have a bleeding disorder?",
     "help_text": "Blood thinners and clotting problems raise the risk of bruising and bleeding.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Prescribed blood thinners should never be stopped for a cosmetic treatment; the "
                    "clinician weighs the bleeding risk and may advise against needle-based procedures."},
    {"slug": "active-skin-infection",
     "question": "Do you have a skin infection, open wound or cold sore where you want treatment?",
     "help_text": "Treating infected or broken skin can spread infection and slow healing.",
     "handling": "wait", "wait_weeks": 2,
     "explanation": "Treatment is postponed until the area has fully healed. People prone to cold sores "
                    "may be offered antiviral cover before facial treatments."},
    {"slug": "ingredient-allergy",
     "question": "Have you ever reacted to a local anaesthetic, hyaluronic acid or another ingredient used "
                 "in cosmetic treatments?",
     "help_text": "A known allergy to a product or anaesthetic rules that product out.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "The clinician checks the ingredient list against the reported allergy; a product "
                    "containing the allergen is not used."},
    {"slug": "nickel-allergy", "question": "Are you allergic to nickel or other metals?",
     "help_text": "Some needles, cartridges and devices contain nickel.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Many clinics can use nickel-free or gold-plated needles; if none is available the "
                    "treatment is avoided."},
    {"slug": "autoimmune-disease",
     "question": "Do you have an autoimmune condition such as lupus, scleroderma or rheumatoid arthritis?",
     "help_text": "Some autoimmune conditions affect healing and how skin reacts.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Stable, well-controlled disease may not rule treatment out, but active disease "
                    "usually does; the clinician may ask the treating specialist."},
    {"slug": "diabetes", "question": "Do you have diabetes?",
     "help_text": "Diabetes can slow wound healing and raise the risk of infection.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Well-controlled diabetes is often compatible with treatment; poor control or "
                    "slow-healing skin is a reason to be cautious."},
    {"slug": "keloid-scarring", "question": "Do you tend to form raised, thick (keloid) scars?",
     "help_text": "Treatments that injure the skin can trigger keloid scars in people prone to them.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Resurfacing and needling are usually avoided or tested on a small area first in "
                    "people with a history of keloids."},
    {"slug": "cancer-or-immunosuppression",
     "question": "Are you having treatment for cancer, or taking medicine that suppresses the immune "
                 "system?",
     "help_text": "A weakened immune system raises infection risk and slows healing.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Treatment is usually deferred during chemotherapy or radiotherapy; the clinician may "
                    "seek the oncology team's view before treating."},
    {"slug": "heart-disease-or-pacemaker",
     "question": "Do you have a heart condition, a pacemaker or another implanted electronic device?",
     "help_text": "Electrical and some energy-based devices can interfere with implants.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Radiofrequency and similar devices are generally avoided with pacemakers and "
                    "defibrillators; other treatments may go ahead after review."},
    {"slug": "epilepsy", "question": "Do you have epilepsy or have you had a seizure?",
     "help_text": "Flashing light from some devices can trigger seizures in a few people.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Light-based treatments may be avoided in photosensitive epilepsy; the clinician "
                    "checks how well seizures are controlled."},
    {"slug": "isotretinoin-recent",
     "question": "Have you taken isotretinoin (such as Roaccutane) in the last six months?",
     "help_text": "Isotretinoin makes skin fragile and may affect healing after resurfacing.",
     "handling": "wait", "wait_weeks": 26,
     "explanation": "Clinics usually wait about six months after the last dose before lasers, deeper peels "
                    "or needling, although practice varies."},
    {"slug": "recent-surgery-in-area",
     "question": "Have you had surgery in the area you want treated in the last three months?",
     "help_text": "Tissues need time to heal fully before further treatment.",
     "handling": "wait", "wait_weeks": 12,
     "explanation": "Treatment waits until the surgical site has healed, typically at least three months; "
                    "the surgeon's advice takes priority."},
    {"slug": "recent-laser-or-tattoo-in-area",
     "question": "Have you had laser, a peel or a new tattoo in the area in the last four weeks?",
     "help_text": "Skin that is still recovering reacts more strongly to treatment.",
     "handling": "wait", "wait_weeks": 4,
     "explanation": "Clinics usually leave around four weeks between treatments to the same skin; tattooed "
                    "skin itself is not treated with light."},
    {"slug": "recent-vaccination-or-antibiotics",
     "question": "Have you had a vaccination, an illness or a course of antibiotics in the last two weeks?",
     "help_text": "Recent immune activity may be linked to reactions to injected products.",
     "handling": "wait", "wait_weeks": 2,
     "explanation": "Many clinics leave about two weeks after a vaccination, illness or antibiotics before "
                    "injectable treatments, as a precaution."},
    {"slug": "metal-implants-in-area",
     "question": "Do you have metal implants, plates or permanent fillers in the area to be treated?",
     "help_text": "Metal and some permanent materials can heat up or be disturbed by energy devices.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "Energy-based devices are not used over metal implants; dental fillings and crowns are "
                    "usually not a problem."},
    {"slug": "recent-sun-exposure-tan",
     "question": "Have you had a suntan, sunbed or fake tan in the last four weeks?",
     "help_text": "Tanned skin absorbs more light energy and is more likely to burn or change colour.",
     "handling": "wait", "wait_weeks": 4,
     "explanation": "Light and laser treatments are usually deferred until a tan has faded, generally at "
                    "least four weeks."},
    {"slug": "neuromuscular-disorder",
     "question": "Do you have a condition affecting nerves and muscles, such as myasthenia gravis?",
     "help_text": "Botulinum toxin acts on the nerve-muscle junction.",
     "handling": "do_not_treat", "wait_weeks": None,
     "explanation": "Botulinum toxin is not usually given to people with neuromuscular disorders because "
                    "weakness can be more pronounced."},
    {"slug": "photosensitising-medication",
     "question": "Do you take medicine that makes your skin sensitive to light?",
     "help_text": "Some antibiotics, acne treatments and other medicines increase the risk of burns.",
     "handling": "clinician_review", "wait_weeks": None,
     "explanation": "The clinician reviews the medicine list and may run a test patch or defer light-based "
                    "treatment."},
    {"slug": "cold-sensitivity-disorder",
     "question": "Do you have a cold-related condition such as cold urticaria, cryoglobulinaemia or "
                 "Raynaud's?",
     "help_text": "Cooling treatments can trigger serious reactions in these conditions.",
     "handling": "do_not_treat", "wait_weeks": None,
     "explanation": "Fat-freezing is not offered to people with cold-triggered conditions."},
    {"slug": "hernia-in-area", "question": "Do you have a hernia in or near the area to be treated?",
     "help_text": "Suction applicators can put pressure on a hernia.",
     "handling": "do_not_treat", "wait_weeks": None,
     "explanation": "Applicator-based body treatments are not placed over a known hernia."},
]

TREATMENTS: list[dict[str, Any]] = [
    {
        "slug": "mesotherapy", "name": "Mesotherapy",
        "summary": "Many tiny injections of a vitamin, amino acid and peptide mix into the skin to refresh "
                   "tone and texture.",
        "category": "skin-rejuvenation", "procedure_type": "minimally_invasive", "anaesthesia": "none",
        "pain_score": 2, "sessions_min": 3, "sessions_max": 4,
        "session_minutes_min": 30, "session_minutes_max": 60,
        "interval_weeks_min": 2, "interval_weeks_max": 2, "downtime_days_min": 0, "downtime_days_max": 0,
        "results_months_min": 4, "results_months_max": 6, "price_gbp_min": 100, "price_gbp_max": 250,
        "is_adults_only": True, "evidence_level": "limited",
        "evidence_note": "Mesotherapy began in France and is widely offered, but good-quality trials of its "
                         "cosmetic uses are few and small. Clinics mix different products, so results from "
                         "one study may not apply to another cocktail. Evidence for fat reduction and "
                         "cellulite is especially weak.",
        "description": [
            "Mesotherapy delivers a blend of ingredients such as vitamins, amino acids, minerals, peptides "
            "and sometimes hyaluronic acid into the middle layer of the skin through many very shallow "
            "injections. The mix is chosen for the concern being treated, and clinics use it on the face, "
            "the neck and the backs of the hands, as well as on the body and scalp.",
            "It is described as a gentle treatment: the needles are very fine, no anaesthetic is normally "
            "needed and most people go straight back to their day. A course of three or four sessions is "
            "usual, and because the effect fades after four to six months, clinics typically suggest "
            "maintenance sessions. It is sometimes combined with laser or other skin treatments.",
        ],
        "how_performed": "The skin is cleansed, then the practitioner places small amounts of the chosen "
                         "mix just under the surface with a very fine needle or an injector gun.",
        "preparation": "Avoid alcohol and, if your doctor agrees, non-essential blood-thinning painkillers "
                       "for a day or two to reduce bruising.",
        "followup": "Sessions are usually about two weeks apart, followed by maintenance treatments when "
                    "the effect starts to fade.",
        "side_effects": [
            {"name": "Tenderness", "frequency": "common",
             "note": "The area feels sore to touch; this usually settles within hours."},
            {"name": "Swelling", "frequency": "common",
             "note": "Small bumps at injection points usually go down within hours."},
            {"name": "Bruising", "frequency": "common",
             "note": "Pinpoint bruises usually fade within hours, occasionally days."},
            {"name": "Infection", "frequency": "rare",
             "note": "Redness, heat or pus a few days later needs prompt review."},
            {"name": "Allergic reaction or lumps", "frequency": "rare",
             "note": "A reaction to an ingredient can cause itching or nodules."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Leave the skin bare; avoid touching or rubbing the area."},
            {"after_hours": 6, "timing_label": "First 6 hours",
             "instruction": "Skip make-up so the tiny entry points can close."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid heavy exercise, saunas, swimming and alcohol."},
            {"after_hours": 48, "timing_label": "48 hours",
             "instruction": "Use a high-factor sunscreen and avoid strong actives."},
        ],
        "concerns": [
            ["stretch-marks", "Clinics use it to soften the look of stretch marks."],
            ["cellulite", "Offered to improve dimpling, though results are modest."],
            ["hair-loss", "Scalp injections aim to support thinning hair."],
            ["fine-lines-and-wrinkles", "Hydrating ingredients can soften fine lines."],
            ["acne-scars", "May improve the texture of shallow scars over a course."],
            ["hyperpigmentation", "Brightening ingredients aim to even out dark patches."],
            ["sagging-skin", "Aims to improve firmness as part of a course."],
            ["dull-skin", "Many people report fresher, more hydrated-looking skin."],
        ],
        "areas": ["face", "neck", "hands", "scalp", "abdomen", "thighs"],
        "contraindications": [
            "pregnancy-breastfeeding", "anticoagulants-bleeding-disorder", "active-skin-infection",
            "ingredient-allergy", "autoimmune-disease", "diabetes", "keloid-scarring",
            "cancer-or-immunosuppression", "recent-vaccination-or-antibiotics",
        ],
        "references": [
            {"title": "Mesotherapy and phosphatidylcholine injections: historical clarification and review",
             "publisher": "Dermatologic Surgery", "year": 2006, "doi": "", "pmid": "", "url": ""},
            {"title": "Mesotherapy, definition, rationale and clinical role: a consensus report from the "
                      "Italian Society of Mesotherapy",
             "publisher": "European Review for Medical and Pharmacological Sciences", "year": 2011,
             "doi": "", "pmid": "", "url": ""},
        ],
    },
    {
        "slug": "microneedling", "name": "Microneedling",
        "summary": "A device makes tiny, controlled punctures in the skin to prompt collagen renewal.",
        "category": "skin-rejuvenation", "procedure_type": "minimally_invasive", "anaesthesia": "topical",
        "pain_score": 3, "sessions_min": 3, "sessions_max": 6,
        "session_minutes_min": 45, "session_minutes_max": 75,
        "interval_weeks_min": 4, "interval_weeks_max": 6, "downtime_days_min": 1, "downtime_days_max": 3,
        "results_months_min": 6, "results_months_max": 12, "price_gbp_min": 150, "price_gbp_max": 350,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Several controlled studies show improvement in acne scars and some in fine lines, "
                         "usually after a course of treatments. Studies are often small and use different "
                         "devices and needle depths. Results for stretch marks are less consistent.",
        "description": [
            "Microneedling, sometimes called collagen induction therapy, uses a pen-like device with fine "
            "needles to make many tiny channels in the skin. The skin's repair response is thought to lay "
            "down new collagen, which can gradually smooth texture and soften scars.",
            "The face usually looks pink, like mild sunburn, for a day or two. Change builds slowly over "
            "months, so a course is planned with gaps between sessions. Home rollers are not the same as "
            "clinic treatment and carry an infection risk if not kept clean.",
        ],
        "how_performed": "After numbing cream, the practitioner glides a sterile needling pen over the skin "
                         "in passes, adjusting the depth to each area.",
        "preparation": "Stop retinoids and exfoliating acids a few days before, and avoid sunburn or a "
                       "fresh tan.",
        "followup": "Sessions are usually four to six weeks apart; some people have a yearly top-up.",
        "side_effects": [
            {"name": "Redness and tightness", "frequency": "common",
             "note": "Like mild sunburn, usually fading within one to three days."},
            {"name": "Pinpoint bleeding or bruising", "frequency": "common",
             "note": "Minor spotting during treatment; small bruises fade in days."},
            {"name": "Flaking and dryness", "frequency": "common",
             "note": "Light peeling for a few days as the skin renews."},
            {"name": "Pigment change", "frequency": "uncommon",
             "note": "Darker patches, more likely in darker skin or after sun."},
            {"name": "Infection", "frequency": "rare",
             "note": "Needs prompt review; cold sores can also flare."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Apply only the soothing product your clinic provides."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "No make-up, exercise, swimming or saunas."},
            {"after_hours": 72, "timing_label": "First 3 days",
             "instruction": "Avoid retinoids, acids and scrubs; moisturise gently."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Use broad-spectrum sunscreen daily and avoid sunbathing."},
        ],
        "concerns": [
            ["acne-scars", "Repeated sessions can soften rolling and boxcar scars."],
            ["fine-lines-and-wrinkles", "New collagen may soften fine lines over time."],
            ["enlarged-pores", "Can make pores look smaller for a while."],
            ["uneven-texture", "Smooths rough or uneven skin over a course."],
            ["stretch-marks", "May improve the texture of stretch marks modestly."],
            ["dull-skin", "Many people notice a fresher look once redness settles."],
        ],
        "areas": ["face", "neck", "decolletage", "hands", "abdomen", "thighs"],
        "contraindications": [
            "pregnancy-breastfeeding", "anticoagulants-bleeding-disorder", "active-skin-infection",
            "keloid-scarring", "isotretinoin-recent", "autoimmune-disease", "diabetes",
            "cancer-or-immunosuppression", "nickel-allergy", "recent-sun-exposure-tan",
        ],
        "references": [
            {"title": "Microneedling: A Review and Practical Guide", "publisher": "Dermatologic Surgery",
             "year": 2018, "doi": "", "pmid": "", "url": ""},
        ],
    },
    {
        "slug": "fractional-co2-laser", "name": "Fractional CO2 laser resurfacing",
        "summary": "An ablative laser that vaporises tiny columns of skin to resurface lines, scars and sun "
                   "damage.",
        "category": "lasers-and-light", "procedure_type": "ablative", "anaesthesia": "topical",
        "pain_score": 6, "sessions_min": 1, "sessions_max": 3,
        "session_minutes_min": 60, "session_minutes_max": 120,
        "interval_weeks_min": 8, "interval_weeks_max": 12, "downtime_days_min": 5, "downtime_days_max": 14,
        "results_months_min": None, "results_months_max": None, "price_gbp_min": 600, "price_gbp_max": 1800,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Fractional resurfacing is well studied for sun-damaged skin and acne scars, with "
                         "improvements seen in controlled studies. It carries more risk than gentler "
                         "treatments, particularly pigment change in darker skin. Outcomes depend heavily "
                         "on settings and the operator's experience.",
        "description": [
            "A carbon dioxide laser removes microscopic columns of skin and heats the tissue around them, "
            "leaving bridges of untouched skin that speed healing. The skin then rebuilds with new "
            "collagen, which can smooth lines, scars and rough, sun-damaged texture.",
            "It is one of the more intensive non-surgical treatments, with a real recovery period of "
            "crusting and redness. Results are long-lasting, so no fixed duration is given, but the skin "
            "keeps ageing and sun exposure will add new damage, so some people return for a further session "
            "years later.",
        ],
        "how_performed": "After numbing cream and eye protection, the laser is passed over the skin in a "
                         "grid; the face feels hot and prickly.",
        "preparation": "Avoid sun and tanning for four weeks; people prone to cold sores may be given "
                       "antiviral tablets.",
        "followup": "A review at one to two weeks checks healing; further sessions, if any, are at least "
                    "two to three months apart.",
        "side_effects": [
            {"name": "Redness, swelling and crusting", "frequency": "common",
             "note": "Expected for about a week; pinkness can last several weeks."},
            {"name": "Darkening of the skin", "frequency": "uncommon",
             "note": "Temporary pigment change, more likely in darker skin types."},
            {"name": "Cold sore flare or infection", "frequency": "uncommon",
             "note": "Antiviral cover and careful aftercare reduce the risk."},
            {"name": "Scarring or lasting lightening", "frequency": "rare",
             "note": "Possible with aggressive settings or poor healing."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Use cool compresses and the ointment your clinic gives."},
            {"after_hours": 48, "timing_label": "48 hours",
             "instruction": "Sleep with your head raised and cleanse very gently."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Do not pick crusts; keep the skin moist and out of the sun."},
            {"after_hours": 720, "timing_label": "First month",
             "instruction": "Wear high-factor sunscreen daily and avoid strong actives."},
        ],
        "concerns": [
            ["fine-lines-and-wrinkles", "Resurfacing can reduce lines around eyes and mouth."],
            ["acne-scars", "Among the more effective options for textured scars."],
            ["sun-damage", "Removes damaged surface skin and rough patches."],
            ["uneven-texture", "Leaves a smoother surface once healed."],
            ["hyperpigmentation", "Can lift sun spots, but may worsen melasma."],
            ["sagging-skin", "Heat can give mild tightening of lax skin."],
        ],
        "areas": ["face", "neck", "decolletage", "hands", "under-eyes"],
        "contraindications": [
            "pregnancy-breastfeeding", "active-skin-infection", "isotretinoin-recent", "keloid-scarring",
            "recent-sun-exposure-tan", "photosensitising-medication", "autoimmune-disease", "diabetes",
            "cancer-or-immunosuppression", "anticoagulants-bleeding-disorder", "recent-surgery-in-area",
            "recent-laser-or-tattoo-in-area",
        ],
        "references": [
            {"title": "Fractional photothermolysis: a new concept for cutaneous remodeling using "
                      "microscopic patterns of thermal injury",
             "publisher": "Lasers in Surgery and Medicine", "year": 2004, "doi": "", "pmid": "", "url": ""},
            {"title": "The role of lasers and intense pulsed light technology in dermatology",
             "publisher": "Clinical, Cosmetic and Investigational Dermatology", "year": 2016,
             "doi": "10.2147/CCID.S69106", "pmid": "", "url": ""},
        ],
    },
    {
        "slug": "chemical-peel", "name": "Chemical peel",
        "summary": "An acid solution removes the outer layers of skin so smoother, more even skin can grow "
                   "back.",
        "category": "skin-rejuvenation", "procedure_type": "minimally_invasive", "anaesthesia": "none",
        "pain_score": 3, "sessions_min": 3, "sessions_max": 6,
        "session_minutes_min": 20, "session_minutes_max": 45,
        "interval_weeks_min": 2, "interval_weeks_max": 4, "downtime_days_min": 0, "downtime_days_max": 7,
        "results_months_min": 2, "results_months_max": 6, "price_gbp_min": 60, "price_gbp_max": 200,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Superficial and medium peels have a long track record for pigmentation, sun "
                         "damage and mild scarring, although many studies are small. Results vary with the "
                         "acid, its strength and skin type. Deeper peels have stronger effects but carry "
                         "more risk.",
        "description": [
            "A chemical peel applies an acid, such as glycolic, salicylic, lactic or trichloroacetic acid, "
            "to loosen and remove the top layers of skin. Superficial peels act on the surface only, while "
            "medium and deep peels reach further and need longer to heal.",
            "This catalogue entry describes the superficial and medium peels offered in most clinics, "
            "usually as a course. Skin can flake for several days and is more sensitive to the sun while it "
            "heals. Deep peels are a specialist procedure with a much longer recovery.",
        ],
        "how_performed": "The skin is cleansed and the solution painted on for a set time, then neutralised "
                         "or removed; it tingles or stings briefly.",
        "preparation": "Stop retinoids and exfoliants about a week before, and avoid waxing or a tan in the "
                       "area.",
        "followup": "Light peels are usually repeated every two to four weeks over a course; the "
                    "practitioner reviews how your skin responded.",
        "side_effects": [
            {"name": "Stinging and redness", "frequency": "common",
             "note": "Settles within hours to a few days, depending on depth."},
            {"name": "Peeling and flaking", "frequency": "common",
             "note": "Usually starts on day two or three and lasts a few days."},
            {"name": "Pigment change", "frequency": "uncommon",
             "note": "Darker or lighter patches, more likely in darker skin."},
            {"name": "Cold sore flare, infection or scarring", "frequency": "rare",
             "note": "More of a risk with deeper peels."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Rinse with cool water only and apply a bland moisturiser."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid make-up, heat, exercise and swimming."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Let flakes come away naturally; do not pick or scrub."},
            {"after_hours": 720, "timing_label": "First month",
             "instruction": "Use high-factor sunscreen every day."},
        ],
        "concerns": [
            ["hyperpigmentation", "Lightens sun spots and some dark patches."],
            ["dull-skin", "Removes dead cells for a brighter surface."],
            ["uneven-texture", "Smooths rough patches over a course."],
            ["acne-scars", "Can soften shallow scars and marks after spots."],
            ["fine-lines-and-wrinkles", "Superficial lines may look softer."],
            ["enlarged-pores", "Exfoliation can make pores less obvious."],
            ["sun-damage", "Improves the rough texture and spots of sun damage."],
        ],
        "areas": ["face", "neck", "decolletage", "hands", "back"],
        "contraindications": [
            "pregnancy-breastfeeding", "active-skin-infection", "isotretinoin-recent", "keloid-scarring",
            "recent-sun-exposure-tan", "photosensitising-medication", "recent-laser-or-tattoo-in-area",
            "autoimmune-disease", "cancer-or-immunosuppression",
        ],
        "references": [
            {"title": "Chemical peels", "publisher": "NHS website", "year": 2023, "doi": "", "pmid": "",
             "url": "https://www.nhs.uk/conditions/cosmetic-procedures/non-surgical-cosmetic-procedures/"
                    "chemical-peels/"},
        ],
    },
    {
        "slug": "botulinum-toxin", "name": "Anti-wrinkle injections (botulinum toxin)",
        "summary": "Small injections relax selected facial muscles to soften lines that form with "
                   "expression.",
        "category": "injectables", "procedure_type": "minimally_invasive", "anaesthesia": "none",
        "pain_score": 2, "sessions_min": 1, "sessions_max": 1,
        "session_minutes_min": 10, "session_minutes_max": 30,
        "interval_weeks_min": None, "interval_weeks_max": None,
        "downtime_days_min": 0, "downtime_days_max": 1, "results_months_min": 3, "results_months_max": 4,
        "price_gbp_min": 100, "price_gbp_max": 350, "is_adults_only": True, "evidence_level": "strong",
        "evidence_note": "Botulinum toxin for frown lines, forehead lines and crow's feet is backed by many "
                         "large controlled trials. Its effects and side effects are well understood when a "
                         "licensed product is used by a trained prescriber. Evidence for newer off-label "
                         "uses is thinner.",
        "description": [
            "Botulinum toxin is a prescription-only medicine that blocks the nerve signal to a muscle, so "
            "it relaxes for a few months. Injected into chosen muscles, it softens lines that appear when "
            "you frown, raise your eyebrows or smile. It is also used for heavy underarm sweating and jaw "
            "clenching.",
            "In the UK it must be prescribed after a face-to-face consultation with a doctor, dentist, "
            "nurse or pharmacist prescriber, and in England it is illegal to give it to under-18s for "
            "cosmetic reasons. The effect appears over about two weeks and fades after three to four months.",
        ],
        "how_performed": "The practitioner asks you to make expressions, marks the points and gives a few "
                         "tiny injections into each muscle.",
        "preparation": "Avoid alcohol for a day before; tell the prescriber about all medicines, especially "
                       "some antibiotics and muscle relaxants.",
        "followup": "A review at about two weeks allows a small adjustment; treatment is repeated when "
                    "movement returns.",
        "side_effects": [
            {"name": "Bruising or redness at injection points", "frequency": "common",
             "note": "Small and usually gone within a few days."},
            {"name": "Headache", "frequency": "common",
             "note": "Mild and usually short-lived after treatment."},
            {"name": "Drooping eyelid or eyebrow", "frequency": "uncommon",
             "note": "Temporary, lasting weeks; can sometimes be eased with drops."},
            {"name": "Uneven or unexpected expression", "frequency": "uncommon",
             "note": "Often correctable at the review appointment."},
            {"name": "Difficulty swallowing or breathing", "frequency": "rare",
             "note": "Needs urgent medical help; more likely with unlicensed products."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Do not rub or massage the treated areas."},
            {"after_hours": 4, "timing_label": "First 4 hours",
             "instruction": "Stay upright and avoid bending over or lying flat."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid exercise, alcohol, saunas and facial treatments."},
            {"after_hours": 336, "timing_label": "Two weeks",
             "instruction": "Judge the result now, and attend your review if offered."},
        ],
        "concerns": [
            ["fine-lines-and-wrinkles", "Relaxing muscles softens lines caused by expression."],
        ],
        "areas": ["face", "neck", "jawline", "underarms"],
        "contraindications": [
            "pregnancy-breastfeeding", "neuromuscular-disorder", "active-skin-infection",
            "ingredient-allergy", "anticoagulants-bleeding-disorder",
        ],
        "references": [
            {"title": "Botox injections", "publisher": "NHS website", "year": 2023, "doi": "", "pmid": "",
             "url": "https://www.nhs.uk/conditions/cosmetic-procedures/botox-injections/"},
        ],
    },
    {
        "slug": "dermal-filler", "name": "Hyaluronic acid dermal filler",
        "summary": "A gel injected under the skin to restore volume and soften folds, lips and hollows.",
        "category": "injectables", "procedure_type": "minimally_invasive", "anaesthesia": "topical",
        "pain_score": 3, "sessions_min": 1, "sessions_max": 2,
        "session_minutes_min": 20, "session_minutes_max": 45,
        "interval_weeks_min": 2, "interval_weeks_max": 4, "downtime_days_min": 0, "downtime_days_max": 3,
        "results_months_min": 6, "results_months_max": 18, "price_gbp_min": 200, "price_gbp_max": 600,
        "is_adults_only": True, "evidence_level": "strong",
        "evidence_note": "Hyaluronic acid fillers have been tested in many controlled trials for folds, "
                         "lips and cheeks, and their short-term effects are well described. Rare but "
                         "serious complications, such as a blocked blood vessel, are also well documented. "
                         "How long they last varies with product and area.",
        "description": [
            "Most fillers used in the UK are made of hyaluronic acid, a substance found naturally in the "
            "skin, processed into a gel. Injected with a fine needle or blunt cannula, it adds volume to "
            "lips, cheeks, chin, jawline and under-eyes, or softens deep folds.",
            "Results are visible straight away and settle over two weeks, lasting roughly six to eighteen "
            "months. Hyaluronic acid filler can be dissolved with an enzyme if there is a problem. It is "
            "illegal to give fillers for cosmetic reasons to under-18s in England.",
        ],
        "how_performed": "After numbing cream, the filler, which usually contains local anaesthetic, is "
                         "injected in small amounts and moulded by hand.",
        "preparation": "Avoid alcohol and, if your doctor agrees, non-essential blood-thinning painkillers "
                       "for a day or two before.",
        "followup": "A review at two to four weeks allows a small top-up; repeat treatment is usually after "
                    "six months or more.",
        "side_effects": [
            {"name": "Swelling, tenderness and bruising", "frequency": "common",
             "note": "Usually settles within a few days, lips may take a week."},
            {"name": "Lumps or unevenness", "frequency": "uncommon",
             "note": "Often settle or can be massaged or dissolved."},
            {"name": "Infection or delayed nodules", "frequency": "rare",
             "note": "Can appear weeks later and need medical treatment."},
            {"name": "Blocked blood vessel", "frequency": "rare",
             "note": "Severe pain or pale, mottled skin is an emergency: call the clinic."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Apply a cold compress if swollen; do not press the area."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid make-up, exercise, alcohol and heat."},
            {"after_hours": 48, "timing_label": "48 hours",
             "instruction": "Watch for severe pain, colour change or vision changes."},
            {"after_hours": 336, "timing_label": "Two weeks",
             "instruction": "Avoid facials, dental work and massage until settled."},
        ],
        "concerns": [
            ["volume-loss", "Restores volume to cheeks, temples, under-eyes and hands."],
            ["fine-lines-and-wrinkles", "Fills lines that are present at rest."],
            ["sagging-skin", "Support in the mid-face can reduce the look of folds."],
            ["acne-scars", "Can lift some broad, soft scars."],
        ],
        "areas": ["face", "lips", "under-eyes", "jawline", "hands"],
        "contraindications": [
            "pregnancy-breastfeeding", "anticoagulants-bleeding-disorder", "active-skin-infection",
            "ingredient-allergy", "autoimmune-disease", "cancer-or-immunosuppression",
            "recent-vaccination-or-antibiotics", "recent-surgery-in-area",
        ],
        "references": [
            {"title": "Face and lip fillers (dermal fillers)", "publisher": "NHS website", "year": 2023,
             "doi": "", "pmid": "",
             "url": "https://www.nhs.uk/conditions/cosmetic-procedures/non-surgical-cosmetic-procedures/"
                    "dermal-fillers/"},
        ],
    },
    {
        "slug": "skin-booster", "name": "Skin booster",
        "summary": "Fine injections of thin hyaluronic acid to improve hydration and skin quality, not "
                   "shape.",
        "category": "injectables", "procedure_type": "minimally_invasive", "anaesthesia": "topical",
        "pain_score": 3, "sessions_min": 2, "sessions_max": 3,
        "session_minutes_min": 30, "session_minutes_max": 45,
        "interval_weeks_min": 4, "interval_weeks_max": 4, "downtime_days_min": 0, "downtime_days_max": 2,
        "results_months_min": 6, "results_months_max": 9, "price_gbp_min": 200, "price_gbp_max": 400,
        "is_adults_only": True, "evidence_level": "limited",
        "evidence_note": "Studies of skin boosters report better hydration and elasticity, but most are "
                         "small, short and often funded by manufacturers. Products differ, so findings do "
                         "not transfer neatly between brands.",
        "description": [
            "Skin boosters use a thin, lightly cross-linked hyaluronic acid, sometimes with added "
            "ingredients, spread in tiny amounts through the skin. Rather than adding volume, the aim is "
            "better hydration, a smoother surface and a healthier-looking glow.",
            "A course of two or three sessions is typical, with top-ups about every six months. Small bumps "
            "at the injection points are normal for a day or two.",
        ],
        "how_performed": "After numbing cream, small amounts are injected in a grid across the area, or at "
                         "a few set points, then massaged in.",
        "preparation": "Avoid alcohol and non-essential blood-thinning painkillers for a day or two, and "
                       "arrive without make-up.",
        "followup": "Sessions are about four weeks apart, then maintenance every six months or so.",
        "side_effects": [
            {"name": "Small bumps at injection points", "frequency": "common",
             "note": "Usually flatten within one to two days."},
            {"name": "Bruising and tenderness", "frequency": "common",
             "note": "Minor and fades within days."},
            {"name": "Infection or nodules", "frequency": "rare",
             "note": "Needs review if lumps are hot, painful or growing."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Do not massage unless your practitioner advises it."},
            {"after_hours": 12, "timing_label": "First 12 hours",
             "instruction": "Leave off make-up so the entry points can close."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid exercise, alcohol, saunas and steam rooms."},
            {"after_hours": 336, "timing_label": "Two weeks",
             "instruction": "Avoid facials or other treatments to the same area."},
        ],
        "concerns": [
            ["dull-skin", "Improved hydration can make skin look brighter."],
            ["fine-lines-and-wrinkles", "May soften fine, crepey lines."],
            ["uneven-texture", "Can give a smoother-feeling surface."],
        ],
        "areas": ["face", "neck", "decolletage", "hands"],
        "contraindications": [
            "pregnancy-breastfeeding", "anticoagulants-bleeding-disorder", "active-skin-infection",
            "ingredient-allergy", "autoimmune-disease", "recent-vaccination-or-antibiotics",
        ],
        "references": [
            {"title": "Face and lip fillers (dermal fillers)", "publisher": "NHS website", "year": 2023,
             "doi": "", "pmid": "",
             "url": "https://www.nhs.uk/conditions/cosmetic-procedures/non-surgical-cosmetic-procedures/"
                    "dermal-fillers/"},
        ],
    },
    {
        "slug": "prp", "name": "Platelet-rich plasma (PRP)",
        "summary": "A concentrate of your own platelets is injected into the scalp or skin to support "
                   "repair.",
        "category": "skin-rejuvenation", "procedure_type": "minimally_invasive", "anaesthesia": "topical",
        "pain_score": 4, "sessions_min": 3, "sessions_max": 4,
        "session_minutes_min": 45, "session_minutes_max": 90,
        "interval_weeks_min": 4, "interval_weeks_max": 6, "downtime_days_min": 0, "downtime_days_max": 2,
        "results_months_min": 6, "results_months_max": 12, "price_gbp_min": 250, "price_gbp_max": 500,
        "is_adults_only": True, "evidence_level": "limited",
        "evidence_note": "Some randomised trials suggest PRP can increase hair density in pattern hair "
                         "loss, but they are small and preparation methods differ widely. Evidence for "
                         "facial rejuvenation is weaker still. It is not a cure for hair loss.",
        "description": [
            "A small blood sample is taken and spun in a centrifuge to separate the platelet-rich part of "
            "the plasma. Platelets carry growth factors, and the idea is that placing them in the scalp or "
            "skin supports repair and hair growth.",
            "It is most often used for thinning hair and sometimes for the face and under-eyes, often with "
            "microneedling. Because the material is your own, allergic reactions are unlikely, but the "
            "quality of the preparation varies between systems and clinics.",
        ],
        "how_performed": "Blood is drawn from the arm and processed, then the plasma is injected or needled "
                         "into the area after numbing.",
        "preparation": "Drink plenty of water, eat beforehand and, if your doctor agrees, avoid "
                       "anti-inflammatory painkillers for a few days.",
        "followup": "Three or four sessions a month or so apart, then top-ups every six to twelve months.",
        "side_effects": [
            {"name": "Tenderness and swelling", "frequency": "common",
             "note": "Scalp or skin may ache for a day or two."},
            {"name": "Bruising", "frequency": "common",
             "note": "At the blood draw and injection sites; fades in days."},
            {"name": "Headache", "frequency": "uncommon", "note": "Mild after scalp treatment."},
            {"name": "Infection", "frequency": "rare", "note": "Sterile technique keeps this uncommon."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Leave the area alone; do not wash or touch it."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Wait before washing hair or applying products."},
            {"after_hours": 48, "timing_label": "48 hours",
             "instruction": "Avoid saunas, heavy exercise, hair dye and alcohol."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Protect treated skin from the sun."},
        ],
        "concerns": [
            ["hair-loss", "May improve density in early pattern hair loss."],
            ["dull-skin", "Used with needling to refresh tired-looking skin."],
            ["fine-lines-and-wrinkles", "May soften fine lines, on limited evidence."],
            ["acne-scars", "Sometimes combined with microneedling for scars."],
        ],
        "areas": ["scalp", "face", "under-eyes", "neck"],
        "contraindications": [
            "pregnancy-breastfeeding", "anticoagulants-bleeding-disorder", "active-skin-infection",
            "cancer-or-immunosuppression", "autoimmune-disease",
        ],
        "references": [
            {"title": "The Effect of Platelet-Rich Plasma in Hair Regrowth: A Randomized "
                      "Placebo-Controlled Trial",
             "publisher": "Stem Cells Translational Medicine", "year": 2015, "doi": "", "pmid": "",
             "url": ""},
        ],
    },
    {
        "slug": "hifu", "name": "HIFU (high-intensity focused ultrasound)",
        "summary": "Focused ultrasound heats deep layers under the skin to give a gradual, mild lift.",
        "category": "lifting-and-tightening", "procedure_type": "non_invasive", "anaesthesia": "none",
        "pain_score": 5, "sessions_min": 1, "sessions_max": 1,
        "session_minutes_min": 30, "session_minutes_max": 90,
        "interval_weeks_min": None, "interval_weeks_max": None,
        "downtime_days_min": 0, "downtime_days_max": 1, "results_months_min": 12, "results_months_max": 18,
        "price_gbp_min": 400, "price_gbp_max": 1800, "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Studies show a measurable but modest lift of the brow, jaw and neck in many "
                         "people, often judged from photographs. Not everyone responds, and results are "
                         "smaller than surgery. Devices sold under the HIFU name vary in quality.",
        "description": [
            "HIFU focuses ultrasound energy at set depths beneath the skin, including the supporting layer "
            "a surgical facelift tightens, creating tiny heated points while leaving the surface intact. "
            "The body's healing response is thought to tighten tissue and build collagen.",
            "Change develops over two to three months. It suits mild to moderate laxity; marked sagging is "
            "usually better treated surgically. The treatment itself can be uncomfortable over bony areas.",
        ],
        "how_performed": "Gel is applied and a handpiece is moved over the skin in lines, delivering short "
                         "pulses that feel hot and prickly.",
        "preparation": "Arrive with clean skin; some clinics suggest a simple painkiller an hour before.",
        "followup": "Results are reviewed at about three months; some people repeat it after a year or more.",
        "side_effects": [
            {"name": "Redness and swelling", "frequency": "common",
             "note": "Mild and usually gone within hours to a day."},
            {"name": "Tenderness", "frequency": "common",
             "note": "The jaw and neck may feel sore for a few days."},
            {"name": "Bruising or raised lines", "frequency": "uncommon",
             "note": "Fade over days to a week or two."},
            {"name": "Numbness or nerve irritation", "frequency": "rare",
             "note": "Usually temporary, settling over weeks."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "You can usually return to normal activities."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid very hot showers, saunas and heavy exercise."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Use gentle skincare and sunscreen; avoid other facials."},
        ],
        "concerns": [
            ["sagging-skin", "Gives a modest lift to the brow, jawline and neck."],
            ["fine-lines-and-wrinkles", "Tightening may soften some lines."],
        ],
        "areas": ["face", "neck", "jawline", "decolletage"],
        "contraindications": [
            "pregnancy-breastfeeding", "active-skin-infection", "metal-implants-in-area",
            "heart-disease-or-pacemaker", "keloid-scarring", "recent-surgery-in-area",
            "cancer-or-immunosuppression",
        ],
        "references": [
            {"title": "Noninvasive skin tightening: focus on new ultrasound techniques",
             "publisher": "Clinical, Cosmetic and Investigational Dermatology", "year": 2015,
             "doi": "10.2147/CCID.S69118", "pmid": "", "url": ""},
        ],
    },
    {
        "slug": "rf-microneedling", "name": "Radiofrequency microneedling",
        "summary": "Microneedling that also delivers radiofrequency heat into the skin to tighten and "
                   "resurface.",
        "category": "lifting-and-tightening", "procedure_type": "minimally_invasive",
        "anaesthesia": "topical", "pain_score": 5, "sessions_min": 3, "sessions_max": 4,
        "session_minutes_min": 45, "session_minutes_max": 90,
        "interval_weeks_min": 4, "interval_weeks_max": 6, "downtime_days_min": 2, "downtime_days_max": 5,
        "results_months_min": 12, "results_months_max": 18, "price_gbp_min": 300, "price_gbp_max": 800,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Controlled studies support improvement in acne scars and mild laxity, and the "
                         "method appears suitable for a wide range of skin types. Devices and settings "
                         "differ a great deal, which makes studies hard to compare.",
        "description": [
            "Insulated or partly insulated needles enter the skin and release radiofrequency energy at "
            "their tips, heating the deeper layers while sparing the surface. This combines the effect of "
            "needling with heat-driven tightening and collagen renewal.",
            "It is used for scars, texture and early sagging on the face, neck and body. Results build over "
            "several months after a course. Expect a few days of redness and tiny marks in a grid pattern.",
        ],
        "how_performed": "After numbing cream, the handpiece is pressed across the skin in passes, with "
                         "needle depth set for each area.",
        "preparation": "Avoid tanning, retinoids and exfoliants for a week; mention any metal or nickel "
                       "allergy.",
        "followup": "Sessions four to six weeks apart, then a review at three months; some have a yearly "
                    "top-up.",
        "side_effects": [
            {"name": "Redness and swelling", "frequency": "common",
             "note": "Usually settles within two to five days."},
            {"name": "Grid marks and dryness", "frequency": "common",
             "note": "Fade as the skin renews over a few days."},
            {"name": "Pigment change", "frequency": "uncommon",
             "note": "Temporary darkening, especially after sun exposure."},
            {"name": "Burns, infection or scarring", "frequency": "rare",
             "note": "Linked to high settings or poor aftercare."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Use the soothing balm provided; keep hands off the skin."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "No make-up, exercise, saunas or swimming."},
            {"after_hours": 72, "timing_label": "First 3 days",
             "instruction": "Cleanse gently and avoid actives and scrubs."},
            {"after_hours": 336, "timing_label": "First two weeks",
             "instruction": "Wear high-factor sunscreen and avoid sun exposure."},
        ],
        "concerns": [
            ["acne-scars", "Combines needling and heat to soften textured scars."],
            ["sagging-skin", "Heat can give mild tightening of lax skin."],
            ["enlarged-pores", "May make pores less noticeable."],
            ["fine-lines-and-wrinkles", "Collagen renewal can soften fine lines."],
            ["stretch-marks", "Used to improve the texture of stretch marks."],
            ["uneven-texture", "Smooths rough or uneven skin over a course."],
        ],
        "areas": ["face", "neck", "jawline", "abdomen", "thighs"],
        "contraindications": [
            "pregnancy-breastfeeding", "heart-disease-or-pacemaker", "metal-implants-in-area",
            "nickel-allergy", "keloid-scarring", "isotretinoin-recent", "active-skin-infection",
            "anticoagulants-bleeding-disorder", "diabetes", "autoimmune-disease", "recent-sun-exposure-tan",
        ],
        "references": [
            {"title": "Radiofrequency Microneedling: Overview of Technology, Advantages, Differences in "
                      "Devices, Studies, and Indications",
             "publisher": "Facial Plastic Surgery Clinics of North America", "year": 2019, "doi": "",
             "pmid": "", "url": ""},
        ],
    },
    {
        "slug": "ipl", "name": "IPL photofacial",
        "summary": "Pulses of broad-spectrum light target brown spots and small red vessels.",
        "category": "lasers-and-light", "procedure_type": "non_invasive", "anaesthesia": "none",
        "pain_score": 3, "sessions_min": 3, "sessions_max": 5,
        "session_minutes_min": 20, "session_minutes_max": 45,
        "interval_weeks_min": 3, "interval_weeks_max": 4, "downtime_days_min": 0, "downtime_days_max": 2,
        "results_months_min": 6, "results_months_max": 12, "price_gbp_min": 150, "price_gbp_max": 350,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "IPL has reasonable evidence for sun spots, redness and small facial veins. It is "
                         "less suitable for darker skin, where it can cause burns or pigment change. "
                         "Results depend on the device and the operator.",
        "description": [
            "Intense pulsed light is not a laser: a flashlamp sends out a range of wavelengths, filtered to "
            "target pigment or blood. Brown spots darken and flake away over a week or so, and small red "
            "vessels fade.",
            "It works best on light skin with distinct spots or redness. Sun exposure brings new spots, so "
            "clinics typically suggest a yearly top-up and strict sun protection.",
        ],
        "how_performed": "A cool gel is applied, eyes are shielded and the handpiece is pulsed across the "
                         "skin; each flash feels like a snap.",
        "preparation": "Avoid sun, sunbeds and fake tan for four weeks; tell the clinic about any "
                       "light-sensitising medicines.",
        "followup": "Three to five sessions three to four weeks apart, then maintenance as needed.",
        "side_effects": [
            {"name": "Redness and warmth", "frequency": "common",
             "note": "Like mild sunburn for a few hours to a day."},
            {"name": "Darkening of spots", "frequency": "common",
             "note": "Spots look darker before flaking off within about a week."},
            {"name": "Blistering or burns", "frequency": "uncommon",
             "note": "More likely on tanned or darker skin."},
            {"name": "Lasting pigment change", "frequency": "rare",
             "note": "Lighter or darker patches, usually after burns."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Cool the skin with a compress if it feels hot."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid hot baths, saunas and heavy exercise."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Let darkened spots flake off on their own."},
            {"after_hours": 720, "timing_label": "First month",
             "instruction": "Use high-factor sunscreen and avoid tanning."},
        ],
        "concerns": [
            ["hyperpigmentation", "Fades sun spots and freckling; not advised for melasma."],
            ["thread-veins-and-redness", "Reduces small red vessels and flushing."],
            ["sun-damage", "Treats the spots and redness of sun-damaged skin."],
            ["dull-skin", "A more even tone can make skin look brighter."],
        ],
        "areas": ["face", "neck", "decolletage", "hands", "arms"],
        "contraindications": [
            "pregnancy-breastfeeding", "recent-sun-exposure-tan", "photosensitising-medication", "epilepsy",
            "isotretinoin-recent", "active-skin-infection", "recent-laser-or-tattoo-in-area",
        ],
        "references": [
            {"title": "Current trends in intense pulsed light",
             "publisher": "Journal of Clinical and Aesthetic Dermatology", "year": 2012, "doi": "",
             "pmid": "", "url": "http://jcadonline.com/current-trends-in-intense-pulsed-light/"},
        ],
    },
    {
        "slug": "laser-hair-removal", "name": "Laser hair removal",
        "summary": "Laser light heats the pigment in hair follicles to give long-term hair reduction.",
        "category": "hair-removal", "procedure_type": "non_invasive", "anaesthesia": "none", "pain_score": 3,
        "sessions_min": 6, "sessions_max": 8, "session_minutes_min": 15, "session_minutes_max": 60,
        "interval_weeks_min": 4, "interval_weeks_max": 8, "downtime_days_min": 0, "downtime_days_max": 1,
        "results_months_min": None, "results_months_max": None, "price_gbp_min": 50, "price_gbp_max": 300,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Trials show a clear reduction in hair for at least several months after a course, "
                         "and it is widely used. Long-term studies are fewer, and fair, grey or red hair "
                         "responds poorly. Results are a reduction, not a guarantee of permanent removal.",
        "description": [
            "A laser is absorbed by the dark pigment in the hair and the heat damages the follicle, slowing "
            "or stopping regrowth. Only hair in its growth phase responds, which is why a course of "
            "sessions spaced weeks apart is needed.",
            "Results are long-lasting rather than time-limited, so no duration is given: many people see "
            "lasting reduction, with occasional top-ups for regrowth, especially where hormones drive hair "
            "growth. Different lasers suit different skin types, so a patch test is standard.",
        ],
        "how_performed": "The area is shaved, eyes are protected and the laser is pulsed over the skin with "
                         "cooling; it feels like a rubber band flick.",
        "preparation": "Shave the day before, do not wax or pluck for several weeks, and avoid tanning.",
        "followup": "Sessions four to eight weeks apart depending on the area, with occasional top-ups "
                    "later.",
        "side_effects": [
            {"name": "Redness and raised follicles", "frequency": "common",
             "note": "Usually settles within hours to a day or two."},
            {"name": "Discomfort", "frequency": "common",
             "note": "Brief stinging during pulses; cooling helps."},
            {"name": "Burns or blistering", "frequency": "uncommon",
             "note": "More likely on tanned skin or with the wrong laser type."},
            {"name": "Pigment change or paradoxical hair growth", "frequency": "rare",
             "note": "Usually temporary; report any unexpected regrowth."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Soothe with a cool compress or aloe gel if warm."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Avoid hot baths, saunas, exercise and perfumed products."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Do not wax or pluck; shaving is fine."},
            {"after_hours": 336, "timing_label": "First two weeks",
             "instruction": "Protect treated skin from the sun with sunscreen."},
        ],
        "concerns": [
            ["unwanted-hair", "Gives long-term reduction of dark hair after a course."],
        ],
        "areas": ["face", "underarms", "legs", "arms", "back", "abdomen", "decolletage", "buttocks"],
        "contraindications": [
            "pregnancy-breastfeeding", "recent-sun-exposure-tan", "photosensitising-medication",
            "active-skin-infection", "epilepsy", "isotretinoin-recent", "recent-laser-or-tattoo-in-area",
            "keloid-scarring",
        ],
        "references": [
            {"title": "Laser and photoepilation for unwanted hair growth",
             "publisher": "Cochrane Database of Systematic Reviews", "year": 2006, "doi": "", "pmid": "",
             "url": ""},
        ],
    },
    {
        "slug": "cryolipolysis", "name": "Cryolipolysis (fat freezing)",
        "summary": "Controlled cooling of a pinchable fat bulge so that some fat cells die and are cleared.",
        "category": "body-contouring", "procedure_type": "non_invasive", "anaesthesia": "none",
        "pain_score": 3, "sessions_min": 1, "sessions_max": 3,
        "session_minutes_min": 35, "session_minutes_max": 75,
        "interval_weeks_min": 6, "interval_weeks_max": 12, "downtime_days_min": 0, "downtime_days_max": 1,
        "results_months_min": None, "results_months_max": None, "price_gbp_min": 250, "price_gbp_max": 700,
        "is_adults_only": True, "evidence_level": "moderate",
        "evidence_note": "Studies show an average reduction in fat thickness of around a fifth in the "
                         "treated bulge, although responses vary. It is not a treatment for weight loss. A "
                         "rare complication, where the area grows firmer and larger, is well documented.",
        "description": [
            "An applicator draws the fat bulge between cooling panels and holds it at a low temperature. "
            "Fat cells are more sensitive to cold than skin, and the damaged cells are cleared by the body "
            "over the following months.",
            "Cleared fat cells are not replaced, so the effect is long-lasting and no duration is given; "
            "remaining fat cells can still grow with weight gain. Results show from about one to three "
            "months, and larger areas may need more than one cycle.",
        ],
        "how_performed": "A gel pad protects the skin, the applicator is fitted and cools the area for "
                         "about 35 to 75 minutes, then it is massaged.",
        "preparation": "Aim to be near a stable weight; wear comfortable clothes and mention any "
                       "cold-related condition or hernia.",
        "followup": "A review at about three months decides whether a further cycle is worthwhile.",
        "side_effects": [
            {"name": "Redness, numbness and swelling", "frequency": "common",
             "note": "Numbness can last several weeks before fading."},
            {"name": "Bruising and tenderness", "frequency": "common",
             "note": "From the suction; usually settles in a week or two."},
            {"name": "Delayed pain", "frequency": "uncommon",
             "note": "Aching a few days later, usually easing within weeks."},
            {"name": "Paradoxical fat growth", "frequency": "rare",
             "note": "A firm enlargement months later that may need surgery."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Return to normal activities; wear loose clothing."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "A gentle massage may help comfort if the clinic advises."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Report unusual or worsening pain to the clinic."},
            {"after_hours": 2160, "timing_label": "Three months",
             "instruction": "Look for any hard, growing area and seek review if found."},
        ],
        "concerns": [
            ["stubborn-fat", "Reduces small, pinchable bulges that resist diet."],
        ],
        "areas": ["abdomen", "thighs", "arms", "back", "jawline", "buttocks"],
        "contraindications": [
            "pregnancy-breastfeeding", "cold-sensitivity-disorder", "hernia-in-area",
            "recent-surgery-in-area", "active-skin-infection",
        ],
        "references": [
            {"title": "Cryolipolysis for fat reduction and body contouring: safety and efficacy of current "
                      "treatment paradigms",
             "publisher": "Plastic and Reconstructive Surgery", "year": 2015, "doi": "", "pmid": "",
             "url": ""},
        ],
    },
    {
        "slug": "thread-lift", "name": "PDO thread lift",
        "summary": "Dissolvable threads placed under the skin lift sagging tissue and stimulate collagen.",
        "category": "lifting-and-tightening", "procedure_type": "minimally_invasive", "anaesthesia": "local",
        "pain_score": 4, "sessions_min": 1, "sessions_max": 1,
        "session_minutes_min": 45, "session_minutes_max": 90,
        "interval_weeks_min": None, "interval_weeks_max": None,
        "downtime_days_min": 3, "downtime_days_max": 7, "results_months_min": 6, "results_months_max": 18,
        "price_gbp_min": 400, "price_gbp_max": 1500, "is_adults_only": True, "evidence_level": "limited",
        "evidence_note": "Reviews find short-term lifting in many patients but little good-quality, "
                         "long-term research. Results are modest and temporary compared with surgery, and "
                         "minor complications are fairly common.",
        "description": [
            "Threads made of polydioxanone (PDO), a material used in dissolvable stitches, are passed under "
            "the skin through a fine needle or cannula. Barbed threads hook into tissue and are pulled to "
            "lift it; smooth threads mainly prompt collagen.",
            "The threads dissolve over about six months, and the lift tends to fade over the following year "
            "or so. It suits mild sagging of the jowls, mid-face or brow; it is not an alternative to a "
            "facelift for marked laxity.",
        ],
        "how_performed": "After local anaesthetic, threads are inserted along marked lines, positioned, and "
                         "the ends trimmed.",
        "preparation": "Avoid alcohol and, if your doctor agrees, blood-thinning painkillers for a few "
                       "days; plan a quiet week.",
        "followup": "A review at one to two weeks checks healing and symmetry.",
        "side_effects": [
            {"name": "Swelling, bruising and tenderness", "frequency": "common",
             "note": "Usually settles within one to two weeks."},
            {"name": "Puckering or dimpling", "frequency": "common",
             "note": "Often settles in days; sometimes needs adjustment."},
            {"name": "Visible or protruding thread", "frequency": "uncommon",
             "note": "May need the thread to be removed."},
            {"name": "Infection or nerve injury", "frequency": "rare",
             "note": "Needs prompt medical review."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Use cold compresses; avoid pressing or rubbing the face."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Sleep on your back with your head raised."},
            {"after_hours": 168, "timing_label": "First week",
             "instruction": "Avoid wide mouth opening, exercise and facial massage."},
            {"after_hours": 336, "timing_label": "Two weeks",
             "instruction": "Avoid dental work, facials and saunas."},
        ],
        "concerns": [
            ["sagging-skin", "Lifts mild sagging of the jowls, cheeks or brow."],
            ["fine-lines-and-wrinkles", "Collagen stimulation may soften fine lines."],
        ],
        "areas": ["face", "jawline", "neck"],
        "contraindications": [
            "pregnancy-breastfeeding", "anticoagulants-bleeding-disorder", "active-skin-infection",
            "autoimmune-disease", "keloid-scarring", "cancer-or-immunosuppression", "recent-surgery-in-area",
            "ingredient-allergy",
        ],
        "references": [
            {"title": "Thread-Lift Sutures: Still in the Lift? A Systematic Review of the Literature",
             "publisher": "Plastic and Reconstructive Surgery", "year": 2018, "doi": "", "pmid": "",
             "url": ""},
        ],
    },
    {
        "slug": "led-therapy", "name": "LED light therapy",
        "summary": "Low-level red, near-infrared or blue light from LED panels, with no heat or downtime.",
        "category": "skin-rejuvenation", "procedure_type": "non_invasive", "anaesthesia": "none",
        "pain_score": 0, "sessions_min": 6, "sessions_max": 12,
        "session_minutes_min": 15, "session_minutes_max": 30,
        "interval_weeks_min": 1, "interval_weeks_max": 2, "downtime_days_min": 0, "downtime_days_max": 0,
        "results_months_min": 1, "results_months_max": 3, "price_gbp_min": 30, "price_gbp_max": 80,
        "is_adults_only": False, "evidence_level": "limited",
        "evidence_note": "A few controlled studies report small improvements in fine lines and skin feel "
                         "with red and near-infrared light, and blue light has some evidence for mild acne. "
                         "Effects are modest, and doses and devices vary.",
        "description": [
            "LED therapy exposes the skin to light of set colours at low energy. Red and near-infrared "
            "light are said to support repair and collagen, while blue light targets acne bacteria. It does "
            "not heat or injure the skin.",
            "It is painless and often added after other treatments to calm the skin. Any benefit builds "
            "over a course and fades without maintenance. Home devices are usually weaker than clinic "
            "panels.",
        ],
        "how_performed": "You lie under an LED panel with your eyes covered for 15 to 30 minutes.",
        "preparation": "Remove make-up, and tell the clinic about any light-sensitising medicines or "
                       "epilepsy.",
        "followup": "Sessions once or twice a week over a course, then occasional maintenance.",
        "side_effects": [
            {"name": "Mild warmth or redness", "frequency": "uncommon",
             "note": "Fades within an hour or so."},
            {"name": "Eye strain or headache", "frequency": "uncommon",
             "note": "Eye protection reduces this."},
            {"name": "Reaction with light-sensitising medicine", "frequency": "rare",
             "note": "Can cause a rash or burn; check your medicines first."},
        ],
        "aftercare": [
            {"after_hours": 0, "timing_label": "Straight after",
             "instruction": "Carry on as normal; make-up can be applied."},
            {"after_hours": 24, "timing_label": "First 24 hours",
             "instruction": "Keep to your usual gentle skincare."},
            {"after_hours": 168, "timing_label": "Between sessions",
             "instruction": "Use daily sunscreen to protect any gains."},
        ],
        "concerns": [
            ["fine-lines-and-wrinkles", "Red light may slightly soften fine lines."],
            ["dull-skin", "Some people report a calmer, brighter look."],
            ["uneven-texture", "May modestly improve skin smoothness."],
        ],
        "areas": ["face", "neck", "decolletage"],
        "contraindications": [
            "pregnancy-breastfeeding", "epilepsy", "photosensitising-medication",
            "cancer-or-immunosuppression",
        ],
        "references": [
            {"title": "A controlled trial to determine the efficacy of red and near-infrared light "
                      "treatment in patient satisfaction, reduction of fine lines, wrinkles, skin "
                      "roughness, and intradermal collagen density increase",
             "publisher": "Photomedicine and Laser Surgery", "year": 2014, "doi": "", "pmid": "", "url": ""},
        ],
    },
]
# fmt: on
