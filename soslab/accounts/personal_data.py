"""The personal data the platform holds, declared per model and field, each tied to the item of
the privacy policy (cms.editorial.legal_texts.PRIVACY, "처리하는 개인정보 항목") that tells people about it.

tests/accounts/test_personal_data.py walks every model of the project: a field that can hold
personal data (a link to a person, an email or IP address, a file, a coordinate, free text) on a
model linked to a person must be declared here, as personal (PERSONAL) or not (NOT_PERSONAL), and
each personal item must be named in the policy text. A new such field fails the test until it is
declared and, if personal, covered by the policy.

The same module holds the registry through which each app exports and erases what it holds about
a person. accounts is the lowest domain layer and imports no other app: every app that stores
personal data registers, in its own `personal_data.py` module (imported at start-up by
AccountsConfig.ready through Django's `autodiscover_modules`), an exporter and an eraser. The data
export (export_data.person_data) and account deletion (services.account_delete) run them in the
order of INSTALLED_APPS."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models

#: Apps whose models are checked (Wagtail's and allauth's own tables are theirs to document).
PROJECT_APPS = {
    "accounts",
    "problems",
    "comments",
    "notifications",
    "moderation",
    "ideas",
    "teams",
    "cms",
    "core",
    "geo",
}

# Policy items (Korean, as written in the policy's section 2 and 3).
ACCOUNT = "이메일 주소"
PASSWORD = "비밀번호"  # noqa: S105 - the name of a policy item, not a password
NAME = "표시 이름"
AGE = "연령대"
CONSENT = "동의 버전과 일시"
NOTIFY = "알림 이메일 빈도"
NOTIFY_LANGUAGE = "알림 언어"
GUARDIAN = "법정대리인의 이름, 관계, 이메일 주소"
POSTS = "제목·내용"
LOCATION = "위치(위도·경도)"
PHOTOS = "사진"
COMMENTS = "댓글"
IDEAS = "아이디어"
SUPPORTS = "공감과 투표 기록"
FOLLOWS = "팔로우"
TEAMS = "메이커 팀 소속과 역할"
COMPANY = "소속 회사명"
REPORTS = "신고와 이의 제기 내용"
DECISIONS = "검토 결정"
API_CONTACT = "담당자 연락처"
GUARDIAN_RECORD = "IP 주소와 브라우저 정보"
EXPORT = "내 정보를 담은 압축 파일"

PERSONAL = {
    "open311.open311key": {"contact": API_CONTACT},
    "accounts.dataexport": {"user": EXPORT, "file": EXPORT},
    "teams.guardianconsentrequest": {
        "user": GUARDIAN,
        "guardian_email": GUARDIAN,
        "guardian_name": GUARDIAN,
        "relationship": GUARDIAN,
        "ip_address": GUARDIAN_RECORD,
        "user_agent": GUARDIAN_RECORD,
    },
    "accounts.user": {
        "email": ACCOUNT,
        "username": ACCOUNT,
        "password": PASSWORD,
        "display_name": NAME,
        "age_band": AGE,
        "privacy_accepted_at": CONSENT,
        "email_frequency": NOTIFY,
        "preferred_language": NOTIFY_LANGUAGE,
        "block_reason": DECISIONS,
    },
    "accounts.policyacceptance": {"user": CONSENT},
    "problems.problem": {
        "author": POSTS,
        "title": POSTS,
        "description": POSTS,
        "original_title": POSTS,
        "original_description": POSTS,
        "search_text": POSTS,
        "location_text": LOCATION,
        "lat": LOCATION,
        "lon": LOCATION,
        "public_lat": LOCATION,
        "public_lon": LOCATION,
        "moderation_reason": DECISIONS,
        "moderated_by": DECISIONS,
    },
    "problems.problemphoto": {"image": PHOTOS, "thumbnail": PHOTOS, "alt_text": PHOTOS},
    "problems.support": {"user": SUPPORTS},
    "problems.timelineentry": {"actor": DECISIONS, "note": DECISIONS},
    "problems.officialanswer": {"author": DECISIONS},
    "comments.comment": {
        "author": COMMENTS,
        "body": COMMENTS,
        "moderation_reason": DECISIONS,
        "moderated_by": DECISIONS,
        "deleted_by": DECISIONS,
    },
    "notifications.follow": {"user": FOLLOWS},
    "notifications.notification": {"recipient": FOLLOWS, "actor": FOLLOWS, "message": FOLLOWS},
    "moderation.moderationcase": {"author": REPORTS, "title": REPORTS},
    "moderation.report": {"reporter": REPORTS, "text": REPORTS},
    "moderation.appeal": {"author": REPORTS, "text": REPORTS},
    "moderation.decision": {"moderator": DECISIONS, "reason": DECISIONS},
    "ideas.idea": {
        "author": IDEAS,
        "title": IDEAS,
        "summary": IDEAS,
        "description": IDEAS,
        "team_name": IDEAS,
        "search_text": IDEAS,
        "moderation_reason": DECISIONS,
        "moderated_by": DECISIONS,
        "staff_feedback": DECISIONS,
    },
    "ideas.ideaimage": {"image": PHOTOS, "thumbnail": PHOTOS, "alt_text": PHOTOS},
    "ideas.ballot": {"user": SUPPORTS},
    "ideas.vote": {"user": SUPPORTS},
    "teams.team": {"created_by": TEAMS},
    "teams.membership": {"user": TEAMS, "role": TEAMS, "company_name": COMPANY},
    "teams.guardianconsent": {
        "ip_address": GUARDIAN_RECORD,
        "user_agent": GUARDIAN_RECORD,
        "relationship": GUARDIAN,
        "user": GUARDIAN,
        "guardian_name": GUARDIAN,
        "guardian_contact": GUARDIAN,
        "note": GUARDIAN,
        "recorded_by": GUARDIAN,
    },
    "teams.invitation": {"created_by": TEAMS, "used_by": TEAMS, "company_name": COMPANY},
    "teams.joinrequest": {"user": TEAMS, "message": TEAMS, "decided_by": TEAMS},
    "teams.liveballot": {"user": SUPPORTS},
    "teams.juryscore": {"juror": DECISIONS, "entered_by": DECISIONS},
    "cms.projectupdate": {"text": TEAMS, "photo": PHOTOS, "photo_alt": PHOTOS},
}

#: Fields that look personal by type but are not (staff actions, editorial text). {model: {field}}
NOT_PERSONAL = {
    # The SHA-256 of a download link's secret.
    "accounts.dataexport": {"token_hash"},
    # An Open311 key: the organisation's name, the hashed key, its service account (not a person).
    "open311.open311key": {"allowed_service_codes", "key_hash", "name", "prefix", "user"},
    # AbstractUser's name fields: no form or service ever fills them (display_name is the name).
    "accounts.user": {"first_name", "last_name"},
    # Staff's official answer text (the answering staff member is declared).
    "problems.officialanswer": {"body"},
    # The kind of notification and the link to its target, not about the person.
    "notifications.notification": {"kind", "url", "message_id"},
    # A team's own public name and description (editorial, reviewed).
    "teams.team": {"name", "description"},
    # The hash of an invitation secret.
    "teams.invitation": {"token_hash"},
}


# --- The export and erasure registry ------------------------------------------------------------


@dataclass(frozen=True)
class Handler:
    """What one app does with a person's data.

    `export(user, archive)` returns a dict of top-level sections of data.json (a section that is
    a dict, like "consents", is merged with what other apps put there); photos go through
    `archive.photos_add` (`archive` is the Export being filled). `erase(user, keep=...)` runs
    inside account_delete's transaction before the account row is anonymised; `keep` is True
    when the person chose to keep their public contributions under "Former member" (never for
    minors)."""

    app_label: str
    export: object = None
    erase: object = None


_handlers = {}


def register(app_label, *, export=None, erase=None):
    """Register (or replace) `app_label`'s exporter and eraser. Called from `<app>/personal_data.py`."""
    _handlers[app_label] = Handler(app_label, export=export, erase=erase)


