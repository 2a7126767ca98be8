"""Writes for problem threads. Views, the Wagtail admin, other apps and Celery tasks call these;
none of them repeats the logic. Each function is one transaction; notifications and Celery work
are queued with transaction.on_commit so nothing is sent for a rolled-back change.
"""

import posixpath

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geo import boundaries
from geo.services import dong_for_point
from soslab.accounts.permissions import PostingRefused, check_can_post
from soslab.core import ratelimit
from soslab.core.media import private_storage
from soslab.core.targets import counter_add, target_content_type
from soslab.core.text import normalise_text
from soslab.moderation.screening import screen
from soslab.moderation.services import new_content_state
from soslab.notifications.models import Follow
from soslab.notifications.services import follow_subscribe, message_later, notify_followers

from .filters import normalise_tag
from .ladder import ladder_check
from .models import (
    MAX_PHOTOS,
    MAX_TAGS,
    OfficialAnswer,
    Problem,
    ProblemPhoto,
    ProblemStatus,
    Support,
    TimelineKind,
)
from .timeline import timeline_add

OUTSIDE_JEONJU = gettext_lazy("Choose a place inside Jeonju City.")


class ProblemRefused(PostingRefused):
    """A write was refused for a reason about the problem itself (place, same text, state)."""


def normalise_tags(names):
    """Trimmed, case-folded, de-duplicated (order kept), Hangul kept; at most MAX_TAGS."""
    seen = []
    for name in names:
        tag = normalise_tag(name)
        if tag and tag not in seen:
            seen.append(tag)
    if len(seen) > MAX_TAGS:
        raise ProblemRefused(
            _("Use at most %(count)s tags.") % {"count": MAX_TAGS}, code="too_many_tags", status=400
        )
    return seen


def resolve_location(*, lat, lon, dong):
    """(lat, lon, dong) for a map point (its dong looked up) or a dong chosen from the list.
    A point outside Jeonju is refused."""
    if lat is not None and lon is not None:
        if not boundaries.in_city(lon, lat):
            raise ProblemRefused(OUTSIDE_JEONJU, code="outside_jeonju", status=400)
        point_dong = dong_for_point(lon, lat)
        return lat, lon, point_dong or dong
    if dong is None:
        raise ProblemRefused(
            _("Choose a place on the map or pick your dong from the list."),
            code="location_required",
            status=400,
        )
    return None, None, dong


def _refresh_search_text(problem, tag_names):
    problem.search_text = problem.build_search_text(tag_names)
    Problem.objects.filter(pk=problem.pk).update(search_text=problem.search_text)


# --- Reporting -------------------------------------------------------------------------------


def _refuse_repeated(author, description):
    """The same description as one of the author's last 50 reports is refused."""
    fingerprint = normalise_text(description)
    recent = Problem.objects.filter(author=author).order_by("-created_at")[:50]
    if any(
        normalise_text(text) == fingerprint for text in recent.values_list("description", flat=True)
    ):
        raise ProblemRefused(
            _("You have already posted this text. Add to your earlier report instead."),
            code="duplicate_text",
            status=409,
        )


def _screen(author, *, title, description, location_text, editing=None):
    """Links of new accounts refused; personal data to flag (soslab.moderation.screening)."""
    return screen(
        author=author,
        texts={"title": title, "description": description, "location_text": location_text},
        links={"description": description},
        editing=editing,
    )


def problem_create(
    *,
    author,
    title,
    description,
    category,
    tags=(),
    lat=None,
    lon=None,
    dong=None,
    location_text="",
    photos=(),
    client_ip=None,
):
    """Report a problem. `photos` are soslab.core.images.ProcessedImage objects (already checked
    and re-encoded) or dicts of stored names {image, thumbnail, width, height}. The author follows
    it; text published despite the personal-data warning is flagged for review. Web callers pass
    `client_ip`: the "problem_create" rate limit is counted here (raises RateLimited). Raises
    PostingRefused/ProblemRefused/ScreeningRefused with a translated message."""
    check_can_post(author)
    if client_ip is not None:
        ratelimit.hit_for("problem_create", user=author, ip=client_ip)
    tag_names = normalise_tags(tags)
    lat, lon, dong = resolve_location(lat=lat, lon=lon, dong=dong)
    if len(photos) > MAX_PHOTOS:
        raise ProblemRefused(
            _("Add at most %(count)s photos.") % {"count": MAX_PHOTOS},
            code="too_many_photos",
            status=400,
        )
    screening = _screen(author, title=title, description=description, location_text=location_text)
    _refuse_repeated(author, description)
    with transaction.atomic():
        problem = Problem.objects.create(
            author=author,
            title=title.strip(),
            description=description.strip(),
            original_title=title.strip(),
            original_description=description.strip(),
            category=category,
            lat=lat,
            lon=lon,
            dong=dong,
            location_text=location_text.strip(),
            moderation_state=new_content_state(author=author),
        )
        if tag_names:
            problem.tags.set(tag_names)
        _refresh_search_text(problem, tag_names)
        for position, photo in enumerate(photos):
            _photo_add(problem, photo, position)
        timeline_add(problem, TimelineKind.REPORTED, actor=author, to_status=problem.status)
        follow_subscribe(user=author, target=problem)
        screening.record(problem)
    return problem


