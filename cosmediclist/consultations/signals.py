"""What a consultation request's life announces to apps above this one.

Sent by the services inside the transaction of the change, so a listener's own writes commit or
roll back with it (the partner API stores its webhook deliveries this way: ``api.webhooks``).
"""

from django.dispatch import Signal

# A new request has been stored. Keyword: ``request``.
request_created = Signal()
# A request moved from one status to another (withdrawal included). Keywords: ``request``, ``from_status``.
status_changed = Signal()
