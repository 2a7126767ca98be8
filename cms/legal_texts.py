"""Default texts of the legal and service pages (Korean first, English second), written for this
platform. `cms.pages.legal_pages_ensure` creates each page once with these blocks; afterwards the
pages belong to the editors. Each body is a list of (block type, value) for cms.models.LegalPage:
"heading" and "paragraph" take a string, "list" a list of strings.

Before launch the operator checks the contact details (privacy officer, addresses) against the
real organisation; see docs/privacy.md."""

OPERATOR = "전주정보문화산업진흥원"
OPERATOR_EN = "Jeonju Information and Culture Industry Promotion Agency"
PRIVACY_EMAIL = "privacy@soslab-jeonju.kr"
CONTACT_EMAIL = "contact@soslab-jeonju.kr"
ADDRESS = "전북특별자치도 전주시 덕진구 중동로 63 (전주정보문화산업진흥원)"
ADDRESS_EN = "63 Jungdong-ro, Deokjin-gu, Jeonju, Jeonbuk State (Jeonju ICIPA)"

PRIVACY = {
    "title": "개인정보 처리방침",
    "title_en": "Privacy policy",
    "slug": "privacy",
    "summary": (
        f"{OPERATOR}(이하 '운영기관')은 SOS랩 전주(이하 '서비스')를 운영하면서 「개인정보 보호법」에 따라 "
        "이용자의 개인정보를 보호하고 관련 고충을 신속하게 처리하기 위해 다음과 같이 개인정보 처리방침을 둡니다."
    ),
    "summary_en": (
        f"The {OPERATOR_EN} (the 'operator') runs SOS Lab Jeonju (the 'service'). Under Korea's "
        "Personal Information Protection Act (PIPA) it publishes this policy to explain what it "
        "collects, why, for how long, and how you can exercise your rights."
    ),
    "body": [
        ("heading", "1. 개인정보를 처리하는 목적"),
        (
            "list",
            [
                "회원 가입과 본인 확인: 이메일 주소 확인, 부정 가입과 자동 가입 방지",
                "시민 참여 서비스 제공: 동네 문제 등록, 공감, 댓글, 아이디어 제안과 투표, 메이커 팀 활동과 프로젝트 공개",
                "알림 제공: 팔로우한 글의 새 소식, 운영팀 답변, 검토 결과를 사이트와 이메일(선택한 빈도)로 알림",
                "안전한 운영: 신고 처리, 게시물 검토, 이용 제한, 이의 제기 처리, 과도한 요청 차단",
                "만 14세 미만 아동의 법정대리인 동의 확인",
                "통계와 정책 활용: 동(洞)별 문제 현황 등 개인을 알아볼 수 없는 통계를 전주시와 공유",
            ],
        ),
        ("heading", "2. 처리하는 개인정보 항목"),
        (
            "paragraph",
            "모든 회원(필수): 이메일 주소, 비밀번호(복원할 수 없게 암호화하여 저장), 표시 이름, 연령대(만 14세 미만 / 만 14~18세 / 성인), 개인정보 처리방침 동의 버전과 일시, 알림 이메일 빈도.",
        ),
        (
            "paragraph",
            "만 14세 미만 회원: 위 항목에 더해 법정대리인의 이름, 관계, 이메일 주소와 동의(또는 거부·철회) 일시와 방법, 온라인으로 답할 때의 IP 주소와 브라우저 정보.",
        ),
        (
            "paragraph",
            "활동할 때 만들어지는 정보: 등록한 문제의 제목·내용·위치(위도·경도)·행정동·사진, 댓글, 아이디어, 공감과 투표 기록, 팔로우, 메이커 팀 소속과 역할, 멘토의 소속 회사명, 신고와 이의 제기 내용, 운영팀의 검토 결정.",
        ),
        (
            "paragraph",
            "내 정보 내려받기를 요청한 경우: 내 정보를 담은 압축 파일(요청한 본인만 받을 수 있고 7일 뒤 삭제).",
        ),
        (
            "paragraph",
            "Open311 API 키를 발급받은 기관: 기관명과 담당자 연락처(이메일 또는 전화번호). 키로 등록된 문제는 기관의 서비스 계정 이름으로 공개됩니다.",
        ),
        (
            "paragraph",
            "자동으로 생성되는 정보: 접속 IP 주소와 요청 시각(과도한 요청 차단과 보안 기록), 로그인 유지와 언어 선택을 위한 쿠키. 광고나 외부 분석 도구의 쿠키는 사용하지 않습니다.",
        ),
        (
            "paragraph",
            "사진은 올릴 때 촬영 위치 등 메타데이터(EXIF)를 지운 뒤 저장합니다. 주민번호, 전화번호, 실명은 요구하지 않습니다.",
        ),
        ("heading", "3. 위치 정보와 미성년자 보호"),
        (
            "list",
            [
                "문제를 등록할 때 고른 지점은 운영팀과 담당 부서가 정확한 위치를 알 수 있도록 저장합니다.",
                "성인이 등록한 공개 문제는 지도와 공개 데이터에 그 지점이 표시됩니다.",
                "만 18세 미만 회원이 등록한 문제는 공개되는 모든 곳(지도, 목록, 공개 데이터, Open311)에서 약 100m 격자로 반올림한 위치만 보여 주며, 정확한 지점은 공개하지 않습니다.",
                "검토 대기 중이거나 숨겨진 문제의 위치는 공개하지 않습니다.",
            ],
        ),
        ("heading", "4. 보유 기간"),
        (
            "list",
            [
                "회원 정보: 탈퇴할 때까지. 탈퇴하면 즉시 파기합니다.",
                "게시물: 탈퇴할 때 삭제하거나 '탈퇴한 회원' 이름으로 남길지 본인이 선택합니다. 만 18세 미만 회원의 게시물은 항상 삭제합니다.",
                "공감·투표: 집계 수치는 유지하되 회원과의 연결은 탈퇴 시 끊습니다.",
                "법정대리인 동의 기록: 아동 회원의 탈퇴 후 1년까지(동의 사실의 입증을 위해).",
                "신고·검토 기록: 처리 후 3년. 개인을 알아볼 수 있는 정보는 탈퇴 시 지웁니다.",
                "접속 기록(IP 주소 등): 90일.",
                "법령이 따로 보존을 요구하는 경우에는 그 기간 동안 분리하여 보관합니다.",
            ],
        ),
        ("heading", "5. 제3자 제공"),
        (
            "paragraph",
            "운영기관은 이용자의 개인정보를 제3자에게 제공하지 않습니다. 다만 공개된 문제의 내용과 공개 위치는 전주시 담당 부서가 민원 처리를 위해 열람하며, 법령에 따른 요구가 있는 경우에는 예외로 합니다.",
        ),
        ("heading", "6. 처리 위탁"),
        (
            "list",
            [
                "서버와 데이터베이스 운영(클라우드 호스팅, 국내 리전): 서비스 전체 데이터의 보관",
                "이메일 발송 업체: 가입 확인, 알림, 법정대리인 동의 요청 메일 발송",
                "오류 추적 서비스(사용하는 경우): 오류 발생 시 기술 정보. 이메일 등 개인정보는 보내지 않도록 설정합니다.",
            ],
        ),
        ("paragraph", "수탁 업체의 이름과 위탁 업무가 바뀌면 이 방침에 반영하여 알립니다."),
        ("heading", "7. 만 14세 미만 아동과 법정대리인"),
        (
            "paragraph",
            "만 14세 미만 아동은 가입할 수 있지만, 법정대리인이 동의하기 전에는 글을 공개하거나 팀 페이지에 게시할 수 없습니다. 법정대리인은 언제든지 아동의 개인정보 열람, 정정, 삭제, 처리 정지와 동의 철회를 요구할 수 있습니다. 아동에게는 표시 이름에 실명을 쓰지 않도록 안내합니다.",
        ),
        ("heading", "8. 이용자의 권리와 행사 방법"),
        (
            "list",
            [
                "열람: '내 활동'(/me/)에서 내가 올린 글, 검토 상태와 숨김 사유, 공감, 투표, 팔로우, 팀 활동을 볼 수 있습니다.",
                "정정: '내 프로필'에서 표시 이름과 알림 설정을 바꿀 수 있습니다. 게시물은 각 글에서 수정할 수 있습니다.",
                "삭제·처리 정지: 회원 탈퇴로 개인정보를 즉시 파기할 수 있으며, 아래 개인정보 보호책임자에게 요청할 수도 있습니다.",
                "동의 철회: 탈퇴하거나 보호책임자에게 요청하면 됩니다. 법정대리인은 동의 안내 메일의 링크로 철회할 수 있습니다.",
                "요청은 10일 이내에 처리하고 결과를 알려 드립니다. 대리인을 통해 요청할 수도 있습니다.",
            ],
        ),
        ("heading", "9. 안전성 확보 조치"),
        (
            "paragraph",
            "비밀번호 암호화 저장, 전송 구간 암호화(HTTPS), 접근 권한의 최소화와 운영자 계정 관리, 공개 전 사진의 비공개 보관, 접속 기록 보관과 점검, 정기 백업을 시행합니다.",
        ),
        ("heading", "10. 개인정보 보호책임자"),
        (
            "list",
            [
                f"개인정보 보호책임자: {OPERATOR} SOS랩 운영팀장",
                f"이메일: {PRIVACY_EMAIL}",
                f"주소: {ADDRESS}",
            ],
        ),
        (
            "paragraph",
            "개인정보 침해에 대한 상담이 필요하면 개인정보침해신고센터(privacy.kisa.or.kr, 국번 없이 118), 개인정보 분쟁조정위원회(www.kopico.go.kr, 1833-6972)에 문의할 수 있습니다.",
        ),
        ("heading", "11. 방침의 변경"),
        (
            "paragraph",
            "이 방침을 바꾸면 시행 7일 전(이용자에게 불리한 변경은 30일 전)부터 사이트에 알립니다. 새 버전이 시행되면 다음 방문 때 새 방침을 확인하고 동의한 뒤에 글을 올릴 수 있습니다. 이전 버전과 각 회원의 동의 기록은 보관합니다.",
        ),
    ],
    "body_en": [
        ("heading", "1. Why we process personal data"),
        (
            "list",
            [
                "Sign-up and verification: confirming your email address, preventing fake and automated accounts",
                "The participation service: reporting local problems, supporting, commenting, proposing and voting on ideas, maker team work and project pages",
                "Notifications: news about what you follow, staff answers and review results, on the site and by email at the frequency you choose",
                "Safe operation: handling reports, reviewing posts, restricting accounts, handling appeals, blocking excessive requests",
                "Verifying a guardian's consent for children under 14",
                "Statistics for policy: figures that identify no one (such as problems per dong) shared with Jeonju City",
            ],
        ),
        ("heading", "2. What we collect"),
        (
            "paragraph",
            "Every member (required): email address, password (stored only as a one-way hash), display name, age band (under 14 / 14 to 18 / adult), the version and time of the privacy policy you accepted, your notification email frequency.",
        ),
        (
            "paragraph",
            "Members under 14: in addition, the guardian's name, relationship, email address, when and how they consented (or refused or withdrew), and the IP address and browser they answered from online.",
        ),
        (
            "paragraph",
            "What you create: the title, text, location (latitude and longitude), dong and photos of problems you report; comments; ideas; supports and votes; follows; team memberships and roles; a mentor's company name; reports and appeals; staff review decisions.",
        ),
        (
            "paragraph",
            "If you ask for a copy of your data: the ZIP file holding it (only you can download it; deleted after 7 days).",
        ),
        (
            "paragraph",
            "Organisations issued an Open311 API key: the organisation's name and its contact person's details (email or phone). Problems posted with a key are published under the organisation's service account.",
        ),
        (
            "paragraph",
            "Created automatically: IP address and time of requests (rate limiting and security logs), cookies that keep you logged in and remember your language. We use no advertising or third-party analytics cookies.",
        ),
        (
            "paragraph",
            "Photo metadata (EXIF, including the place a photo was taken) is removed on upload. We never ask for a resident registration number, phone number or real name.",
        ),
        ("heading", "3. Location data and minors"),
        (
            "list",
            [
                "The point you choose for a problem is stored exactly so that staff and the city department can find the place.",
                "For public problems reported by adults, that point is shown on maps and in open data.",
                "For problems reported by members under 18, every public output (maps, lists, open data, Open311) shows only the point rounded to a grid of about 100 m; the exact point is never published.",
                "The location of a problem waiting for review or hidden is not published.",
            ],
        ),
        ("heading", "4. How long we keep it"),
        (
            "list",
            [
                "Account data: until you delete your account; then it is erased at once.",
                "Posts: when you leave you choose to delete them or keep them under the name 'former member'. Posts by members under 18 are always deleted.",
                "Supports and votes: the counts remain, the link to you is removed when you leave.",
                "Guardian consent records: until one year after the child's account is deleted (to prove consent was given).",
                "Reports and review records: three years after handling; personal details are removed when the person leaves.",
                "Access logs (IP addresses): 90 days.",
                "Where a law requires longer retention, the data is kept separately for that period.",
            ],
        ),
        ("heading", "5. Disclosure to third parties"),
        (
            "paragraph",
            "The operator gives your personal data to no third party. Jeonju City's departments read the content and public location of public problems to handle them as civil complaints; disclosures required by law are the only exception.",
        ),
        ("heading", "6. Processors"),
        (
            "list",
            [
                "Server and database hosting (cloud hosting, Korean region): storage of all service data",
                "Email delivery provider: sign-up confirmation, notifications, guardian consent requests",
                "Error tracking (when enabled): technical details of errors, configured not to send email addresses or other personal data",
            ],
        ),
        (
            "paragraph",
            "When a processor or its task changes, this policy is updated and the change announced.",
        ),
        ("heading", "7. Children under 14 and guardians"),
        (
            "paragraph",
            "Children under 14 may sign up, but cannot publish posts or team pages until a guardian consents. A guardian may at any time ask to see, correct, delete or stop the processing of the child's data and withdraw consent. Children are advised not to use their real name as display name.",
        ),
        ("heading", "8. Your rights and how to exercise them"),
        (
            "list",
            [
                "Access: 'My activity' (/me/) shows what you posted, its review state and any reason it was hidden, your supports, votes, follows and team activity.",
                "Correction: change your display name and notification settings in your profile; edit posts from each post.",
                "Deletion and suspension: deleting your account erases your personal data at once; you can also ask the privacy officer below.",
                "Withdrawing consent: delete your account or ask the privacy officer. Guardians can withdraw from the link in every consent email.",
                "We answer requests within 10 days. You may act through a representative.",
            ],
        ),
        ("heading", "9. Security measures"),
        (
            "paragraph",
            "Hashed passwords, encryption in transit (HTTPS), least-privilege access and managed staff accounts, photos kept private until published, access logs kept and reviewed, regular backups.",
        ),
        ("heading", "10. Privacy officer"),
        (
            "list",
            [
                f"Privacy officer: head of the SOS Lab team, {OPERATOR_EN}",
                f"Email: {PRIVACY_EMAIL}",
                f"Address: {ADDRESS_EN}",
            ],
        ),
        (
            "paragraph",
            "For advice on a privacy infringement you may also contact the Personal Information Infringement Report Center (privacy.kisa.or.kr, 118) or the Personal Information Dispute Mediation Committee (www.kopico.go.kr, 1833-6972).",
        ),
        ("heading", "11. Changes to this policy"),
        (
            "paragraph",
            "Changes are announced on the site 7 days before they take effect (30 days for changes to your disadvantage). Once a new version is in force you are asked to read and accept it at your next visit before you can post again. Earlier versions and every member's consent record are kept.",
        ),
    ],
}

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

LEGAL_PAGES = [PRIVACY, TERMS, ACCESSIBILITY, CONTACT]
