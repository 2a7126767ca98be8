"""The security suite generated from the URLconf: every URL pattern is classified in
tests/security/routes.py, and each kind's promises are checked on every pattern of that kind.

- every write: anonymous refused, a missing CSRF token refused, a blocked person refused, another
  person's object refused (routes with `owned`);
- staff URLs (the whole Wagtail admin included): anonymous and citizens refused;
- every public GET: hostile values in each query parameter and path argument never give a 5xx.
"""

import pytest
from django.apps import apps
from django.forms.models import model_to_dict
from django.test import Client

from .routes import (
    ACCOUNT,
    API,
    GROUPS,
    PUBLIC,
    PUBLIC_FORM,
    ROUTES,
    SECRET_LINK,
    SIGNED_IN,
    STAFF,
    WRITE,
    classify,
)
from .urlconf import all_patterns

PATTERNS = all_patterns()
BY_KEY = {p.key: p for p in PATTERNS}


def _of_kind(*kinds):
    return [p for p in PATTERNS if (route := classify(p)) and route.kind in kinds]


def _ids(patterns):
    return [p.key for p in patterns]


def _client(user=None, **kwargs):
    client = Client(raise_request_exception=False, **kwargs)
    if user is not None:
        client.force_login(user)
    return client


def _row_counts():
    """Rows per project model: a refused write adds or deletes none."""
    counts = {}
    for config in apps.get_app_configs():
        if not config.name.startswith(("soslab.", "cms", "geo")):
            continue
        for model in config.get_models():
            if not model._meta.proxy and model._meta.managed:
                counts[model._meta.label] = model._default_manager.count()
    return counts


def _gap(request, route, check):
    """A known gap runs as a strict xfail: once closed, the test fails until the entry goes."""
    reason = route.gaps.get(check)
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))


def _refused(response):
    location = response.get("Location", "")
    return response.status_code in (401, 403, 404, 405) or (
        response.status_code == 302 and "/accounts/login/" in location
    )


def _describe(response):
    return f"{response.status_code} {response.get('Location', '')} {response.content[:200]!r}"


# --- the classification itself -------------------------------------------------------------------


def test_every_url_pattern_is_classified():
    missing = [f"{p.key} ({p.route} -> {p.view})" for p in PATTERNS if classify(p) is None]
    assert not missing, "Classify these in tests/security/routes.py ROUTES:\n" + "\n".join(missing)


def test_every_classification_names_a_real_pattern():
    stale = sorted(set(ROUTES) - set(BY_KEY))
    assert not stale, f"ROUTES entries without a URL pattern: {stale}"


def test_the_suite_covers_the_whole_urlconf():
    assert len(PATTERNS) > 300  # the Wagtail admin, allauth and the project: all walked
    assert {kind for _match, kind in GROUPS} <= {STAFF, ACCOUNT}


# --- writes --------------------------------------------------------------------------------------

WRITES = _of_kind(WRITE)
WITH_SIGNED_IN = _of_kind(WRITE, SIGNED_IN)
# The writes among them: SIGNED_IN pages without a `data` body only read the person's own things.
WRITES_SIGNED_IN = [p for p in WITH_SIGNED_IN if classify(p).data is not None]
POSTABLE = _of_kind(WRITE, SIGNED_IN, STAFF, ACCOUNT, PUBLIC_FORM)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", WITH_SIGNED_IN, ids=_ids(WITH_SIGNED_IN))
def test_anonymous_write_is_refused(world, pattern):
    route = classify(pattern)
    url = world.url(pattern)
    data = route.data(world) if route.data else {}
    client = _client()
    before = _row_counts()
    response = client.post(url, data)
    assert _refused(response), _describe(response)
    assert _row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pattern",
    [p for p in POSTABLE if not p.route.startswith("admin/") and not p.converters]
    + [p for p in POSTABLE if ROUTES.get(p.key) and ROUTES[p.key].args],
    ids=lambda p: p.key,
)
def test_post_without_csrf_token_is_refused(world, pattern):
    route = classify(pattern)
    url = world.url(pattern)
    data = route.data(world) if route.data else {}
    user = world.staff if route.kind == STAFF else world.actor
    client = _client(user, enforce_csrf_checks=True)
    before = _row_counts()
    response = client.post(url, data)
    assert response.status_code == 403, _describe(response)
    assert _row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", WRITES_SIGNED_IN, ids=_ids(WRITES_SIGNED_IN))
def test_blocked_person_cannot_write(request, world, pattern):
    route = classify(pattern)
    _gap(request, route, "blocked")
    url = world.url(pattern)
    data = route.data(world)
    blocked = world.blocked
    client = _client(blocked)
    before = _row_counts()
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    # On another person's object the ownership rule may answer first: 404, as for a missing one.
    expected = {403, 404} if route.owned else {403}
    assert response.status_code in expected, _describe(response)
    assert _row_counts() == before
    blocked.refresh_from_db()
    assert blocked.display_name != "새 이름"


OWNED = [p for p in WITH_SIGNED_IN if classify(p).owned]


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", OWNED, ids=_ids(OWNED))
def test_another_persons_object_is_refused(world, pattern):
    route = classify(pattern)
    kwargs, obj = route.owned(world)
    url = world.url(pattern, kwargs)
    data = route.data(world) if route.data else {}
    client = _client(world.actor)
    before_row = model_to_dict(obj)
    before = _row_counts()
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert _row_counts() == before
    assert model_to_dict(type(obj)._default_manager.get(pk=obj.pk)) == before_row
    # Refused outright, or sent back to the object's page with the refusal as a message.
    assert response.status_code in (403, 404) or (
        response.status_code == 302 and "/accounts/login/" not in response["Location"]
    ), _describe(response)


