"""Demo review texts, written for the project: fictional patients, a mix of praise and criticism."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoReview:
    rating: int
    verdict: str
    title: str
    body: str
    display_name: str = ""
    explanation: int | None = None
    care: int | None = None
    value: int | None = None


REVIEWS = [
    DemoReview(
        5,
        "worth_it",
        "Honest about what it could do",
        "The practitioner told me at the consultation that my stretch marks would soften rather than "
        "disappear, and that is exactly what happened after four sessions. Every step was explained "
        "before it was done and I had a call the day after the first session.",
        "Amira K.",
        5,
        5,
        4,
    ),
    DemoReview(
        4,
        "worth_it",
        "Good results, a little rushed",
        "Results were what I hoped for. The appointments ran late twice and the second one felt "
        "hurried, but the aftercare sheet was clear and they answered my messages quickly.",
        "Jo",
        4,
        3,
        4,
    ),
    DemoReview(
        2,
        "not_worth_it",
        "Not much change for the price",
        "I had three sessions and saw very little difference. The clinic was clean and polite, but "
        "I wish they had been clearer up front that some people see almost no change. I would not "
        "pay for it again.",
        "",
        2,
        4,
        1,
    ),
    DemoReview(
        5,
        "worth_it",
        "Calm, careful and clear",
        "I was nervous about needles and they let me take it at my own pace. Some redness for a day, "
        "as they said there would be. I am happy with how my skin looks.",
        "Ben T.",
        5,
        5,
        5,
    ),
    DemoReview(
        3,
        "not_sure",
        "Too early to tell",
        "The treatment itself was fine and the staff were kind. Two months on I can see a small "
        "improvement, but I am not sure yet whether it will last.",
        "Priya",
    ),
    DemoReview(
        1,
        "not_worth_it",
        "Bruising they did not warn me about",
        "I had bruising for over a week and nobody had mentioned that this could happen. When I rang, "
        "I was told it was normal but no one offered to see me. The result is fine now, but the "
        "experience put me off.",
        "",
        1,
        1,
        2,
    ),
    DemoReview(
        4,
        "worth_it",
        "Would go back",
        "Friendly team, a proper consultation with medical questions first, and a fair price "
        "compared with the other clinics I asked.",
        "Sam W.",
        4,
        4,
        5,
    ),
    DemoReview(
        5,
        "worth_it",
        "Clear plan from the start",
        "They wrote down the number of sessions, the gaps between them and the total cost before I "
        "agreed to anything. No pressure to add extras.",
        "Helen",
    ),
]

STAFF_REPLY = (
    "Thank you for taking the time to write this. We are sorry the bruising was not explained "
    "properly beforehand: we have added it to the consent conversation for every patient. Please "
    "call us if you would like a review appointment at no charge."
)
REJECTED = DemoReview(
    1,
    "not_worth_it",
    "Do not trust Dr X",
    "Names a practitioner and accuses them of a crime without any detail about the treatment itself.",
    "",
)
REJECTION_REASON = (
    "It names a member of staff and makes a serious allegation; our policy asks that such concerns "
    "go to the regulator, and that the review describes your own treatment."
)
