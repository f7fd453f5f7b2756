"""Background jobs of the outbox."""

from django_tasks import task


@task()
def deliver_email(email_id: int) -> str:
    from cosmediclist.notifications import services  # that module imports this one at its top

    return services.deliver(email_id=email_id)
