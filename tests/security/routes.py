"""THE classification of every URL pattern (tests/security/test_urlconf.py enforces it).

Classify a new URL with one line in ROUTES: its key (the URL name as "namespace:name", or
"app.Model:route" for a routable page's route) and a Route saying what kind of URL it is. A
pattern that no entry and no GROUPS rule classifies fails `test_every_url_pattern_is_classified`.

Kinds:
  PUBLIC      a page anyone may read (GET); `params` are the query parameters it reads
  API         machine-readable public data (GET; JSON, GeoJSON, XML, CSV)
  SIGNED_IN   a page for a signed-in person about their own things (anonymous -> login)
  WRITE       a change by a person who may post: anonymous, missing CSRF token and a blocked
              person are refused; with `owned`, another person's object is refused too
  STAFF       staff and moderators only (Wagtail admin, moderation tools)
  ACCOUNT     sign-in, sign-up, password and e-mail flows (allauth, Wagtail's page passwords):
              public forms by design, still CSRF-protected
  SECRET_LINK a URL that carries a secret (invitation links); unknown secrets answer 404
  PUBLIC_FORM a CSRF-protected form anyone may post (language switch)

`args(world)` builds the path arguments from real objects (tests/security/conftest.py World);
`data(world)` the POST body of a valid request; `owned(world)` returns (kwargs, obj) for an
object belonging to someone else than the acting person.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

PUBLIC, API, SIGNED_IN, WRITE, STAFF, ACCOUNT, SECRET_LINK, PUBLIC_FORM = (
    "public",
    "api",
    "signed_in",
    "write",
    "staff",
    "account",
    "secret_link",
    "public_form",
)

LIST_PARAMS = ("q", "category", "status", "dong", "tag", "sort", "near", "page")
MAP_PARAMS = (*LIST_PARAMS, "bbox", "zoom")
OPEN311_PARAMS = (
    "service_request_id",
    "service_code",
    "start_date",
    "end_date",
    "status",
    "page",
    "page_size",
    "dong",
    "tag",
    "q",
)


@dataclass(frozen=True)
class Route:
    kind: str
    params: tuple = ()
    args: Callable | None = None
    data: Callable | None = None
    owned: Callable | None = None
    # A known gap another change closes: {check name: reason}; the check is a strict xfail.
    gaps: dict = field(default_factory=dict)


def _problem(w):
    return {"pk": w.problem.pk}


def _team(w):
    return {"slug": w.team.slug}


def _idea(w):
    return {"idea_id": w.idea.pk}


ROUTES = {
    # --- core, i18n ------------------------------------------------------------------------------
    "healthz": Route(API),
    # Prometheus metrics: loopback/allowed networks or the bearer token, 404 otherwise
    # (tests/core/test_observability.py); the test client's address is loopback.
    "metrics": Route(API),
    # Non-public uploads through the permission check (tests/problems/test_private_media.py).
    "protected_media": Route(
        PUBLIC,
        args=lambda w: {"kind": "problem-photo", "pk": w.problem.pk, "field": "image"},
    ),
    "set_language": Route(PUBLIC_FORM),
    # --- discovery: sitemap, robots, manifest, icons, share images (tests/discovery) --------------
    "discovery:sitemap_index": Route(API),
    "discovery:sitemap": Route(API, params=("p",), args=lambda w: {"section": "problems"}),
    "discovery:robots": Route(API),
    "discovery:manifest": Route(API),
    "discovery:favicon": Route(API),
    # 404 for anything not public (tests/discovery/test_share_images.py).
    "discovery:share_image": Route(API, args=lambda w: {"kind": "problem", "pk": w.problem.pk}),
    "javascript-catalog": Route(API),
    # --- Wagtail documents and page passwords (Wagtail's own rules) -----------------------------
    "wagtaildocs_serve": Route(PUBLIC, args=lambda w: w.document_args()),
    "wagtaildocs_authenticate_with_password": Route(ACCOUNT),
    "wagtailcore_authenticate_with_password": Route(ACCOUNT),
    "wagtailcore_login": Route(ACCOUNT),
    "wagtail_serve": Route(PUBLIC, params=("page", "status")),
    # --- accounts -------------------------------------------------------------------------------
    "accounts:profile": Route(
        SIGNED_IN,
        data=lambda w: {"display_name": "새 이름", "email_frequency": "off"},
    ),
    "account_signup": Route(ACCOUNT),
    "accounts:delete": Route(SIGNED_IN),
    "accounts:export": Route(SIGNED_IN),
    "accounts:export_download": Route(SECRET_LINK),
    # Accepting the privacy policy is open to blocked people too (consenting is not posting), so it
    # declares no data, like notifications:read_all (tests/accounts/test_policy_consent.py).
    "accounts:consent": Route(SIGNED_IN),
    # --- people: public profiles, my activity ---------------------------------------------------
    "people:profile": Route(PUBLIC, params=("show", "page"), args=lambda w: {"pk": w.owner.pk}),
    "people:me": Route(SIGNED_IN),
    # --- problems -------------------------------------------------------------------------------
    "problems:list": Route(PUBLIC, params=LIST_PARAMS),
    "problems:create": Route(WRITE, data=lambda w: w.problem_data()),
    "problems:similar": Route(API, params=("lat", "lon", "category", "title")),
    "problems:feed": Route(API),
    "problems:detail": Route(PUBLIC, args=_problem),
    "problems:support": Route(WRITE, args=_problem, data=lambda w: {}),
    "problems:edit": Route(
        WRITE,
        args=_problem,
        data=lambda w: w.problem_data(),
        owned=lambda w: ({"pk": w.problem.pk}, w.problem),
    ),
    "problems:status": Route(STAFF, args=_problem),
    "problems:answer": Route(STAFF, args=_problem),
    "problems:duplicate": Route(STAFF, args=_problem),
    "problems:still_there": Route(
        WRITE,
        args=_problem,
        data=lambda w: {"still_there": "yes", "note": ""},
        owned=lambda w: ({"pk": w.problem.pk}, w.problem),
    ),
    # --- comments -------------------------------------------------------------------------------
    "comments:post": Route(
        WRITE,
        data=lambda w: {
            "target": "problems.problem",
            "object_id": w.problem.pk,
            "body": "저도 매일 지나가는 길입니다.",
        },
    ),
    "comments:edit": Route(
        WRITE,
        args=lambda w: {"pk": w.comment.pk},
        data=lambda w: {"body": "고쳐 쓴 댓글입니다."},
        owned=lambda w: ({"pk": w.comment.pk}, w.comment),
    ),
    "comments:delete": Route(
        WRITE,
        args=lambda w: {"pk": w.comment.pk},
        data=lambda w: {},
        owned=lambda w: ({"pk": w.comment.pk}, w.comment),
    ),
    # --- notifications and follows --------------------------------------------------------------
    "notifications:list": Route(SIGNED_IN, params=("unread", "page")),
    "notifications:read": Route(
        SIGNED_IN,
        args=lambda w: {"pk": w.notification.pk},
        owned=lambda w: ({"pk": w.notification.pk}, w.notification),
    ),
    "notifications:read_all": Route(SIGNED_IN),
    "notifications:follow": Route(
        WRITE,
        data=lambda w: {
            "target": "problems.problem",
            "object_id": w.problem.pk,
            "action": "follow",
        },
    ),
    # --- moderation -----------------------------------------------------------------------------
    "moderation:report": Route(
        WRITE,
        args=lambda w: {"kind": "problem", "pk": w.problem.pk},
        data=lambda w: {"reason": "spam", "details": "광고입니다."},
    ),
    "moderation:decision": Route(
        SIGNED_IN,
        args=lambda w: {"pk": w.decision.pk},
        owned=lambda w: ({"pk": w.decision.pk}, w.decision),
    ),
    # --- teams ----------------------------------------------------------------------------------
    "teams:list": Route(PUBLIC, params=("page",)),
    "teams:detail": Route(PUBLIC, args=_team),
    "teams:invitation": Route(SECRET_LINK),
    "teams:guardian_answer": Route(SECRET_LINK),
    "teams:guardian_withdraw": Route(SECRET_LINK),
    "teams:guardian_ask": Route(SIGNED_IN),
    "teams:join": Route(WRITE, args=_team, data=lambda w: {"message": "함께 하고 싶어요."}),
    "teams:join_answer": Route(
        WRITE,
        args=lambda w: {"slug": w.team.slug, "pk": w.join_request.pk},
        data=lambda w: {"decision": "approve"},
        owned=lambda w: ({"slug": w.team.slug, "pk": w.join_request.pk}, w.join_request),
    ),
    "teams:invitation_new": Route(
        WRITE,
        args=_team,
        data=lambda w: {"role": "member"},
        owned=lambda w: ({"slug": w.team.slug}, w.team),
    ),
    "teams:invitation_withdraw": Route(
        WRITE,
        args=lambda w: {"slug": w.team.slug, "pk": w.invitation.pk},
        data=lambda w: {},
        owned=lambda w: ({"slug": w.team.slug, "pk": w.invitation.pk}, w.invitation),
    ),
    "projects:start": Route(
        WRITE,
        args=_team,
        data=lambda w: {"title": "새 프로젝트", "summary": "요약"},
        owned=lambda w: ({"slug": w.team.slug}, w.team),
    ),
    # --- geo (Jeonju geography) -----------------------------------------------------------------
    "geo:air": Route(PUBLIC, params=("station", "pollutant", "days")),
    "geo:api_stations": Route(API, params=("pollutant",)),
    "geo:api_traffic": Route(API, params=("bbox",)),
    # --- maps (problem maps) --------------------------------------------------------------------
    "maps:map": Route(PUBLIC, params=MAP_PARAMS),
    "maps:dongs": Route(PUBLIC, params=(*LIST_PARAMS, "metric")),
    "statistics:index": Route(PUBLIC, params=("period", "category")),
    # --- site-wide search (cms.search; tests/search_page) --------------------------------------
    "search:search": Route(PUBLIC, params=("q", "kind", "category", "dong", "status", "page")),
    "search:opensearch": Route(API),
    "statistics:csv": Route(
        API, params=("period", "category"), args=lambda w: {"table": "category"}
    ),
    "maps:hotspots": Route(PUBLIC, params=("page",)),
    "maps:hotspot": Route(PUBLIC, params=("page",), args=lambda w: {"pk": w.hotspot.pk}),
    "maps:hotspot_merge": Route(STAFF, args=lambda w: {"pk": w.hotspot.pk}),
    "maps:api_problems": Route(API, params=MAP_PARAMS),
    "maps:api_dongs": Route(API, params=LIST_PARAMS),
    "maps:api_hotspots": Route(API, params=("bbox",)),
    # --- opendata ------------------------------------------------------------------------------
    "opendata:index": Route(PUBLIC),
    "opendata:csv": Route(API, params=LIST_PARAMS),
    "opendata:geojson": Route(API, params=LIST_PARAMS),
    # --- open311 -------------------------------------------------------------------------------
    "open311:discovery": Route(API, args=lambda w: {"fmt": "json"}),
    "open311:token": Route(API, args=lambda w: {"token": "0" * 32, "fmt": "json"}),
    "open311:updates": Route(
        API,
        params=("start_date", "end_date", "service_request_id", "page", "page_size"),
        args=lambda w: {"fmt": "json"},
    ),
    "open311:not_found": Route(API, args=lambda w: {"rest": "unknown.json"}),
    "open311:services": Route(API, args=lambda w: {"fmt": "json"}),
    # Also takes POST with an api_key (CSRF exempt, no cookies): tests/open311/test_write.py.
    "open311:requests": Route(API, params=OPEN311_PARAMS, args=lambda w: {"fmt": "xml"}),
    "open311:request": Route(API, args=lambda w: {"pk": w.problem.pk, "fmt": "json"}),
    # --- round pages (Wagtail routable page) ----------------------------------------------------
    "cms.RoundPage:round_home": Route(PUBLIC),
    "cms.RoundPage:index_route": Route(PUBLIC),
    "cms.RoundPage:ideas": Route(PUBLIC, params=("category", "problem", "sort", "page")),
    "cms.RoundPage:idea_new": Route(WRITE, data=lambda w: w.idea_data()),
    "cms.RoundPage:idea_detail": Route(PUBLIC, args=_idea),
    "cms.RoundPage:idea_vote": Route(WRITE, args=_idea, data=lambda w: {}),
    "cms.RoundPage:idea_vote_withdraw": Route(WRITE, args=_idea, data=lambda w: {}),
    "cms.RoundPage:idea_withdraw": Route(
        WRITE,
        args=_idea,
        data=lambda w: {},
        owned=lambda w: ({"idea_id": w.idea.pk}, w.idea),
    ),
    "cms.RoundPage:results": Route(PUBLIC, params=("page",)),
    "cms.RoundPage:results_csv": Route(API),
    # --- results-sharing events (Wagtail routable page) -----------------------------------------
    "cms.ResultsEventPage:index_route": Route(PUBLIC),
    "cms.ResultsEventPage:projector": Route(PUBLIC),
    "cms.ResultsEventPage:live_vote": Route(WRITE, data=lambda w: {"option": w.live_option.pk}),
    "cms.ResultsEventPage:live_vote_results": Route(API),
    "cms.ResultsEventPage:live_vote_qr": Route(API),
    "cms.ResultsEventPage:live_vote_manage": Route(STAFF),
}

# The Wagtail admin's public corners (before the admin group below): its sign-in and password
# pages, and static assets.
ROUTES.update(
    {
        "wagtailadmin_login": Route(ACCOUNT),
        "wagtailadmin_logout": Route(ACCOUNT),
        "wagtailadmin_password_reset": Route(ACCOUNT),
        "wagtailadmin_password_reset_done": Route(ACCOUNT),
        "wagtailadmin_password_reset_confirm": Route(ACCOUNT),
        "wagtailadmin_password_reset_complete": Route(ACCOUNT),
        "wagtailadmin_sprite": Route(API),
        "wagtailadmin_javascript_catalog": Route(API),
    }
)

# Whole third-party areas classified at once: (how the pattern is recognised, kind).
GROUPS = [
    (lambda p: p.route.startswith("admin/"), STAFF),  # the Wagtail admin: staff and moderators
    (lambda p: p.view.startswith("allauth."), ACCOUNT),  # allauth's sign-in and account flows
]


def classify(pattern):
    """The Route of a walked pattern, or None when nobody classified it."""
    if pattern.key in ROUTES:
        return ROUTES[pattern.key]
    for matches, kind in GROUPS:
        if matches(pattern):
            return Route(kind)
    return None
