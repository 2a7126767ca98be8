"""Default text of the privacy policy (/privacy/): 개인정보 처리방침."""

from .operator import ADDRESS, ADDRESS_EN, OPERATOR, OPERATOR_EN, PRIVACY_EMAIL

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
            "모든 회원(필수): 이메일 주소, 비밀번호(복원할 수 없게 암호화하여 저장), 표시 이름, 연령대(만 14세 미만 / 만 14~18세 / 성인), 개인정보 처리방침 동의 버전과 일시, 알림 이메일 빈도, 알림 언어.",
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
            "Every member (required): email address, password (stored only as a one-way hash), display name, age band (under 14 / 14 to 18 / adult), the version and time of the privacy policy you accepted, your notification email frequency and notification language.",
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
