"""Issue 15's journey in a real browser, keyboard only: a 13-year-old signs up giving a guardian's
email, verifies their address and joins a maker team; the guardian opens the link in their email,
reads what is collected and consents; from then on the child appears on the public team page.

No mouse: focus moves with Tab (and the arrow keys inside a radio group), forms are sent with Enter
or Space. `_tab_to` fails when an element cannot be reached by Tab, so the test also proves the
flow is operable from the keyboard (WCAG 2.1.1)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from soslab.teams.joining import invitation_create
from soslab.teams.models import ConsentMethod, GuardianConsent, Membership, TeamRole
from tests.factories import UserFactory
from tests.teams.factories import make_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHILD_EMAIL = "haneul@example.kr"
GUARDIAN_EMAIL = "parent.kim@example.kr"
CHILD_NAME = "하늘별"
PASSWORD = "jeonju-maker-2026!"
MAX_TABS = 80
URL = re.compile(r"https?://[\x21-\x7e]+")


def _focused(page, element):
    return page.evaluate("element => element === document.activeElement", element)


def _tab_to(page, locator):
    """Press Tab until `locator` has focus; fail if it never does (not reachable by keyboard)."""
    assert locator.count() == 1, f"expected one element, found {locator.count()}"
    element = locator.element_handle()
    for _ in range(MAX_TABS):
        if _focused(page, element):
            return locator
        page.keyboard.press("Tab")
    raise AssertionError(f"not reachable with Tab: {locator}")


def _open(page, url):
    """Load `url` and use the skip link, as a keyboard user does: the first Tab reaches it and
    Enter moves focus to the main content, past the header's links."""
    page.goto(url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="본문으로 건너뛰기", exact=True)
    assert _focused(page, skip.element_handle())
    page.keyboard.press("Enter")
    assert _focused(page, page.locator("main").element_handle())


def _type_into(page, label, text):
    """Tab to the field labelled `label` (the label's text without its colon) and type."""
    _tab_to(page, page.get_by_label(re.compile(rf"^{re.escape(label)}\s*:?$")))
    page.keyboard.type(text)


def _choose_radio(page, group_first, wanted):
    """Tab into a radio group (focus lands on its first radio), move with the arrow keys to
    `wanted`, and check it with Space."""
    _tab_to(page, group_first)
    for _ in range(6):
        if _focused(page, wanted.element_handle()):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert wanted.is_checked()


def _submit(page, button):
    """Focus `button` by Tab and press Enter; waits for the page the form leads to."""
    _tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _links(message):
    return URL.findall(message.body)


def _public_team_text(browser, url):
    """The team page as an anonymous visitor sees it (a fresh browser context, no cookies)."""
    context = browser.new_context(locale="ko-KR")
    try:
        page = context.new_page()
        page.goto(url)
        return page.inner_text("main")
    finally:
        context.close()


@pytest.fixture
def team(transactional_db, settings, live_server):
    # Production asks new members to verify their address before they may log in.
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    # The emails link to the site: here, the live server.
    settings.SITE_URL = live_server.url
    leader = UserFactory(display_name="팀장 박")
    team = make_team(leader=leader, name="전주 골목 지킴이")
    team.invitation = invitation_create(team=team, created_by=leader, role=TeamRole.MEMBER)
    return team


def _sign_up(page, live_server):
    _open(page, live_server.url + "/accounts/signup/")
    _type_into(page, "이메일", CHILD_EMAIL)
    _type_into(page, "표시 이름", CHILD_NAME)
    ages = page.get_by_role("group", name=re.compile("^나이"))
    _choose_radio(
        page, ages.get_by_role("radio").first, ages.get_by_role("radio", name="만 14세 미만")
    )
    _type_into(page, "부모님 또는 보호자 이메일 (14세 미만만)", GUARDIAN_EMAIL)
    _type_into(page, "비밀번호", PASSWORD)
    _type_into(page, "비밀번호 (확인)", PASSWORD)
    _tab_to(page, page.get_by_role("checkbox", name=re.compile("개인정보 처리방침과 이용약관")))
    page.keyboard.press("Space")
    _submit(page, page.get_by_role("button", name="회원가입", exact=True))


def test_under_14_signs_up_joins_a_team_and_appears_after_guardian_consent(
    browser, phone, live_server, team
):
    page = phone
    team_url = live_server.url + team.get_absolute_url()

    # 1. Sign-up, under 14, with the guardian's email: two emails, one to each.
    _sign_up(page, live_server)
    child = get_user_model().objects.get(email=CHILD_EMAIL)
    assert child.needs_guardian_consent
    (to_child,) = [m for m in mail.outbox if m.to == [CHILD_EMAIL]]
    (to_guardian,) = [m for m in mail.outbox if m.to == [GUARDIAN_EMAIL]]

    # 2. The child opens the verification link and confirms.
    (verify_url,) = _links(to_child)
    _open(page, verify_url)
    _submit(page, page.get_by_role("button", name="확인", exact=True))
    assert child.emailaddress_set.get(email=CHILD_EMAIL).verified

    # 3. The child joins the team with the leader's invitation link.
    _open(page, live_server.url + team.invitation.path)
    _submit(page, page.get_by_role("button", name="팀에 합류하기", exact=True))
    assert page.url.split("#")[0] == team_url  # the skip link left "#main"
    assert Membership.objects.filter(team=team, user=child).exists()
    mine = page.locator(".member-list__item", has_text=CHILD_NAME)
    assert "법정대리인 동의 전: 공개되지 않음" in mine.inner_text()
    public = _public_team_text(browser, team_url)
    assert "팀장 박" in public and CHILD_NAME not in public

    # 4. The guardian opens the link in their email (which also carries the withdrawal link),
    # reads what is collected and consents.
    answer_url, withdraw_url = _links(to_guardian)
    assert "/teams/guardian/withdraw/" in withdraw_url
    assert "/teams/guardian/withdraw/" not in answer_url
    guardian = browser.new_context(locale="ko-KR").new_page()
    try:
        _open(guardian, answer_url)
        assert guardian.get_by_role("heading", name="수집하는 정보와 이유").is_visible()
        assert CHILD_NAME in guardian.inner_text("main")
        _type_into(guardian, "성함", "김보호")
        _type_into(guardian, "아동과의 관계", "어머니")
        decision = guardian.get_by_role("group", name=re.compile("^동의 여부"))
        _choose_radio(
            guardian,
            decision.get_by_role("radio").first,
            decision.get_by_role("radio", name="저는 이 아동의 법정대리인이며 동의합니다."),
        )
        _submit(guardian, guardian.get_by_role("button", name="응답 보내기", exact=True))
        assert (
            "동의가 기록되었습니다" in guardian.locator("main").get_by_role("status").inner_text()
        )
    finally:
        guardian.context.close()
    consent = GuardianConsent.objects.get(user=child)
    assert (consent.guardian_name, consent.relationship) == ("김보호", "어머니")
    assert consent.method == ConsentMethod.ONLINE and consent.guardian_contact == GUARDIAN_EMAIL

    # 5. Now the child is on the public team page, and their own view has no restriction badge.
    assert CHILD_NAME in _public_team_text(browser, team_url)
    page.reload()
    mine = page.locator(".member-list__item", has_text=CHILD_NAME)
    assert "법정대리인 동의 전" not in mine.inner_text()
