"""What a review's moderation announces to apps above this one.

Sent inside the transaction that publishes the review, so a listener's own writes commit or roll
back with it (the partner API stores its webhook deliveries this way: ``api.webhooks``).
"""

from django.dispatch import Signal

# A review was approved and is now public. Keyword: ``review``.
review_published = Signal()
