"""Writes for problem threads. Views, the Wagtail admin, other apps and Celery tasks call these;
none of them repeats the logic. Each function is one transaction; notifications and Celery work
are queued with transaction.on_commit so nothing is sent for a rolled-back change.
"""

import math
import posixpath
from datetime import timedelta

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geo import boundaries
from geo.services import dong_for_point
from soslab.accounts.permissions import PostingRefused, check_can_post
from soslab.core.media import private_storage
from soslab.core.outbox import enqueue
from soslab.core.targets import target_content_type
from soslab.core.text import normalise_text
from soslab.moderation.services import new_content_state
from soslab.notifications.models import Follow
from soslab.notifications.services import follow_subscribe, notify, notify_followers, notify_staff

from . import rules
from .filters import normalise_tag
from .models import (
    MAX_PHOTOS,
    MAX_TAGS,
    OPEN_STATUSES,
    OfficialAnswer,
    Problem,
    ProblemPhoto,
    ProblemStatus,
    Support,
    ThresholdAction,
    ThresholdCrossing,
    ThresholdStep,
    TimelineEntry,
    TimelineKind,
)

OUTSIDE_JEONJU = gettext_lazy("Choose a place inside Jeonju City.")
DUPLICATE_RADIUS_M = 200
DUPLICATE_LIMIT = 5
EARTH_RADIUS_M = 6_371_008.8
STILL_THERE_AFTER_DAYS = 28


class ProblemRefused(PostingRefused):
    """A write was refused for a reason about the problem itself (place, same text, state)."""


# --- Helpers ---------------------------------------------------------------------------------


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


def haversine_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _title_words(title):
    return {word for word in normalise_text(title).split() if len(word) >= 2}


def similar_problems(*, lat, lon, category=None, title="", exclude_pk=None):
    """Up to 5 open public problems within 200 m that share the category or have a similar title,
    nearest first. Everything is measured on the published points (geo.privacy), never the exact
    ones, so neither the distances nor which problems are found reveal a minor's exact point.
    A bounding box on the (public_lat, public_lon) index narrows the rows; the haversine distance
    decides. Each result has `.distance_m` set."""
    if lat is None or lon is None:
        return []
    dlat = math.degrees(DUPLICATE_RADIUS_M / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    candidates = (
        Problem.objects.public()
        .open()
        .filter(
            public_lat__range=(lat - dlat, lat + dlat),
            public_lon__range=(lon - dlon, lon + dlon),
        )
        .select_related("category", "dong")
        .order_by("-created_at")[:200]
    )
    words = _title_words(title)
    results = []
    for problem in candidates:
        if problem.pk == exclude_pk:
            continue
        distance = haversine_m(lat, lon, problem.public_lat, problem.public_lon)
        if distance > DUPLICATE_RADIUS_M:
            continue
        same_category = category is not None and problem.category_id == category.pk
        shared = words & _title_words(problem.title)
        similar_title = bool(shared) or (
            bool(title) and normalise_text(title) in problem.search_text
        )
        if same_category or similar_title:
            problem.distance_m = round(distance)
            results.append(problem)
    results.sort(key=lambda p: (p.distance_m, -p.pk))
    return results[:DUPLICATE_LIMIT]


def problem_points_refresh(*, author):
    """Re-apply the location privacy rule to an author's problems (after an age band change).
    One query when nothing changed; idempotent."""
    with transaction.atomic():
        stale = Problem.objects.filter(author=author, lat__isnull=False).exclude(
            location_approximate=author.is_minor
        )
        for problem in stale.select_for_update():
            problem.author = author
            problem.refresh_public_point()
            problem.save(update_fields=list(Problem.PUBLIC_POINT_FIELDS))


def author_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """post_save of the user model: keep published points in step with the author's age band."""
    if created or (update_fields is not None and "age_band" not in update_fields):
        return
    problem_points_refresh(author=instance)


def _timeline(problem, kind, *, actor=None, note="", from_status="", to_status=""):
    return TimelineEntry.objects.create(
        problem=problem,
        kind=kind,
        actor=actor,
        note=note,
        from_status=from_status,
        to_status=to_status,
    )


def _refresh_search_text(problem, tag_names):
    problem.search_text = problem.build_search_text(tag_names)
    Problem.objects.filter(pk=problem.pk).update(search_text=problem.search_text)


# --- Reporting -------------------------------------------------------------------------------


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
):
    """Report a problem. `photos` are soslab.core.images.ProcessedImage objects (already checked
    and re-encoded) or dicts of stored names {image, thumbnail, width, height}. The author follows
    it. Raises PostingRefused/ProblemRefused with a translated message."""
    check_can_post(author)
    tag_names = normalise_tags(tags)
    lat, lon, dong = resolve_location(lat=lat, lon=lon, dong=dong)
    if len(photos) > MAX_PHOTOS:
        raise ProblemRefused(
            _("Add at most %(count)s photos.") % {"count": MAX_PHOTOS},
            code="too_many_photos",
            status=400,
        )
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
        _timeline(problem, TimelineKind.REPORTED, actor=author, to_status=problem.status)
        follow_subscribe(user=author, target=problem)
    return problem


