import type { Messages } from './en.js';

/** Korean. First translation, 2026-11-22; to be reviewed by a native speaker. */
export const ko: Messages = {
  'site.title': '안전하게 신고하기',
  'site.tagline': '인신매매나 착취에 대해 안전하게 알려 주실 수 있는 곳입니다.',
  'nav.quickExit': '빠른 나가기',
  'nav.quickExitHint': '지금 이 사이트 나가기',
  'nav.language': '언어',
  'nav.report': '신고하기',
  'nav.inbox': '답변 읽기',
  'footer.privacy':
    '쿠키를 쓰지 않습니다. IP 주소를 보관하지 않습니다. 브라우저에 아무것도 저장되지 않습니다.',
  'footer.tor': '가장 안전한 방법: 이 사이트를 Tor 브라우저로 여세요.',
  'form.heading': '무슨 일이 있었는지 알려 주세요',
  'form.intro':
    '이름을 밝히지 않아도 됩니다. 신고 내용은 즉시 잠기며, 교육을 받은 저희 직원만 읽을 수 있습니다.',
  'form.required': '필수',
  'form.optional': '선택',
  'form.message.label': '무슨 일이 있었나요?',
  'form.message.hint':
    '어떤 언어로 써도 됩니다. 보신 일이나 겪으신 일, 그리고 관련된 사람을 적어 주세요.',
  'form.country.label': '국가',
  'form.country.choose': '국가 선택',
  'form.country.other': '다른 국가',
  'form.place.label': '도시, 마을 또는 장소',
  'form.when.label': '언제 일어난 일인가요?',
  'form.when.hint': '날짜나 “지난주” 같은 표현도 괜찮습니다.',
  'form.danger.legend': '지금 위험에 처한 사람이 있나요?',
  'form.danger.yes': '예',
  'form.danger.no': '아니요',
  'form.danger.unknown': '모르겠습니다',
  'form.attachments.label': '사진, 문서, 음성 또는 동영상',
  'form.attachments.hint':
    '최대 {count}개 파일, 모두 합쳐 {megabytes}MB까지. 사진의 위치 정보는 삭제합니다.',
  'form.contact.label': '어떻게 연락드리면 될까요?',
  'form.contact.warning':
    '연락처는 신원을 드러낼 수 있습니다. 익명으로 남으시려면 비워 두세요. 코드 번호로 저희 답변을 계속 읽으실 수 있습니다.',
  'form.submit': '안전하게 보내기',
  'receipt.heading': '신고를 받았습니다',
  'receipt.codenameLabel': '코드 번호',
  'receipt.remember':
    '이 코드 번호를 적어 두거나 기억해 주세요. 저희 답변을 읽을 수 있는 유일한 방법입니다. 다시 보여 드릴 수 없습니다.',
  'receipt.next.24h':
    '교육을 받은 직원이 신고 내용을 읽습니다. 24시간 안에 답변드리려고 합니다. 그때 코드 번호로 다시 오시면 답변을 읽고 정보를 더 보내실 수 있습니다.',
  'receipt.next.48h':
    '교육을 받은 직원이 신고 내용을 읽습니다. 2일 안에 답변드리려고 합니다. 그때 코드 번호로 다시 오시면 답변을 읽고 정보를 더 보내실 수 있습니다.',
  'receipt.next.3d':
    '교육을 받은 직원이 신고 내용을 읽습니다. 3일 안에 답변드리려고 합니다. 그때 코드 번호로 다시 오시면 답변을 읽고 정보를 더 보내실 수 있습니다.',
  'receipt.next.7d':
    '교육을 받은 직원이 신고 내용을 읽습니다. 일주일 안에 답변드리려고 합니다. 그때 코드 번호로 다시 오시면 답변을 읽고 정보를 더 보내실 수 있습니다.',
  'receipt.inboxLink': '나중에 답변 읽기',
  'receipt.safety':
    '누군가 이 휴대폰을 확인할 수 있다면 지금 이 페이지를 닫으세요. 휴대폰에는 신고에 관한 것이 아무것도 남지 않습니다.',
  'danger.heading': '지금 위험에 처한 사람이 있다면',
  'danger.call': '{country}에서는 다음 번호로 전화하세요:',
  'danger.callLocal': '현지 긴급 전화번호로 전화하세요.',
  'danger.kind.emergency': '긴급',
  'danger.kind.police': '경찰',
  'danger.kind.ambulance': '구급차',
  'danger.kind.fire': '소방',
  'inbox.heading': '답변 읽기',
  'inbox.intro': '코드 번호를 입력하면 직원의 답변을 읽고 정보를 더 보내실 수 있습니다.',
  'inbox.codename.label': '코드 번호',
  'inbox.codename.hint': '숫자 20자리, 띄어쓰기는 상관없습니다.',
  'inbox.open': '열기',
  'inbox.none': '이 코드 번호에 대한 답변이 아직 없습니다. 나중에 다시 확인해 주세요.',
  'inbox.fromStaff': '저희 직원',
  'inbox.fromYou': '나',
  'inbox.followup.label': '정보 더 보내기',
  'inbox.followup.submit': '보내기',
  'inbox.followup.sent': '보냈습니다. 감사합니다.',
  'error.heading': '양식을 확인해 주세요',
  'error.messageRequired': '무슨 일이 있었는지 알려 주세요.',
  'error.tooLong': '너무 깁니다. 줄여 주세요.',
  'error.tooLongCut':
    '“{field}” 항목이 너무 길어서 {count}자로 줄였습니다. 끝부분을 확인한 뒤 다시 보내 주세요.',
  'error.crossSite':
    '다른 웹사이트의 페이지에서 보낸 것이라 받지 않았으며, 아무것도 저장되지 않았습니다. 알려 주실 내용이 있다면 이 페이지를 이용해 주세요. 이 페이지가 저희의 페이지입니다.',
  'error.tooLarge':
    '한 번에 보내기에는 너무 많습니다. 파일 수를 줄이거나 더 작은 파일을 보내 주세요.',
  'error.tooManyFiles': '파일이 너무 많습니다. 최대 {count}개까지 보낼 수 있습니다.',
  'error.badFile': '파일 하나를 읽을 수 없습니다. 다른 파일로 해 보세요.',
  'questions.heading': '몇 가지 질문이 더 있습니다',
  'questions.onlyIf': '“{question}”에 대한 답이 {answers}인 경우에만 답해 주세요.',
  'questions.dateFrom': '시작',
  'questions.dateTo': '끝 (기간인 경우)',
  'error.answer': '“{question}”에 대한 답을 확인해 주세요.',
  'error.badInput': '양식에 올바르지 않은 부분이 있습니다. 확인 후 다시 시도해 주세요.',
  'error.rateLimited': '지금 신고가 너무 많이 들어오고 있습니다. 잠시 후 다시 시도해 주세요.',
  'error.notFound': '존재하지 않는 페이지입니다.',
  'error.server': '저희 쪽에 문제가 생겨 신고가 저장되지 않았을 수 있습니다. 다시 시도해 주세요.',
  'error.notReady': '이 신고 창구는 아직 열리지 않았습니다. 나중에 다시 시도해 주세요.',
  'error.unavailable':
    '서버에 문제가 있어 지금은 신고를 저장할 수 없습니다. 아무것도 전송되지 않았습니다. 몇 분 후에 다시 시도해 주세요.',
  'error.photoMetadata':
    '사진에 숨은 위치 정보를 지울 수 없어 아무것도 보내지 않았습니다. 다른 사진을 고르시거나 그 사진 없이 보내 주세요.',
  'bot.start.greeting':
    '안녕하세요. 여기에서 이름을 밝히지 않고 인신매매나 착취에 대해 알려 주실 수 있습니다. 신고 내용은 보내시는 즉시 잠기며, 교육을 받은 저희 직원만 읽을 수 있습니다.',
  'bot.start.safety':
    '알아 두세요: Telegram 대화는 종단간 암호화가 되지 않으며, Telegram은 이 대화를 볼 수 있습니다. Tor 브라우저로 여는 저희 웹 양식이 더 안전합니다. 신고를 보내신 뒤에는 제가 휴대폰에서 이 대화를 지워 드릴 수 있습니다.',
  'bot.start.webForm': 'Tor 브라우저용 웹 양식: {address}',
  'bot.start.next': '시작하려면 “신고 시작”을 누르거나 /report를 보내세요.',
  'bot.help':
    '명령어:\n/report – 신고 시작\n/submit – 신고 보내기\n/cancel – 작성 중인 신고 버리기\n/wipe – 이 대화 지우기\n/language – 언어 바꾸기\n/status – 코드 번호로 답변 읽기\n/help – 이 목록',
  'bot.command.start': '시작 및 안전 안내',
  'bot.command.report': '신고 시작',
  'bot.command.submit': '신고 보내기',
  'bot.command.cancel': '작성 중인 신고 버리기',
  'bot.command.wipe': '이 대화 지우기',
  'bot.command.language': '언어 바꾸기',
  'bot.command.status': '코드 번호로 답변 읽기',
  'bot.command.help': '명령어 목록',
  'bot.button.report': '신고 시작',
  'bot.button.language': '언어',
  'bot.button.continue': '계속',
  'bot.button.skip': '건너뛰기',
  'bot.button.send': '안전하게 보내기',
  'bot.button.cancel': '버리기',
  'bot.button.wipe': '이 대화 지우기',
  'bot.button.keep': '대화 남겨 두기',
  'bot.language.choose': '언어를 선택하세요:',
  'bot.language.set': '이제부터 한국어로 쓰겠습니다.',
  'bot.report.story':
    '무슨 일이 있었나요? 필요한 만큼 여러 메시지로, 어떤 언어로든 써 주세요. 사진, 문서, 음성 메시지, 위치도 보내실 수 있습니다. 다 쓰셨으면 “계속”을 누르세요.',
  'bot.report.added': '추가했습니다. 더 쓰시거나 “계속”을 누르세요.',
  'bot.report.fileAdded': '파일을 추가했습니다. 더 보내시거나 “계속”을 누르세요.',
  'bot.report.locationAdded': '위치를 추가했습니다.',
  'bot.report.country': '어느 나라에서 일어난 일인가요?',
  'bot.report.place':
    '어느 도시, 마을 또는 장소인가요? 직접 쓰시거나, 위치를 공유하시거나, “건너뛰기”를 누르세요.',
  'bot.report.when':
    '언제 일어난 일인가요? 날짜나 “지난주” 같은 표현도 괜찮습니다. 또는 “건너뛰기”를 누르세요.',
  'bot.report.danger': '지금 위험에 처한 사람이 있나요?',
  'bot.report.summary':
    '신고가 준비되었습니다:\n{summary}\n\n“안전하게 보내기”를 누르거나 /submit을 보내세요. /cancel을 보내면 버립니다.',
  'bot.summary.messages': '메시지: {count}개',
  'bot.summary.files': '파일: {count}개',
  'bot.summary.country': '국가: {country}',
  'bot.summary.place': '장소: {place}',
  'bot.summary.location': '위치 첨부됨',
  'bot.summary.when': '시기: {when}',
  'bot.summary.danger': '지금 위험에 처한 사람: {answer}',
  'bot.submitted':
    '신고가 전송되어 잠겼습니다. 코드 번호는 다음과 같습니다:\n\n{codename}\n\n안전한 곳에 적어 두세요. 저희 답변을 읽으시려면 여기에서 이 코드 번호와 함께 /status를 보내시거나, 웹 양식에 코드 번호를 입력하세요. 다시 보여 드릴 수 없습니다.',
  'bot.wipe.offer': '지금 휴대폰에서 이 대화를 지울까요? 먼저 코드 번호를 저장해 두세요.',
  'bot.wipe.done': '대화를 지웠습니다.',
  'bot.wipe.older':
    '일부 오래된 메시지는 지울 수 없었습니다. Telegram에서 직접 지우실 수 있습니다.',
  'bot.wipe.kept': '대화를 남겨 두었습니다. 언제든지 /wipe를 보내실 수 있습니다.',
  'bot.cancel.done': '작성 중이던 신고를 버렸습니다. 아무것도 보내지 않았습니다.',
  'bot.cancel.none': '작성 중인 신고가 없습니다. 시작하려면 /report를 보내세요.',
  'bot.submit.empty': '먼저 무슨 일이 있었는지 알려 주세요. 메시지를 쓰신 다음 /submit을 보내세요.',
  'bot.draft.lost':
    '작성 중인 신고가 없습니다. 신고를 쓰고 계셨다면, 서비스가 다시 시작되었거나 30분 넘게 기다려서 사라졌습니다. 다시 시작하려면 /report를 보내세요.',
  'bot.draft.full':
    '이 신고에는 더 추가할 수 없습니다. 지금 /submit을 보내시거나, 다시 시작하려면 /cancel을 보내세요.',
  'bot.file.tooBig':
    '파일이 너무 큽니다. 한도는 {megabytes}MB입니다. 나머지 신고 내용은 그대로 있습니다.',
  'bot.file.tooMany':
    '파일은 최대 {count}개까지 보낼 수 있습니다. 나머지 신고 내용은 그대로 있습니다.',
  'bot.file.unreadable': '이 파일을 읽을 수 없습니다. 나머지 신고 내용은 그대로 있습니다.',
  'bot.unsupported':
    '이런 종류의 메시지는 쓸 수 없습니다. 글, 사진, 문서, 음성 메시지 또는 위치를 보내 주세요.',
  'bot.status.ask': '/status 뒤에 코드 번호를 붙여 보내세요. 예: /status 1234 5678 …',
  'bot.status.heading': '코드 번호에 대한 답변:',
  'bot.status.removed': '코드 번호가 담긴 메시지를 이 대화에서 지웠습니다.',
  'bot.reply.incoming': '저희 직원의 답변입니다:\n\n{text}',
  'bot.group.refused':
    '안전을 위해 저는 개인 대화에서만 작동합니다. 저에게 직접 메시지를 보내 주세요. 지금 이 그룹을 나갑니다.',
  'bot.flood': '메시지를 너무 빨리 보내고 계십니다. 1분 정도 기다리신 뒤 계속하세요.',
  'bot.error': '저희 쪽에 문제가 생겼습니다. 작성 중인 신고는 그대로 있으니 다시 시도해 주세요.',
  'alert.subject': '새 활동',
  'alert.body': '제보 창구에 새 활동이 있습니다. 데스크를 열어 확인하세요.',
  'bot.alertLink.done': '연결되었습니다. 알림이 이 대화로 옵니다.',
  'bot.alertLink.failed': '이 코드는 사용할 수 없습니다.',
  'bot.unavailable':
    '서버에 문제가 있어 지금은 신고를 저장할 수 없습니다. 작성 중인 신고는 그대로 있으니 몇 분 후에 /submit 을 다시 보내 주세요.',
};
