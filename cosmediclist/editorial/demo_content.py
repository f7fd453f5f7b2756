"""Demo editorial content: reviewers, authors and medically reviewed guides."""

from typing import Any

_NHS_CHOOSING: dict[str, Any] = {
    "title": "Choosing who will do your cosmetic procedure",
    "publisher": "NHS",
    "year": 2026,
    "url": "https://www.nhs.uk/conditions/cosmetic-procedures/choosing-who-will-do-your-procedure/",
}

_NHS_HUB: dict[str, Any] = {
    "title": "Cosmetic procedures",
    "publisher": "NHS",
    "year": 2026,
    "url": "https://www.nhs.uk/conditions/cosmetic-procedures/",
}

_JCCP: dict[str, Any] = {
    "title": "JCCP Practitioner Register",
    "publisher": "Joint Council for Cosmetic Practitioners",
    "year": 2026,
    "url": "https://www.jccp.org.uk/",
}

_SAVE_FACE: dict[str, Any] = {
    "title": "Save Face register of accredited practitioners",
    "publisher": "Save Face",
    "year": 2026,
    "url": "https://www.saveface.co.uk/",
}

_YELLOW_CARD: dict[str, Any] = {
    "title": "Yellow Card scheme",
    "publisher": "Medicines and Healthcare products Regulatory Agency (MHRA)",
    "year": 2026,
    "url": "https://yellowcard.mhra.gov.uk/",
}

_CHILDREN_ACT: dict[str, Any] = {
    "title": "Botulinum Toxins and Cosmetic Fillers (Children) Act 2021",
    "publisher": "legislation.gov.uk",
    "year": 2021,
    "url": "https://www.legislation.gov.uk/ukpga/2021/19/contents",
}

_MESO_REVIEW_2021: dict[str, Any] = {
    "title": "An update on facial skin rejuvenation effectiveness of mesotherapy",
    "publisher": "Journal of Craniofacial Surgery (abstract on PubMed)",
    "year": 2021,
    "url": "https://pubmed.ncbi.nlm.nih.gov/34516073/",
}

_MESO_REVIEW_2008: dict[str, Any] = {
    "title": "Cosmetic mesotherapy: between scientific evidence, science fiction, and lucrative business",
    "publisher": "Aesthetic Plastic Surgery (abstract on PubMed)",
    "year": 2008,
    "url": "https://pubmed.ncbi.nlm.nih.gov/18663517/",
}

_NHS_ACNE: dict[str, Any] = {
    "title": "Acne",
    "publisher": "NHS",
    "year": 2026,
    "url": "https://www.nhs.uk/conditions/acne/",
}

_NHS_BOTOX: dict[str, Any] = {
    "title": "Botox injections",
    "publisher": "NHS",
    "year": 2026,
    "url": "https://www.nhs.uk/conditions/cosmetic-procedures/botox-injections/",
}

_NHS_FILLERS: dict[str, Any] = {
    "title": "Dermal fillers",
    "publisher": "NHS",
    "year": 2026,
    "url": "https://www.nhs.uk/conditions/cosmetic-procedures/dermal-fillers/",
}

_GMC: dict[str, Any] = {
    "title": "The medical register",
    "publisher": "General Medical Council",
    "year": 2026,
    "url": "https://www.gmc-uk.org/",
}

_NMC: dict[str, Any] = {
    "title": "Search the register",
    "publisher": "Nursing and Midwifery Council",
    "year": 2026,
    "url": "https://www.nmc.org.uk/",
}

_GDC: dict[str, Any] = {
    "title": "Check a dental professional's registration",
    "publisher": "General Dental Council",
    "year": 2026,
    "url": "https://www.gdc-uk.org/",
}

_HCPC: dict[str, Any] = {
    "title": "Check the register",
    "publisher": "Health and Care Professions Council",
    "year": 2026,
    "url": "https://www.hcpc-uk.org/",
}

_GPHC: dict[str, Any] = {
    "title": "Check the register",
    "publisher": "General Pharmaceutical Council",
    "year": 2026,
    "url": "https://www.pharmacyregulation.org/",
}

_PSA: dict[str, Any] = {
    "title": "Accredited Registers",
    "publisher": "Professional Standards Authority for Health and Social Care",
    "year": 2026,
    "url": "https://www.professionalstandards.org.uk/",
}

_CQC: dict[str, Any] = {
    "title": "Choosing cosmetic surgery",
    "publisher": "Care Quality Commission",
    "year": 2022,
    "url": "https://www.cqc.org.uk/care-services/help-choosing-care/choosing-cosmetic-surgery",
}

REVIEWERS: list[dict[str, str]] = [
    {
        "slug": "dr-elspeth-samplewell",
        "name": "Dr Elspeth Samplewell",
        "credentials": "MBChB, MRCP",
        "profession": "Consultant dermatologist",
        "register": "gmc",
        "register_number": "9990001",
        "bio": (
            "Dr Elspeth Samplewell is a fictional consultant dermatologist created for CosMedicList demo "
            "content. In this imagined role she reviews our guides to skin treatments, lasers and peels."
        ),
    },
    {
        "slug": "niamh-testwood",
        "name": "Niamh Testwood",
        "credentials": "RN, BSc (Hons), V300 independent prescriber",
        "profession": "Aesthetic nurse prescriber",
        "register": "nmc",
        "register_number": "9990002",
        "bio": (
            "Niamh Testwood is a fictional nurse independent prescriber created for CosMedicList demo "
            "content. In this imagined role she reviews our guides to injectables and to safety."
        ),
    },
    {
        "slug": "dr-tobias-fictum",
        "name": "Dr Tobias Fictum",
        "credentials": "BDS, MFDS RCS",
        "profession": "Dentist with an interest in facial aesthetics",
        "register": "gdc",
        "register_number": "9990003",
        "bio": (
            "Dr Tobias Fictum is a fictional dentist created for CosMedicList demo content. In this imagined "
            "role he reviews our guides to dermal fillers and the lower face."
        ),
    },
]

AUTHORS: list[dict[str, str]] = [
    {
        "slug": "ellis-draftsmith",
        "name": "Ellis Draftsmith",
        "bio": (
            "Ellis Draftsmith is a fictional staff writer for CosMedicList demo content. Ellis writes our "
            "treatment guides and checks each draft with a medical reviewer."
        ),
    },
    {
        "slug": "rosa-inkwell",
        "name": "Rosa Inkwell",
        "bio": (
            "Rosa Inkwell is a fictional staff writer for CosMedicList demo content. Rosa covers patient "
            "safety, regulation and what to ask before treatment."
        ),
    },
]