def _photo_add(problem, photo, position):
    row = ProblemPhoto(problem=problem, position=position)
    if isinstance(photo, dict):  # a draft kept across form steps: move it out of drafts/
        storage = private_storage()
        for field in ("image", "thumbnail"):
            draft = photo[field]
            with storage.open(draft, "rb") as source:
                getattr(row, field).save(posixpath.basename(draft), File(source), save=False)
            transaction.on_commit(lambda draft=draft: storage.delete(draft))
        row.alt_text = photo.get("alt_text", "")[:200]
        row.save()
        return row
    row.thumbnail.save(photo.thumbnail_name, photo.thumbnail, save=False)
    row.image.save(photo.name, photo.image, save=False)
    row.save()
    return row


def problem_edit(*, problem, editor, title, description, category, tags, location_text=None):
    """Change a problem's text. Authors edit their own open problems; staff edit any. The text
    the author first wrote stays in original_title/original_description; a staff edit is a
    public timeline entry."""
    if not rules.can_edit.test(editor, problem):
        raise ProblemRefused(
            _("You cannot edit this problem."), code="permission_denied", status=403
        )
    tag_names = normalise_tags(tags)
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
            _timeline(locked, TimelineKind.EDITED, actor=editor)
    return locked


# --- Supports and the threshold ladder -------------------------------------------------------


