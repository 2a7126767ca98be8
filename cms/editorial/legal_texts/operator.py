"""Who runs the platform and how to reach them: used in every legal text. Before launch the
operator checks these against the real organisation (docs/privacy.md)."""

OPERATOR = "전주정보문화산업진흥원"
OPERATOR_EN = "Jeonju Information and Culture Industry Promotion Agency"
PRIVACY_EMAIL = "privacy@soslab-jeonju.kr"
CONTACT_EMAIL = "contact@soslab-jeonju.kr"
ADDRESS = "전북특별자치도 전주시 덕진구 중동로 63 (전주정보문화산업진흥원)"
ADDRESS_EN = "63 Jungdong-ro, Deokjin-gu, Jeonju, Jeonbuk State (Jeonju ICIPA)"
