"""The projects index (/projects/) under the home page, created once (load_reference_data)."""

from cms.editorial.tree import index_ensure

from .models import ProjectIndexPage

PROJECT_INDEX = {
    "title": "프로젝트",
    "slug": "projects",
    "intro": (
        "청소년 메이커 팀이 지역 기업 멘토와 함께 주민이 고른 문제를 직접 해결합니다. "
        "팀이 쓰고, 운영팀이 검토한 뒤 공개됩니다."
    ),
}


def project_index_ensure():
    """The projects index; creating it assigns the Project review workflow (cms.projects.signals)."""
    return index_ensure(ProjectIndexPage, PROJECT_INDEX)