WHAT_IS_MESOTHERAPY: dict[str, Any] = {
    "slug": "what-is-mesotherapy",
    "title": "What is mesotherapy and how does it work?",
    "standfirst": (
        "Mesotherapy places tiny amounts of a tailored mixture into the skin through many shallow "
        "injections. Here is what a course involves, what clinics say it can do, and how much of that the "
        "evidence supports."
    ),
    "summary": (
        "Mesotherapy is a non-surgical treatment in which a very fine needle places small amounts of "
        "ingredients such as vitamins and amino acids into the middle layer of the skin. A course is usually "
        "three to four short sessions, and any improvement is temporary, typically said to last four to six "
        "months. Research is limited, so discuss realistic expectations with a registered practitioner first."
    ),
    "kind": "guide",
    "treatment_slug": "mesotherapy",
    "tags": ["skin", "injectables", "rejuvenation"],
    "author": "ellis-draftsmith",
    "reviewer": "dr-elspeth-samplewell",
    "hero_alt": "Abstract illustration of layered skin with fine droplets",
    "hero_caption": "Mesotherapy targets the dermis, the skin's middle layer.",
    "hero_colour": "#7FA7C9",
    "disclosure": "No sponsorship: no clinic or manufacturer paid for this guide.",
    "body": [
        ["heading", "What is mesotherapy?"],
        [
            "paragraph",
            "Mesotherapy is a technique that uses many small, shallow injections into the skin. It began in "
            "France in the 1950s, where doctors used it for various medical problems and, for many years, "
            "to help with weight loss. Clinics worldwide now offer it mainly for cosmetic reasons, such as "
            "tired-looking skin, fine lines and thinning hair. The injections are aimed at the "
            "<i>dermis</i>, the layer that gives skin its strength and elasticity. No cuts are made and no "
            "anaesthetic injection is needed, so it counts as a non-surgical treatment.",
        ],
        ["heading", "How is it meant to work?"],
        [
            "paragraph",
            "The practitioner prepares a mixture, often called a cocktail, which may contain vitamins, "
            "amino acids, peptides, minerals and, in many current products, hyaluronic acid. What goes into "
            "it depends on what is being treated, so two people having 'mesotherapy' may receive quite "
            "different ingredients. It is delivered in tiny amounts, in a grid across the area, with a fine "
            "needle or an injector device.",
        ],
        [
            "paragraph",
            "Clinics explain that this helps the skin hold moisture, improves local blood flow and "
            "encourages the cells that make collagen and elastin, an account based largely on laboratory "
            "work and small studies. Part of any effect may come from the needling itself, which sets off a "
            "mild healing response, and how much each ingredient adds is not well established.",
        ],
        ["heading", "What to expect at an appointment"],
        [
            "paragraph",
            "Your first visit should start with a consultation about your health, your medicines, what you "
            "would like to change and whether mesotherapy is sensible at all. On the day, the skin is "
            "cleansed and the practitioner works across the area with a series of quick, shallow "
            "injections. Most people describe a sensation of small pricks; numbing cream is sometimes "
            "offered for sensitive areas.",
        ],
        [
            "callout",
            {
                "kind": "what_to_expect",
                "title": "A typical course at a glance",
                "text": (
                    "Each session usually lasts 30 to 60 minutes, and clinics commonly suggest a course of "
                    "three to four sessions a few weeks apart. Tenderness, a little swelling, small raised "
                    "marks and pinpoint bruises are common straight after a session; most of this fades "
                    "within hours, though the odd bruise can linger for a few days. There is generally no "
                    "downtime, and most people carry on with their day as normal. Any improvement wears off "
                    "with time, typically after about four to six months by clinics' accounts, which is why "
                    "top-up sessions are offered to keep it going. You may be told to skip make-up, saunas, "
                    "hard exercise and strong skincare for a day or so."
                ),
            },
        ],
        ["paragraph", "Ask for written aftercare advice and a number to call if anything worries you."],
        ["heading", "Benefits, as clinics describe them"],
        [
            "callout",
            {
                "kind": "benefits",
                "title": "What clinics say it may do",
                "text": (
                    "Clinics report that mesotherapy may help skin look more hydrated and radiant, soften "
                    "the appearance of fine lines, make skin tone look more even and support the skin's own "
                    "renewal. Where people do notice a change, it tends to be gradual and subtle. Results "
                    "vary a great deal from person to person and cannot be guaranteed."
                ),
            },
        ],
        [
            "paragraph",
            "It is often presented as gentler than more invasive treatments, and some clinics combine it "
            'with procedures such as <a href="/treatments/fractional-co2-laser/">laser resurfacing</a> or '
            '<a href="/treatments/microneedling/">microneedling</a>. Gentler does not mean free of risk, '
            "and any combination should be planned by someone who has examined your skin.",
        ],
        ["heading", "Areas treated and concerns it is offered for"],
        [
            "paragraph",
            "The face, neck and backs of the hands are the areas most often treated; some clinics also "
            "treat the scalp and parts of the body. Concerns it is marketed for include:",
        ],
        [
            "list",
            [
                "fine lines and wrinkles",
                "uneven pigmentation and dull-looking skin",
                "mild sagging or loss of firmness",
                "acne and other scars",
                "stretch marks",
                "cellulite",
                "thinning hair and some types of hair loss",
            ],
        ],
        [
            "paragraph",
            "The evidence differs across this list. Hair loss has the most research, though studies are "
            "small and use different mixtures. Claims for cellulite and sagging skin have little reliable "
            "support. Fat-dissolving injections, sometimes sold under the same name, are a separate "
            "treatment with different risks.",
        ],
        ["heading", "Who it may suit, and who should not have it"],
        [
            "paragraph",
            "Mesotherapy may suit adults who want a modest, gradual change, can commit to a course and "
            "later maintenance sessions, and accept that the result may be slight. It will not give the "
            "effect of surgery. Practitioners usually advise against it, or want to talk it through "
            "carefully, if you:",
        ],
        [
            "list",
            [
                "are pregnant or breastfeeding",
                "are under 18",
                "have an infection, cold sore or inflamed acne in the area",
                "have a bleeding disorder or take blood-thinning medicines",
                "are allergic to any ingredient in the proposed mixture",
                "tend to form keloid or raised scars",
                "have diabetes, an autoimmune condition or a weakened immune system",
            ],
        ],
        [
            "callout",
            {
                "kind": "risks",
                "title": "Possible side effects",
                "text": (
                    "Short-lived redness, swelling, tenderness and bruising are common. Less often, people "
                    "develop lumps, allergic reactions, changes in skin colour or infection. Serious skin "
                    "infections have been reported where hygiene or products were poor, which is one reason "
                    "to choose a registered practitioner working in clean clinical premises."
                ),
            },
        ],
        ["heading", "What the evidence says"],
        [
            "paragraph",
            "Good evidence is limited. Most published studies of mesotherapy for facial rejuvenation are "
            "small, use different mixtures and techniques, and rely on before-and-after photographs rather "
            "than controlled comparisons. A 2021 review in the <i>Journal of Craniofacial Surgery</i> found "
            "no convincing new data on its effectiveness for this use and concluded that it could not yet "
            "be recommended routinely. That does not prove it never helps, but claims deserve caution.",
        ],
        [
            "quote",
            {
                "text": (
                    "Ask what the mixture contains, what change the practitioner has seen in people like "
                    "you, and what they will do if you are unhappy with the result. The answers tell you a "
                    "great deal."
                ),
                "attribution": "Dr Elspeth Samplewell, consultant dermatologist",
            },
        ],
        ["heading", "Next steps"],
        [
            "paragraph",
            "If you are interested, book a consultation with a registered practitioner to discuss your "
            "goals, your health and the alternatives, including doing nothing. You can compare clinics on "
            'our <a href="/treatments/mesotherapy/">mesotherapy page</a>.',
        ],
    ],
    "references": [_MESO_REVIEW_2021, _MESO_REVIEW_2008, _NHS_CHOOSING, _JCCP, _SAVE_FACE],
}

