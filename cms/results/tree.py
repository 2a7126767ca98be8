"""The results-sharing index (/results/) under the home page, created once (load_reference_data)."""

from cms.editorial.tree import index_ensure

from .models import ResultsIndexPage

RESULTS_INDEX = {
    "title": "결과공유회",
    "slug": "results",
    "intro": "라운드마다 메이커 팀이 만든 해결책을 시민 앞에서 발표하는 결과공유회 기록입니다.",
}


def results_index_ensure():
    return index_ensure(ResultsIndexPage, RESULTS_INDEX)
