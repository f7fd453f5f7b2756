"""Background jobs of the partner API: webhook delivery."""

from django_tasks import task


@task()
def deliver_webhook(delivery_id: int) -> str:
    from cosmediclist.api import webhooks  # that module imports this one at its top

    return webhooks.deliver(delivery_id=delivery_id)
