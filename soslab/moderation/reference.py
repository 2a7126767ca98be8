"""Reference data every installation needs: the project's groups with exactly their permissions
(soslab.moderation.roles, e.g. "SOS랩 모더레이터") and the hide-reason templates moderators pick from. Templates are created
when missing, never overwritten. Run by `manage.py load_reference_data`."""

from .models import HideReason
from .roles import MODERATORS, project_groups_sync

HIDE_REASONS = [
    (
        "광고·스팸",
        "광고나 홍보 목적의 글로 보여 숨겼습니다. 지역 문제와 관련된 내용으로 다시 올려 주세요.",
    ),
    (
        "개인정보 노출",
        "전화번호, 주민등록번호, 이메일 등 개인정보가 포함되어 숨겼습니다. "
        "개인정보를 지운 뒤 다시 올려 주세요.",
    ),
    (
        "욕설·비방",
        "다른 사람을 비방하거나 욕설이 포함되어 숨겼습니다. 서로 존중하는 표현으로 다시 써 주세요.",
    ),
    (
        "주제와 맞지 않음",
        "SOS랩 전주의 지역 문제 해결과 관련이 없는 내용이라 숨겼습니다.",
    ),
]


def load(out):
    project_groups_sync()
    for order, (title, text) in enumerate(HIDE_REASONS):
        HideReason.objects.get_or_create(title=title, defaults={"text": text, "sort_order": order})
    return {"groups": MODERATORS, "hide reasons": HideReason.objects.count()}
