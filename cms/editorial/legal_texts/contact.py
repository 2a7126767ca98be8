"""Default text of the contact page (/contact/): 문의."""

from .operator import ADDRESS, ADDRESS_EN, CONTACT_EMAIL, OPERATOR, OPERATOR_EN, PRIVACY_EMAIL

CONTACT = {
    "title": "문의",
    "title_en": "Contact",
    "slug": "contact",
    "summary": f"SOS랩 전주는 {OPERATOR}이 운영합니다.",
    "summary_en": f"SOS Lab Jeonju is run by the {OPERATOR_EN}.",
    "body": [
        ("heading", "운영팀"),
        (
            "list",
            [
                f"이메일: {CONTACT_EMAIL}",
                f"주소: {ADDRESS}",
                "응답 시간: 평일 09:00~18:00, 보통 2일(근무일) 안에 답합니다.",
            ],
        ),
        ("heading", "무엇을 어디에 문의하나요"),
        (
            "list",
            [
                "위험하거나 급한 문제(사고, 화재, 범죄): 이 사이트가 아니라 112 또는 119에 바로 신고하세요.",
                "전주시 민원: 전주시 콜센터 063-222-1000. 이 사이트에 올린 문제는 담당 부서가 검토합니다.",
                "부적절한 글이나 사람: 각 글과 프로필의 '신고' 버튼을 이용하세요.",
                f"개인정보 열람·정정·삭제 요청: {PRIVACY_EMAIL} (개인정보 처리방침 참고)",
                "메이커 팀과 결과공유회 참여: 운영팀 이메일로 문의하세요.",
            ],
        ),
    ],
    "body_en": [
        ("heading", "The team"),
        (
            "list",
            [
                f"Email: {CONTACT_EMAIL}",
                f"Address: {ADDRESS_EN}",
                "Hours: weekdays 09:00 to 18:00; we usually answer within 2 working days.",
            ],
        ),
        ("heading", "Who to contact for what"),
        (
            "list",
            [
                "Danger or emergencies (accidents, fire, crime): do not use this site, call 112 or 119 at once.",
                "Civil complaints to the city: Jeonju City call centre 063-222-1000. Problems posted here are reviewed by the responsible department.",
                "Inappropriate posts or people: use the 'Report' button on each post and profile.",
                f"Access, correction or deletion of your personal data: {PRIVACY_EMAIL} (see the privacy policy)",
                "Joining a maker team or a results-sharing event: write to the team's email.",
            ],
        ),
    ],
}
