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
  'receipt.next':
    'Staf kami yang terlatih akan membaca laporan Anda. Kembalilah beberapa hari lagi dengan kode rahasia Anda untuk membaca balasan kami dan mengirim informasi tambahan.',
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
  'error.tooLarge':
    'Terlalu banyak untuk dikirim sekaligus. Kirim lebih sedikit berkas atau berkas yang lebih kecil.',
  'error.tooManyFiles': 'Terlalu banyak berkas. Anda dapat mengirim paling banyak {count}.',
  'error.badFile': 'Salah satu berkas tidak dapat dibaca. Coba berkas lain.',
  'error.badInput': 'Ada yang kurang tepat di formulir. Periksa lalu coba lagi.',
  'error.rateLimited': 'Terlalu banyak laporan masuk saat ini. Tunggu sebentar lalu coba lagi.',
  'error.notFound': 'Halaman ini tidak ada.',
  'error.server':
    'Terjadi masalah di pihak kami dan laporan Anda mungkin belum tersimpan. Silakan coba lagi.',
  'error.notReady': 'Saluran laporan ini belum dibuka. Silakan coba lagi nanti.',
  'error.photoMetadata':
    'Kami tidak dapat menghapus data lokasi tersembunyi dari sebuah foto, jadi belum ada yang terkirim. Pilih foto lain atau kirim tanpa foto itu.',
};
