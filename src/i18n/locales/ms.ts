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
  'receipt.next':
    'Kakitangan kami yang terlatih akan membaca laporan anda. Kembali dalam beberapa hari dengan kod rahsia anda untuk membaca jawapan kami dan menghantar maklumat lanjut.',
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
  'error.tooLarge':
    'Terlalu banyak untuk dihantar sekali gus. Hantar lebih sedikit fail atau fail yang lebih kecil.',
  'error.tooManyFiles': 'Terlalu banyak fail. Anda boleh menghantar sehingga {count}.',
  'error.badFile': 'Salah satu fail tidak dapat dibaca. Cuba fail lain.',
  'error.badInput': 'Ada sesuatu yang tidak betul dalam borang. Semak dan cuba lagi.',
  'error.rateLimited': 'Terlalu banyak laporan masuk sekarang. Tunggu sebentar dan cuba lagi.',
  'error.notFound': 'Laman ini tidak wujud.',
  'error.server':
    'Berlaku masalah di pihak kami dan laporan anda mungkin tidak disimpan. Sila cuba lagi.',
  'error.notReady': 'Talian laporan ini belum dibuka. Sila cuba lagi kemudian.',
  'error.photoMetadata':
    'Kami tidak dapat membuang data lokasi tersembunyi daripada sebuah foto, jadi tiada apa-apa dihantar. Pilih foto lain atau hantar tanpa foto itu.',
};
