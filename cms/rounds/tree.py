"""The rounds index (/rounds/) under the home page, created once (load_reference_data)."""

from cms.editorial.tree import index_ensure

from .models import RoundIndexPage

ROUND_INDEX = {
    "title": "SOS랩 라운드",
    "slug": "rounds",
    "intro": "SOS랩은 라운드마다 문제를 모으고, 아이디어를 제안받고, 시민 투표로 메이커 팀이 만들 아이디어를 고릅니다.",
    "intro_en": "Each SOS Lab round collects problems, gathers ideas and lets residents vote on what maker teams build.",
}


def round_index_ensure():
    return index_ensure(RoundIndexPage, ROUND_INDEX)