MICRONEEDLING_GUIDE: dict[str, Any] = {
    "slug": "microneedling-guide",
    "title": "Microneedling: a guide to collagen induction treatment",
    "standfirst": (
        "Microneedling uses very fine needles to make thousands of tiny, controlled punctures in the skin. "
        "We explain what it involves, what it is used for and where the evidence is stronger or weaker."
    ),
    "summary": (
        "Microneedling makes many tiny punctures in the skin to prompt its natural healing response. It is "
        "most often used for acne scars and uneven texture, as a course of several sessions a few weeks "
        "apart, with redness for a day or more afterwards. See a registered practitioner to check it suits "
        "your skin."
    ),
    "kind": "guide",
    "treatment_slug": "microneedling",
    "tags": ["skin", "scars", "collagen"],
    "author": "rosa-inkwell",
    "reviewer": "dr-elspeth-samplewell",
    "hero_alt": "Abstract illustration of fine points above soft pink layers",
    "hero_caption": "Microneedling relies on the skin's own repair response.",
    "hero_colour": "#D9A6A1",
    "disclosure": "",
    "body": [
        ["heading", "What is microneedling?"],
        [
            "paragraph",
            "Microneedling, also called collagen induction therapy, uses a device fitted with many fine "
            "needles to puncture the upper layers of the skin. In clinics this is usually a motorised pen "
            "that moves the needles rapidly in and out, with the depth set by the practitioner. Handheld "
            "rollers are sold for home use, but they reach only shallow depths and are harder to keep "
            "sterile.",
        ],
        ["heading", "How it works"],
        [
            "paragraph",
            "Each puncture is a very small wound. As the skin repairs itself it lays down new collagen and "
            "elastin, and over the following weeks and months this remodelling may make scars look "
            "shallower and the surface feel smoother. Because the change depends on healing, it builds "
            "slowly rather than appearing straight away. Needle depth matters: shallow settings mainly "
            "affect the surface, while the deeper settings used for scars reach the dermis and bring more "
            "bleeding and downtime. Some clinics apply serums during or after treatment. Their added "
            "benefit is less certain, and anything put on freshly needled skin should be sterile and "
            "intended for that purpose. Devices that add radiofrequency energy to the needles are a "
            "different treatment with their own risks.",
        ],
        ["heading", "What it is used for"],
        [
            "list",
            [
                "acne scars, particularly shallow rolling and boxcar scars",
                "enlarged-looking pores and uneven texture",
                "fine lines",
                "stretch marks",
                "some surgical or injury scars, after assessment",
            ],
        ],
        [
            "paragraph",
            "Evidence is strongest for acne scarring, where a number of clinical studies have reported "
            "improvement, often moderate, after a course of treatment. Deep, narrow 'ice-pick' scars tend "
            "to respond less well and may need other techniques. Research on stretch marks and fine lines "
            "is more limited. Microneedling is sometimes combined with other treatments such as "
            'platelet-rich plasma or <a href="/treatments/chemical-peel/">chemical peels</a>, but '
            "combinations need careful planning.",
        ],
        ["heading", "What to expect"],
        [
            "paragraph",
            "At the consultation, the practitioner should examine your skin, ask about your health and "
            "recent treatments, and explain what change is realistic. On the day, numbing cream is usually "
            "applied for 20 to 45 minutes before the skin is cleansed and the device is passed over each "
            "section of the area.",
        ],
        [
            "callout",
            {
                "kind": "what_to_expect",
                "title": "A typical course at a glance",
                "text": (
                    "The needling itself often takes 20 to 30 minutes, with around an hour in clinic "
                    "overall. Expect redness similar to sunburn, tightness and sometimes mild swelling for "
                    "one to three days, followed by light flaking. Most people are advised to have three to "
                    "six sessions, four to six weeks apart, and changes continue to develop for several "
                    "months after the last one. For a few days, avoid make-up, heavy sweating, swimming and "
                    "active skincare such as retinoids or acids, and use broad-spectrum sun protection every "
                    "day throughout the course."
                ),
            },
        ],
        ["heading", "Who it may suit, and who should avoid it"],
        [
            "paragraph",
            "Microneedling may suit adults with acne scars or texture concerns who can commit to several "
            "sessions and are happy with gradual change. Because it does not rely on heat, it is often "
            "considered for a wider range of skin tones than some lasers, although darker skin can still "
            "develop pigment changes and needs an experienced practitioner. Treatment is usually avoided or "
            "postponed if you:",
        ],
        [
            "list",
            [
                "have active acne, cold sores, eczema or an infection in the area",
                "are pregnant",
                "have taken isotretinoin recently (ask how long to wait)",
                "tend to form keloid or raised scars",
                "have a bleeding disorder or take anticoagulant medicines",
                "have a condition or take a medicine that slows healing",
            ],
        ],
        [
            "callout",
            {
                "kind": "risks",
                "title": "Possible side effects",
                "text": (
                    "Redness, swelling, pinpoint bleeding and flaking are expected. Less common problems "
                    "include infection, flare-ups of acne or cold sores, reactions to products applied to "
                    "the skin, and darkening or lightening of the skin. Scarring and visible track marks can "
                    "occur, particularly when a device is used too deeply or with too much pressure."
                ),
            },
        ],
        ["heading", "Home rollers and clinic treatment"],
        [
            "paragraph",
            "Home rollers have short needles and are mostly sold to help skincare absorb. They are not a "
            "substitute for clinic treatment, and reusing them raises the risk of infection. If you use "
            "one, keep it clean, never share it, replace it regularly and stop if your skin becomes "
            "irritated. Treatment for scarring should be carried out by a trained practitioner using "
            "single-use sterile needle cartridges.",
        ],
        ["heading", "What the evidence says"],
        [
            "paragraph",
            "For acne scars, microneedling is supported by a reasonable number of studies, with "
            "improvements that are usually moderate rather than dramatic. Many of those trials are small, "
            "use different devices and settings, and follow people for only a few months. For other uses "
            "the evidence is thinner. Expect photographs before the course so that any change can be judged "
            "fairly. A registered practitioner can help you weigh it against alternatives such as "
            '<a href="/treatments/fractional-co2-laser/">fractional laser</a> or '
            '<a href="/treatments/mesotherapy/">mesotherapy</a>; you can compare clinics on our '
            '<a href="/treatments/microneedling/">microneedling page</a>.',
        ],
    ],
    "references": [_NHS_ACNE, _NHS_CHOOSING, _JCCP],
}

