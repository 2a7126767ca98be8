"""The steps of benchmarks.dataset.build: each takes the shared `state` dict (the random
generator, and what earlier steps made) and writes one kind of row in bulk."""

import datetime as dt

from benchmarks.data import (
    BIG_PROBLEM_TITLE,
    CITIZEN_EMAIL,
    CITIZEN_PASSWORD,
    DESCRIPTIONS,
    RESULTS_ROUND_SLUG,
    SCALE,
    SIZE,
    TAGS,
    TITLES,
    VOTERS,
    ensure_reference_data,
)

MINOR_SHARE = 0.05  # reporters who are minors: their points are published on the ~100 m grid
LOAD_ACCOUNTS = 60  # bench-user0..59 sign in during `make loadtest`


def users(state):
    """SIZE["users"] synthetic people (5% minors) and the signed-in bench citizen. The first
    LOAD_ACCOUNTS can sign in (the load test's visitors): CITIZEN_PASSWORD, verified address."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from soslab.accounts.models import AgeBand, PolicyAcceptance, PolicyVersion, User

    rng, now = state["rng"], timezone.now()
    password = make_password(CITIZEN_PASSWORD)
    made = User.objects.bulk_create(
        (
            User(
                email=f"bench-user{n}@example.kr",
                username=f"bench-user{n}",
                display_name=f"시민{n}",
                age_band=AgeBand.TEEN if rng.random() < MINOR_SHARE else AgeBand.ADULT,
                privacy_accepted_at=now,
                password=password if n < LOAD_ACCOUNTS else "",
            )
            for n in range(SIZE["users"])
        ),
        batch_size=2_000,
    )
    citizen = User.objects.create(
        email=CITIZEN_EMAIL,
        username=CITIZEN_EMAIL,
        display_name="벤치 시민",
        privacy_accepted_at=now,
        password=password,
    )
    signing_in = [citizen, *made[:LOAD_ACCOUNTS]]
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in signing_in
    )
    version = PolicyVersion.objects.in_force().first()
    if version is not None:  # they may post: the privacy policy in force is accepted
        PolicyAcceptance.objects.bulk_create(
            PolicyAcceptance(user=user, version=version) for user in signing_in
        )
    state["users"] = made
    state["user_ids"] = [user.pk for user in made]


def _problem(rng, number, point, context):
    from soslab.core.search import index_text
    from soslab.problems.models import Problem

    lat, lon, code = point
    phrase = rng.choice(TITLES)
    title = f"{phrase} #{number}"
    description = rng.choice(DESCRIPTIONS)
    unplaced = rng.random() < 0.1
    problem = Problem(
        title=title,
        description=description,
        original_title=title,
        original_description=description,
        category=rng.choice(context["categories"]),
        author=rng.choice(context["authors"]),
        lat=None if unplaced else round(lat, 6),
        lon=None if unplaced else round(lon, 6),
        dong_id=context["dong_ids"][code],
        status=rng.choice(context["statuses"]),
        support_count=min(int(rng.expovariate(1 / SIZE["supports_mean"])), SIZE["users"]),
        comment_count=int(rng.expovariate(1 / 3)),
        created_at=context["now"] - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 730)),
        # Analysed as the services do (soslab.core.search); the texts repeat, so the analysis of
        # each part is cached and 100,000 rows cost a few dozen Kiwi calls. "#n" is the number
        # token index_text would give, added without calling Kiwi for each row.
        search_text=f"{index_text(phrase, description, context['dong_names'][code])} {number}",
    )
    problem.refresh_public_point()  # bulk_create skips save(): the location privacy rule
    return problem


def _points(rng, size):
    """`size` (lat, lon, dong code) points uniform over Jeonju (vectorised dong lookup)."""
    from geo import boundaries

    minx, miny, maxx, maxy = boundaries.city().total_bounds
    points = []
    while len(points) < size:
        lons = [rng.uniform(minx, maxx) for _ in range(size * 2)]
        lats = [rng.uniform(miny, maxy) for _ in range(size * 2)]
        codes = boundaries.dong_codes_at(lons, lats)
        points += [(la, lo, c) for la, lo, c in zip(lats, lons, codes, strict=True) if c]
    return points[:size]


def problems(state):
    """SIZE["problems"] public problems (10% without a point, 30% tagged); the first one is the
    big problem that gets SIZE["comments"] comments."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from benchmarks.dataset import progress
    from geo.models import Dong
    from soslab.problems.models import Problem, ProblemStatus

    rng, total, batch = state["rng"], SIZE["problems"], 5_000
    context = {
        "categories": ensure_reference_data(),
        "dong_ids": dict(Dong.objects.values_list("code", "pk")),
        "dong_names": {dong.code: str(dong) for dong in Dong.objects.all()},
        "authors": state["users"][: max(200, len(state["users"]) // 10)],
        "statuses": list(ProblemStatus.values),
        "now": timezone.now(),
    }
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    content_type = ContentType.objects.get_for_model(Problem)
    ids = []
    with progress(total, "problems") as bar:
        for start in range(0, total, batch):
            points = _points(rng, min(batch, total - start))
            rows = [_problem(rng, start + i, p, context) for i, p in enumerate(points)]
            if start == 0:  # the same kind of problem at every scale (comparable pages)
                rows[0].title = rows[0].original_title = BIG_PROBLEM_TITLE
                rows[0].comment_count = SIZE["comments"]
                rows[0].category = context["categories"][0]
                rows[0].status = context["statuses"][0]
            with transaction.atomic():
                created = Problem.objects.bulk_create(rows, batch_size=1_000)
                TaggedItem.objects.bulk_create(
                    [
                        TaggedItem(tag=rng.choice(tags), content_type=content_type, object_id=p.pk)
                        for p in created
                        if rng.random() < 0.3
                    ],
                    batch_size=1_000,
                )
            ids += [(p.pk, p.support_count) for p in created]
            bar.update(len(rows))
    state["problems"] = ids
    state["big_problem"] = ids[0][0]


def supports(state):
    """Each problem's support_count supports from distinct people (~9.5 a problem on average)."""
    from django.utils import timezone

    from benchmarks.dataset import bulk_insert, db_datetime
    from soslab.problems.models import Support

    rng, user_ids = state["rng"], state["user_ids"]
    moment = db_datetime(timezone.now())
    total = sum(count for _pk, count in state["problems"])

    def rows():
        for pk, count in state["problems"]:
            for user_id in rng.sample(user_ids, count):
                yield (pk, user_id, moment)

    bulk_insert(
        Support, ["problem_id", "user_id", "created_at"], rows(), total=total, label="supports"
    )


def comments(state):
    """SIZE["comments"] published comments on the big problem, one in ten a reply."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from soslab.comments.models import Comment
    from soslab.moderation.models import ModerationState
    from soslab.problems.models import Problem

    rng, now = state["rng"], timezone.now()
    content_type = ContentType.objects.get_for_model(Problem)
    authors = state["users"][:500]
    tops = Comment.objects.bulk_create(
        Comment(
            content_type=content_type,
            object_id=state["big_problem"],
            author=rng.choice(authors),
            body=f"{rng.choice(DESCRIPTIONS)} ({n})",
            created_at=now - dt.timedelta(minutes=SIZE["comments"] - n),
            moderation_state=ModerationState.PUBLISHED,
        )
        for n in range(SIZE["comments"] * 9 // 10)
    )
    Comment.objects.bulk_create(
        Comment(
            content_type=content_type,
            object_id=state["big_problem"],
            author=rng.choice(authors),
            parent=rng.choice(tops),
            body=f"동의합니다 ({n})",
            created_at=now,
            moderation_state=ModerationState.PUBLISHED,
        )
        for n in range(SIZE["comments"] - len(tops))
    )


def _round_page():
    """A round whose voting closed ten days ago: its results page is public."""
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.models import HomePage, RoundIndexPage, RoundPage

    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="SOS랩 전주", slug="bench-home")
        Page.get_first_root_node().add_child(instance=home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    index = RoundIndexPage.objects.first()
    if index is None:
        index = RoundIndexPage(title="라운드", slug="rounds")
        home.add_child(instance=index)
    today = timezone.localdate()
    names = ("problems", "ideas", "voting", "teams", "making", "results")
    starts = [today + dt.timedelta(days=-40 + 10 * i) for i in range(6)]
    page = RoundPage(
        title="벤치마크 결과 라운드",
        slug=RESULTS_ROUND_SLUG,
        **{f"{n}_start": d for n, d in zip(names, starts, strict=True)},
    )
    index.add_child(instance=page)
    return RoundPage.objects.get(pk=page.pk)


def _ideas(page, state):
    """SIZE["ideas"] published ideas on `page`, each about the big problem."""
    from soslab.core.search import index_text
    from soslab.ideas.models import Idea
    from soslab.moderation.models import ModerationState
    from soslab.problems.models import Category

    rng, category, author = state["rng"], Category.objects.first(), state["users"][0]

    def idea(n):
        phrase, summary, description = rng.choice(TITLES), *rng.choices(DESCRIPTIONS, k=2)
        return Idea(
            round=page,
            title=f"아이디어 {n}: {phrase}",
            summary=summary,
            description=description,
            category=category,
            author=author,
            moderation_state=ModerationState.PUBLISHED,
            search_text=f"{index_text(phrase, summary, description)} 아이디어 {n}",
        )

    ideas = Idea.objects.bulk_create((idea(n) for n in range(SIZE["ideas"])), batch_size=1_000)
    Idea.problems.through.objects.bulk_create(
        (Idea.problems.through(idea_id=i.pk, problem_id=state["big_problem"]) for i in ideas),
        batch_size=1_000,
    )
    return ideas


def results_round(state):
    """SIZE["ideas"] published ideas, VOTERS ballots of votes_per_voter votes each (200,000
    votes at full scale), stored vote counts."""
    from django.utils import timezone

    from benchmarks.dataset import bulk_insert, db_datetime
    from soslab.ideas.models import Ballot, Idea, Vote

    rng, page = state["rng"], _round_page()
    per_voter, voters = SIZE["votes_per_voter"], state["user_ids"][: VOTERS[SCALE]]
    ideas = _ideas(page, state)
    moment = db_datetime(timezone.now())
    bulk_insert(
        Ballot,
        ["round_id", "user_id", "votes_used", "created_at"],
        ((page.pk, user_id, per_voter, moment) for user_id in voters),
        total=len(voters),
        label="ballots",
    )
    ballots = dict(Ballot.objects.filter(round=page).values_list("user_id", "pk"))
    counts = {}
    idea_ids = [idea.pk for idea in ideas]
    weights = [1 / (rank + 1) for rank in range(len(idea_ids))]  # a few popular ideas

    def votes():
        for user_id in voters:
            chosen = set()
            while len(chosen) < min(per_voter, len(idea_ids)):
                chosen.update(rng.choices(idea_ids, weights, k=per_voter))
            for idea_id in list(chosen)[:per_voter]:
                counts[idea_id] = counts.get(idea_id, 0) + 1
                yield (idea_id, ballots[user_id], user_id, moment)

    bulk_insert(
        Vote,
        ["idea_id", "ballot_id", "user_id", "created_at"],
        votes(),
        total=len(voters) * per_voter,
        label="votes",
    )
    for idea in ideas:
        idea.vote_count = counts.get(idea.pk, 0)
    Idea.objects.bulk_update(ideas, ["vote_count"], batch_size=1_000)
    state["round"] = page


def hotspots(state):
    """The hotspot recompute production runs after reports (soslab.maps.services)."""
    from soslab.maps.services import hotspots_recompute

    del state
    hotspots_recompute()


def opendata_files(state):
    """The open-data files production rebuilds in the background (soslab.opendata.files)."""
    from soslab.opendata.files import files_build

    del state
    files_build()


def facts(state):
    from geo.models import Hotspot

    hotspot = Hotspot.objects.order_by("-report_count", "pk").values_list("pk", flat=True).first()
    return {
        "big_problem": state["big_problem"],
        "results_url": state["round"].url + state["round"].reverse_subpage("results"),
        "hotspot": hotspot,
    }
