"""API health: a cheap probe that the API, its routing and the database answer."""

from django.db import connection
from django.http import HttpRequest
from ninja import Router, Schema

router = Router(tags=["health"])


class HealthOut(Schema):
    status: str
    version: str


@router.get("/health", response=HealthOut, summary="Is the API up?")
def health(request: HttpRequest) -> HealthOut:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HealthOut(status="ok", version="1")
