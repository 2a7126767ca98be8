"""Civic problem threads (지역 문제): what a resident reports, with its place, photos, supports (공감),
public status timeline, official answers (공식 답변) and the support threshold ladder.

High-volume citizen content, so plain Django models (not Wagtail pages), managed by staff through
Wagtail admin viewsets (wagtail_hooks.py). Counters are stored and kept exact with F() updates in
the same transaction as the rows they count (services.py); lists never annotate Count().
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from geo.privacy import published_point
from soslab.core import page_cache, search
from soslab.core.images import ProcessedImageModel
from soslab.core.media import private_storage
from soslab.core.text import localized
from soslab.moderation.models import ModeratedContent, ModeratedQuerySet

#: The page_cache group of problem lists; any ORM write to a problem, photo or category bumps it.
LIST_CACHE = "problems"
TITLE_MIN, TITLE_MAX = 5, 120
DESCRIPTION_MIN, DESCRIPTION_MAX = 10, 5000
MAX_TAGS = 5
MAX_PHOTOS = 3


class ListCacheMixin:
    """Saving or deleting the row makes every cached problem list stale (page_cache)."""

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        page_cache.bump(LIST_CACHE)

    def delete(self, *args, **kwargs):
        page_cache.bump(LIST_CACHE)
        return super().delete(*args, **kwargs)


class Category(ListCacheMixin, models.Model):
    """A kind of problem (교통, 안전, 대기환경, ...). Staff edit these as a Wagtail snippet; the colour
    and icon mark problems in lists and on the map."""

    name = models.CharField(_("name"), max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True, allow_unicode=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1d4ed8",
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hex digits.")
            )
        ],
        help_text=_("Hex colour such as #1d4ed8; choose one with enough contrast on white."),
    )
    icon = models.CharField(
        _("icon"), max_length=30, blank=True, help_text=_("Short icon name, e.g. car, shield.")
    )
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self):
        return localized(self, "name")


class ProblemStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    REVIEWING = "reviewing", _("Under review")
    OPEN_FOR_IDEAS = "open_for_ideas", _("Open for ideas")
    IN_PROJECT = "in_project", _("In a project")
    SOLVED = "solved", _("Solved")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")
    DUPLICATE = "duplicate", _("Duplicate")


#: Statuses in which a problem is still open (duplicates suggestions, "is it still there?").
OPEN_STATUSES = (
    ProblemStatus.RECEIVED,
    ProblemStatus.REVIEWING,
    ProblemStatus.OPEN_FOR_IDEAS,
    ProblemStatus.IN_PROJECT,
)
CLOSED_STATUSES = (ProblemStatus.SOLVED, ProblemStatus.NOT_FEASIBLE, ProblemStatus.DUPLICATE)


class ProblemQuerySet(ModeratedQuerySet):
    def with_list_data(self):
        """Everything a list row shows (category, dong, author, first photo, tags) in a constant
        number of queries, whatever the page size."""
        return self.select_related("category", "dong", "author").prefetch_related(
            "tags",
            models.Prefetch("photos", queryset=ProblemPhoto.objects.order_by("position", "pk")),
        )

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    # Writes that skip save() (counters with F(), bulk loads) still make cached lists stale.
    def update(self, **kwargs):
        page_cache.bump(LIST_CACHE)
        return super().update(**kwargs)

    def bulk_create(self, *args, **kwargs):
        page_cache.bump(LIST_CACHE)
        return super().bulk_create(*args, **kwargs)

    def delete(self):
        page_cache.bump(LIST_CACHE)
        return super().delete()


class Problem(ListCacheMixin, ModeratedContent):
    """A local problem a resident reported: what, where, photos; followed, supported and answered."""

    title = models.CharField(
        _("title"),
        max_length=TITLE_MAX,
        validators=[MinLengthValidator(TITLE_MIN)],
    )
    description = models.TextField(
        _("description"),
        validators=[MinLengthValidator(DESCRIPTION_MIN), MaxLengthValidator(DESCRIPTION_MAX)],
        help_text=_("Plain text. Line breaks are kept and web addresses become links."),
    )
    # What the author first wrote; staff edits change title/description but never these.
    original_title = models.CharField(_("original title"), max_length=TITLE_MAX, blank=True)
    original_description = models.TextField(_("original description"), blank=True)
    edited_by_staff_at = models.DateTimeField(_("edited by staff at"), null=True, blank=True)

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="problems"
    )
    tags = TaggableManager(_("tags"), blank=True, help_text=_("Up to 5, separated by commas."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="problems",
    )

    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    # The point anyone may learn (geo.privacy.published_point), kept in step with lat/lon and
    # the age band by save() and the author signal. Never show lat/lon publicly; use these.
    public_lat = models.FloatField(_("published latitude"), null=True, blank=True, editable=False)
    public_lon = models.FloatField(_("published longitude"), null=True, blank=True, editable=False)
    location_approximate = models.BooleanField(
        _("published point rounded to about 100 m"), default=False, editable=False
    )
    dong = models.ForeignKey(
        "geo.Dong",
        verbose_name=_("administrative dong"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problems",
    )
    location_text = models.CharField(
        _("place description"),
        max_length=200,
        blank=True,
        help_text=_("A landmark or address, e.g. '전북대 정문 앞 횡단보도'."),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=ProblemStatus.choices, default=ProblemStatus.RECEIVED
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )

    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    follower_count = models.PositiveIntegerField(_("followers"), default=0)

    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    search_text = models.TextField(editable=False, blank=True, default="")  # docs/search.md

    threshold_supports = models.PositiveIntegerField(  # the ThresholdStep ladder's highest step
        _("highest threshold crossed"), default=0, editable=False
    )
    answer_due_at = models.DateTimeField(_("answer due"), null=True, blank=True, db_index=True)
    answered_at = models.DateTimeField(_("first official answer"), null=True, blank=True)
    round_candidate_at = models.DateTimeField(
        _("lab round candidate since"), null=True, blank=True, db_index=True
    )
    still_there_asked_at = models.DateTimeField(
        _("asked whether it still exists"), null=True, blank=True
    )

    objects = ProblemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        indexes = [
            models.Index(fields=["lat", "lon"], name="problem_lat_lon"),
            models.Index(fields=["public_lat", "public_lon"], name="problem_public_lat_lon"),
            models.Index(fields=["moderation_state", "-created_at"], name="problem_public_new"),
            models.Index(
                fields=["moderation_state", "-support_count", "-created_at"],
                name="problem_public_support",
            ),
            models.Index(  # most supported in a category, walked in order (66 -> 3 ms at 100k)
                fields=["moderation_state", "category", "-support_count", "-created_at"],
                name="problem_public_cat_support",
            ),
            models.Index(
                fields=["moderation_state", "-comment_count", "-created_at"],
                name="problem_public_comment",
            ),
            models.Index(fields=["category", "-created_at"], name="problem_cat_new"),
            models.Index(fields=["status", "-created_at"], name="problem_status_new"),
            models.Index(
                fields=["moderation_state", "status", "-created_at"],
                name="problem_public_status_new",
            ),
            models.Index(fields=["dong", "-created_at"], name="problem_dong_new"),
            models.Index(fields=["author", "-created_at"], name="problem_author_new"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("problems:detail", args=[self.pk])

    #: Fields derived from the exact point and the author's age band.
    PUBLIC_POINT_FIELDS = ("public_lat", "public_lon", "location_approximate")

    def refresh_public_point(self):
        """Recompute the stored published point (geo.privacy, the one rule)."""
        self.public_lat, self.public_lon, self.location_approximate = published_point(
            self.lat, self.lon, minor=self.author.is_minor
        )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.refresh_public_point()
        elif {"lat", "lon", "author"} & set(update_fields):
            self.refresh_public_point()
            kwargs["update_fields"] = {*update_fields, *self.PUBLIC_POINT_FIELDS}
        super().save(*args, **kwargs)

    @property
    def public_point(self):
        """(lat, lon, approximate) anyone may learn: the published point while the problem is
        public (rounded to about 100 m when the author is under 18), nothing otherwise."""
        if not self.is_public or self.public_lat is None:
            return None, None, False
        return self.public_lat, self.public_lon, self.location_approximate

    @property
    def has_point(self):
        return self.lat is not None and self.lon is not None

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def answer_days_left(self):
        """Days until the answer is due (negative when overdue); None when nothing is due."""
        if self.answer_due_at is None or self.answered_at is not None:
            return None
        today = timezone.localdate()
        return (timezone.localtime(self.answer_due_at).date() - today).days

    @property
    def answer_overdue(self):
        days = self.answer_days_left
        return days is not None and days < 0

    def search_parts(self, tag_names=None):
        """The texts search analyses, title first (soslab.core.search.index_text)."""
        tags = [t.name for t in self.tags.all()] if tag_names is None and self.pk else tag_names
        dong = str(self.dong) if self.dong_id else ""  # place and dong last
        return (self.title, self.description, " ".join(tags or ()), self.location_text, dong)

    def build_search_text(self, tag_names=None):
        return search.index_text(*self.search_parts(tag_names))


def photo_upload_to(instance, filename):
    return f"problems/{timezone.now():%Y/%m}/{filename}"


class ProblemPhoto(ListCacheMixin, ProcessedImageModel):
    """A photo of the problem, re-encoded without EXIF/GPS by soslab.core.images. Stored in
    private storage; public by URL only while the problem is public (soslab.core.media)."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("photo"),
        upload_to=photo_upload_to,
        storage=private_storage,
        width_field="width",
        height_field="height",
    )
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=photo_upload_to, storage=private_storage
    )
    alt_text = models.CharField(_("photo description"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("problem photo")
        verbose_name_plural = _("problem photos")

    def __str__(self):
        return self.alt_text or self.image.name


class Support(models.Model):
    """공감: one per person per problem (database-enforced); Problem.support_count mirrors it."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="problem_supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["problem", "user"], name="support_one_per_user")
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="support_user_new")]

    def __str__(self):
        return f"{self.user_id} -> {self.problem_id}"


class TimelineKind(models.TextChoices):
    REPORTED = "reported", _("Reported")
    STATUS = "status", _("Status changed")
    ANSWER = "answer", _("Official answer")
    THRESHOLD = "threshold", _("Support threshold reached")
    DUPLICATE = "duplicate", _("Merged as duplicate")
    STILL_THERE = "still_there", _("Author says it is still there")
    FIXED = "fixed", _("Author says it is fixed")
    EDITED = "edited", _("Edited by staff")


class TimelineEntry(models.Model):
    """One public event in a problem's life: who, when, what changed and a public note."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(_("kind"), max_length=20, choices=TimelineKind.choices)
    from_status = models.CharField(
        _("from status"), max_length=20, choices=ProblemStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=20, choices=ProblemStatus.choices, blank=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("public note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        indexes = [models.Index(fields=["problem", "created_at"], name="timeline_problem_time")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