def _photo_add(problem, photo, position):
    row = ProblemPhoto(problem=problem, position=position)
    if not isinstance(photo, dict):  # a ProcessedImage of the shared pipeline
        return row.store(photo)
    # A draft kept across form steps: move it out of drafts/.
    storage = private_storage()
    for field in ("image", "thumbnail"):
        draft = photo[field]
        with storage.open(draft, "rb") as source:
            getattr(row, field).save(posixpath.basename(draft), File(source), save=False)
        transaction.on_commit(lambda draft=draft: storage.delete(draft))
    row.alt_text = photo.get("alt_text", "")[:200]
    row.save()
    return row


def problem_edit(*, problem, editor, title, description, category, tags, location_text=None):
    """Change a problem's text. Authors edit their own open problems; staff edit any. The text
    the author first wrote stays in original_title/original_description; a staff edit is a
    public timeline entry; text saved despite the personal-data warning is flagged for review."""
    if not editor.has_perm("problems.edit_problem", problem):
        raise ProblemRefused(
            _("You cannot edit this problem."), code="permission_denied", status=403
        )
    tag_names = normalise_tags(tags)
    screening = _screen(
        editor,
        title=title,
        description=description,
        location_text=location_text or "",
        editing=problem,
    )
    with transaction.atomic():
        locked = Problem.objects.select_for_update().get(pk=problem.pk)
        locked.title = title.strip()
        locked.description = description.strip()
        locked.category = category
        if location_text is not None:
            locked.location_text = location_text.strip()
        fields = ["title", "description", "category", "location_text", "updated_at"]
        by_staff = editor.pk != locked.author_id
        if by_staff:
            locked.edited_by_staff_at = timezone.now()
            fields.append("edited_by_staff_at")
        locked.save(update_fields=fields)
        locked.tags.set(tag_names)
        _refresh_search_text(locked, tag_names)
        if by_staff:
            timeline_add(locked, TimelineKind.EDITED, actor=editor)
        screening.record(locked)
    return locked


# --- Staff: status, duplicates, answers -------------------------------------------------------


def problem_status_change(*, problem, status, actor, note=""):
    """Move a problem to `status` (staff only, or actor=None for system calls such as a project
    being published). Records a public timeline entry (who, when, note) and notifies followers.
    Duplicates go through problem_mark_duplicate. Returns the timeline entry, or None if the
    status was already `status`."""
    if actor is not None and not actor.has_perm("problems.change_problem_status", problem):
        raise ProblemRefused(
            _("Only staff can change the status of a problem."),
            code="permission_denied",
            status=403,
        )
    if status not in ProblemStatus.values:
        raise ProblemRefused(_("Unknown status."), code="invalid_status", status=400)
    if status == ProblemStatus.DUPLICATE:
        raise ProblemRefused(
            _("Mark a duplicate by choosing the original problem."),
            code="duplicate_needs_original",
            status=400,
        )
    with transaction.atomic():
        locked = Problem.objects.select_for_update().get(pk=problem.pk)
        if locked.status == status:
            return None
        previous = locked.status
        locked.status = status
        fields = ["status", "updated_at"]
        if locked.duplicate_of_id:
            locked.duplicate_of = None
            fields.append("duplicate_of")
        locked.save(update_fields=fields)
        entry = timeline_add(
            locked,
            TimelineKind.STATUS,
            actor=actor,
            note=note,
            from_status=previous,
            to_status=status,
        )
        message = message_later(
            gettext_lazy("'%(title)s' is now: %(status)s"),
            title=locked.title,
            status=ProblemStatus(status).label,
        )
        transaction.on_commit(
            lambda: notify_followers(target=locked, kind="status", message=message, actor=actor),
            robust=True,
        )
    problem.status = status
    return entry


