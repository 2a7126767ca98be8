"""Default text of the accessibility statement (/accessibility/): 접근성 안내."""

from .operator import CONTACT_EMAIL

ACCESSIBILITY = {
    "title": "접근성 안내",
    "title_en": "Accessibility statement",
    "slug": "accessibility",
    "summary": "SOS랩 전주는 장애가 있는 분, 고령자, 어린이를 포함해 누구나 이용할 수 있는 서비스를 목표로 합니다.",
    "summary_en": "SOS Lab Jeonju aims to be usable by everyone, including disabled people, older people and children.",
    "body": [
        ("heading", "목표 기준"),
        (
            "paragraph",
            "웹 콘텐츠 접근성 지침 WCAG 2.1 AA 수준과 한국형 웹 콘텐츠 접근성 지침(KWCAG) 2.2를 목표로 합니다.",
        ),
        ("heading", "지원하는 것"),
        (
            "list",
            [
                "키보드만으로 모든 기능 이용(본문 바로가기 링크 제공)",
                "화면 낭독기를 위한 제목 구조, 랜드마크, 입력 항목의 이름과 오류 안내",
                "지도에 표시되는 문제는 목록과 표로도 제공",
                "한국어와 영어 화면 전환",
                "충분한 명도 대비와 200% 확대 시에도 깨지지 않는 화면",
            ],
        ),
        ("heading", "알려진 한계"),
        (
            "list",
            [
                "지도는 마우스나 터치로 조작할 때 가장 편합니다. 지도 대신 주소 검색과 행정동 목록으로 위치를 고를 수 있습니다.",
                "회원이 올린 사진에는 대체 텍스트가 없을 수 있습니다. 글의 내용으로 사진이 보여 주는 것을 설명해 주시기를 부탁드립니다.",
                "외부에서 가져온 동영상의 자막은 제공자에 따라 없을 수 있습니다.",
                "대기질 그래프는 같은 값을 표로도 제공하지만, 일부 차트 설명은 아직 간단합니다.",
            ],
        ),
        ("heading", "접근성 문제 알리기"),
        (
            "paragraph",
            f"이용하기 어려운 곳을 발견하면 {CONTACT_EMAIL}로 알려 주세요. 어느 페이지에서 무엇을 하려 했는지, 사용한 기기와 보조기술을 함께 알려 주시면 빠르게 고칠 수 있습니다. 5일(근무일) 안에 답하고, 고치기 전까지 다른 방법으로 도와 드립니다.",
        ),
    ],
    "body_en": [
        ("heading", "Target"),
        (
            "paragraph",
            "We aim for WCAG 2.1 level AA and the Korean Web Content Accessibility Guidelines (KWCAG) 2.2.",
        ),
        ("heading", "What works"),
        (
            "list",
            [
                "Every feature works with the keyboard alone (a skip link leads to the main content)",
                "Headings, landmarks, form labels and error messages for screen readers",
                "Problems shown on maps are also available as lists and tables",
                "Korean and English versions of the interface",
                "Sufficient colour contrast; pages still work at 200% zoom",
            ],
        ),
        ("heading", "Known limits"),
        (
            "list",
            [
                "Maps are easiest with a mouse or touch. You can pick a place by address search or from the list of dongs instead.",
                "Photos uploaded by members may lack alternative text; we ask authors to describe in the text what a photo shows.",
                "Captions of embedded videos depend on their provider and may be missing.",
                "Air-quality charts have the same values as tables, but some chart descriptions are still brief.",
            ],
        ),
        ("heading", "Report a barrier"),
        (
            "paragraph",
            f"If something is hard to use, write to {CONTACT_EMAIL}. Tell us the page, what you were trying to do, and the device and assistive technology you use. We answer within 5 working days and help you another way until it is fixed.",
        ),
    ],
}