LASER_RESURFACING_GUIDE: dict[str, Any] = {
    "slug": "laser-resurfacing-guide",
    "title": "Laser resurfacing: what fractional CO2 treatment involves",
    "standfirst": (
        "Fractional CO2 laser resurfacing is one of the more intensive non-surgical skin treatments. This "
        "guide covers how it works, what recovery looks like, the risks and the questions to ask first."
    ),
    "summary": (
        "Fractional CO2 laser treatment removes microscopic columns of skin so that the surrounding skin "
        "heals and renews itself. It can improve wrinkles, sun damage and some scars, but most people need "
        "about a week of visible healing and there are real risks, including changes in skin colour. It "
        "should only be planned after an in-person assessment by an experienced, registered practitioner."
    ),
    "kind": "guide",
    "treatment_slug": "fractional-co2-laser",
    "tags": ["skin", "laser", "scars", "ageing"],
    "author": "ellis-draftsmith",
    "reviewer": "dr-elspeth-samplewell",
    "hero_alt": "Abstract illustration of spaced beams of light entering skin",
    "hero_caption": "Fractional lasers leave untouched skin between treated columns.",
    "hero_colour": "#E0B15C",
    "disclosure": "",
    "body": [
        ["heading", "What is laser resurfacing?"],
        [
            "paragraph",
            "Laser resurfacing uses concentrated light to remove or heat layers of skin so that it heals "
            "with a smoother, more even surface. Carbon dioxide (CO2) lasers are <i>ablative</i>, meaning "
            "they vaporise a small amount of tissue. Older, fully ablative treatments removed the entire "
            "surface at once and needed a long recovery. Fractional treatment, now far more common, treats "
            "a pattern of microscopic columns and leaves the skin between them intact, which shortens "
            "healing.",
        ],
        ["heading", "How it works"],
        [
            "paragraph",
            "Each treated column acts as a tiny wound. The untouched skin around it helps it close quickly, "
            "and heat reaching the deeper layers prompts the skin to produce new collagen over the "
            "following months. The practitioner sets the depth and density for your skin and concern: "
            "deeper, denser settings can bring more change but mean a longer recovery and higher risk. "
            "Because it removes tissue, fractional CO2 sits at the intensive end of the range of skin "
            "treatments. Some clinics offer lighter settings with a shorter recovery, in exchange for a "
            "smaller change per session and, often, more sessions.",
        ],
        ["heading", "What it is used for"],
        [
            "list",
            [
                "fine lines and wrinkles, including around the eyes and mouth",
                "sun-damaged skin with rough texture or uneven tone",
                "acne scars and some other scars",
                "enlarged-looking pores",
            ],
        ],
        [
            "paragraph",
            "It is less suited to deep folds or loose skin. Non-ablative lasers, "
            '<a href="/treatments/chemical-peel/">chemical peels</a> and '
            '<a href="/treatments/microneedling/">microneedling</a> are gentler alternatives with less '
            "downtime and, usually, smaller changes.",
        ],
        ["heading", "What to expect"],
        [
            "paragraph",
            "You should have a consultation, ideally with a doctor, before any treatment. Expect questions "
            "about cold sores, medicines, earlier treatments, recent sun exposure and how your skin heals. "
            "A test patch may be suggested. On the day, numbing cream is usually applied, everyone in the "
            "room wears eye protection, and a full-face session often takes 30 minutes to an hour including "
            "preparation.",
        ],
        [
            "callout",
            {
                "kind": "what_to_expect",
                "title": "Recovery at a glance",
                "text": (
                    "For several hours the skin feels hot and tight, like strong sunburn. Swelling, oozing "
                    "and crusting are common in the first few days, and most people need five to ten days "
                    "before they feel comfortable being seen in public. Pinkness can last for several weeks "
                    "and occasionally months. One treatment is often enough for a visible change, although "
                    "some people have a second, and improvement continues for three to six months."
                ),
            },
        ],
        [
            "paragraph",
            "Aftercare usually means gentle cleansing, a bland ointment, no make-up until the skin has "
            "healed, and careful sun protection for several months. If you get cold sores, you may be "
            "prescribed an antiviral medicine to start beforehand.",
        ],
        ["heading", "Who may be suitable, and who should avoid it"],
        [
            "paragraph",
            "It may suit adults with sun damage, lines or acne scars who can set aside a week or more for "
            "recovery and are willing to protect their skin from the sun for months afterwards. It is most "
            "often used on lighter skin. Darker skin can sometimes be treated with adjusted settings, but "
            "the risk of long-lasting darkening or lightening is higher, so an experienced practitioner and "
            "an open discussion of alternatives are essential. Treatment is usually avoided if you:",
        ],
        [
            "list",
            [
                "are pregnant",
                "have an active infection or cold sore",
                "have taken isotretinoin recently",
                "tend to form keloid scars",
                "have a tan or cannot avoid strong sun during recovery",
                "have a condition such as vitiligo that can appear in injured skin",
                "have had radiotherapy to the area or heal poorly",
            ],
        ],
        [
            "callout",
            {
                "kind": "risks",
                "title": "Possible risks",
                "text": (
                    "Redness, swelling and crusting are expected. Complications can include bacterial, viral "
                    "or fungal infection, acne flares, prolonged redness, darkening of the skin, lightening "
                    "that may be permanent, and scarring. Eye injury is possible without proper protection. "
                    "Contact your clinic promptly if pain gets worse, the skin produces pus or you develop a "
                    "fever."
                ),
            },
        ],
        ["heading", "Questions to ask before booking"],
        [
            "list",
            [
                "Who will carry out the treatment, and what are their training and registration?",
                "Who will assess my skin, and can I reach a doctor if something goes wrong?",
                "Which laser will you use, and how often do you treat skin like mine?",
                "How much time off should I plan, and what aftercare do you provide?",
                "What does the price include, including follow-up appointments?",
                "Will I receive a written treatment plan and a copy of my consent form?",
            ],
        ],
        ["heading", "What the evidence says"],
        [
            "paragraph",
            "Compared with many cosmetic treatments, fractional CO2 lasers are well studied, with clinical "
            "trials and long experience supporting their use for wrinkles, sun damage and acne scars. Even "
            "so, studies differ in their settings and in how they measure results, and outcomes in everyday "
            "practice depend heavily on the person operating the laser. Improvements can last for years, "
            "although the skin keeps ageing and sun exposure will undo some of the benefit. Discuss "
            "realistic expectations with a registered practitioner, and compare clinics on our "
            '<a href="/treatments/fractional-co2-laser/">fractional CO2 laser page</a>.',
        ],
    ],
    "references": [_NHS_HUB, _NHS_CHOOSING, _JCCP],
}