def handlers():
    """The registered handlers, in the order of INSTALLED_APPS."""
    order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    return sorted(_handlers.values(), key=lambda h: order.get(h.app_label, len(order)))


class Export:
    """What the exporters fill: data.json's sections and the photos to add to the ZIP."""

    def __init__(self):
        self.data = {}
        self.photos = []

    def photos_add(self, rows, folder):
        """Add each row's `image` file under `folder`; return the names given in the ZIP."""
        files = [
            (f"{folder}/{row.pk}-{row.image.name.rsplit('/', 1)[-1]}", row.image) for row in rows
        ]
        self.photos += files
        return [name for name, _file in files]

    def merge(self, sections):
        for key, value in sections.items():
            if isinstance(value, dict) and isinstance(self.data.get(key), dict):
                self.data[key].update(value)
            else:
                self.data[key] = value


def iso(value):
    """A date or time as ISO 8601 text (None stays None), as every exporter writes them."""
    return value.isoformat() if value else None


def _user_model():
    return apps.get_model(settings.AUTH_USER_MODEL)


def _is_candidate(field, user_model):
    if field.is_relation:
        return field.related_model is user_model
    if isinstance(field, models.EmailField | models.GenericIPAddressField | models.FileField):
        return True
    if isinstance(field, models.FloatField | models.DecimalField):
        return True
    if isinstance(field, models.TextField):
        return True
    return (
        isinstance(field, models.CharField)
        and not isinstance(field, models.SlugField)
        and not field.choices
    )


def candidate_fields():
    """{model label: {field name}} of fields that can hold personal data, on project models that
    are linked to a person (a foreign key to the user) or are the user model."""
    from wagtail.models import Page

    user_model = _user_model()
    page_fields = {field.name for field in Page._meta.concrete_fields}
    found = {}
    for model in apps.get_models():
        # Project code only (tests define throwaway models in these apps too).
        if model._meta.app_label not in PROJECT_APPS or model.__module__.startswith("tests."):
            continue
        fields = [
            field
            for field in model._meta.concrete_fields
            if not (issubclass(model, Page) and field.name in page_fields)
        ]
        linked = model is user_model or any(
            field.is_relation and field.related_model is user_model for field in fields
        )
        if not linked:
            continue
        names = {field.name for field in fields if _is_candidate(field, user_model)}
        if names:
            found[model._meta.label_lower] = names
    return found
