import type { Messages } from './en.js';

/** Indonesian. First translation, 2026-11-22; to be reviewed by a native speaker. */
export const id: Messages = {
  'site.title': 'Lapor dengan aman',
  'site.tagline': 'Cara aman untuk memberi tahu kami tentang perdagangan orang atau eksploitasi.',
  'nav.quickExit': 'Keluar cepat',
  'nav.quickExitHint': 'Tinggalkan situs ini sekarang',
  'nav.language': 'Bahasa',
  'nav.report': 'Kirim laporan',
  'nav.inbox': 'Baca balasan',
  'footer.privacy':
    'Tanpa cookie. Kami tidak menyimpan alamat IP Anda. Tidak ada yang disimpan di peramban Anda.',
  'footer.tor': 'Paling aman: buka situs ini dengan Tor Browser.',
  'form.heading': 'Ceritakan apa yang terjadi',
  'form.intro':
    'Anda tidak perlu memberikan nama. Laporan Anda langsung dikunci sehingga hanya staf kami yang terlatih yang dapat membacanya.',
  'form.required': 'wajib',
  'form.optional': 'tidak wajib',
  'form.message.label': 'Apa yang terjadi?',
  'form.message.hint':
    'Tulis dalam bahasa apa pun. Ceritakan apa yang Anda lihat atau alami, dan siapa yang terlibat.',
  'form.country.label': 'Negara',
  'form.country.choose': 'Pilih negara',
  'form.country.other': 'Negara lain',
  'form.place.label': 'Kota, desa, atau tempat',
  'form.when.label': 'Kapan kejadiannya?',
  'form.when.hint': 'Tanggal, atau kata seperti “minggu lalu”.',
  'form.danger.legend': 'Apakah ada orang yang dalam bahaya sekarang?',
  'form.danger.yes': 'Ya',
  'form.danger.no': 'Tidak',
  'form.danger.unknown': 'Saya tidak tahu',
  'form.attachments.label': 'Foto, dokumen, rekaman suara, atau video',
  'form.attachments.hint':
    'Paling banyak {count} berkas, total {megabytes} MB. Kami menghapus data lokasi dari foto.',
  'form.contact.label': 'Bagaimana kami dapat menghubungi Anda?',
  'form.contact.warning':
    'Data kontak dapat mengungkap identitas Anda. Kosongkan agar tetap anonim: Anda tetap bisa membaca balasan kami dengan kode rahasia Anda.',
  'form.submit': 'Kirim dengan aman',
  'receipt.heading': 'Kami sudah menerima laporan Anda',
  'receipt.codenameLabel': 'Kode rahasia Anda',
  'receipt.remember':
    'Catat atau ingat kode ini. Hanya dengan kode ini Anda dapat membaca balasan kami. Kami tidak dapat menampilkannya lagi.',
  'receipt.next.24h':
    'Staf kami yang terlatih akan membaca laporan Anda. Kami berusaha menjawab dalam 24 jam: kembalilah saat itu dengan kode rahasia Anda untuk membaca balasan kami dan mengirim informasi tambahan.',
  'receipt.next.48h':
    'Staf kami yang terlatih akan membaca laporan Anda. Kami berusaha menjawab dalam 2 hari: kembalilah saat itu dengan kode rahasia Anda untuk membaca balasan kami dan mengirim informasi tambahan.',
  'receipt.next.3d':
    'Staf kami yang terlatih akan membaca laporan Anda. Kami berusaha menjawab dalam 3 hari: kembalilah saat itu dengan kode rahasia Anda untuk membaca balasan kami dan mengirim informasi tambahan.',
  'receipt.next.7d':
    'Staf kami yang terlatih akan membaca laporan Anda. Kami berusaha menjawab dalam seminggu: kembalilah saat itu dengan kode rahasia Anda untuk membaca balasan kami dan mengirim informasi tambahan.',
  'receipt.inboxLink': 'Baca balasan nanti',
  'receipt.safety':
    'Jika ada orang yang mungkin memeriksa ponsel ini, tutup halaman ini sekarang. Tidak ada yang tersimpan di ponsel tentang laporan Anda.',
  'danger.heading': 'Jika ada orang dalam bahaya sekarang',
  'danger.call': 'Hubungi nomor berikut di {country}:',
  'danger.callLocal': 'Hubungi nomor darurat setempat.',
  'danger.kind.emergency': 'Darurat',
  'danger.kind.police': 'Polisi',
  'danger.kind.ambulance': 'Ambulans',
  'danger.kind.fire': 'Pemadam kebakaran',
  'inbox.heading': 'Baca balasan',
  'inbox.intro':
    'Masukkan kode rahasia Anda untuk membaca balasan staf kami dan mengirim informasi tambahan.',
  'inbox.codename.label': 'Kode rahasia',
  'inbox.codename.hint': '20 angka, spasi tidak masalah.',
  'inbox.open': 'Buka',
  'inbox.none': 'Belum ada balasan untuk kode ini. Silakan periksa lagi nanti.',
  'inbox.fromStaff': 'Staf kami',
  'inbox.fromYou': 'Anda',
  'inbox.followup.label': 'Tambahkan informasi',
  'inbox.followup.submit': 'Kirim',
  'inbox.followup.sent': 'Terkirim. Terima kasih.',
  'error.heading': 'Mohon periksa formulir',
  'error.messageRequired': 'Mohon ceritakan apa yang terjadi.',
  'error.tooLong': 'Terlalu panjang. Mohon dipersingkat.',
  'error.tooLongCut':
    '“{field}” terlalu panjang, jadi kami memotongnya menjadi {count} karakter. Silakan periksa bagian akhirnya, lalu kirim lagi.',
  'error.crossSite':
    'Ini dikirim dari halaman situs web lain, jadi kami tidak menerimanya dan tidak ada yang disimpan. Jika Anda ingin memberi tahu kami sesuatu, silakan gunakan halaman ini: ini halaman kami sendiri.',
  'error.tooLarge':
    'Terlalu banyak untuk dikirim sekaligus. Kirim lebih sedikit berkas atau berkas yang lebih kecil.',
  'error.tooManyFiles': 'Terlalu banyak berkas. Anda dapat mengirim paling banyak {count}.',
  'error.badFile': 'Salah satu berkas tidak dapat dibaca. Coba berkas lain.',
  'questions.heading': 'Beberapa pertanyaan lagi',
  'questions.onlyIf': 'Jawab hanya jika jawaban Anda untuk “{question}” adalah: {answers}.',
  'questions.dateFrom': 'Dari',
  'questions.dateTo': 'Sampai (jika berupa jangka waktu)',
  'error.answer': 'Mohon periksa jawaban Anda untuk “{question}”.',
  'error.badInput': 'Ada yang kurang tepat di formulir. Periksa lalu coba lagi.',
  'error.rateLimited': 'Terlalu banyak laporan masuk saat ini. Tunggu sebentar lalu coba lagi.',
  'error.notFound': 'Halaman ini tidak ada.',
  'error.server':
    'Terjadi masalah di pihak kami dan laporan Anda mungkin belum tersimpan. Silakan coba lagi.',
  'error.notReady': 'Saluran laporan ini belum dibuka. Silakan coba lagi nanti.',
  'error.unavailable':
    'Kami tidak dapat menyimpan laporan saat ini karena ada masalah di server kami. Tidak ada yang terkirim. Silakan coba lagi dalam beberapa menit.',
  'error.photoMetadata':
    'Kami tidak dapat menghapus data lokasi tersembunyi dari sebuah foto, jadi belum ada yang terkirim. Pilih foto lain atau kirim tanpa foto itu.',
  'bot.start.greeting':
    'Halo. Di sini Anda dapat memberi tahu kami tentang perdagangan orang atau eksploitasi tanpa memberikan nama. Laporan Anda langsung dikunci begitu Anda mengirimnya, sehingga hanya staf kami yang terlatih yang dapat membacanya.',
  'bot.start.safety':
    'Perlu diketahui: obrolan Telegram tidak terenkripsi end-to-end, dan Telegram dapat melihat percakapan ini. Formulir web kami, jika dibuka dengan Tor Browser, lebih aman. Setelah Anda mengirim laporan, saya dapat menghapus obrolan ini dari ponsel Anda.',
  'bot.start.webForm': 'Formulir web untuk Tor Browser: {address}',
  'bot.start.next': 'Untuk memulai, tekan “Mulai laporan” atau kirim /report.',
  'bot.help':
    'Perintah:\n/report – mulai laporan\n/submit – kirim laporan Anda\n/cancel – buang draf Anda\n/wipe – hapus obrolan ini\n/language – ganti bahasa\n/status – baca balasan dengan kode rahasia Anda\n/help – daftar ini',
  'bot.command.start': 'Mulai dan catatan keamanan',
  'bot.command.report': 'Mulai laporan',
  'bot.command.submit': 'Kirim laporan Anda',
  'bot.command.cancel': 'Buang draf Anda',
  'bot.command.wipe': 'Hapus obrolan ini',
  'bot.command.language': 'Ganti bahasa',
  'bot.command.status': 'Baca balasan dengan kode rahasia Anda',
  'bot.command.help': 'Daftar perintah',
  'bot.button.report': 'Mulai laporan',
  'bot.button.language': 'Bahasa',
  'bot.button.continue': 'Lanjut',
  'bot.button.skip': 'Lewati',
  'bot.button.send': 'Kirim dengan aman',
  'bot.button.cancel': 'Buang',
  'bot.button.wipe': 'Hapus obrolan ini',
  'bot.button.keep': 'Simpan obrolan',
  'bot.language.choose': 'Pilih bahasa Anda:',
  'bot.language.set': 'Mulai sekarang saya akan menulis dalam bahasa Indonesia.',
  'bot.report.story':
    'Apa yang terjadi? Tulis pesan sebanyak yang Anda perlukan, dalam bahasa apa pun. Anda juga bisa mengirim foto, dokumen, pesan suara, dan lokasi. Tekan “Lanjut” jika sudah selesai.',
  'bot.report.added': 'Ditambahkan. Anda bisa menulis lagi, atau tekan “Lanjut”.',
  'bot.report.fileAdded': 'Berkas ditambahkan. Anda bisa mengirim lagi, atau tekan “Lanjut”.',
  'bot.report.locationAdded': 'Lokasi ditambahkan.',
  'bot.report.country': 'Di negara mana ini terjadi?',
  'bot.report.place':
    'Di kota, desa, atau tempat mana? Tuliskan, bagikan lokasi, atau tekan “Lewati”.',
  'bot.report.when':
    'Kapan kejadiannya? Tanggal, atau kata seperti “minggu lalu”. Atau tekan “Lewati”.',
  'bot.report.danger': 'Apakah ada orang yang dalam bahaya sekarang?',
  'bot.report.summary':
    'Laporan Anda sudah siap:\n{summary}\n\nTekan “Kirim dengan aman” atau kirim /submit. /cancel akan membuangnya.',
  'bot.summary.messages': 'Pesan: {count}',
  'bot.summary.files': 'Berkas: {count}',
  'bot.summary.country': 'Negara: {country}',
  'bot.summary.place': 'Tempat: {place}',
  'bot.summary.location': 'Lokasi terlampir',
  'bot.summary.when': 'Waktu: {when}',
  'bot.summary.danger': 'Ada orang dalam bahaya sekarang: {answer}',
  'bot.submitted':
    'Laporan Anda sudah terkirim dan dikunci. Kode rahasia Anda:\n\n{codename}\n\nCatat di tempat yang aman. Untuk membaca balasan kami, kirim /status dengan kode ini di sini, atau masukkan kode ini di formulir web kami. Kami tidak dapat menampilkannya lagi.',
  'bot.wipe.offer':
    'Mau saya hapus obrolan ini dari ponsel Anda sekarang? Simpan dulu kode rahasia Anda.',
  'bot.wipe.done': 'Obrolan sudah dihapus.',
  'bot.wipe.older':
    'Beberapa pesan lama tidak dapat dihapus. Anda dapat menghapusnya sendiri di Telegram.',
  'bot.wipe.kept': 'Obrolan tetap disimpan. Anda dapat mengirim /wipe kapan saja.',
  'bot.cancel.done': 'Draf Anda sudah dibuang. Tidak ada yang terkirim.',
  'bot.cancel.none': 'Tidak ada laporan yang sedang dibuat. Kirim /report untuk memulai.',
  'bot.submit.empty': 'Mohon ceritakan dulu apa yang terjadi: tulis pesan, lalu kirim /submit.',
  'bot.draft.lost':
    'Tidak ada laporan Anda yang sedang dibuat. Jika Anda sedang menulis laporan, laporan itu hilang karena layanan kami dimulai ulang atau karena sudah menunggu lebih dari 30 menit. Silakan kirim /report untuk memulai lagi.',
  'bot.draft.full':
    'Laporan ini tidak dapat menampung lebih banyak lagi. Silakan kirim /submit sekarang, atau /cancel untuk memulai lagi.',
  'bot.file.tooBig':
    'Berkas ini terlalu besar: batasnya {megabytes} MB. Bagian lain dari laporan Anda tetap disimpan.',
  'bot.file.tooMany':
    'Anda dapat mengirim paling banyak {count} berkas. Bagian lain dari laporan Anda tetap disimpan.',
  'bot.file.unreadable':
    'Berkas ini tidak dapat dibaca. Bagian lain dari laporan Anda tetap disimpan.',
  'bot.unsupported':
    'Saya tidak dapat menggunakan jenis pesan ini. Silakan kirim teks, foto, dokumen, pesan suara, atau lokasi.',
  'bot.status.ask': 'Kirim /status diikuti kode rahasia Anda, contohnya: /status 1234 5678 …',
  'bot.status.heading': 'Balasan untuk kode rahasia Anda:',
  'bot.status.removed':
    'Saya sudah menghapus pesan Anda yang berisi kode rahasia dari obrolan ini.',
  'bot.reply.incoming': 'Balasan dari staf kami:\n\n{text}',
  'bot.group.refused':
    'Demi keamanan Anda, saya hanya bekerja di obrolan pribadi. Silakan tulis langsung kepada saya. Saya akan keluar dari grup ini sekarang.',
  'bot.flood': 'Anda mengirim pesan dengan sangat cepat. Tunggu satu menit, lalu lanjutkan.',
  'bot.error': 'Terjadi masalah di pihak kami. Draf Anda tetap disimpan; silakan coba lagi.',
  'alert.subject': 'Aktivitas baru',
  'alert.body': 'Ada aktivitas baru di saluran pengaduan. Buka meja kerja untuk membacanya.',
  'bot.alertLink.done': 'Tertaut. Pemberitahuan akan dikirim ke obrolan ini.',
  'bot.alertLink.failed': 'Kode ini tidak berlaku.',
  'bot.unavailable':
    'Kami tidak dapat menyimpan laporan Anda saat ini karena ada masalah di server kami. Draf Anda tetap disimpan; silakan kirim /submit lagi dalam beberapa menit.',
};
