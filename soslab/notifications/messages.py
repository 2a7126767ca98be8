"""Notification messages that can be written again in any language.

A message made with `message_later(gettext_lazy("%(name)s replied."), name=...)` keeps its msgid
(the untranslated English text) and its parameters. `notify()` stores both next to the text it
wrote in the recipient's language, and the page renders the message again in the language the
person reads the site in now, as Decidim renders its notifications from the event name and its
`extra` data: switching language later never leaves old notifications in the other one.
Parameters that are themselves translatable labels (a status name) are stored as their msgid and
translated at display too; everything else (titles, names, dates) is stored as text."""

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext

LABEL = "msgid"  # {"msgid": "Solved"}: a parameter translated when the message is rendered


def _untranslated(text):
    """The msgid behind a lazy translation (the text itself for a plain string)."""
    with translation.override(None):
        return str(text)


def _stored(value):
    if isinstance(value, Promise):
        return {LABEL: _untranslated(value)}
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _shown(value):
    if isinstance(value, dict) and set(value) == {LABEL}:
        return gettext(value[LABEL])
    return value


def message_render(msgid, params):
    """`msgid` with `params` in the active language; None when they no longer fit together
    (the caller falls back to the stored text)."""
    if not msgid:
        return None
    try:
        return gettext(msgid) % {key: _shown(value) for key, value in (params or {}).items()}
    except (KeyError, ValueError, TypeError):
        return None


class LaterMessage:
    """A message rendered when a reader's language is known: call it under that language."""

    def __init__(self, msgid, params):
        self.msgid = _untranslated(msgid)
        self.params = {key: _stored(value) for key, value in params.items()}

    def __call__(self):
        return message_render(self.msgid, self.params) or self.msgid


def message_later(msgid, **params):
    """A notification message written when each recipient's language is known: `msgid` a lazy
    translation (gettext_lazy) with named %-placeholders, `params` their values (lazy labels are
    translated too). notify() stores it so it can be shown again in another language."""
    return LaterMessage(msgid, params)