CHEMICAL_PEELS_GUIDE: dict[str, Any] = {
    "slug": "chemical-peels-guide",
    "title": "Chemical peels: light, medium and deep peels explained",
    "standfirst": (
        "A chemical peel uses an acid solution to remove the outer layers of skin. How deep it reaches "
        "changes almost everything: the likely result, the recovery and the risks."
    ),
    "summary": (
        "Chemical peels use acids to remove damaged outer layers of skin so that fresh skin can replace "
        "them. Light peels need little recovery but usually a course of treatments, while medium and deep "
        "peels give bigger changes with more downtime and more risk. A registered practitioner can advise "
        "which depth, if any, suits your skin."
    ),
    "kind": "guide",
    "treatment_slug": "chemical-peel",
    "tags": ["skin", "pigmentation", "acne"],
    "author": "rosa-inkwell",
    "reviewer": "niamh-testwood",
    "hero_alt": "Abstract illustration of translucent layers lifting from skin",
    "hero_caption": "Peels are grouped by depth: superficial, medium or deep.",
    "hero_colour": "#C9B27F",
    "disclosure": "",
    "body": [
        ["heading", "What is a chemical peel?"],
        [
            "paragraph",
            "In a chemical peel, a practitioner applies an acid solution to the skin for a controlled "
            "length of time. The solution loosens and removes the outer layers, and the skin then renews "
            "itself. Peels are usually done on the face, though the neck, chest and hands can also be "
            "treated. They range from mild treatments with little visible peeling to deep procedures that "
            "need medical supervision.",
        ],
        ["heading", "Types of peel"],
        [
            "list",
            [
                "Superficial (light) peels act on the outermost layer, the epidermis, often with alpha "
                "hydroxy acids such as glycolic or lactic acid, or with salicylic acid.",
                "Medium peels reach the upper part of the dermis, usually with trichloroacetic acid (TCA), "
                "sometimes combined with other agents.",
                "Deep peels reach further into the dermis, traditionally with phenol. They are rarely "
                "performed, carry significant risks and are carried out by doctors, with heart monitoring "
                "during treatment.",
            ],
        ],
        ["heading", "What peels are used for"],
        [
            "paragraph",
            "Peels are used for uneven pigmentation such as sun spots, mild acne and some acne scarring, "
            "fine lines, and rough or dull-looking skin. Deep lines, sagging and deep scars respond less "
            "well, and other treatments may be more suitable. Melasma needs particular care: it often "
            "returns, and an aggressive peel can make it worse.",
        ],
        ["heading", "What to expect"],
        [
            "paragraph",
            "Before a peel, the practitioner should assess your skin type and history, including cold "
            "sores, recent waxing or hair removal, and any medicines that make skin more sensitive. You may "
            "be asked to prepare your skin with particular creams for a few weeks and to stop retinoids "
            "several days beforehand. During the peel the solution is applied and left for a set time, and "
            "you will usually feel warmth, tingling or stinging. Depending on the acid, it is then "
            "neutralised or rinsed off, and a soothing product and sunscreen are applied.",
        ],
        [
            "callout",
            {
                "kind": "what_to_expect",
                "title": "Recovery at a glance",
                "text": (
                    "Light peels: redness and mild flaking for a few days, and most people return to their "
                    "usual routine straight away; a course of several peels two to four weeks apart is "
                    "common. Medium peels: swelling, darkening and peeling for around a week, sometimes with "
                    "blisters, and redness that can take weeks to fade. Deep peels: several weeks of "
                    "recovery with pain relief and close follow-up, and redness that may last for months. "
                    "Whatever the depth, new skin is more sensitive to the sun, so daily high-factor sun "
                    "protection is essential for weeks afterwards; picking at peeling skin increases the "
                    "risk of marks."
                ),
            },
        ],
        ["heading", "Benefits and limits"],
        [
            "callout",
            {
                "kind": "benefits",
                "title": "What a peel may offer",
                "text": (
                    "Light peels may brighten dull skin, help with mild acne and gradually even out skin "
                    "tone. Medium and deep peels can make a more noticeable difference to sun damage and "
                    "fine lines. The effect of light peels is modest and needs repeating, and the results of "
                    "any peel depend on sun protection and skincare afterwards."
                ),
            },
        ],
        [
            "paragraph",
            "Peels can be combined with other approaches such as "
            '<a href="/treatments/microneedling/">microneedling</a>, but this should be planned so that '
            "the skin is not over-treated.",
        ],
        ["heading", "Who should be cautious"],
        [
            "paragraph",
            "People with darker skin can have peels but face a higher risk of pigment changes, so choose a "
            "practitioner who regularly treats skin like yours, and expect lighter peels to be favoured. "
            "Peels are usually avoided or postponed if you:",
        ],
        [
            "list",
            [
                "are pregnant or breastfeeding, as some acids are avoided",
                "have an active cold sore, infection or broken skin in the area",
                "have taken isotretinoin recently",
                "are prone to keloid scars",
                "have recently had waxing, laser or other resurfacing in the same area",
                "cannot avoid strong sun while the skin recovers",
            ],
        ],
        [
            "callout",
            {
                "kind": "risks",
                "title": "Possible risks",
                "text": (
                    "Stinging, redness and flaking are expected. Complications include infection, flare-ups "
                    "of cold sores, darkening or lightening of the skin, prolonged redness and, particularly "
                    "with deeper peels, scarring. Phenol peels can also affect the heart and kidneys, which "
                    "is why they are only suitable in a medical setting."
                ),
            },
        ],
        ["heading", "Who can carry out a peel"],
        [
            "paragraph",
            "Light peels are widely offered by trained beauty therapists as well as nurses and doctors. "
            "Medium and deep peels should be carried out by experienced medical professionals. Whoever "
            "treats you, check their training and registration, ask which product and strength they will "
            "use, and make sure you know who to contact if problems arise. Ask too whether a patch test "
            "makes sense for your skin.",
        ],
        ["heading", "What the evidence says"],
        [
            "paragraph",
            "Chemical peels have been used for decades and are reasonably well studied for sun damage, "
            "pigmentation and acne, though trials vary in the acids, strengths and skin types included. "
            "Evidence that light peels make a lasting difference to lines is weaker. Peel products sold for "
            "home use are much milder than clinic peels, and stronger products bought online can burn the "
            "skin. A registered practitioner can help you decide whether a peel is worth trying, and our "
            '<a href="/treatments/chemical-peel/">chemical peel page</a> lists clinics and typical prices.',
        ],
    ],
    "references": [_NHS_HUB, _NHS_CHOOSING, _SAVE_FACE],
}

