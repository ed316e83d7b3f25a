import type { Messages } from './en.js';

/** Malay. First translation, 2026-11-22; to be reviewed by a native speaker. */
export const ms: Messages = {
  'site.title': 'Lapor dengan selamat',
  'site.tagline':
    'Cara selamat untuk memberitahu kami tentang pemerdagangan orang atau eksploitasi.',
  'nav.quickExit': 'Keluar segera',
  'nav.quickExitHint': 'Tinggalkan laman ini sekarang',
  'nav.language': 'Bahasa',
  'nav.report': 'Hantar laporan',
  'nav.inbox': 'Baca jawapan',
  'footer.privacy':
    'Tiada kuki. Kami tidak menyimpan alamat IP anda. Tiada apa-apa disimpan dalam pelayar anda.',
  'footer.tor': 'Paling selamat: buka laman ini dengan Tor Browser.',
  'form.heading': 'Beritahu kami apa yang berlaku',
  'form.intro':
    'Anda tidak perlu memberi nama. Laporan anda dikunci serta-merta supaya hanya kakitangan kami yang terlatih boleh membacanya.',
  'form.required': 'wajib',
  'form.optional': 'tidak wajib',
  'form.message.label': 'Apakah yang berlaku?',
  'form.message.hint':
    'Tulis dalam apa-apa bahasa. Nyatakan apa yang anda lihat atau alami, dan siapa yang terlibat.',
  'form.country.label': 'Negara',
  'form.country.choose': 'Pilih negara',
  'form.country.other': 'Negara lain',
  'form.place.label': 'Bandar, pekan atau tempat',
  'form.when.label': 'Bilakah ia berlaku?',
  'form.when.hint': 'Tarikh, atau perkataan seperti “minggu lepas”.',
  'form.danger.legend': 'Adakah sesiapa dalam bahaya sekarang?',
  'form.danger.yes': 'Ya',
  'form.danger.no': 'Tidak',
  'form.danger.unknown': 'Saya tidak tahu',
  'form.attachments.label': 'Foto, dokumen, audio atau video',
  'form.attachments.hint':
    'Sehingga {count} fail, jumlah {megabytes} MB. Kami membuang data lokasi daripada foto.',
  'form.contact.label': 'Bagaimanakah kami boleh menghubungi anda?',
  'form.contact.warning':
    'Butiran hubungan boleh mendedahkan identiti anda. Biarkan kosong untuk kekal tanpa nama: anda masih boleh membaca jawapan kami dengan kod rahsia anda.',
  'form.submit': 'Hantar dengan selamat',
  'receipt.heading': 'Kami telah menerima laporan anda',
  'receipt.codenameLabel': 'Kod rahsia anda',
  'receipt.remember':
    'Tulis atau ingat kod ini. Inilah satu-satunya cara untuk membaca jawapan kami. Kami tidak boleh menunjukkannya lagi.',
  'receipt.next.24h':
    'Kakitangan kami yang terlatih akan membaca laporan anda. Kami berusaha menjawab dalam masa 24 jam: kembali pada masa itu dengan kod rahsia anda untuk membaca jawapan kami dan menghantar maklumat lanjut.',
  'receipt.next.48h':
    'Kakitangan kami yang terlatih akan membaca laporan anda. Kami berusaha menjawab dalam masa 2 hari: kembali pada masa itu dengan kod rahsia anda untuk membaca jawapan kami dan menghantar maklumat lanjut.',
  'receipt.next.3d':
    'Kakitangan kami yang terlatih akan membaca laporan anda. Kami berusaha menjawab dalam masa 3 hari: kembali pada masa itu dengan kod rahsia anda untuk membaca jawapan kami dan menghantar maklumat lanjut.',
  'receipt.next.7d':
    'Kakitangan kami yang terlatih akan membaca laporan anda. Kami berusaha menjawab dalam masa seminggu: kembali pada masa itu dengan kod rahsia anda untuk membaca jawapan kami dan menghantar maklumat lanjut.',
  'receipt.inboxLink': 'Baca jawapan kemudian',
  'receipt.safety':
    'Jika ada orang yang mungkin memeriksa telefon ini, tutup laman ini sekarang. Tiada apa-apa tentang laporan anda disimpan dalam telefon.',
  'danger.heading': 'Jika sesiapa dalam bahaya sekarang',
  'danger.call': 'Hubungi nombor ini di {country}:',
  'danger.callLocal': 'Hubungi nombor kecemasan tempatan.',
  'danger.kind.emergency': 'Kecemasan',
  'danger.kind.police': 'Polis',
  'danger.kind.ambulance': 'Ambulans',
  'danger.kind.fire': 'Bomba',
  'inbox.heading': 'Baca jawapan',
  'inbox.intro':
    'Masukkan kod rahsia anda untuk membaca jawapan kakitangan kami dan menghantar maklumat lanjut.',
  'inbox.codename.label': 'Kod rahsia',
  'inbox.codename.hint': '20 digit, ruang kosong tidak mengapa.',
  'inbox.open': 'Buka',
  'inbox.none': 'Belum ada jawapan untuk kod ini. Sila semak semula kemudian.',
  'inbox.fromStaff': 'Kakitangan kami',
  'inbox.fromYou': 'Anda',
  'inbox.followup.label': 'Tambah maklumat',
  'inbox.followup.submit': 'Hantar',
  'inbox.followup.sent': 'Dihantar. Terima kasih.',
  'error.heading': 'Sila semak borang',
  'error.messageRequired': 'Sila beritahu kami apa yang berlaku.',
  'error.tooLong': 'Terlalu panjang. Sila pendekkan.',
  'error.tooLongCut':
    '“{field}” terlalu panjang, jadi kami memendekkannya kepada {count} aksara. Sila semak bahagian akhirnya, kemudian hantar semula.',
  'error.crossSite':
    'Ini dihantar dari halaman laman web lain, jadi kami tidak menerimanya dan tiada apa-apa yang disimpan. Jika anda ingin memberitahu kami sesuatu, sila gunakan halaman ini: ini halaman kami sendiri.',
  'error.tooLarge':
    'Terlalu banyak untuk dihantar sekali gus. Hantar lebih sedikit fail atau fail yang lebih kecil.',
  'error.tooManyFiles': 'Terlalu banyak fail. Anda boleh menghantar sehingga {count}.',
  'error.badFile': 'Salah satu fail tidak dapat dibaca. Cuba fail lain.',
  'questions.heading': 'Beberapa soalan lagi',
  'questions.onlyIf': 'Jawab hanya jika jawapan anda untuk “{question}” ialah: {answers}.',
  'questions.dateFrom': 'Dari',
  'questions.dateTo': 'Hingga (jika tempoh masa)',
  'error.answer': 'Sila semak jawapan anda untuk “{question}”.',
  'error.badInput': 'Ada sesuatu yang tidak betul dalam borang. Semak dan cuba lagi.',
  'error.rateLimited': 'Terlalu banyak laporan masuk sekarang. Tunggu sebentar dan cuba lagi.',
  'error.notFound': 'Laman ini tidak wujud.',
  'error.server':
    'Berlaku masalah di pihak kami dan laporan anda mungkin tidak disimpan. Sila cuba lagi.',
  'error.notReady': 'Talian laporan ini belum dibuka. Sila cuba lagi kemudian.',
  'error.unavailable':
    'Kami tidak dapat menyimpan laporan sekarang kerana masalah pada pelayan kami. Tiada apa-apa yang dihantar. Sila cuba lagi dalam beberapa minit.',
  'error.photoMetadata':
    'Kami tidak dapat membuang data lokasi tersembunyi daripada sebuah foto, jadi tiada apa-apa dihantar. Pilih foto lain atau hantar tanpa foto itu.',
  'bot.start.greeting':
    'Helo. Di sini anda boleh memberitahu kami tentang pemerdagangan orang atau eksploitasi tanpa memberi nama. Laporan anda dikunci sebaik sahaja anda menghantarnya, supaya hanya kakitangan kami yang terlatih boleh membacanya.',
  'bot.start.safety':
    'Sila ambil perhatian: sembang Telegram tidak disulitkan hujung ke hujung, dan Telegram boleh melihat perbualan ini. Borang web kami, jika dibuka dengan Tor Browser, lebih selamat. Selepas anda menghantar laporan, saya boleh memadam sembang ini daripada telefon anda.',
  'bot.start.webForm': 'Borang web untuk Tor Browser: {address}',
  'bot.start.next': 'Untuk bermula, tekan “Mula laporan” atau hantar /report.',
  'bot.help':
    'Arahan:\n/report – mula laporan\n/submit – hantar laporan anda\n/cancel – buang draf anda\n/wipe – padam sembang ini\n/language – tukar bahasa\n/status – baca jawapan dengan kod rahsia anda\n/help – senarai ini',
  'bot.command.start': 'Mula dan nota keselamatan',
  'bot.command.report': 'Mula laporan',
  'bot.command.submit': 'Hantar laporan anda',
  'bot.command.cancel': 'Buang draf anda',
  'bot.command.wipe': 'Padam sembang ini',
  'bot.command.language': 'Tukar bahasa',
  'bot.command.status': 'Baca jawapan dengan kod rahsia anda',
  'bot.command.help': 'Senarai arahan',
  'bot.button.report': 'Mula laporan',
  'bot.button.language': 'Bahasa',
  'bot.button.continue': 'Teruskan',
  'bot.button.skip': 'Langkau',
  'bot.button.send': 'Hantar dengan selamat',
  'bot.button.cancel': 'Buang',
  'bot.button.wipe': 'Padam sembang ini',
  'bot.button.keep': 'Simpan sembang',
  'bot.language.choose': 'Pilih bahasa anda:',
  'bot.language.set': 'Mulai sekarang saya akan menulis dalam bahasa Melayu.',
  'bot.report.story':
    'Apakah yang berlaku? Tulis seberapa banyak mesej yang anda perlukan, dalam apa-apa bahasa. Anda juga boleh menghantar foto, dokumen, nota suara dan lokasi. Tekan “Teruskan” apabila anda sudah selesai.',
  'bot.report.added': 'Ditambah. Anda boleh menulis lagi, atau tekan “Teruskan”.',
  'bot.report.fileAdded': 'Fail ditambah. Anda boleh menghantar lagi, atau tekan “Teruskan”.',
  'bot.report.locationAdded': 'Lokasi ditambah.',
  'bot.report.country': 'Di negara manakah ini berlaku?',
  'bot.report.place':
    'Di bandar, pekan atau tempat mana? Tuliskan, kongsi lokasi, atau tekan “Langkau”.',
  'bot.report.when':
    'Bilakah ia berlaku? Tarikh, atau perkataan seperti “minggu lepas”. Atau tekan “Langkau”.',
  'bot.report.danger': 'Adakah sesiapa dalam bahaya sekarang?',
  'bot.report.summary':
    'Laporan anda sudah sedia:\n{summary}\n\nTekan “Hantar dengan selamat” atau hantar /submit. /cancel akan membuangnya.',
  'bot.summary.messages': 'Mesej: {count}',
  'bot.summary.files': 'Fail: {count}',
  'bot.summary.country': 'Negara: {country}',
  'bot.summary.place': 'Tempat: {place}',
  'bot.summary.location': 'Lokasi dilampirkan',
  'bot.summary.when': 'Bila: {when}',
  'bot.summary.danger': 'Ada orang dalam bahaya sekarang: {answer}',
  'bot.submitted':
    'Laporan anda telah dihantar dan dikunci. Kod rahsia anda ialah:\n\n{codename}\n\nTulis di tempat yang selamat. Untuk membaca jawapan kami, hantar /status dengan kod ini di sini, atau masukkan kod ini di borang web kami. Kami tidak boleh menunjukkannya lagi.',
  'bot.wipe.offer':
    'Mahu saya padam sembang ini daripada telefon anda sekarang? Simpan kod rahsia anda dahulu.',
  'bot.wipe.done': 'Sembang telah dipadam.',
  'bot.wipe.older':
    'Sesetengah mesej lama tidak dapat dipadam. Anda boleh memadamnya sendiri dalam Telegram.',
  'bot.wipe.kept': 'Sembang disimpan. Anda boleh menghantar /wipe pada bila-bila masa.',
  'bot.cancel.done': 'Draf anda telah dibuang. Tiada apa-apa dihantar.',
  'bot.cancel.none': 'Tiada laporan yang sedang dibuat. Hantar /report untuk memulakannya.',
  'bot.submit.empty':
    'Sila beritahu kami apa yang berlaku dahulu: tulis mesej, kemudian hantar /submit.',
  'bot.draft.lost':
    'Tiada laporan anda yang sedang dibuat. Jika anda sedang menulisnya, laporan itu hilang kerana perkhidmatan kami dimulakan semula atau kerana ia menunggu lebih daripada 30 minit. Sila hantar /report untuk bermula semula.',
  'bot.draft.full':
    'Laporan ini tidak boleh menerima apa-apa lagi. Sila hantar /submit sekarang, atau /cancel untuk bermula semula.',
  'bot.file.tooBig':
    'Fail ini terlalu besar: hadnya {megabytes} MB. Bahagian lain laporan anda masih disimpan.',
  'bot.file.tooMany':
    'Anda boleh menghantar sehingga {count} fail. Bahagian lain laporan anda masih disimpan.',
  'bot.file.unreadable': 'Fail ini tidak dapat dibaca. Bahagian lain laporan anda masih disimpan.',
  'bot.unsupported':
    'Saya tidak boleh menggunakan jenis mesej ini. Sila hantar teks, foto, dokumen, nota suara atau lokasi.',
  'bot.status.ask': 'Hantar /status diikuti kod rahsia anda, contohnya: /status 1234 5678 …',
  'bot.status.heading': 'Jawapan untuk kod rahsia anda:',
  'bot.status.removed':
    'Saya telah memadam mesej anda yang mengandungi kod rahsia daripada sembang ini.',
  'bot.reply.incoming': 'Jawapan daripada kakitangan kami:\n\n{text}',
  'bot.group.refused':
    'Demi keselamatan anda, saya hanya berfungsi dalam sembang peribadi. Sila tulis terus kepada saya. Saya akan keluar dari kumpulan ini sekarang.',
  'bot.flood': 'Anda menghantar mesej terlalu cepat. Sila tunggu seminit, kemudian teruskan.',
  'bot.error': 'Berlaku masalah di pihak kami. Draf anda masih disimpan; sila cuba lagi.',
  'alert.subject': 'Aktiviti baharu',
  'alert.body': 'Terdapat aktiviti baharu di talian aduan. Buka meja kerja untuk membacanya.',
  'bot.alertLink.done': 'Dipautkan. Pemberitahuan akan dihantar ke sembang ini.',
  'bot.alertLink.failed': 'Kod ini tidak sah.',
  'bot.unavailable':
    'Kami tidak dapat menyimpan laporan anda sekarang kerana masalah pada pelayan kami. Draf anda masih disimpan; sila hantar /submit sekali lagi dalam beberapa minit.',
};