def _merge_root(original):
    """The root of a duplicate chain: a duplicate is always merged into it, never into a duplicate."""
    seen = set()
    while original.duplicate_of_id and original.pk not in seen:
        seen.add(original.pk)
        original = original.duplicate_of
    return original


def _supports_move(dup, orig):
    """Move the duplicate's supports to the original (people supporting both count once);
    both counters move with counter_add."""
    already = set(Support.objects.filter(problem=orig).values_list("user_id", flat=True))
    moving = list(
        Support.objects.filter(problem=dup)
        .exclude(user_id__in=already)
        .values_list("user_id", "created_at")
    )
    Support.objects.bulk_create(
        [Support(problem=orig, user_id=uid, created_at=at) for uid, at in moving],
        ignore_conflicts=True,
    )
    removed, _details = Support.objects.filter(problem=dup).delete()
    counter_add(orig, "support_count", len(moving))
    counter_add(dup, "support_count", -removed)


def _followers_move(dup, orig):
    content_type = target_content_type(dup)
    for follow in Follow.objects.filter(content_type=content_type, object_id=dup.pk).select_related(
        "user"
    ):
        follow_subscribe(user=follow.user, target=orig)


def _duplicate_record(dup, orig, *, actor, note):
    """Mark the row, point earlier duplicates of it at the root, write both timelines and tell
    the duplicate's followers on commit."""
    previous = dup.status
    dup.status = ProblemStatus.DUPLICATE
    dup.duplicate_of = orig
    dup.save(update_fields=["status", "duplicate_of", "updated_at"])
    Problem.objects.filter(duplicate_of=dup).update(duplicate_of=orig)
    timeline_add(
        dup,
        TimelineKind.DUPLICATE,
        actor=actor,
        note=note,
        from_status=previous,
        to_status=ProblemStatus.DUPLICATE,
    )
    timeline_add(
        orig,
        TimelineKind.DUPLICATE,
        actor=actor,
        note=_("'%(title)s' (#%(id)s) was merged into this problem.")
        % {"title": dup.title, "id": dup.pk},
    )
    message = message_later(
        gettext_lazy("'%(title)s' was merged into '%(original)s'."),
        title=dup.title,
        original=orig.title,
    )
    transaction.on_commit(
        lambda: notify_followers(target=dup, kind="status", message=message, actor=actor),
        robust=True,
    )


def problem_mark_duplicate(*, duplicate, original, actor, note=""):
    """Mark `duplicate` as a duplicate of `original`: its supports and followers move to the
    original (people who already support/follow both count once), counters stay exact, both
    timelines say so and the duplicate's followers are told. Returns the original."""
    if actor is not None and not actor.has_perm("problems.change_problem_status", duplicate):
        raise ProblemRefused(
            _("Only staff can change the status of a problem."),
            code="permission_denied",
            status=403,
        )
    original = _merge_root(original)
    if original.pk == duplicate.pk:
        raise ProblemRefused(
            _("A problem cannot be a duplicate of itself."), code="same_problem", status=400
        )
    with transaction.atomic():
        # Lock both rows in primary-key order so two merges cannot deadlock.
        locked = {
            p.pk: p
            for p in Problem.objects.select_for_update()
            .filter(pk__in=[duplicate.pk, original.pk])
            .order_by("pk")
        }
        dup, orig = locked[duplicate.pk], locked[original.pk]
        _supports_move(dup, orig)
        _followers_move(dup, orig)
        _duplicate_record(dup, orig, actor=actor, note=note)
        ladder_check(orig.pk, orig.support_count)
    orig.refresh_from_db()
    duplicate.refresh_from_db()
    return orig


def answer_add(*, problem, author, body):
    """Publish an official answer (staff only). The first answer stops the answer countdown."""
    if not author.has_perm("problems.answer_problem", problem):
        raise ProblemRefused(
            _("Only staff can give an official answer."), code="permission_denied", status=403
        )
    body = (body or "").strip()
    if not body:
        raise ProblemRefused(_("Write the answer first."), code="empty", status=400)
    with transaction.atomic():
        answer = OfficialAnswer.objects.create(problem=problem, author=author, body=body)
        Problem.objects.filter(pk=problem.pk, answered_at__isnull=True).update(
            answered_at=answer.created_at
        )
        timeline_add(problem, TimelineKind.ANSWER, actor=author)
        message = message_later(gettext_lazy("Staff answered '%(title)s'."), title=problem.title)
        transaction.on_commit(
            lambda: notify_followers(target=problem, kind="answer", message=message, actor=author),
            robust=True,
        )
    return answer
