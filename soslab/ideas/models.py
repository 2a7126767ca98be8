"""Ideas (아이디어) proposed in a lab round, and the votes (투표) cast on them.

High-volume citizen content: plain Django models served by the RoundPage's routes and managed by
staff in a Wagtail admin viewset. Counters (vote_count, comment_count, Ballot.votes_used) are stored
and kept exact with F() updates in the same transaction as the rows they count (services.py).
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Mod
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from soslab.core import search
from soslab.core.images import ProcessedImageModel
from soslab.core.media import private_storage
from soslab.moderation.models import ModeratedContent, ModeratedQuerySet, ModerationState

TITLE_MIN, TITLE_MAX = 5, 120
SUMMARY_MAX = 300
DESCRIPTION_MAX = 5000
MAX_IMAGES = 3
MAX_TAGS = 5

# A permutation of ids keyed by a visitor's seed, computed by the database in the ORDER BY:
# key = (((id * a + b) mod P) * c) mod P with P prime and a, c in [2, P) taken from the seed.
# Multiplying by large numbers mod P scatters consecutive ids; every product stays below 2**62,
# so it is plain 64-bit integer arithmetic on both SQLite and PostgreSQL. Each visitor gets a
# different but stable order, and pagination stays consistent (no per-row Python work).
SHUFFLE_PRIME = 2_147_483_629


class IdeaStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    IN_DEVELOPMENT = "in_development", _("In development")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn by the author")


class IdeaQuerySet(ModeratedQuerySet):
    def with_list_data(self):
        """Everything a list row shows, in a constant number of queries whatever the page size."""
        return self.select_related("author", "category").prefetch_related(
            "tags",
            models.Prefetch("images", queryset=IdeaImage.objects.order_by("position", "pk")),
            models.Prefetch("problems", queryset=_problem_queryset()),
        )

    def votable(self):
        """Ideas that can take votes: public and not withdrawn."""
        return self.public().exclude(status=IdeaStatus.WITHDRAWN)

    def ranked(self):
        return self.order_by("-vote_count", "created_at", "pk")

    def update(self, **kwargs):
        results_thaw(self.values("round_id"))
        return super().update(**kwargs)

    def shuffled(self, seed):
        seed = int(seed)
        span = SHUFFLE_PRIME - 2
        a = 2 + seed % span
        b = (seed >> 16) % SHUFFLE_PRIME
        c = 2 + (seed >> 32) % span
        key = Mod(Mod(F("id") * a + b, SHUFFLE_PRIME) * c, SHUFFLE_PRIME)
        return self.alias(shuffle_key=key).order_by("shuffle_key", "pk")


def _problem_queryset():
    from soslab.problems.models import Problem

    return Problem.objects.only("id", "title", "category_id")


class TaggedIdea(TaggedItemBase):
    content_object = models.ForeignKey("Idea", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("idea tag")
        verbose_name_plural = _("idea tags")


class Idea(ModeratedContent):
    """A proposed solution to one or more of a round's problems, voted on in the round."""

    round = models.ForeignKey(
        "cms.RoundPage", verbose_name=_("round"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(
        _("title"), max_length=TITLE_MAX, validators=[MinLengthValidator(TITLE_MIN)]
    )
    summary = models.CharField(
        _("summary"),
        max_length=SUMMARY_MAX,
        help_text=_("One or two sentences shown in the list (up to 300 characters)."),
    )
    description = models.TextField(
        _("description"),
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
        help_text=_("Plain text, up to 5,000 characters. Line breaks are kept."),
    )
    problems = models.ManyToManyField(
        "problems.Problem", verbose_name=_("problems it solves"), related_name="ideas"
    )
    category = models.ForeignKey(
        "problems.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )
    tags = TaggableManager(
        _("tags"), through=TaggedIdea, blank=True, help_text=_("Up to 5, separated by commas.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )
    # "A person or a team": the person who posted is always the author (moderation and
    # permissions hang on a person); a team that adopts the idea is named here as free text until
    # soslab.teams links projects to ideas (Project.idea).
    team_name = models.CharField(
        _("proposed on behalf of (team)"),
        max_length=80,
        blank=True,
        help_text=_("Optional: the team or group you propose this idea for."),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=IdeaStatus.choices,
        default=IdeaStatus.PROPOSED,
    )
    staff_feedback = models.TextField(
        _("official feedback"),
        blank=True,
        validators=[MaxLengthValidator(5000)],
        help_text=_("Shown publicly on the idea as the lab's official feedback."),
    )
    feedback_at = models.DateTimeField(_("feedback given at"), null=True, blank=True)

    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Analysed tokens of title, summary, description, tags and team (docs/search.md): kept by
    # save() when the text changes and by the services once the tags are set.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [
            models.Index(
                fields=["round", "moderation_state", "-created_at"], name="idea_round_new"
            ),
            models.Index(
                fields=["round", "moderation_state", "-vote_count", "created_at"],
                name="idea_round_votes",
            ),
            models.Index(
                fields=["round", "moderation_state", "-comment_count"], name="idea_round_comments"
            ),
            models.Index(fields=["round", "status"], name="idea_round_status"),
            models.Index(fields=["round", "category"], name="idea_round_category"),
            models.Index(fields=["author", "-created_at"], name="idea_author_new"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.round.url_for("idea_detail", idea_id=self.pk)

    TEXT_FIELDS = frozenset({"title", "summary", "description", "team_name"})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or self.TEXT_FIELDS & set(update_fields):
            self.search_text = self.build_search_text()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)
        results_thaw([self.round_id])

    def search_parts(self, tag_names=None):
        """The texts search analyses, title first (soslab.core.search.index_text)."""
        tags = [t.name for t in self.tags.all()] if tag_names is None and self.pk else tag_names
        return (self.title, self.summary, self.description, " ".join(tags or ()), self.team_name)

    def build_search_text(self, tag_names=None):
        return search.index_text(*self.search_parts(tag_names))

    @property
    def is_withdrawn(self):
        return self.status == IdeaStatus.WITHDRAWN

    @property
    def is_votable(self):
        return self.moderation_state == ModerationState.PUBLISHED and not self.is_withdrawn


def image_upload_to(instance, filename):
    return f"ideas/{timezone.now():%Y/%m}/{filename}"


class IdeaImage(ProcessedImageModel):
    """An image illustrating the idea, re-encoded without EXIF/GPS by soslab.core.images. Stored in
    private storage; public by URL only while the idea is public (soslab.core.media)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"),
        upload_to=image_upload_to,
        storage=private_storage,
        width_field="width",
        height_field="height",
    )
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=image_upload_to, storage=private_storage
    )
    alt_text = models.CharField(_("image description"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("idea image")
        verbose_name_plural = _("idea images")

    def __str__(self):
        return self.alt_text or f"{self.idea} #{self.position + 1}"


class Ballot(models.Model):
    """One person's ballot in one round: the row vote_cast locks so the budget can never be
    exceeded, even by parallel requests. votes_used mirrors the person's Vote rows in the round."""

    round = models.ForeignKey("cms.RoundPage", on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ballots"
    )
    votes_used = models.PositiveIntegerField(_("votes used"), default=0)
    dong = models.ForeignKey(
        "geo.Dong",
        verbose_name=_("dong the voter lives in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional, asked when voting; used only for turnout by dong."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="ballot_one_per_round")
        ]
        indexes = [models.Index(fields=["round", "votes_used"], name="ballot_round_used")]

    def __str__(self):
        return f"{self.user} · {self.round} ({self.votes_used})"


class Vote(models.Model):
    """투표: one per person per idea (database-enforced)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_votes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="vote_one_per_idea")]
        indexes = [models.Index(fields=["user", "-created_at"], name="vote_user_new")]

    def __str__(self):
        return f"{self.user} → {self.idea}"


class RoundResults(models.Model):
    """A round's results frozen when voting closed (soslab.ideas.results): the ranking, turnout
    and charts as computed once, so the results page never recomputes 200,000 votes. Any later
    write to one of the round's ideas (a moderator's hide, a status change) deletes it in the same
    transaction; the next request freezes it again."""

    round = models.OneToOneField(
        "cms.RoundPage", on_delete=models.CASCADE, related_name="frozen_results"
    )
    data = models.JSONField(_("results"))
    frozen_at = models.DateTimeField(_("frozen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("frozen round results")
        verbose_name_plural = _("frozen round results")

    def __str__(self):
        return f"{self.round_id} @ {self.frozen_at:%Y-%m-%d %H:%M}"


def results_thaw(round_ids):
    """Drop the frozen results of these rounds (ids or a values() subquery)."""
    RoundResults.objects.filter(round_id__in=round_ids).delete()