ANTI_WRINKLE_INJECTIONS_GUIDE: dict[str, Any] = {
    "slug": "anti-wrinkle-injections-guide",
    "title": "Anti-wrinkle injections: what to know about botulinum toxin",
    "standfirst": (
        "Botulinum toxin injections are among the most common cosmetic treatments in the UK. They are also a "
        "prescription-only medicine, and that shapes how they should be provided."
    ),
    "summary": (
        "Anti-wrinkle injections use small doses of botulinum toxin to relax particular facial muscles, "
        "softening lines that form when you frown, squint or raise your eyebrows. The effect appears over a "
        "week or two and usually lasts about three to four months. Because botulinum toxin is a "
        "prescription-only medicine, you should always have a face-to-face consultation with a qualified "
        "prescriber first."
    ),
    "kind": "guide",
    "treatment_slug": "botulinum-toxin",
    "tags": ["injectables", "wrinkles", "safety"],
    "author": "ellis-draftsmith",
    "reviewer": "niamh-testwood",
    "hero_alt": "Abstract illustration of softly relaxing curved lines",
    "hero_caption": "Botulinum toxin relaxes muscles rather than filling lines.",
    "hero_colour": "#8FB9A8",
    "disclosure": "",
    "body": [
        ["heading", "What are anti-wrinkle injections?"],
        [
            "paragraph",
            "Anti-wrinkle injections use botulinum toxin type A, a purified protein that temporarily blocks "
            "the signals from nerves to muscles. Several licensed brands are available in the UK. Botulinum "
            "toxin also has medical uses, for example for some people with chronic migraine, excessive "
            "sweating or muscle spasm. Prescription-only medicines may not be advertised to the public in "
            "the UK, which is why clinics usually describe the treatment as 'anti-wrinkle injections' "
            "rather than naming the product.",
        ],
        ["heading", "How they work"],
        [
            "paragraph",
            "Frown lines between the eyebrows, horizontal forehead lines and crow's feet are known as "
            "dynamic lines, because they deepen each time the muscles beneath them contract. Tiny doses "
            "injected into those muscles weaken the contraction, so the skin above creases less. The "
            "treatment adds no volume, so it does little for lines caused by volume loss, which are "
            'sometimes treated with <a href="/treatments/dermal-filler/">dermal fillers</a> instead. '
            "Areas commonly treated include:",
        ],
        [
            "list",
            [
                "frown lines between the eyebrows",
                "horizontal forehead lines",
                "crow's feet at the outer corners of the eyes",
                "less often, areas such as the jaw muscles or neck, where evidence and risks differ",
            ],
        ],
        ["heading", "Prescribing rules and the consultation"],
        [
            "paragraph",
            "Botulinum toxin should only be prescribed after a face-to-face consultation with a doctor, "
            "dentist, nurse prescriber or pharmacist prescriber who has assessed you in person. The "
            "prescriber may delegate the injections to another trained practitioner but remains responsible "
            "for your care. In England it is illegal to give these injections to anyone under 18 for "
            "cosmetic reasons. A good consultation covers your medical history, medicines, earlier "
            "treatments and what you would like to change, and includes an honest discussion of risks. You "
            "should be given time to think rather than pressed to be treated there and then.",
        ],
        ["heading", "What to expect"],
        [
            "paragraph",
            "The practitioner may ask you to frown, raise your eyebrows or smile to see how your muscles "
            "move, and may photograph your face for your records. Some mark the injection points first.",
        ],
        [
            "callout",
            {
                "kind": "what_to_expect",
                "title": "Treatment at a glance",
                "text": (
                    "The injections take around 10 to 20 minutes, using a very fine needle at a few points "
                    "in each area. Small bumps and redness where the needle went in usually settle within an "
                    "hour, and there is normally no downtime. The effect begins after a few days and builds "
                    "over about two weeks. It typically lasts three to four months, after which movement "
                    "gradually returns."
                ),
            },
        ],
        [
            "paragraph",
            "Many clinics offer a review about two weeks after treatment. Common advice is to avoid rubbing "
            "the area, lying flat, strenuous exercise and alcohol for the rest of the day, although this "
            "varies between practitioners. If the result is uneven, a small top-up may be offered at the "
            "review, but more toxin is not always the answer, and the effect cannot be reversed early.",
        ],
        ["heading", "Who should not have them"],
        ["paragraph", "Treatment may not be suitable if you:"],
        [
            "list",
            [
                "are pregnant or breastfeeding",
                "have an infection or inflammation where the injections would go",
                "have a neuromuscular condition such as myasthenia gravis",
                "take certain medicines, including some antibiotics, that can interact with botulinum toxin",
                "have reacted badly to botulinum toxin before",
                "are unwell on the day",
            ],
        ],
        [
            "paragraph",
            "Tell the prescriber about every medicine and supplement you take, and about any earlier "
            "problems with treatment, even if they seem unrelated.",
        ],
        ["heading", "Risks and side effects"],
        [
            "callout",
            {
                "kind": "risks",
                "title": "Possible side effects",
                "text": (
                    "Headache, bruising, tenderness and mild swelling at the injection points are common. "
                    "Less often, nearby muscles are affected, causing a drooping eyelid or eyebrow, an "
                    "uneven expression or difficulty closing the eye fully; these usually improve as the "
                    "effect wears off. Very rarely, the toxin spreads further and causes difficulty "
                    "swallowing, speaking or breathing, which needs urgent medical help. Suspected side "
                    "effects can be reported to the MHRA through the Yellow Card scheme."
                ),
            },
        ],
        [
            "paragraph",
            "Because the effect is temporary, most side effects are temporary too. That is one reason many "
            "practitioners start with cautious doses, particularly the first time: a little more can be "
            "added at a review, but nothing can be taken away. Repeated treatment over years appears safe "
            "for most people, but long-term data are more limited, and a small number of people develop "
            "antibodies that make it work less well.",
        ],
        ["heading", "What the evidence says"],
        [
            "paragraph",
            "Botulinum toxin for frown lines is one of the best-studied cosmetic treatments, supported by "
            "large randomised controlled trials that led to its licensing for that use and later for some "
            "other facial lines. Evidence for other areas, which may be treated outside the product "
            "licence, is more variable. If you stop having treatment, muscle activity gradually returns and "
            "lines go back to how they would otherwise have been. Results depend on the dose, the technique "
            "and your anatomy, so choose a registered, experienced practitioner, and compare clinics on our "
            '<a href="/treatments/botulinum-toxin/">anti-wrinkle injections page</a>.',
        ],
    ],
    "references": [_NHS_BOTOX, _CHILDREN_ACT, _YELLOW_CARD, _NHS_CHOOSING],
}

