"""POST /open311/v2/requests.{json,xml}: a request posted with an api_key (docs/open311.md).

The post goes through the web form's own checks (soslab.problems.forms.ProblemForm: Jeonju
boundary, spam honeypot and link limits, personal data, lengths, control characters) and the same
service (soslab.problems.services.problem_create: posting rights, dong, duplicate text,
pre-moderation, follow, notifications), written by the key's service account. A photo comes as a
multipart `media` file or, from hosts in OPEN311_MEDIA_URL_HOSTS only, a `media_url` fetched with a
short timeout and a size cap; both go through soslab.core.images.process_upload (EXIF stripped).
"""

import secrets
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from soslab.accounts.permissions import PostingRefused
from soslab.core import images, ratelimit
from soslab.problems.forms import ProblemForm
from soslab.problems.models import TITLE_MAX, TITLE_MIN, Category
from soslab.problems.services import problem_create

from .formats import Open311Error, render
from .keys import key_for_token
from .models import Open311Submission
from .params import filter_values

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MEDIA_TIMEOUT_S = 5


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A media_url must not redirect: a redirect could lead off the allowed hosts."""

    def redirect_request(self, *args, **kwargs):
        return None


_media_opener = urllib.request.build_opener(_NoRedirects)


def _key(request):
    key = key_for_token(request.POST.get("api_key", "").strip())
    if key is None:
        raise Open311Error(403, _("A valid api_key is required to post requests."))
    if key.revoked_at is not None:
        raise Open311Error(403, _("This api_key has been revoked."))
    return key


def _rate_limit(key):
    try:
        ratelimit.hit_ident("open311_post", f"key{key.pk}", f"{key.rate_limit}/h")
    except ratelimit.RateLimited as exc:
        raise Open311Error(
            429,
            _("Too many requests with this api_key. Try again in %(seconds)s seconds.")
            % {"seconds": exc.retry_after},
            headers={"Retry-After": str(exc.retry_after)},
        ) from exc


def _category(key, params):
    codes = filter_values(params, "service_code")
    if len(codes) != 1:
        raise Open311Error(400, _("service_code is required (one service code)."))
    category = Category.objects.filter(slug=codes[0]).first()
    if category is None:
        raise Open311Error(400, _("Unknown service_code: see services.json."))
    if key.service_codes and category.slug not in key.service_codes:
        raise Open311Error(403, _("This api_key may not post this service_code."))
    return category


def _title(params, description):
    """Open311 has no title: `attribute[title]` if given, else the description's first line."""
    title = (params.get("attribute[title]") or "").strip()
    if not title:
        first_line = description.strip().splitlines()[0] if description.strip() else ""
        title = first_line[:TITLE_MAX].strip()
    if len(title) < TITLE_MIN:
        title = description.strip()[:TITLE_MAX]
    return title


def _fetch_media_url(url):
    parts = urlsplit(url)
    allowed = getattr(settings, "OPEN311_MEDIA_URL_HOSTS", ())
    if parts.scheme != "https" or parts.hostname not in allowed:
        raise Open311Error(
            400,
            _("media_url is accepted only from these hosts: %(hosts)s. Upload the photo as media.")
            % {"hosts": ", ".join(allowed) or "-"},
        )
    try:
        with _media_opener.open(url, timeout=MEDIA_TIMEOUT_S) as response:
            data = response.read(images.MAX_BYTES + 1)
    except OSError as exc:
        raise Open311Error(400, _("media_url could not be fetched.")) from exc
    return SimpleUploadedFile("media", data)


def _photos(request):
    uploads = []
    if request.FILES.get("media"):
        uploads.append(request.FILES["media"])
    media_url = request.POST.get("media_url", "").strip()
    if media_url:
        uploads.append(_fetch_media_url(media_url))
    try:
        return [images.process_upload(upload) for upload in uploads[:1]]
    except images.ImageRejected as exc:
        raise Open311Error(400, exc.message) from exc


def _form_errors(form):
    messages = []
    for name, errors in form.errors.items():
        field = {"lat": "lat", "lon": "long", "location_text": "address_string"}.get(name, name)
        for error in errors:
            messages.append(error if name == "__all__" else f"{field}: {error}")
    return messages


def request_create(request, fmt):
    content_type = request.content_type or ""
    if content_type not in FORM_TYPES:
        raise Open311Error(
            415, _("Post the request as application/x-www-form-urlencoded or multipart/form-data.")
        )
    params = request.POST  # jurisdiction_id was checked by the endpoint decorator
    key = _key(request)
    _rate_limit(key)
    category = _category(key, params)
    description = params.get("description", "")
    form = ProblemForm(
        data={
            "title": _title(params, description),
            "description": description,
            "category": category.pk,
            "lat": params.get("lat", ""),
            "lon": params.get("long", ""),
            "location_text": params.get("address_string", ""),
            "tags": params.get("attribute[tags]", ""),
        },
        author=key.user,
    )
    if not form.is_valid():
        raise Open311Error(400, " ".join(str(message) for message in _form_errors(form)))
    data = form.cleaned_data
    photos = _photos(request)
    try:
        problem = problem_create(
            author=key.user,
            title=data["title"],
            description=data["description"],
            category=data["category"],
            tags=data["tags"],
            lat=data["lat"],
            lon=data["lon"],
            dong=data["dong"],
            location_text=data["location_text"],
            photos=photos,
        )
    except PostingRefused as exc:
        raise Open311Error(exc.status, exc.message) from exc
    submission = Open311Submission.objects.create(
        key=key, problem=problem, token=secrets.token_hex(16)
    )
    item = {"token": submission.token}
    if problem.is_public:
        item["service_request_id"] = str(problem.pk)
        item["service_notice"] = _("Published.")
    else:
        item["service_notice"] = _(
            "Waiting for a moderator; resolve the token to get the request id."
        )
    return render(fmt, "service_requests", "request", [item], status=201)
