"""Reference data every installation needs: the problem categories (Korean and English names)
and staff's answer templates. Created when missing, never overwritten: staff edit them in the
admin and a deploy must not undo that. Run by `manage.py load_reference_data`."""

from .models import AnswerTemplate, Category

CATEGORIES = [
    # slug, name, name_en, colour, icon, description
    ("traffic", "교통", "Traffic", "#1d4ed8", "car", "횡단보도, 신호, 버스정류장, 주차, 자전거 길"),
    (
        "safety",
        "안전",
        "Safety",
        "#b42318",
        "shield",
        "어두운 골목, 위험한 시설물, 어린이 보호구역",
    ),
    ("air", "대기환경", "Air quality", "#166534", "wind", "미세먼지, 악취, 공사장 비산먼지, 매연"),
    (
        "living",
        "생활환경",
        "Living environment",
        "#6d28d9",
        "home",
        "쓰레기, 소음, 공원, 보도 파손",
    ),
    ("other", "기타", "Other", "#4a5360", "dots", "어디에도 속하지 않는 우리 동네 문제"),
]

ANSWER_TEMPLATES = [
    (
        "담당 부서 전달",
        "말씀하신 내용을 전주시 담당 부서에 전달했습니다. 처리 결과가 나오면 이 페이지에 알려 드리겠습니다.",
    ),
    (
        "현장 확인 예정",
        "운영진이 이번 주 안에 현장을 확인하겠습니다. 사진이나 시간대 등 추가 정보가 있으면 댓글로 남겨 주세요.",
    ),
    (
        "SOS랩 라운드 후보",
        "많은 이웃이 공감한 문제라 다음 SOS랩 라운드에서 시민 아이디어를 모집할 후보로 올렸습니다.",
    ),
]


def load(out):
    for order, (slug, name, name_en, colour, icon, description) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "colour": colour,
                "icon": icon,
                "description": description,
                "sort_order": order,
            },
        )
    for title, body in ANSWER_TEMPLATES:
        AnswerTemplate.objects.get_or_create(title=title, defaults={"body": body})
    return {
        "categories": Category.objects.count(),
        "answer templates": AnswerTemplate.objects.count(),
    }