DERMAL_FILLERS_GUIDE: dict[str, Any] = {
    "slug": "dermal-fillers-guide",
    "title": "Dermal fillers: uses, risks and what to ask",
    "standfirst": (
        "Dermal fillers are gels injected beneath the skin to add volume or change shape. They are popular, "
        "but in the UK they are not prescription-only medicines, so checking who injects them matters."
    ),
    "summary": (
        "Most dermal fillers are made of hyaluronic acid and last from about six to eighteen months. Side "
        "effects are usually mild, but rare complications such as a blocked blood vessel can be serious and "
        "need urgent treatment. Choose a registered practitioner who can recognise and manage complications, "
        "and have a face-to-face consultation first."
    ),
    "kind": "guide",
    "treatment_slug": "dermal-filler",
    "tags": ["injectables", "volume", "safety"],
    "author": "rosa-inkwell",
    "reviewer": "dr-tobias-fictum",
    "hero_alt": "Abstract illustration of soft rounded forms filling a gentle hollow",
    "hero_caption": "Most fillers are temporary and broken down by the body.",
    "hero_colour": "#B8A1D9",
    "disclosure": "",
    "body": [
        ["heading", "What are dermal fillers?"],
        [
            "paragraph",
            "Dermal fillers are gel-like substances injected under the skin to restore lost volume, soften "
            "folds or change the shape of features such as the lips, cheeks or chin. Most are based on "
            "hyaluronic acid, which the body gradually breaks down. Other temporary fillers, such as "
            "calcium hydroxylapatite or poly-L-lactic acid, work partly by stimulating collagen. Permanent "
            "fillers exist but are generally discouraged, because problems with them are much harder to put "
            "right.",
        ],
        ["heading", "How they work"],
        [
            "paragraph",
            "Hyaluronic acid attracts and holds water. Injected at the right depth, it adds volume where it "
            "is placed and, depending on how firm the gel is, can support tissue or smooth finer lines. "
            "Different products are designed for different areas, and filler usually lasts longer where "
            "there is less movement, so lips tend to need topping up sooner than cheeks. Hyaluronic acid "
            "fillers can be dissolved with an enzyme called hyaluronidase, a prescription-only medicine, "
            "which is one reason many practitioners prefer them.",
        ],
        ["heading", "Common uses"],
        [
            "list",
            [
                "adding volume to the lips or defining their outline",
                "restoring volume to the cheeks or temples",
                "softening the folds between the nose and mouth",
                "treating hollows under the eyes, a higher-risk area",
                "shaping the chin or jawline",
                "smoothing some types of scar",
            ],
        ],
        ["heading", "What to expect"],
        [
            "paragraph",
            "A consultation should cover your health, your goals and whether filler is the right tool. "
            'Sometimes <a href="/treatments/botulinum-toxin/">anti-wrinkle injections</a>, skincare or no '
            "treatment at all is the better answer. Ask for the product name and batch number to be "
            "recorded and given to you. The skin is cleaned thoroughly, and the practitioner may use a fine "
            "needle or a blunt-tipped cannula, which some prefer in certain areas because it may lower the "
            "chance of bruising or entering a blood vessel. You will usually be advised to avoid pressing "
            "on the area, make-up, hard exercise, saunas and alcohol for a day or so.",
        ],
        [
            "callout",
            {
                "kind": "what_to_expect",
                "title": "Treatment at a glance",
                "text": (
                    "Treatment usually takes 30 to 60 minutes. Many fillers contain a local anaesthetic, and "
                    "numbing cream may also be used. Swelling, tenderness and bruising are common for a few "
                    "days, and lips can look noticeably swollen for several days. The final look is usually "
                    "clear after about two weeks, and the effect typically lasts from around six to eighteen "
                    "months, depending on the product and area."
                ),
            },
        ],
        ["heading", "Regulation in the UK"],
        [
            "paragraph",
            "Unlike botulinum toxin, dermal fillers are regulated as medical devices rather than medicines, "
            "so at present, in most of the UK, they can legally be injected by people without a healthcare "
            "qualification. In England it is illegal to give fillers to under-18s for cosmetic purposes. "
            "The government has been developing a licensing scheme for non-surgical cosmetic procedures in "
            "England, so check the current position. Meanwhile, choosing someone on a statutory register or "
            "an accredited register is one of the best protections you have. Save Face and the JCCP both "
            "list practitioners who have met their standards for training, insurance and premises.",
        ],
        ["heading", "Who should not have fillers"],
        ["paragraph", "Fillers are usually avoided or delayed if you:"],
        [
            "list",
            [
                "are pregnant or breastfeeding",
                "have an infection, cold sore or inflamed skin in the area",
                "have had an allergic reaction to a filler or to lidocaine",
                "have an active autoimmune condition or a weakened immune system (discuss this first)",
                "have a bleeding disorder or take blood-thinning medicines",
            ],
        ],
        [
            "paragraph",
            "If you feel very preoccupied with a feature, or have had repeated treatments without feeling "
            "satisfied, it is worth talking this through. A good practitioner will raise it kindly and may "
            "suggest support rather than more filler.",
        ],
        ["heading", "Risks and warning signs"],
        [
            "callout",
            {
                "kind": "risks",
                "title": "Possible complications",
                "text": (
                    "Swelling, bruising, tenderness and redness are common. Less often, people develop "
                    "lumps, an uneven result, infection or delayed swelling months later. Rarely, filler "
                    "blocks or presses on a blood vessel, which can damage the skin and, very rarely, cause "
                    "loss of sight. Severe or worsening pain, pale, mottled or dusky skin, or any change in "
                    "vision after treatment needs urgent help: contact your practitioner straight away, and "
                    "if you cannot reach them, go to A&E."
                ),
            },
        ],
        [
            "paragraph",
            "Before you agree to treatment, ask how the practitioner would manage a complication, whether "
            "they keep hyaluronidase on site, and who covers the clinic out of hours. Swelling that appears "
            "weeks or months later, particularly with redness or tenderness, should also be checked, as it "
            "can signal infection or a delayed reaction.",
        ],
        ["heading", "What the evidence says"],
        [
            "paragraph",
            "Hyaluronic acid fillers have been tested in many clinical trials for lines, folds and lip "
            "enhancement, and most people have only minor, short-lived side effects. Evidence for some "
            "newer uses and techniques is thinner, and serious complications, though rare, are well "
            "documented. Filler does not stop ageing, and repeated treatment without a review of the "
            "overall plan can lead to an overfilled look. Compare clinics on our "
            '<a href="/treatments/dermal-filler/">dermal fillers page</a>, and talk through the '
            "alternatives at your consultation.",
        ],
    ],
    "references": [_NHS_FILLERS, _CHILDREN_ACT, _NHS_CHOOSING, _YELLOW_CARD, _SAVE_FACE],
}

