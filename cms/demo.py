"""Demo page tree: the home page at the root of the default Site."""

from wagtail.models import Page, Site

from .models import HomePage


def ensure_home_page():
    """Return the HomePage, creating it (and pointing the default Site at it) the first time."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="SOS랩 전주",
            slug="jeonju",
            hero_title="우리 동네 문제, 함께 풀어요",
            hero_title_en="Let's solve our neighbourhood's problems together",
            hero_intro="전주 시민과 지역 기업, 청소년 메이커 팀이 교통·안전·대기환경 문제를 찾고, 아이디어를 모으고, 직접 해결책을 만듭니다.",
            hero_intro_en="Jeonju residents, local companies and youth maker teams find traffic, safety and air-quality problems, gather ideas and build solutions.",
            intro=(
                "SOS랩(Solution in Our Society Lab)은 전주정보문화산업진흥원이 운영하는 시민참여형 소프트웨어 리빙랩입니다.\n\n"
                "불편한 점을 올리고, 이웃의 문제에 공감하고, 라운드마다 아이디어에 투표해 주세요. "
                "청소년 메이커 팀이 선정된 아이디어를 실제로 만들어 결과공유회에서 발표합니다."
            ),
            intro_en=(
                "SOS Lab (Solution in Our Society Lab) is a citizen-participation software living lab run by the "
                "Jeonju Information and Culture Industry Promotion Agency.\n\n"
                "Report what bothers you, support your neighbours' problems and vote on ideas each round. "
                "Youth maker teams build the selected ideas and present them at results-sharing events."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="SOS랩 전주",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "SOS랩 전주"
        site.save()
        # Wagtail's initial "Welcome" placeholder page is not needed once the home page exists.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    return home


def load(out):
    ensure_home_page()
    return {"pages": Page.objects.count()}
