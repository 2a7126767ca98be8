"""The query table: Korean queries over the demo problems (tests/search/conftest.py), with
titles each must return and titles it must not return. Particles, spacing, compounds, latin
case, verb forms, and short words that a substring search found inside unrelated words."""

CROSSWALK = "객사 앞 횡단보도 신호가 너무 짧아요"
CROSSWALK_JBNU = "전북대 정문 앞 횡단보도가 위험해요"
CROSSWALK_LONG = "혁신대로 횡단보도 대기 시간이 길어요"
STREETLIGHT = "시청 뒤 골목 가로등이 꺼져 있어요"
DUST_FACTORY = "팔복동 공단 미세먼지"
DUST_BUILDING = "흑석골 공사장 비산먼지"
ROAD_SWEEPER = "송천동 도로 청소차 운행 요청"
SCHOOL_ZONE = "평화동 초등학교 앞 과속 차량"
PARKING = "화산체육관 앞 불법 주차로 시야가 가려요"
DOUBLE_PARKING = "모래내시장 앞 이중 주차"
BUS_SHADE = "효자공원 앞 버스정류장 그늘막 필요"
DEOKJIN = "덕진공원 연못 주변 쓰레기"
HANOK = "한옥마을 골목 쓰레기 무단 투기"
ECOCITY = "송천동 에코시티 통학버스 정차 위치"
CCTV = "인후동 골목 CCTV 요청"
KICKBOARD = "혁신도시 킥보드 무단 방치"
ICE = "금암동 경사로 결빙"
SMELL_STREAM = "삼천천 주변 악취"
IDLING = "서부신시가지 공회전 관광버스"
TOILET = "평화동 근린공원 화장실 고장"
MANHOLE = "홍산 사거리 맨홀 뚜껑 흔들림"
TAXI = "전주역 앞 택시 승차장 혼잡"
MIRROR = "호성동 농로 반사경 없음"
BENCH = "전주천 산책로 벤치 부족"
SHUTTLE = "혁신도시 공공기관 셔틀 시민 이용 문의"
NOISE = "아중저수지 산책로 야간 소음"
TUNNEL = "도청 옆 지하차도 조명 어두움"
PAVEMENT = "예수병원 앞 보도블록이 들떠 있어요"
BIKE = "삼천도서관 앞 자전거 도로 끊김"
RECYCLING = "효자동 원룸촌 분리수거장 넘침"
TAIL = "서신동 감나무골 사거리 꼬리물기"
PAINT = "인후동 가구공장 페인트 냄새"
WANSAN = "완산칠봉 산책로 계단 난간 파손"

# (query, must return, must not return)
QUERIES = [
    ("횡단보도", {CROSSWALK, CROSSWALK_JBNU, CROSSWALK_LONG}, {STREETLIGHT}),
    ("횡단보도에서", {CROSSWALK, CROSSWALK_JBNU, CROSSWALK_LONG}, {STREETLIGHT}),
    ("횡단보도가", {CROSSWALK, CROSSWALK_JBNU}, {PARKING}),
    ("미세먼지", {DUST_FACTORY, DUST_BUILDING}, {ROAD_SWEEPER}),
    ("미세먼지가", {DUST_FACTORY, DUST_BUILDING}, {ROAD_SWEEPER}),
    ("미세 먼지", {DUST_FACTORY, DUST_BUILDING}, {ROAD_SWEEPER}),
    ("먼지", {DUST_FACTORY, ROAD_SWEEPER}, {STREETLIGHT}),
    ("어린이보호구역", {SCHOOL_ZONE}, {ECOCITY}),
    ("어린이 보호 구역", {SCHOOL_ZONE}, {ECOCITY}),
    ("보호구역", {SCHOOL_ZONE}, {CROSSWALK}),
    ("가로등", {STREETLIGHT}, {CROSSWALK}),
    ("가로등이", {STREETLIGHT}, {CROSSWALK}),
    ("불법주차", {PARKING, DOUBLE_PARKING}, {TAXI}),
    ("불법 주차", {PARKING, DOUBLE_PARKING}, {TAXI}),
    ("버스정류장", {BUS_SHADE}, {STREETLIGHT}),
    ("그늘막", {BUS_SHADE}, {TOILET}),
    ("덕진공원", {DEOKJIN}, {TOILET, BUS_SHADE}),
    ("한옥마을", {HANOK}, {DEOKJIN}),
    ("에코시티", {ECOCITY}, {SCHOOL_ZONE}),
    ("CCTV", {CCTV}, {STREETLIGHT}),
    ("cctv", {CCTV}, {STREETLIGHT}),
    ("킥보드", {KICKBOARD}, {BIKE}),
    ("결빙", {ICE}, set()),
    ("악취", {SMELL_STREAM}, {NOISE}),
    ("냄새", {PAINT}, {NOISE}),
    ("공회전", {IDLING}, set()),
    ("관광버스", {IDLING}, {BUS_SHADE}),
    ("화장실 고장", {TOILET}, {STREETLIGHT}),
    ("고장 난 화장실", {TOILET}, {STREETLIGHT}),
    ("맨홀", {MANHOLE}, set()),
    ("전주역 택시", {TAXI}, {CROSSWALK}),
    ("반사경", {MIRROR}, set()),
    ("벤치", {BENCH}, {NOISE}),
    ("산책로", {BENCH, NOISE, WANSAN}, {CROSSWALK}),
    ("무단투기", {HANOK}, {KICKBOARD}),
    ("무단 투기", {HANOK}, {KICKBOARD}),
    ("셔틀", {SHUTTLE}, set()),
    ("오토바이 소음", {NOISE}, {BENCH}),
    ("어두워요", {TUNNEL}, {STREETLIGHT}),
    ("어둡다", {TUNNEL}, {STREETLIGHT}),
    ("과속", {SCHOOL_ZONE}, set()),
    ("보도블록", {PAVEMENT}, {CROSSWALK}),
    ("휠체어", {PAVEMENT}, set()),
    ("모래내시장", {DOUBLE_PARKING}, set()),
    ("자전거 도로", {BIKE}, {KICKBOARD}),
    ("분리수거", {RECYCLING, HANOK}, set()),
    ("꼬리물기", {TAIL}, set()),
    ("지하차도", {TUNNEL}, set()),
    ("신호가 짧아요", {CROSSWALK}, {CROSSWALK_LONG}),
    # Short words a substring search found inside other words.
    ("역", {TAXI}, {SCHOOL_ZONE}),  # not 어린이보호구(역)
    ("보도", {PAVEMENT}, {CROSSWALK, CROSSWALK_JBNU}),  # not 횡단(보도)
    ("문", set(), {SHUTTLE}),  # not (문)의
    ("차", set(), {KICKBOARD}),  # not 방(치)... nor 정(차)
]
