"""The platform's page tree: the home page as the default Site's root and the index pages under
it (rounds, projects, results) and the legal and service pages (privacy, terms, accessibility,
contact). Used by `load_reference_data` (every install, cms.reference) and
by the demo loaders, which add demo pages below these indexes.

Each `*_ensure` function creates what is missing and returns the page; it never changes a page
that exists, so editors' changes survive every deploy."""

from wagtail.models import Page, Site

SITE_NAME = "SOS랩 전주"

HOME = {
    "title": SITE_NAME,
    "slug": "jeonju",
    "hero_title": "우리 동네 문제, 함께 풀어요",
    "hero_title_en": "Let's solve our neighbourhood's problems together",
    "hero_intro": (
        "전주 시민과 지역 기업, 청소년 메이커 팀이 교통·안전·대기환경 문제를 찾고, "
        "아이디어를 모으고, 직접 해결책을 만듭니다."
    ),
    "hero_intro_en": (
        "Jeonju residents, local companies and youth maker teams find traffic, safety and "
        "air-quality problems, gather ideas and build solutions."
    ),
    "intro": (
        "SOS랩(Solution in Our Society Lab)은 전주정보문화산업진흥원이 운영하는 시민참여형 소프트웨어 리빙랩입니다.\n\n"
        "불편한 점을 올리고, 이웃의 문제에 공감하고, 라운드마다 아이디어에 투표해 주세요. "
        "청소년 메이커 팀이 선정된 아이디어를 실제로 만들어 결과공유회에서 발표합니다."
    ),
    "intro_en": (
        "SOS Lab (Solution in Our Society Lab) is a citizen-participation software living lab run by the "
        "Jeonju Information and Culture Industry Promotion Agency.\n\n"
        "Report what bothers you, support your neighbours' problems and vote on ideas each round. "
        "Youth maker teams build the selected ideas and present them at results-sharing events."
    ),
}

ROUND_INDEX = {
    "title": "SOS랩 라운드",
    "slug": "rounds",
    "intro": "SOS랩은 라운드마다 문제를 모으고, 아이디어를 제안받고, 시민 투표로 메이커 팀이 만들 아이디어를 고릅니다.",
    "intro_en": "Each SOS Lab round collects problems, gathers ideas and lets residents vote on what maker teams build.",
}

PROJECT_INDEX = {
    "title": "프로젝트",
    "slug": "projects",
    "intro": (
        "청소년 메이커 팀이 지역 기업 멘토와 함께 주민이 고른 문제를 직접 해결합니다. "
        "팀이 쓰고, 운영팀이 검토한 뒤 공개됩니다."
    ),
}

RESULTS_INDEX = {
    "title": "결과공유회",
    "slug": "results",
    "intro": "라운드마다 메이커 팀이 만든 해결책을 시민 앞에서 발표하는 결과공유회 기록입니다.",
}


def _add_published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_page_ensure():
    """Return the HomePage, creating it and making it the default Site's root the first time
    (Wagtail's initial "Welcome to your new Wagtail site!" page is then deleted)."""
    from .models import HomePage

    home = HomePage.objects.first()
    if home is None:
        home = _add_published(Page.get_first_root_node(), HomePage(**HOME))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    return home


def _index_ensure(model, fields):
    home = home_page_ensure()
    return model.objects.child_of(home).first() or _add_published(home, model(**fields))


def round_index_ensure():
    from .models import RoundIndexPage

    return _index_ensure(RoundIndexPage, ROUND_INDEX)


def project_index_ensure():
    """The projects index; soslab.teams assigns it the Project review workflow on creation."""
    from .models import ProjectIndexPage

    return _index_ensure(ProjectIndexPage, PROJECT_INDEX)


def results_index_ensure():
    from .models import ResultsIndexPage

    return _index_ensure(ResultsIndexPage, RESULTS_INDEX)


def legal_pages_ensure():
    """The privacy policy, terms, accessibility statement and contact page under the home page,
    with the default texts of cms.legal_texts. A page whose slug exists (as any page type) is left
    alone, so editors' changes and deliberate replacements survive. Returns {slug: page}."""
    from .legal_texts import LEGAL_PAGES
    from .models import LegalPage

    home = home_page_ensure()
    pages = {}
    for fields in LEGAL_PAGES:
        existing = Page.objects.child_of(home).filter(slug=fields["slug"]).first()
        pages[fields["slug"]] = existing or _add_published(home, LegalPage(**fields))
    return pages


def page_tree_ensure():
    """The whole tree every installation needs. Returns {name: page}."""
    return {
        "home": home_page_ensure(),
        "rounds": round_index_ensure(),
        "projects": project_index_ensure(),
        "results": results_index_ensure(),
        **legal_pages_ensure(),
    }
