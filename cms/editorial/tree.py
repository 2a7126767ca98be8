"""The editorial part of the page tree: the home page as the default Site's root, and the legal
and service pages under it (privacy, terms, accessibility, contact). Each feature adds its own
index under the home page (cms/rounds/tree.py, cms/projects/tree.py, cms/results/tree.py);
cms.reference.page_tree_ensure builds the whole tree for `load_reference_data` and the demo.

Each `*_ensure` function creates what is missing and returns the page; it never changes a page
that exists, so editors' changes survive every deploy."""

from wagtail.models import Page, Site

from .home import HomePage
from .legal import LegalPage
from .legal_texts import LEGAL_PAGES

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


def add_published(parent, page):
    """Add `page` under `parent` and publish its first revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_page_ensure():
    """Return the HomePage, creating it and making it the default Site's root the first time
    (Wagtail's initial "Welcome to your new Wagtail site!" page is then deleted)."""
    home = HomePage.objects.first()
    if home is None:
        home = add_published(Page.get_first_root_node(), HomePage(**HOME))
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


def index_ensure(model, fields):
    """The `model` page under the home page, created and published with `fields` if missing."""
    home = home_page_ensure()
    return model.objects.child_of(home).first() or add_published(home, model(**fields))


def legal_pages_ensure():
    """The privacy policy, terms, accessibility statement and contact page under the home page,
    with the default texts of cms.editorial.legal_texts. A page whose slug exists (as any page
    type) is left alone, so editors' changes and deliberate replacements survive. Returns
    {slug: page}."""
    home = home_page_ensure()
    pages = {}
    for fields in LEGAL_PAGES:
        existing = Page.objects.child_of(home).filter(slug=fields["slug"]).first()
        pages[fields["slug"]] = existing or add_published(home, LegalPage(**fields))
    return pages
