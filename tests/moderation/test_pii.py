"""Personal data detection: each pattern, and no false alarms on ordinary numbers."""

import pytest
from django import forms

from soslab.moderation.forms import PersonalDataCheckMixin
from soslab.moderation.models import ModerationCase, Report
from soslab.moderation.pii import find_personal_data, mask
from soslab.moderation.screening import ScreeningRefused, screen
from tests.factories import UserFactory


def kinds(text):
    return [(finding.kind, finding.value) for finding in find_personal_data(text)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("연락 주세요 010-1234-5678", "010-1234-5678"),
        ("번호는 01012345678 입니다", "01012345678"),
        ("010 1234 5678로 문자", "010 1234 5678"),
        ("010.1234.5678", "010.1234.5678"),
        ("011-234-5678 (예전 번호)", "011-234-5678"),
        ("+82 10-1234-5678", "+82 10-1234-5678"),
        ("+821012345678", "+821012345678"),
        ("전화010-9876-5432주세요", "010-9876-5432"),
    ],
)
def test_korean_mobile_numbers_are_found(text, value):
    assert kinds(text) == [("mobile", value)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("주민번호 900101-1234567", "900101-1234567"),
        ("900101 - 2234567", "900101 - 2234567"),
        ("외국인 851231-5123456", "851231-5123456"),
        ("020229-3123456", "020229-3123456"),
    ],
)
def test_resident_registration_numbers_are_found(text, value):
    assert kinds(text) == [("rrn", value)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("메일 hong.gildong@example.co.kr 로", "hong.gildong@example.co.kr"),
        ("jiwoo+soslab@gmail.com", "jiwoo+soslab@gmail.com"),
    ],
)
def test_email_addresses_are_found(text, value):
    assert kinds(text) == [("email", value)]


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-20에 다시 확인했습니다",
        "2026.11.20 오후 3시",
        "간선 1000번 버스가 안 와요",
        "지선 1000-1 노선",
        "전주시청 콜센터 063-222-1234",
        "민원 120 다산콜",
        "공사 기간 2026-11-20 ~ 2026-12-31",
        "예산 10,000,000원",
        "상품 바코드 8801234567890",
        "주문번호 2010-1234-5678",
        "사업자등록번호 418-81-12345",
        "991332-1234567 (13월은 없다)",
        "시간 10:10-12:34",
        "ISBN 978-89-010-1234-5",
        "email@ 이라고 쓰면 안 됨",
    ],
)
def test_no_false_alarm_on_ordinary_numbers(text):
    assert kinds(text) == []


def test_several_findings_in_order():
    text = "010-1111-2222 또는 me@example.kr, 주민번호 900101-1234567"
    assert [kind for kind, _value in kinds(text)] == ["mobile", "email", "rrn"]


def test_mask_hides_the_middle():
    assert mask("010-1234-5678") == "010*******678"


class _PostForm(PersonalDataCheckMixin, forms.Form):
    personal_data_fields = ("title", "body")
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)


def test_mixin_warns_on_first_submit_and_keeps_the_text():
    form = _PostForm({"title": "신호등 고장", "body": "연락처 010-1234-5678"})
    assert not form.is_valid()
    assert "010-1234-5678" in str(form.errors["body"])
    assert form["body"].value() == "연락처 010-1234-5678"
    html = str(form["publish_with_personal_data"])
    assert 'type="checkbox"' in html


def test_mixin_accepts_clean_text_and_hides_the_checkbox():
    form = _PostForm({"title": "신호등 고장", "body": "교차로 신호등이 꺼져 있어요"})
    assert form.is_valid()
    assert form.personal_data_findings == []
    assert 'type="hidden"' in str(form["publish_with_personal_data"])


@pytest.mark.django_db
def test_publishing_anyway_flags_the_item_for_review(post):
    form = _PostForm(
        {"title": "t", "body": "연락처 010-1234-5678", "publish_with_personal_data": "on"}
    )
    assert form.is_valid()
    # The posting service screens the text and records the flag (soslab.moderation.screening).
    screening = screen(author=post.author, texts={"title": "t", "body": "연락처 010-1234-5678"})
    report = screening.record(post)
    assert report.is_system
    case = ModerationCase.objects.for_object(post).get()
    assert case.flagged_by_system and case.status == "open"
    assert case.open_report_count == 0  # system flags never count towards auto-hide
    # Idempotent: flagging twice adds nothing.
    assert screening.record(post) is None
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_screening_refuses_links_of_new_accounts_and_names_the_field(settings):
    settings.SOSLAB_NEW_ACCOUNT_MAX_LINKS = 1
    text = "https://a.kr https://b.kr"
    with pytest.raises(ScreeningRefused) as refused:
        screen(author=UserFactory(), texts={"body": text}, links={"body": text})
    assert refused.value.code == "too_many_links" and refused.value.field == "body"
    assert refused.value.status == 400


@pytest.mark.django_db
def test_clean_text_screens_to_nothing_to_flag(post):
    assert (
        screen(author=post.author, texts={"body": "교차로 신호등이 꺼져 있어요"}).record(post)
        is None
    )
