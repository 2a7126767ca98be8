"""Default text of the terms of use (/terms/): 이용약관."""

from .operator import OPERATOR, OPERATOR_EN

TERMS = {
    "title": "이용약관",
    "title_en": "Terms of use",
    "slug": "terms",
    "summary": f"SOS랩 전주 서비스를 이용하는 데 필요한 운영기관({OPERATOR})과 회원의 권리, 의무와 책임을 정합니다.",
    "summary_en": f"The rights, duties and responsibilities of the {OPERATOR_EN} and of members using SOS Lab Jeonju.",
    "body": [
        ("heading", "제1조 (목적과 서비스)"),
        (
            "paragraph",
            "SOS랩 전주는 시민이 동네 문제를 알리고, 아이디어를 모아 투표하고, 청소년 메이커 팀이 해결책을 만들어 공유하는 시민참여형 리빙랩 서비스입니다. 서비스는 무료입니다.",
        ),
        ("heading", "제2조 (회원 가입)"),
        (
            "list",
            [
                "이메일 주소를 확인하고 개인정보 처리방침에 동의하면 회원이 됩니다.",
                "연령대를 정확하게 선택해야 합니다. 만 14세 미만은 법정대리인의 동의가 있어야 글을 공개할 수 있습니다.",
                "한 사람이 여러 계정으로 투표나 공감을 늘려서는 안 됩니다.",
            ],
        ),
        ("heading", "제3조 (게시물)"),
        (
            "list",
            [
                "게시물의 권리는 작성자에게 있습니다. 작성자는 운영기관과 전주시가 서비스 안에서 게시물을 보여 주고, 공개 데이터(CC BY 4.0)로 제공하고, 문제 해결을 위해 이용하는 것을 허락합니다.",
                "다른 사람의 개인정보(얼굴, 차량 번호, 연락처 등), 욕설과 혐오 표현, 광고, 거짓 정보, 저작권을 침해하는 자료를 올려서는 안 됩니다.",
                "게시물은 운영 원칙에 따라 검토 대기, 숨김 처리될 수 있으며 그 사유를 작성자에게 알립니다. 작성자는 이의를 제기할 수 있습니다.",
            ],
        ),
        ("heading", "제4조 (이용 제한)"),
        (
            "paragraph",
            "약관이나 운영 원칙을 반복해서 어기면 일정 기간 글쓰기가 제한될 수 있습니다. 제한 중에도 글을 읽고 알림 설정을 바꾸고 자기 정보를 확인할 수 있습니다.",
        ),
        ("heading", "제5조 (운영기관의 의무)"),
        (
            "paragraph",
            "운영기관은 개인정보 처리방침에 따라 개인정보를 보호하고, 서비스 변경이나 중단이 필요하면 미리 알립니다. 공개된 문제에 대한 전주시의 답변은 담당 부서의 판단이며, 운영기관이 처리 결과를 보증하지는 않습니다.",
        ),
        ("heading", "제6조 (탈퇴)"),
        (
            "paragraph",
            "회원은 언제든지 탈퇴할 수 있습니다. 탈퇴할 때 게시물을 삭제할지 '탈퇴한 회원' 이름으로 남길지 선택할 수 있습니다(만 18세 미만 회원의 게시물은 항상 삭제).",
        ),
        ("heading", "제7조 (약관의 변경과 분쟁)"),
        (
            "paragraph",
            "약관을 바꾸면 시행 7일 전(불리한 변경은 30일 전)부터 알립니다. 분쟁은 대한민국 법에 따르며, 먼저 문의 페이지를 통해 협의합니다.",
        ),
    ],
    "body_en": [
        ("heading", "1. Purpose and service"),
        (
            "paragraph",
            "SOS Lab Jeonju is a citizen-participation living lab: residents report local problems, collect and vote on ideas, and youth maker teams build and share solutions. The service is free.",
        ),
        ("heading", "2. Membership"),
        (
            "list",
            [
                "You become a member by confirming your email address and accepting the privacy policy.",
                "Choose your age band truthfully. Members under 14 can publish only once a guardian has consented.",
                "One person must not inflate votes or supports with several accounts.",
            ],
        ),
        ("heading", "3. Posts"),
        (
            "list",
            [
                "You keep the rights to what you post. You allow the operator and Jeonju City to show it in the service, publish it as open data (CC BY 4.0) and use it to solve the problem.",
                "Do not post other people's personal data (faces, licence plates, contact details), insults or hate speech, advertising, false information or material that infringes copyright.",
                "Posts may be held for review or hidden under the moderation rules; the author is told why and may appeal.",
            ],
        ),
        ("heading", "4. Restrictions"),
        (
            "paragraph",
            "Repeated breaches of these terms or the moderation rules may lead to a time-limited posting block. While blocked you can still read, change notification settings and see your own data.",
        ),
        ("heading", "5. The operator's duties"),
        (
            "paragraph",
            "The operator protects personal data as the privacy policy describes and announces changes to or interruptions of the service in advance. Jeonju City's answers to public problems are its departments' decisions; the operator does not guarantee their outcome.",
        ),
        ("heading", "6. Leaving"),
        (
            "paragraph",
            "You may delete your account at any time and choose whether your posts are deleted or kept under the name 'former member' (posts by members under 18 are always deleted).",
        ),
        ("heading", "7. Changes and disputes"),
        (
            "paragraph",
            "Changes to these terms are announced 7 days before they take effect (30 days for changes to your disadvantage). Korean law applies; please contact us first through the contact page.",
        ),
    ],
}