CHOOSING_A_PRACTITIONER_SAFELY: dict[str, Any] = {
    "slug": "choosing-a-practitioner-safely",
    "title": "How to choose a cosmetic practitioner safely",
    "standfirst": (
        "The person holding the needle, laser or peel matters as much as the treatment itself. Here is how "
        "to check who they are, what to ask, and which warning signs should make you walk away."
    ),
    "summary": (
        "Before any cosmetic treatment, check the practitioner on a public register, ask about their "
        "training, insurance and aftercare, and have a proper consultation followed by time to think. "
        "Prescription-only medicines such as botulinum toxin should only be prescribed after a face-to-face "
        "assessment. If anything feels rushed, cheap or unclear, it is fine to walk away."
    ),
    "kind": "article",
    "treatment_slug": None,
    "tags": ["safety", "regulation", "consultation"],
    "author": "rosa-inkwell",
    "reviewer": "niamh-testwood",
    "hero_alt": "Abstract illustration of a lens over simple profile shapes",
    "hero_caption": "Checking a register takes minutes and tells you a lot.",
    "hero_colour": "#6F8FAF",
    "disclosure": "",
    "body": [
        ["heading", "Why it matters"],
        [
            "paragraph",
            "In the UK, many non-surgical cosmetic treatments can be offered by people with very different "
            "backgrounds, from consultant dermatologists to people who have done a short course. Regulation "
            "is being tightened but remains patchy, so much of the checking is left to you.",
        ],
        ["heading", "Check a public register"],
        [
            "paragraph",
            "Healthcare professionals must be registered with a statutory regulator to practise. Each "
            "regulator keeps a free online register that you can search by name, and most show whether a "
            "person has any conditions or restrictions on their practice. Registration alone does not prove "
            "expertise in aesthetics, so ask about specific training too. To check, get the practitioner's "
            "full name and registration number and search the register yourself:",
        ],
        [
            "list",
            [
                "General Medical Council (GMC): doctors",
                "Nursing and Midwifery Council (NMC): nurses and midwives",
                "General Dental Council (GDC): dentists and other dental professionals",
                "Health and Care Professions Council (HCPC): professions such as paramedics and "
                "physiotherapists",
                "General Pharmaceutical Council (GPhC): pharmacists in Great Britain; in Northern Ireland, "
                "the Pharmaceutical Society of Northern Ireland",
            ],
        ],
        [
            "paragraph",
            "Practitioners without a healthcare registration may belong to a voluntary register instead. "
            "The Professional Standards Authority (PSA) accredits registers that meet its standards, and in "
            "aesthetics these include the Joint Council for Cosmetic Practitioners (JCCP) and Save Face. "
            "Accredited registers check things such as training, insurance and premises against published "
            "standards, which tells you more than a certificate on the wall.",
        ],
        ["heading", "Questions to ask"],
        [
            "list",
            [
                "What are your qualifications, and what training have you had in this treatment?",
                "How often do you carry out this treatment, and how do you handle complications?",
                "What insurance do you hold, and does it cover this treatment?",
                "Which product or device will you use, and is it licensed or appropriately marked for this "
                "use?",
                "What are the common and the serious risks for someone like me?",
                "What aftercare will I receive, and who do I contact out of hours?",
                "What happens, and what will it cost, if I am unhappy or something goes wrong?",
            ],
        ],
        ["heading", "The consultation and time to decide"],
        [
            "paragraph",
            "A proper consultation is a conversation, not a sales pitch. It should happen before you pay, "
            "ideally with the person who will treat you. Expect questions about your health, medicines, "
            "earlier treatments and what you hope to achieve, followed by an honest view of whether the "
            "treatment is likely to help. A good practitioner will sometimes advise against treatment, or "
            "suggest you see your GP or a dermatologist first. Afterwards, take time to think. There is no "
            "single legal cooling-off period for non-surgical treatments, but professional guidance expects "
            "practitioners to give you time to consider, and you should never feel pushed into treatment on "
            "the same day. Ask for written information to take away.",
        ],
        [
            "callout",
            {
                "kind": "note",
                "title": "Prescription-only medicines",
                "text": (
                    "Botulinum toxin, and the hyaluronidase used to dissolve filler, are prescription-only "
                    "medicines. They should only be prescribed by a doctor, dentist, nurse prescriber or "
                    "pharmacist prescriber who has assessed you face to face, not over the phone, by video "
                    "call or through an online form. If the person treating you is not the prescriber, ask "
                    "who the prescriber is and when you will meet them."
                ),
            },
        ],
        ["heading", "Red flags"],
        ["paragraph", "Think about walking away if you notice any of these:"],
        [
            "list",
            [
                "no consultation, or one that is only about price and booking",
                "no questions about your health, or treatment offered to under-18s",
                "offers that pressure you to decide quickly, or vouchers from discount websites",
                "treatment at parties, or anywhere alcohol is being served",
                "unclean premises, or a practitioner who will not tell you which product they use",
                "a prescription-only medicine given without you ever meeting a prescriber",
                "no clear aftercare plan or out-of-hours contact",
                "promises of guaranteed or permanent results, or claims that there is no risk",
            ],
        ],
        ["heading", "Where treatment happens"],
        [
            "paragraph",
            "Treatment should take place in clean, suitable premises with hand-washing facilities and safe "
            "disposal of needles. In England, the Care Quality Commission registers services that provide "
            "cosmetic surgery and some procedures such as thread lifts when they are carried out by "
            "healthcare professionals, but most injectable and skin treatments fall outside that system. "
            "Some local councils license premises that offer special treatments. Rules differ in Scotland, "
            "Wales and Northern Ireland; in Scotland, for example, independent clinics run by healthcare "
            "professionals register with Healthcare Improvement Scotland.",
        ],
        ["heading", "If something goes wrong"],
        [
            "paragraph",
            "Contact the person who treated you first. For severe pain, spreading redness, a fever, changes "
            "in vision or difficulty breathing or swallowing, get urgent help from NHS 111 or A&E. You can "
            "report a suspected side effect of a medicine, or a problem with a medical device, through the "
            "MHRA's Yellow Card scheme, and raise concerns about a practitioner with their regulator or "
            "accredited register. Keep the product name, batch number, photographs and treatment dates, as "
            "they help whoever treats a complication.",
        ],
        [
            "quote",
            {
                "text": (
                    "The best practitioners are happy to be checked. If someone is reluctant to give you "
                    "their registration number, that tells you something."
                ),
                "attribution": "Niamh Testwood, aesthetic nurse prescriber",
            },
        ],
    ],
    "references": [
        _NHS_CHOOSING,
        _GMC,
        _NMC,
        _GDC,
        _HCPC,
        _GPHC,
        _PSA,
        _JCCP,
        _SAVE_FACE,
        _CQC,
        _YELLOW_CARD,
    ],
}

GUIDES: list[dict[str, Any]] = [
    WHAT_IS_MESOTHERAPY,
    MICRONEEDLING_GUIDE,
    LASER_RESURFACING_GUIDE,
    CHEMICAL_PEELS_GUIDE,
    ANTI_WRINKLE_INJECTIONS_GUIDE,
    DERMAL_FILLERS_GUIDE,
    CHOOSING_A_PRACTITIONER_SAFELY,
]
