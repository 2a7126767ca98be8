"""One rate-limit mechanism for every write (sign-up, posting, comments, supports, votes, reports).

Limits are configured in settings.SOSLAB_RATE_LIMITS as ``scope -> ["N/period/key", ...]`` where
period is s, m, h or d and key is ``user`` or ``ip``. Counters are fixed windows in the default
cache (Redis in production, so every worker shares them). A refusal raises RateLimited, which
RateLimitedMiddleware turns into a friendly 429 page or a JSON 429 with Retry-After.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimited(Exception):
    def __init__(self, scope, retry_after):
        super().__init__(scope)
        self.scope = scope
        self.retry_after = int(retry_after)


def parse_rate(rate):
    """'5/h/user' -> (5, 3600, 'user')."""
    count, period, key = rate.split("/")
    return int(count), PERIODS[period], key


def client_ip(request):
    proxies = getattr(settings, "SOSLAB_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _count(scope, ident, limit, period, now):
    window = int(now // period)
    cache_key = f"rl:{scope}:{period}:{ident}:{window}"
    cache.add(cache_key, 0, timeout=period + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period + 5)
        count = 1
    if count > limit:
        raise RateLimited(scope, retry_after=(window + 1) * period - now)


def hit(request, scope):
    """Count one attempt at `scope` for this request's user and IP; raise RateLimited if over."""
    hit_for(scope, user=request.user, ip=client_ip(request))


def hit_for(scope, *, user, ip):
    """Count one attempt at `scope` for `user` (when signed in) and the client address `ip`;
    raise RateLimited if over. Services call this with the caller's client_ip (views pass
    `client_ip(request)`), so the limit is kept wherever the write comes from."""
    rules = settings.SOSLAB_RATE_LIMITS.get(scope, [])
    now = time.time()
    for rate in rules:
        limit, period, key = parse_rate(rate)
        if key == "user":
            if not getattr(user, "is_authenticated", False):
                continue
            ident = f"u{user.pk}"
        else:
            ident = f"ip{ip}"
        _count(scope, ident, limit, period, now)


def hit_ident(scope, ident, rate):
    """Count one attempt at `scope` for a caller named `ident` (an API key) against `rate`
    ('N/period', set per caller rather than in settings); raise RateLimited if over."""
    count, period = rate.split("/")
    _count(scope, ident, int(count), PERIODS[period], time.time())


def ratelimit(scope, methods=("POST",)):
    """View decorator: count requests of `methods` against `scope`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                hit(request, scope)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
