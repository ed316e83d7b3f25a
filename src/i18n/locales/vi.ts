import type { Messages } from './en.js';

/** Vietnamese. First translation, 2026-11-22; to be reviewed by a native speaker. */
export const vi: Messages = {
  'site.title': 'Báo tin an toàn',
  'site.tagline': 'Một cách an toàn để cho chúng tôi biết về mua bán người hoặc bóc lột.',
  'nav.quickExit': 'Thoát nhanh',
  'nav.quickExitHint': 'Rời trang này ngay',
  'nav.language': 'Ngôn ngữ',
  'nav.report': 'Gửi báo tin',
  'nav.inbox': 'Đọc phản hồi',
  'footer.privacy':
    'Không dùng cookie. Chúng tôi không lưu địa chỉ IP của bạn. Trình duyệt không lưu lại gì.',
  'footer.tor': 'An toàn nhất: mở trang này bằng Tor Browser.',
  'form.heading': 'Hãy kể cho chúng tôi điều đã xảy ra',
  'form.intro':
    'Bạn không cần cho biết tên. Báo tin của bạn được khóa ngay để chỉ nhân viên đã được đào tạo của chúng tôi mới đọc được.',
  'form.required': 'bắt buộc',
  'form.optional': 'không bắt buộc',
  'form.message.label': 'Điều gì đã xảy ra?',
  'form.message.hint':
    'Viết bằng bất kỳ ngôn ngữ nào. Hãy kể điều bạn thấy hoặc điều đã xảy ra với bạn, và những ai liên quan.',
  'form.country.label': 'Quốc gia',
  'form.country.choose': 'Chọn quốc gia',
  'form.country.other': 'Quốc gia khác',
  'form.place.label': 'Thành phố, thị trấn hoặc địa điểm',
  'form.when.label': 'Việc này xảy ra khi nào?',
  'form.when.hint': 'Một ngày cụ thể, hoặc nói như “tuần trước”.',
  'form.danger.legend': 'Hiện có ai đang gặp nguy hiểm không?',
  'form.danger.yes': 'Có',
  'form.danger.no': 'Không',
  'form.danger.unknown': 'Tôi không biết',
  'form.attachments.label': 'Ảnh, giấy tờ, ghi âm hoặc video',
  'form.attachments.hint':
    'Tối đa {count} tệp, tổng cộng {megabytes} MB. Chúng tôi xóa dữ liệu vị trí khỏi ảnh.',
  'form.contact.label': 'Chúng tôi có thể liên lạc với bạn bằng cách nào?',
  'form.contact.warning':
    'Thông tin liên lạc có thể làm lộ danh tính của bạn. Hãy để trống nếu muốn ẩn danh: bạn vẫn đọc được phản hồi của chúng tôi bằng mã số bí mật.',
  'form.submit': 'Gửi an toàn',
  'receipt.heading': 'Chúng tôi đã nhận được báo tin của bạn',
  'receipt.codenameLabel': 'Mã số bí mật của bạn',
  'receipt.remember':
    'Hãy ghi lại hoặc ghi nhớ mã số này. Đây là cách duy nhất để đọc phản hồi của chúng tôi. Chúng tôi không thể hiển thị lại mã này.',
  'receipt.next.24h':
    'Nhân viên đã được đào tạo sẽ đọc báo tin của bạn. Chúng tôi cố gắng trả lời trong vòng 24 giờ: hãy quay lại khi đó với mã số bí mật để đọc phản hồi và gửi thêm thông tin.',
  'receipt.next.48h':
    'Nhân viên đã được đào tạo sẽ đọc báo tin của bạn. Chúng tôi cố gắng trả lời trong vòng 2 ngày: hãy quay lại khi đó với mã số bí mật để đọc phản hồi và gửi thêm thông tin.',
  'receipt.next.3d':
    'Nhân viên đã được đào tạo sẽ đọc báo tin của bạn. Chúng tôi cố gắng trả lời trong vòng 3 ngày: hãy quay lại khi đó với mã số bí mật để đọc phản hồi và gửi thêm thông tin.',
  'receipt.next.7d':
    'Nhân viên đã được đào tạo sẽ đọc báo tin của bạn. Chúng tôi cố gắng trả lời trong vòng một tuần: hãy quay lại khi đó với mã số bí mật để đọc phản hồi và gửi thêm thông tin.',
  'receipt.inboxLink': 'Đọc phản hồi sau',
  'receipt.safety':
    'Nếu có người có thể kiểm tra điện thoại này, hãy đóng trang này ngay. Điện thoại không lưu lại gì về báo tin của bạn.',
  'danger.heading': 'Nếu có người đang gặp nguy hiểm ngay lúc này',
  'danger.call': 'Hãy gọi các số này ở {country}:',
  'danger.callLocal': 'Hãy gọi số khẩn cấp tại địa phương.',
  'danger.kind.emergency': 'Khẩn cấp',
  'danger.kind.police': 'Cảnh sát',
  'danger.kind.ambulance': 'Cấp cứu',
  'danger.kind.fire': 'Cứu hỏa',
  'inbox.heading': 'Đọc phản hồi',
  'inbox.intro': 'Nhập mã số bí mật để đọc phản hồi của nhân viên và gửi thêm thông tin.',
  'inbox.codename.label': 'Mã số bí mật',
  'inbox.codename.hint': '20 chữ số, có dấu cách cũng được.',
  'inbox.open': 'Mở',
  'inbox.none': 'Chưa có phản hồi cho mã số này. Vui lòng quay lại sau.',
  'inbox.fromStaff': 'Nhân viên của chúng tôi',
  'inbox.fromYou': 'Bạn',
  'inbox.followup.label': 'Thêm thông tin',
  'inbox.followup.submit': 'Gửi',
  'inbox.followup.sent': 'Đã gửi. Cảm ơn bạn.',
  'error.heading': 'Vui lòng kiểm tra lại biểu mẫu',
  'error.messageRequired': 'Vui lòng kể cho chúng tôi điều đã xảy ra.',
  'error.tooLong': 'Nội dung quá dài. Vui lòng rút ngắn lại.',
  'error.tooLongCut':
    'Phần “{field}” quá dài nên chúng tôi đã cắt bớt còn {count} ký tự. Vui lòng kiểm tra phần cuối rồi gửi lại.',
  'error.crossSite':
    'Nội dung này được gửi từ một trang của trang web khác, nên chúng tôi không nhận và không lưu gì cả. Nếu bạn muốn cho chúng tôi biết điều gì, hãy dùng trang này: đây là trang của chính chúng tôi.',
  'error.tooLarge': 'Dung lượng gửi một lần quá lớn. Vui lòng gửi ít tệp hơn hoặc tệp nhỏ hơn.',
  'error.tooManyFiles': 'Quá nhiều tệp. Bạn có thể gửi tối đa {count} tệp.',
  'error.badFile': 'Không đọc được một trong các tệp. Vui lòng thử tệp khác.',
  'questions.heading': 'Thêm vài câu hỏi',
  'questions.onlyIf': 'Chỉ trả lời nếu câu trả lời của bạn cho “{question}” là: {answers}.',
  'questions.dateFrom': 'Từ',
  'questions.dateTo': 'Đến (nếu là một khoảng thời gian)',
  'error.answer': 'Vui lòng kiểm tra câu trả lời của bạn cho “{question}”.',
  'error.badInput': 'Có điều gì đó trong biểu mẫu chưa đúng. Vui lòng kiểm tra và thử lại.',
  'error.rateLimited': 'Hiện có quá nhiều báo tin đang gửi đến. Vui lòng đợi một chút rồi thử lại.',
  'error.notFound': 'Trang này không tồn tại.',
  'error.server':
    'Bên chúng tôi gặp sự cố và báo tin của bạn có thể chưa được lưu. Vui lòng thử lại.',
  'error.notReady': 'Đường dây báo tin này chưa mở. Vui lòng thử lại sau.',
  'error.unavailable':
    'Hiện chúng tôi không thể lưu báo tin do máy chủ gặp sự cố. Chưa có gì được gửi đi. Vui lòng thử lại sau vài phút.',
  'error.photoMetadata':
    'Chúng tôi không xóa được dữ liệu vị trí ẩn trong một ảnh, nên chưa gửi gì cả. Vui lòng chọn ảnh khác hoặc gửi mà không kèm ảnh đó.',
  'bot.start.greeting':
    'Xin chào. Tại đây bạn có thể cho chúng tôi biết về mua bán người hoặc bóc lột mà không cần cho biết tên. Báo tin của bạn được khóa ngay khi bạn gửi, để chỉ nhân viên đã được đào tạo của chúng tôi mới đọc được.',
  'bot.start.safety':
    'Xin lưu ý: tin nhắn trên Telegram không được mã hóa đầu cuối, và Telegram có thể xem cuộc trò chuyện này. Biểu mẫu web của chúng tôi, khi mở bằng Tor Browser, an toàn hơn. Sau khi bạn gửi báo tin, tôi có thể xóa cuộc trò chuyện này khỏi điện thoại của bạn.',
  'bot.start.webForm': 'Biểu mẫu web dùng với Tor Browser: {address}',
  'bot.start.next': 'Để bắt đầu, hãy bấm “Bắt đầu báo tin” hoặc gửi /report.',
  'bot.help':
    'Các lệnh:\n/report – bắt đầu báo tin\n/submit – gửi báo tin của bạn\n/cancel – hủy bản nháp\n/wipe – xóa cuộc trò chuyện này\n/language – đổi ngôn ngữ\n/status – đọc phản hồi bằng mã số bí mật\n/help – danh sách này',
  'bot.command.start': 'Bắt đầu và lưu ý an toàn',
  'bot.command.report': 'Bắt đầu báo tin',
  'bot.command.submit': 'Gửi báo tin của bạn',
  'bot.command.cancel': 'Hủy bản nháp',
  'bot.command.wipe': 'Xóa cuộc trò chuyện này',
  'bot.command.language': 'Đổi ngôn ngữ',
  'bot.command.status': 'Đọc phản hồi bằng mã số bí mật',
  'bot.command.help': 'Danh sách các lệnh',
  'bot.button.report': 'Bắt đầu báo tin',
  'bot.button.language': 'Ngôn ngữ',
  'bot.button.continue': 'Tiếp tục',
  'bot.button.skip': 'Bỏ qua',
  'bot.button.send': 'Gửi an toàn',
  'bot.button.cancel': 'Hủy bỏ',
  'bot.button.wipe': 'Xóa cuộc trò chuyện',
  'bot.button.keep': 'Giữ cuộc trò chuyện',
  'bot.language.choose': 'Chọn ngôn ngữ của bạn:',
  'bot.language.set': 'Từ giờ tôi sẽ viết bằng tiếng Việt.',
  'bot.report.story':
    'Điều gì đã xảy ra? Bạn có thể viết bao nhiêu tin nhắn cũng được, bằng bất kỳ ngôn ngữ nào. Bạn cũng có thể gửi ảnh, giấy tờ, tin nhắn thoại và vị trí. Viết xong, hãy bấm “Tiếp tục”.',
  'bot.report.added': 'Đã thêm. Bạn có thể viết thêm, hoặc bấm “Tiếp tục”.',
  'bot.report.fileAdded': 'Đã thêm tệp. Bạn có thể gửi thêm, hoặc bấm “Tiếp tục”.',
  'bot.report.locationAdded': 'Đã thêm vị trí.',
  'bot.report.country': 'Việc này xảy ra ở quốc gia nào?',
  'bot.report.place':
    'Ở thành phố, thị trấn hoặc địa điểm nào? Hãy viết ra, chia sẻ vị trí, hoặc bấm “Bỏ qua”.',
  'bot.report.when':
    'Việc này xảy ra khi nào? Một ngày cụ thể, hoặc nói như “tuần trước”. Hoặc bấm “Bỏ qua”.',
  'bot.report.danger': 'Hiện có ai đang gặp nguy hiểm không?',
  'bot.report.summary':
    'Báo tin của bạn đã sẵn sàng:\n{summary}\n\nHãy bấm “Gửi an toàn” hoặc gửi /submit. Gửi /cancel để hủy bỏ.',
  'bot.summary.messages': 'Tin nhắn: {count}',
  'bot.summary.files': 'Tệp: {count}',
  'bot.summary.country': 'Quốc gia: {country}',
  'bot.summary.place': 'Địa điểm: {place}',
  'bot.summary.location': 'Có kèm vị trí',
  'bot.summary.when': 'Thời gian: {when}',
  'bot.summary.danger': 'Có người đang gặp nguy hiểm: {answer}',
  'bot.submitted':
    'Báo tin của bạn đã được gửi và khóa lại. Mã số bí mật của bạn là:\n\n{codename}\n\nHãy ghi lại ở nơi an toàn. Để đọc phản hồi của chúng tôi, hãy gửi /status kèm mã số này tại đây, hoặc nhập mã số trên biểu mẫu web. Chúng tôi không thể hiển thị lại mã này.',
  'bot.wipe.offer':
    'Tôi xóa cuộc trò chuyện này khỏi điện thoại của bạn ngay bây giờ nhé? Hãy lưu mã số bí mật trước.',
  'bot.wipe.done': 'Đã xóa cuộc trò chuyện.',
  'bot.wipe.older': 'Không xóa được một số tin nhắn cũ. Bạn có thể tự xóa chúng trong Telegram.',
  'bot.wipe.kept': 'Đã giữ cuộc trò chuyện. Bạn có thể gửi /wipe bất cứ lúc nào.',
  'bot.cancel.done': 'Bản nháp của bạn đã bị hủy. Chưa có gì được gửi đi.',
  'bot.cancel.none': 'Hiện không có báo tin nào đang viết dở. Gửi /report để bắt đầu.',
  'bot.submit.empty': 'Trước hết, hãy kể điều đã xảy ra: viết một tin nhắn, rồi gửi /submit.',
  'bot.draft.lost':
    'Tôi không có báo tin nào bạn đang viết dở. Nếu bạn đang viết, báo tin đó đã bị mất vì hệ thống của chúng tôi khởi động lại hoặc vì đã chờ quá 30 phút. Vui lòng gửi /report để bắt đầu lại.',
  'bot.draft.full':
    'Báo tin này không thể thêm gì nữa. Vui lòng gửi /submit ngay, hoặc /cancel để bắt đầu lại.',
  'bot.file.tooBig':
    'Tệp này quá lớn: giới hạn là {megabytes} MB. Phần còn lại của báo tin vẫn được giữ.',
  'bot.file.tooMany': 'Bạn có thể gửi tối đa {count} tệp. Phần còn lại của báo tin vẫn được giữ.',
  'bot.file.unreadable': 'Không đọc được tệp này. Phần còn lại của báo tin vẫn được giữ.',
  'bot.unsupported':
    'Tôi không dùng được loại tin nhắn này. Vui lòng gửi chữ, ảnh, giấy tờ, tin nhắn thoại hoặc vị trí.',
  'bot.status.ask': 'Hãy gửi /status kèm mã số bí mật, ví dụ: /status 1234 5678 …',
  'bot.status.heading': 'Phản hồi cho mã số bí mật của bạn:',
  'bot.status.removed': 'Tôi đã xóa tin nhắn chứa mã số bí mật của bạn khỏi cuộc trò chuyện này.',
  'bot.reply.incoming': 'Phản hồi từ nhân viên của chúng tôi:\n\n{text}',
  'bot.group.refused':
    'Vì sự an toàn của bạn, tôi chỉ làm việc trong cuộc trò chuyện riêng. Vui lòng nhắn trực tiếp cho tôi. Bây giờ tôi sẽ rời nhóm này.',
  'bot.flood': 'Bạn đang gửi tin nhắn rất nhanh. Vui lòng đợi một phút rồi tiếp tục.',
  'bot.error': 'Bên chúng tôi gặp sự cố. Bản nháp của bạn vẫn được giữ; vui lòng thử lại.',
  'alert.subject': 'Hoạt động mới',
  'alert.body': 'Có hoạt động mới trên đường dây báo tin. Hãy mở bàn làm việc để đọc.',
  'bot.alertLink.done': 'Đã liên kết. Thông báo sẽ được gửi đến cuộc trò chuyện này.',
  'bot.alertLink.failed': 'Mã này không dùng được.',
  'bot.unavailable':
    'Hiện chúng tôi không thể lưu báo tin của bạn do máy chủ gặp sự cố. Bản nháp của bạn vẫn được giữ; vui lòng gửi lại /submit sau vài phút.',
};
