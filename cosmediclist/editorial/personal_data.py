"""Editorial content holds nothing about the public: bylines are published professional details."""

from cosmediclist.core.personal_data import NotPersonal, register

register(
    not_personal=[
        NotPersonal("editorial.author", "A published byline, given by the author for publication."),
        NotPersonal("editorial.reviewer", "A medical reviewer's published credentials and register number."),
        NotPersonal(
            "editorial.guidereview", "A medical reviewer's signed approval of a guide, shown on the guide."
        ),
        NotPersonal(
            "editorial.medicalreviewtask", "A step of the editorial workflow; its name is the step's."
        ),
        *(
            NotPersonal(label, "An editorial page written and owned by staff.")
            for label in (
                "editorial.homepage",
                "editorial.articleindexpage",
                "editorial.articlepage",
                "editorial.treatmentguidepage",
            )
        ),
    ]
)
