"""The one way the platform sends email.

`email_queue(...)` queues one message through the outbox (soslab.core.outbox): it leaves after
the caller's transaction commits, from a task retried on SMTP and network errors, never inside a
request or a locked transaction. `email_send(...)` builds and sends a message at once; only tasks
call it (the notification emails and digests, which mark their rows in the same transaction, and
`soslab.core.tasks.send_email`). Nothing else in the project builds an email message."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .outbox import enqueue


def email_send(*, to, subject, body, html=""):
    """Send one message now (raises on failure, so a task's retry sends it again)."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=list(to)
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send(fail_silently=False)


def email_queue(*, to, subject, body, html=""):
    """Send one message after the current transaction commits (a retried background task).
    `to` is a list of addresses; subject and bodies are already rendered text."""
    recipients = [address for address in to if address]
    if recipients:
        enqueue("soslab.core.tasks.send_email", recipients, str(subject), str(body), str(html))
