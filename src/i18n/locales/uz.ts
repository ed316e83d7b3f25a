import type { Messages } from './en.js';

/**
 * Uzbek in the Latin script (the official one), with oʻ and gʻ written with U+02BB and the
 * tutuq belgisi with U+02BC. "Murojaat" is a report, "xabar" a single message.
 * Machine-drafted: a native speaker must review it.
 */
export const uz: Messages = {
  'site.title': 'Xavfsiz xabar bering',
  'site.tagline': 'Odam savdosi yoki ekspluatatsiya haqida bizga aytishning xavfsiz yoʻli.',
  'nav.quickExit': 'Tez chiqish',
  'nav.quickExitHint': 'Bu saytdan hozir chiqing',
  'nav.language': 'Til',
  'nav.report': 'Murojaat yuborish',
  'nav.inbox': 'Javoblarni oʻqish',
  'footer.privacy':
    'Cookie yoʻq. IP manzilingizni saqlamaymiz. Brauzeringizda hech narsa saqlanmaydi.',
  'footer.tor': 'Eng xavfsizi: bu saytni Tor Browser orqali oching.',

  'form.heading': 'Nima boʻlganini bizga aytib bering',
  'form.intro':
    'Ismingizni aytishingiz shart emas. Murojaatingiz darhol qulflanadi va uni faqat tayyorgarlikdan oʻtgan xodimlarimiz oʻqiy oladi.',
  'form.required': 'majburiy',
  'form.optional': 'ixtiyoriy',
  'form.message.label': 'Nima boʻldi?',
  'form.message.hint':
    'Istalgan tilda yozing. Nimani koʻrganingizni yoki sizga nima boʻlganini va bunga kimlar aralashganini aytib bering.',
  'form.country.label': 'Mamlakat',
  'form.country.choose': 'Mamlakatni tanlang',
  'form.country.other': 'Boshqa mamlakat',
  'form.place.label': 'Shahar, qishloq yoki joy',
  'form.when.label': 'Bu qachon boʻldi?',
  'form.when.hint': 'Sana yoki “oʻtgan hafta” kabi soʻzlar.',
  'form.danger.legend': 'Hozir kimdir xavf ostidami?',
  'form.danger.yes': 'Ha',
  'form.danger.no': 'Yoʻq',
  'form.danger.unknown': 'Bilmayman',
  'form.attachments.label': 'Rasmlar, hujjatlar, audio yoki video',
  'form.attachments.hint':
    'Koʻpi bilan {count} ta fayl, jami {megabytes} MB. Rasmlardan joylashuv maʼlumotlarini olib tashlaymiz.',
  'form.contact.label': 'Siz bilan qanday bogʻlanamiz?',
  'form.contact.warning':
    'Aloqa maʼlumotlari kimligingizni oshkor qilishi mumkin. Anonim qolish uchun buni boʻsh qoldiring: javoblarimizni baribir kod nomingiz bilan oʻqiy olasiz.',
  'form.submit': 'Xavfsiz yuborish',

  'receipt.heading': 'Murojaatingizni oldik',
  'receipt.codenameLabel': 'Kod nomingiz',
  'receipt.remember':
    'Bu kod nomini yozib oling yoki eslab qoling. Javoblarimizni oʻqishning yagona yoʻli shu. Uni sizga qayta koʻrsata olmaymiz.',
  'receipt.next.24h':
    'Tayyorgarlikdan oʻtgan xodimimiz murojaatingizni oʻqiydi. 24 soat ichida javob berishga harakat qilamiz: javobimizni oʻqish va qoʻshimcha maʼlumot yuborish uchun oʻshanda kod nomingiz bilan qayta kiring.',
  'receipt.next.48h':
    'Tayyorgarlikdan oʻtgan xodimimiz murojaatingizni oʻqiydi. 2 kun ichida javob berishga harakat qilamiz: javobimizni oʻqish va qoʻshimcha maʼlumot yuborish uchun oʻshanda kod nomingiz bilan qayta kiring.',
  'receipt.next.3d':
    'Tayyorgarlikdan oʻtgan xodimimiz murojaatingizni oʻqiydi. 3 kun ichida javob berishga harakat qilamiz: javobimizni oʻqish va qoʻshimcha maʼlumot yuborish uchun oʻshanda kod nomingiz bilan qayta kiring.',
  'receipt.next.7d':
    'Tayyorgarlikdan oʻtgan xodimimiz murojaatingizni oʻqiydi. Bir hafta ichida javob berishga harakat qilamiz: javobimizni oʻqish va qoʻshimcha maʼlumot yuborish uchun oʻshanda kod nomingiz bilan qayta kiring.',
  'receipt.inboxLink': 'Javoblarni keyinroq oʻqish',
  'receipt.safety':
    'Agar kimdir bu telefonni tekshirishi mumkin boʻlsa, bu sahifani hozir yoping. Murojaatingiz haqida telefonda hech narsa qolmaydi.',

  'danger.heading': 'Agar hozir kimdir xavf ostida boʻlsa',
  'danger.call': '{country}da quyidagi raqamlarga qoʻngʻiroq qiling:',
  'danger.callLocal': 'Mahalliy favqulodda yordam raqamiga qoʻngʻiroq qiling.',
  'danger.kind.emergency': 'Favqulodda yordam',
  'danger.kind.police': 'Politsiya',
  'danger.kind.ambulance': 'Tez yordam',
  'danger.kind.fire': 'Yongʻin xizmati',

  'inbox.heading': 'Javoblarni oʻqish',
  'inbox.intro':
    'Xodimlarimizning javoblarini oʻqish va qoʻshimcha maʼlumot yuborish uchun kod nomingizni kiriting.',
  'inbox.codename.label': 'Kod nomi',
  'inbox.codename.hint': '20 ta raqam, boʻsh joylar muhim emas.',
  'inbox.open': 'Ochish',
  'inbox.none': 'Bu kod nomi uchun hali javob yoʻq. Iltimos, keyinroq yana tekshiring.',
  'inbox.fromStaff': 'Xodimlarimiz',
  'inbox.fromYou': 'Siz',
  'inbox.followup.label': 'Qoʻshimcha maʼlumot qoʻshish',
  'inbox.followup.submit': 'Yuborish',
  'inbox.followup.sent': 'Yuborildi. Rahmat.',

  'error.heading': 'Iltimos, shaklni tekshiring',
  'error.messageRequired': 'Iltimos, nima boʻlganini bizga aytib bering.',
  'error.tooLong': 'Bu juda uzun. Iltimos, qisqartiring.',
  'error.tooLongCut':
    '“{field}” juda uzun edi, shuning uchun uni {count} ta belgigacha qisqartirdik. Iltimos, oxirini tekshiring, keyin qayta yuboring.',
  'error.crossSite':
    'Bu boshqa veb-saytdagi sahifadan yuborilgan, shuning uchun uni qabul qilmadik va hech narsa saqlanmadi. Bizga biror narsa aytmoqchi boʻlsangiz, iltimos, shu sahifadan foydalaning: bu bizning oʻz sahifamiz.',
  'error.tooLarge':
    'Bir martada yuborish uchun bu juda koʻp. Iltimos, kamroq yoki kichikroq fayllar yuboring.',
  'error.tooManyFiles': 'Fayllar juda koʻp. Koʻpi bilan {count} ta fayl yuborishingiz mumkin.',
  'error.badFile': 'Fayllardan birini oʻqib boʻlmadi. Iltimos, boshqa fayl tanlang.',
  'error.badInput': 'Shaklda nimadir notoʻgʻri edi. Iltimos, tekshirib, qayta urinib koʻring.',
  'error.rateLimited':
    'Hozir juda koʻp murojaat kelmoqda. Iltimos, biroz kutib, qayta urinib koʻring.',
  'error.notFound': 'Bunday sahifa yoʻq.',
  'error.server':
    'Bizning tomonimizda xatolik yuz berdi va murojaatingiz saqlanmagan boʻlishi mumkin. Iltimos, qayta urinib koʻring.',
  'error.notReady': 'Bu murojaat liniyasi hali ochilmagan. Iltimos, keyinroq qayta urinib koʻring.',
  'error.unavailable':
    'Serverimizdagi muammo tufayli hozir murojaatlarni saqlay olmayapmiz. Hech narsa yuborilmadi. Iltimos, bir necha daqiqadan soʻng qayta urinib koʻring.',
  'error.photoMetadata':
    'Rasmdagi yashirin joylashuv maʼlumotlarini olib tashlay olmadik, shuning uchun hech narsa yuborilmadi. Iltimos, boshqa rasm tanlang yoki rasmsiz yuboring.',
  'bot.start.greeting':
    'Assalomu alaykum. Bu yerda ismingizni aytmasdan bizga odam savdosi yoki ekspluatatsiya haqida xabar berishingiz mumkin. Murojaatingiz yuborilishi bilanoq qulflanadi va uni faqat tayyorgarlikdan oʻtgan xodimlarimiz oʻqiy oladi.',
  'bot.start.safety':
    'Iltimos, bilib qoʻying: Telegram suhbatlari uchdan-uchgacha shifrlanmaydi va Telegram bu suhbatni koʻra oladi. Tor Browser orqali ochilgan veb-shaklimiz xavfsizroq. Murojaat yuborganingizdan soʻng bu suhbatni telefoningizdan tozalab bera olaman.',
  'bot.start.webForm': 'Tor Browser uchun veb-shakl: {address}',
  'bot.start.next': 'Boshlash uchun “Murojaatni boshlash” tugmasini bosing yoki /report yuboring.',
  'bot.help':
    'Buyruqlar:\n/report – murojaatni boshlash\n/submit – murojaatingizni yuborish\n/cancel – qoralamangizni oʻchirish\n/wipe – bu suhbatni tozalash\n/language – tilni oʻzgartirish\n/status – kod nomingiz bilan javoblarni oʻqish\n/help – shu roʻyxat',
  'bot.command.start': 'Boshlash va xavfsizlik boʻyicha eslatmalar',
  'bot.command.report': 'Murojaatni boshlash',
  'bot.command.submit': 'Murojaatingizni yuborish',
  'bot.command.cancel': 'Qoralamangizni oʻchirish',
  'bot.command.wipe': 'Bu suhbatni tozalash',
  'bot.command.language': 'Tilni oʻzgartirish',
  'bot.command.status': 'Kod nomingiz bilan javoblarni oʻqish',
  'bot.command.help': 'Buyruqlar roʻyxati',
  'bot.button.report': 'Murojaatni boshlash',
  'bot.button.language': 'Til',
  'bot.button.continue': 'Davom etish',
  'bot.button.skip': 'Oʻtkazib yuborish',
  'bot.button.send': 'Xavfsiz yuborish',
  'bot.button.cancel': 'Oʻchirib tashlash',
  'bot.button.wipe': 'Bu suhbatni tozalash',
  'bot.button.keep': 'Suhbatni qoldirish',
  'bot.language.choose': 'Tilingizni tanlang:',
  'bot.language.set': 'Bundan buyon oʻzbek tilida yozaman.',
  'bot.report.story':
    'Nima boʻldi? Kerak boʻlgancha xabar yozing, istalgan tilda. Rasm, hujjat, ovozli xabar va joylashuv ham yuborishingiz mumkin. Tugatgach, “Davom etish” tugmasini bosing.',
  'bot.report.added':
    'Qoʻshildi. Yana yozishingiz yoki “Davom etish” tugmasini bosishingiz mumkin.',
  'bot.report.fileAdded':
    'Fayl qoʻshildi. Yana yuborishingiz yoki “Davom etish” tugmasini bosishingiz mumkin.',
  'bot.report.locationAdded': 'Joylashuv qoʻshildi.',
  'bot.report.country': 'Bu qaysi mamlakatda boʻldi?',
  'bot.report.place':
    'Qaysi shahar, qishloq yoki joyda? Yozing, joylashuvni ulashing yoki “Oʻtkazib yuborish” tugmasini bosing.',
  'bot.report.when':
    'Bu qachon boʻldi? Sana yoki “oʻtgan hafta” kabi soʻzlar. Yoki “Oʻtkazib yuborish” tugmasini bosing.',
  'bot.report.danger': 'Hozir kimdir xavf ostidami?',
  'bot.report.summary':
    'Murojaatingiz tayyor:\n{summary}\n\n“Xavfsiz yuborish” tugmasini bosing yoki /submit yuboring. /cancel uni oʻchirib tashlaydi.',
  'bot.summary.messages': 'Xabarlar: {count}',
  'bot.summary.files': 'Fayllar: {count}',
  'bot.summary.country': 'Mamlakat: {country}',
  'bot.summary.place': 'Joy: {place}',
  'bot.summary.location': 'Joylashuv biriktirilgan',
  'bot.summary.when': 'Qachon: {when}',
  'bot.summary.danger': 'Hozir kimdir xavf ostida: {answer}',
  'bot.submitted':
    'Murojaatingiz yuborildi va qulflandi. Kod nomingiz:\n\n{codename}\n\nUni xavfsiz joyga yozib qoʻying. Javoblarimizni oʻqish uchun shu kod nomi bilan /status yuboring: shu yerda yoki veb-shaklimizda. Uni sizga qayta koʻrsata olmaymiz.',
  'bot.wipe.offer':
    'Bu suhbatni hozir telefoningizdan tozalaymi? Avval kod nomingizni saqlab qoʻying.',
  'bot.wipe.done': 'Suhbat tozalandi.',
  'bot.wipe.older':
    'Baʼzi eski xabarlarni oʻchirib boʻlmadi. Ularni Telegramda oʻzingiz oʻchirishingiz mumkin.',
  'bot.wipe.kept': 'Suhbat qoldirildi. Istalgan vaqtda /wipe yuborishingiz mumkin.',
  'bot.cancel.done': 'Qoralamangiz oʻchirildi. Hech narsa yuborilmadi.',
  'bot.cancel.none': 'Hozir boshlangan murojaat yoʻq. Boshlash uchun /report yuboring.',
  'bot.submit.empty':
    'Iltimos, avval nima boʻlganini aytib bering: xabar yozing, keyin /submit yuboring.',
  'bot.draft.lost':
    'Menda sizdan boshlangan murojaat yoʻq. Agar murojaat yozayotgan boʻlsangiz, u yoʻqolgan: xizmatimiz qayta ishga tushdi yoki u 30 daqiqadan ortiq kutib qoldi. Iltimos, qaytadan boshlash uchun /report yuboring.',
  'bot.draft.full':
    'Bu murojaatga boshqa narsa sigʻmaydi. Iltimos, hozir /submit yuboring yoki qaytadan boshlash uchun /cancel yuboring.',
  'bot.file.tooBig':
    'Bu fayl juda katta: chegara {megabytes} MB. Murojaatingizning qolgan qismi saqlanib qoladi.',
  'bot.file.tooMany':
    'Koʻpi bilan {count} ta fayl yuborishingiz mumkin. Murojaatingizning qolgan qismi saqlanib qoladi.',
  'bot.file.unreadable':
    'Bu faylni oʻqib boʻlmadi. Murojaatingizning qolgan qismi saqlanib qoladi.',
  'bot.unsupported':
    'Bunday turdagi xabardan foydalana olmayman. Iltimos, matn, rasm, hujjat, ovozli xabar yoki joylashuv yuboring.',
  'bot.status.ask': '/status va undan keyin kod nomingizni yuboring, masalan: /status 1234 5678 …',
  'bot.status.heading': 'Kod nomingiz boʻyicha javoblar:',
  'bot.status.removed': 'Kod nomi yozilgan xabaringizni bu suhbatdan oʻchirdim.',
  'bot.reply.incoming': 'Xodimlarimizdan javob:\n\n{text}',
  'bot.group.refused':
    'Xavfsizligingiz uchun men faqat shaxsiy suhbatda ishlayman. Iltimos, menga bevosita yozing. Hozir bu guruhdan chiqib ketyapman.',
  'bot.flood': 'Xabarlarni juda tez yuboryapsiz. Iltimos, bir daqiqa kuting, keyin davom eting.',
  'bot.error':
    'Bizning tomonimizda xatolik yuz berdi. Qoralamangiz saqlangan; iltimos, qayta urinib koʻring.',
  'alert.subject': 'Yangi faollik',
  'alert.body': 'Murojaat liniyasida yangi faollik bor. Uni oʻqish uchun xodimlar panelini oching.',
  'bot.alertLink.done': 'Ulandi. Bildirishnomalar shu suhbatga keladi.',
  'bot.alertLink.failed': 'Bu kod ishlamaydi.',
  'bot.unavailable':
    'Serverimizdagi muammo tufayli hozir murojaatingizni saqlay olmayapmiz. Qoralamangiz saqlangan; iltimos, bir necha daqiqadan soʻng /submit buyrugʻini qayta yuboring.',
  'questions.heading': 'Yana bir nechta savol',
  'questions.onlyIf':
    'Faqat “{question}” savoliga javobingiz quyidagicha bo‘lsa javob bering: {answers}.',
  'questions.dateFrom': 'Boshlanishi',
  'questions.dateTo': 'Tugashi (muddat uchun)',
  'error.answer': 'Iltimos, “{question}” savoliga bergan javobingizni tekshiring.',
};
