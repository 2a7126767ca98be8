"""`make loadtest` only: the production settings (from the environment, exactly as `make smoke`
starts them) with two changes that keep the mixed load about speed, not about abuse controls:

- SOSLAB_RATE_LIMITS: every scope allows 100,000 an hour per person and per address. The load
  test's 50 visitors all come from 127.0.0.1 and write several times a minute; the real limits
  (soslab/settings/parts/platform.py) would answer 429 within seconds. allauth's own login limits
  are off for the same reason.
- PASSWORD_HASHERS: MD5 first, so the 50 sign-ins at the start cost milliseconds (the load
  accounts are hashed with it by benchmarks.dataset; production hashers are unchanged).

Never use it for a real site: it is production without rate limits.
"""

from .production import *  # noqa: F403
from .production import SOSLAB_RATE_LIMITS

SOSLAB_RATE_LIMITS = {scope: ["100000/h/user", "100000/h/ip"] for scope in SOSLAB_RATE_LIMITS}
ACCOUNT_RATE_LIMITS = False
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