def support_add(*, problem, user):
    """공감. One per person (database unique constraint); the counter moves with F() in the same
    transaction, and the supporter follows the problem. Returns True if a new support was
    recorded, False if it already existed."""
    check_can_post(user)
    if not rules.can_support.test(user, problem):
        raise ProblemRefused(
            _("This problem is closed and no longer takes supports."),
            code="closed",
            status=409,
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                Support.objects.create(problem=problem, user=user)
        except IntegrityError:
            return False
        Problem.objects.filter(pk=problem.pk).update(support_count=F("support_count") + 1)
        # Supporters hear when staff answer (journey 1); they can unfollow at any time.
        follow_subscribe(user=user, target=problem)
        # Our UPDATE holds the row lock until commit, so this read is exact and serialised.
        count = Problem.objects.filter(pk=problem.pk).values_list("support_count", flat=True)[0]
        problem.support_count = count
        _ladder_check(problem.pk, count)
    return True


def support_remove(*, problem, user):
    """Withdraw a 공감. Returns True if one was removed. Crossed thresholds stay recorded."""
    with transaction.atomic():
        deleted, _details = Support.objects.filter(problem=problem, user=user).delete()
        if deleted:
            Problem.objects.filter(pk=problem.pk).update(support_count=F("support_count") - 1)
            problem.support_count = Problem.objects.filter(pk=problem.pk).values_list(
                "support_count", flat=True
            )[0]
    return bool(deleted)


def _ladder_check(problem_pk, count):
    """Record every ladder step `count` has reached and that this problem has not crossed yet."""
    steps = list(ThresholdStep.objects.filter(supports__lte=count).order_by("supports"))
    if not steps:
        return []
    done = set(
        ThresholdCrossing.objects.filter(problem_id=problem_pk).values_list("supports", flat=True)
    )
    crossed = []
    for step in steps:
        if step.supports in done:
            continue
        try:
            with transaction.atomic():
                crossing = ThresholdCrossing.objects.create(
                    problem_id=problem_pk, supports=step.supports, action=step.action
                )
        except IntegrityError:
            continue
        crossed.append((step, crossing))
    if not crossed:
        return []
    problem = Problem.objects.select_for_update().get(pk=problem_pk)
    now = timezone.now()
    fields = {"threshold_supports"}
    for step, crossing in crossed:
        problem.threshold_supports = max(problem.threshold_supports, step.supports)
        if (
            step.action == ThresholdAction.ANSWER_REQUIRED
            and problem.answered_at is None
            and problem.answer_due_at is None
        ):
            problem.answer_due_at = now + timedelta(days=step.answer_days or 14)
            fields.add("answer_due_at")
        if step.action == ThresholdAction.ROUND_CANDIDATE and problem.round_candidate_at is None:
            problem.round_candidate_at = now
            fields.add("round_candidate_at")
        _timeline(
            problem,
            TimelineKind.THRESHOLD,
            note=_("%(count)s neighbours supported this problem: %(action)s")
            % {"count": step.supports, "action": step.get_action_display()},
        )

        enqueue("soslab.problems.tasks.notify_staff_threshold", crossing.pk)
    problem.save(update_fields=sorted(fields))
    return [crossing for _step, crossing in crossed]


def threshold_crossing_notify(*, crossing_id):
    """Tell staff a problem reached a ladder step. Idempotent: only the first call notifies."""
    with transaction.atomic():
        updated = ThresholdCrossing.objects.filter(
            pk=crossing_id, staff_notified_at__isnull=True
        ).update(staff_notified_at=timezone.now())
        if not updated:
            return False
        crossing = ThresholdCrossing.objects.select_related("problem").get(pk=crossing_id)
        problem = crossing.problem
        if crossing.action == ThresholdAction.ANSWER_REQUIRED:
            message = _(
                "'%(title)s' reached %(count)s supports: staff must answer by %(date)s."
            ) % {
                "title": problem.title,
                "count": crossing.supports,
                "date": timezone.localtime(problem.answer_due_at).date()
                if problem.answer_due_at
                else "-",
            }
        else:
            message = _(
                "'%(title)s' reached %(count)s supports: it is a candidate for the next lab round."
            ) % {"title": problem.title, "count": crossing.supports}
        notify_staff(kind="threshold", target=problem, message=message)
    return True


# --- Staff: status, duplicates, answers -------------------------------------------------------


def problem_status_change(*, problem, status, actor, note=""):
    """Move a problem to `status` (staff only, or actor=None for system calls such as a project
    being published). Records a public timeline entry (who, when, note) and notifies followers.
    Duplicates go through problem_mark_duplicate. Returns the timeline entry, or None if the
    status was already `status`."""
    if actor is not None and not rules.can_change_status.test(actor, problem):
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
        entry = _timeline(
            locked,
            TimelineKind.STATUS,
            actor=actor,
            note=note,
            from_status=previous,
            to_status=status,
        )
        message = _("'%(title)s' is now: %(status)s") % {
            "title": locked.title,
            "status": ProblemStatus(status).label,
        }
        transaction.on_commit(
            lambda: notify_followers(target=locked, kind="status", message=message, actor=actor),
            robust=True,
        )
    problem.status = status
    return entry


def problem_mark_duplicate(*, duplicate, original, actor, note=""):
    """Mark `duplicate` as a duplicate of `original`: its supports and followers move to the
    original (people who already support/follow both count once), counters stay exact, both
    timelines say so and the duplicate's followers are told. Returns the original."""
    if actor is not None and not rules.can_change_status.test(actor, duplicate):
        raise ProblemRefused(
            _("Only staff can change the status of a problem."),
            code="permission_denied",
            status=403,
        )
    # Always merge into the root of a duplicate chain, never into a duplicate.
    seen = set()
    while original.duplicate_of_id and original.pk not in seen:
        seen.add(original.pk)
        original = original.duplicate_of
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
        previous = dup.status

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
        Problem.objects.filter(pk=orig.pk).update(support_count=F("support_count") + len(moving))
        Problem.objects.filter(pk=dup.pk).update(support_count=F("support_count") - removed)

        content_type = target_content_type(dup)
        for follow in Follow.objects.filter(
            content_type=content_type, object_id=dup.pk
        ).select_related("user"):
            follow_subscribe(user=follow.user, target=orig)

        dup.status = ProblemStatus.DUPLICATE
        dup.duplicate_of = orig
        dup.save(update_fields=["status", "duplicate_of", "updated_at"])
        # Earlier duplicates of the duplicate now point at the root.
        Problem.objects.filter(duplicate_of=dup).update(duplicate_of=orig)
        _timeline(
            dup,
            TimelineKind.DUPLICATE,
            actor=actor,
            note=note,
            from_status=previous,
            to_status=ProblemStatus.DUPLICATE,
        )
        _timeline(
            orig,
            TimelineKind.DUPLICATE,
            actor=actor,
            note=_("'%(title)s' (#%(id)s) was merged into this problem.")
            % {"title": dup.title, "id": dup.pk},
        )
        count = Problem.objects.filter(pk=orig.pk).values_list("support_count", flat=True)[0]
        _ladder_check(orig.pk, count)
        message = _("'%(title)s' was merged into '%(original)s'.") % {
            "title": dup.title,
            "original": orig.title,
        }
        transaction.on_commit(
            lambda: notify_followers(target=dup, kind="status", message=message, actor=actor),
            robust=True,
        )
    orig.refresh_from_db()
    duplicate.refresh_from_db()
    return orig


def answer_add(*, problem, author, body):
    """Publish an official answer (staff only). The first answer stops the answer countdown."""
    if not rules.can_answer.test(author, problem):
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
        _timeline(problem, TimelineKind.ANSWER, actor=author)
        message = _("Staff answered '%(title)s'.") % {"title": problem.title}
        transaction.on_commit(
            lambda: notify_followers(target=problem, kind="answer", message=message, actor=author),
            robust=True,
        )
    return answer


# --- "Is it still there?" ---------------------------------------------------------------------


def still_there_due():
    """Ids of public open problems reported at least four weeks ago whose author was not asked."""
    cutoff = timezone.now() - timedelta(days=STILL_THERE_AFTER_DAYS)
    return list(
        Problem.objects.public()
        .filter(
            status__in=OPEN_STATUSES,
            created_at__lte=cutoff,
            still_there_asked_at__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )


def problem_ask_still_there(*, problem_id):
    """Ask the author whether the problem still exists (once). Idempotent."""
    with transaction.atomic():
        updated = Problem.objects.filter(
            pk=problem_id, still_there_asked_at__isnull=True, status__in=OPEN_STATUSES
        ).update(still_there_asked_at=timezone.now())
        if not updated:
            return False
        problem = Problem.objects.select_related("author").get(pk=problem_id)
        notify(
            recipients=[problem.author],
            kind="still_there",
            target=problem,
            message=_(
                "Four weeks ago you reported '%(title)s'. Is it still there? Tell your neighbours on its page."
            )
            % {"title": problem.title},
        )
    return True


def problem_still_there_answer(*, problem, user, still_there, note=""):
    """The author says whether the problem still exists: a public timeline entry; staff are told
    when it is fixed (only staff change the status)."""
    if not rules.can_answer_still_there.test(user, problem):
        raise ProblemRefused(
            _("Only the person who reported this problem can answer."),
            code="permission_denied",
            status=403,
        )
    check_can_post(user)  # a public timeline entry: read-only people cannot add one
    with transaction.atomic():
        kind = TimelineKind.STILL_THERE if still_there else TimelineKind.FIXED
        entry = _timeline(problem, kind, actor=user, note=(note or "").strip()[:1000])
        if not still_there:
            message = _("The reporter says '%(title)s' is fixed. Please check its status.") % {
                "title": problem.title
            }
            transaction.on_commit(
                lambda: notify_staff(kind="status", target=problem, message=message), robust=True
            )
    return entry