# --- staff ---------------------------------------------------------------------------------------

STAFF_PATTERNS = _of_kind(STAFF)
DUMMY = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def _staff_url(world, pattern):
    route = ROUTES.get(pattern.key)
    if route is not None:
        return world.url(pattern)
    # Wagtail admin: fill converters with placeholders; the admin refuses before any lookup.
    from django.urls import NoReverseMatch, reverse

    kwargs = {}
    for name, converter in _converters(pattern).items():
        kwargs[name] = DUMMY.get(converter, "1")
    try:
        return reverse(pattern.key, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _converters(pattern):
    out = {}
    for part in pattern.route.split("<")[1:]:
        inside = part.split(">", 1)[0]
        converter, _sep, name = inside.rpartition(":")
        out[name] = converter or "str"
    return out


@pytest.mark.django_db
def test_staff_urls_refuse_anonymous_and_citizens(world):
    anonymous, citizen = _client(), _client(world.actor)
    failures, checked = [], 0
    for pattern in STAFF_PATTERNS:
        url = _staff_url(world, pattern)
        if url is None:
            continue
        checked += 1
        for who, client in (("anonymous", anonymous), ("citizen", citizen)):
            response = client.get(url)
            refused = _refused(response) or (
                response.status_code == 302 and response["Location"].startswith("/admin/login")
            )
            if who == "citizen" and response.status_code == 302:
                refused = refused or "/admin/login" in response["Location"]
            if not refused:
                failures.append(f"{who} {url}: {_describe(response)}")
    assert checked > 250
    assert not failures, "\n".join(failures)


# --- public reads with hostile values ------------------------------------------------------------

HOSTILE = [
    "\x00",
    "a\x00b",
    "\x0b",
    "inf",
    "-inf",
    "nan",
    "1e400",
    str(10**20),
    "-1",
    "%ff%fe",
    "x" * 100_000,
]
READS = _of_kind(PUBLIC, API, SIGNED_IN)


INDIVIDUAL = ["inf", "1e400", str(10**20), "-1", "x" * 1000]


def _hostile_urls(world, pattern, route):
    """Every hostile value in all parameters at once (forms validate each field on its own),
    then, for APIs and small parameter lists, the numeric ones in each parameter alone."""
    base = world.url(pattern)
    if not route.params:
        return
    for value in HOSTILE:
        yield "*", value, base, dict.fromkeys(route.params, value)
    if route.kind == API or len(route.params) <= 4:
        for name in route.params:
            for value in INDIVIDUAL:
                yield name, value, base, {name: value}
    # Raw, undecodable percent-escapes in the query string.
    yield route.params[0], "%ff", f"{base}?{route.params[0]}=%ff%c3%28", None


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", READS, ids=_ids(READS))
def test_hostile_query_values_never_give_a_server_error(world, pattern):
    route = classify(pattern)
    client = _client(world.actor if route.kind == SIGNED_IN else None)
    failures = []
    for name, value, url, query in _hostile_urls(world, pattern, route):
        response = client.get(url, query) if query is not None else client.get(url)
        if response.status_code >= 500:
            failures.append(f"{name}={value[:20]!r}: {response.status_code}")
    response = client.get(world.url(pattern))
    assert response.status_code < 500
    assert not failures, "\n".join(failures)


PATH_ARGS = [p for p in READS + WRITES if p.converters and not p.route.startswith("admin/")]
HOSTILE_PATH = ["0", str(2**31), str(10**20), "%00", "a%00b", "%0b", "%ff", "x" * 5000]


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", PATH_ARGS, ids=_ids(PATH_ARGS))
def test_hostile_path_arguments_never_give_a_server_error(world, pattern):
    route = classify(pattern)
    good = route.args(world) if route and route.args else {}
    url = world.url(pattern, good)
    client = _client(world.actor)
    failures = []
    for real in good.values() if isinstance(good, dict) else good:
        for value in HOSTILE_PATH:
            hostile = url.replace(f"/{real}/", f"/{value}/", 1).replace(
                f"/{real}.", f"/{value}.", 1
            )
            if hostile == url:
                continue
            for method in (client.get, client.post):
                response = method(hostile)
                if response.status_code >= 500:
                    failures.append(f"{method.__name__} {hostile[:80]}: {response.status_code}")
    assert not failures, "\n".join(failures)


# --- secret links and account flows --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", _of_kind(SECRET_LINK), ids=_ids(_of_kind(SECRET_LINK)))
def test_unknown_secret_link_is_a_404(client, pattern):
    from django.urls import reverse

    for token in ("x", "eyJpIjoxfQ:1vAAAA:bad", "%00", "x" * 5000):
        response = _client().get(
            reverse(pattern.key, kwargs={"token": "t"}).replace("/t/", f"/{token}/")
        )
        assert response.status_code in (400, 404), (token, response.status_code)


ACCOUNT_PAGES = [p for p in _of_kind(ACCOUNT, PUBLIC_FORM) if not p.converters]


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", ACCOUNT_PAGES, ids=_ids(ACCOUNT_PAGES))
def test_account_pages_answer_without_server_error(pattern):
    from django.urls import reverse

    response = _client().get(reverse(pattern.key))
    assert response.status_code < 500
