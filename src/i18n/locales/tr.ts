import type { Messages } from './en.js';

/** Turkish. Machine-drafted: a native speaker must review it. */
export const tr: Messages = {
  'site.title': 'Güvenle bildirin',
  'site.tagline': 'İnsan ticareti veya sömürüyü bize anlatmanın güvenli bir yolu.',
  'nav.quickExit': 'Hızlı çıkış',
  'nav.quickExitHint': 'Bu siteden hemen çıkın',
  'nav.language': 'Dil',
  'nav.report': 'Bildirim gönderin',
  'nav.inbox': 'Yanıtları okuyun',
  'footer.privacy':
    'Çerez (cookie) yok. IP adresinizi saklamıyoruz. Tarayıcınıza hiçbir şey kaydedilmez.',
  'footer.tor': 'En güvenlisi: bu siteyi Tor Browser ile açın.',

  'form.heading': 'Bize ne olduğunu anlatın',
  'form.intro':
    'Adınızı vermeniz gerekmez. Bildiriminiz hemen kilitlenir; onu yalnızca eğitimli çalışanlarımız okuyabilir.',
  'form.required': 'zorunlu',
  'form.optional': 'isteğe bağlı',
  'form.message.label': 'Ne oldu?',
  'form.message.hint':
    'İstediğiniz dilde yazın. Ne gördüğünüzü veya başınıza ne geldiğini ve kimlerin işin içinde olduğunu anlatın.',
  'form.country.label': 'Ülke',
  'form.country.choose': 'Bir ülke seçin',
  'form.country.other': 'Başka bir ülke',
  'form.place.label': 'Şehir, kasaba veya yer',
  'form.when.label': 'Ne zaman oldu?',
  'form.when.hint': 'Bir tarih veya “geçen hafta” gibi sözcükler.',
  'form.danger.legend': 'Şu anda tehlikede olan biri var mı?',
  'form.danger.yes': 'Evet',
  'form.danger.no': 'Hayır',
  'form.danger.unknown': 'Bilmiyorum',
  'form.attachments.label': 'Fotoğraflar, belgeler, ses veya video',
  'form.attachments.hint':
    'En fazla {count} dosya, toplam {megabytes} MB. Fotoğraflardaki konum bilgisini sileriz.',
  'form.contact.label': 'Size nasıl ulaşabiliriz?',
  'form.contact.warning':
    'İletişim bilgileri kim olduğunuzu ortaya çıkarabilir. Anonim kalmak için burayı boş bırakın: yanıtlarımızı kod adınızla yine de okuyabilirsiniz.',
  'form.submit': 'Güvenle gönder',

  'receipt.heading': 'Bildiriminizi aldık',
  'receipt.codenameLabel': 'Kod adınız',
  'receipt.remember':
    'Bu kod adını bir yere yazın veya ezberleyin. Yanıtlarımızı okumanın tek yolu budur. Onu size bir daha gösteremeyiz.',
  'receipt.next.24h':
    'Eğitimli bir çalışanımız bildiriminizi okuyacak. 24 saat içinde yanıt vermeye çalışıyoruz: yanıtımızı okumak ve daha fazla bilgi göndermek için o zaman kod adınızla tekrar bakın.',
  'receipt.next.48h':
    'Eğitimli bir çalışanımız bildiriminizi okuyacak. 2 gün içinde yanıt vermeye çalışıyoruz: yanıtımızı okumak ve daha fazla bilgi göndermek için o zaman kod adınızla tekrar bakın.',
  'receipt.next.3d':
    'Eğitimli bir çalışanımız bildiriminizi okuyacak. 3 gün içinde yanıt vermeye çalışıyoruz: yanıtımızı okumak ve daha fazla bilgi göndermek için o zaman kod adınızla tekrar bakın.',
  'receipt.next.7d':
    'Eğitimli bir çalışanımız bildiriminizi okuyacak. Bir hafta içinde yanıt vermeye çalışıyoruz: yanıtımızı okumak ve daha fazla bilgi göndermek için o zaman kod adınızla tekrar bakın.',
  'receipt.inboxLink': 'Yanıtları sonra okuyun',
  'receipt.safety':
    'Bu telefona başka biri bakabilirse bu sayfayı hemen kapatın. Bildiriminizle ilgili hiçbir şey telefonda kalmaz.',

  'danger.heading': 'Şu anda biri tehlikedeyse',
  'danger.call': '{country} için bu numaraları arayın:',
  'danger.callLocal': 'Bulunduğunuz yerin acil yardım numarasını arayın.',
  'danger.kind.emergency': 'Acil yardım',
  'danger.kind.police': 'Polis',
  'danger.kind.ambulance': 'Ambulans',
  'danger.kind.fire': 'İtfaiye',

  'inbox.heading': 'Yanıtları okuyun',
  'inbox.intro':
    'Çalışanlarımızın yanıtlarını okumak ve daha fazla bilgi göndermek için kod adınızı girin.',
  'inbox.codename.label': 'Kod adı',
  'inbox.codename.hint': '20 rakam; boşlukların önemi yok.',
  'inbox.open': 'Aç',
  'inbox.none': 'Bu kod adı için henüz yanıt yok. Lütfen daha sonra tekrar bakın.',
  'inbox.fromStaff': 'Çalışanlarımız',
  'inbox.fromYou': 'Siz',
  'inbox.followup.label': 'Daha fazla bilgi ekleyin',
  'inbox.followup.submit': 'Gönder',
  'inbox.followup.sent': 'Gönderildi. Teşekkür ederiz.',

  'error.heading': 'Lütfen formu kontrol edin',
  'error.messageRequired': 'Lütfen bize ne olduğunu anlatın.',
  'error.tooLong': 'Bu çok uzun. Lütfen kısaltın.',
  'error.tooLongCut':
    '“{field}” çok uzundu, bu yüzden {count} karaktere kısalttık. Lütfen sonunu kontrol edin, sonra tekrar gönderin.',
  'error.crossSite':
    'Bu, başka bir web sitesindeki bir sayfadan gönderildi; bu yüzden kabul etmedik ve hiçbir şey kaydedilmedi. Bize bir şey anlatmak istiyorsanız lütfen bu sayfayı kullanın: bu sayfa bizim.',
  'error.tooLarge':
    'Bir seferde göndermek için bu çok fazla. Lütfen daha az veya daha küçük dosyalar gönderin.',
  'error.tooManyFiles': 'Çok fazla dosya. En fazla {count} dosya gönderebilirsiniz.',
  'error.badFile': 'Dosyalardan biri okunamadı. Lütfen başka bir dosya deneyin.',
  'error.badInput': 'Formda bir şey doğru değildi. Lütfen kontrol edip tekrar deneyin.',
  'error.rateLimited': 'Şu anda çok fazla bildirim geliyor. Lütfen biraz bekleyip tekrar deneyin.',
  'error.notFound': 'Böyle bir sayfa yok.',
  'error.server':
    'Bizim tarafımızda bir sorun oluştu ve bildiriminiz kaydedilmemiş olabilir. Lütfen tekrar deneyin.',
  'error.notReady': 'Bu bildirim hattı henüz açık değil. Lütfen daha sonra tekrar deneyin.',
  'error.unavailable':
    'Sunucumuzdaki bir sorun nedeniyle şu anda bildirimleri kaydedemiyoruz. Hiçbir şey gönderilmedi. Lütfen birkaç dakika sonra tekrar deneyin.',
  'error.photoMetadata':
    'Bir fotoğraftaki gizli konum bilgisini silemedik, bu yüzden hiçbir şey gönderilmedi. Lütfen başka bir fotoğraf seçin veya fotoğrafsız gönderin.',
  'bot.start.greeting':
    'Merhaba. Burada adınızı vermeden bize insan ticareti veya sömürüyü anlatabilirsiniz. Bildiriminiz gönderdiğiniz anda kilitlenir; onu yalnızca eğitimli çalışanlarımız okuyabilir.',
  'bot.start.safety':
    'Lütfen bilin: Telegram sohbetleri uçtan uca şifreli değildir ve Telegram bu konuşmayı görebilir. Tor Browser ile açılan web formumuz daha güvenlidir. Bildirim gönderdikten sonra bu sohbeti telefonunuzdan silebilirim.',
  'bot.start.webForm': 'Tor Browser için web formu: {address}',
  'bot.start.next': 'Başlamak için “Bildirime başla” düğmesine basın veya /report gönderin.',
  'bot.help':
    'Komutlar:\n/report – bildirime başlayın\n/submit – bildiriminizi gönderin\n/cancel – taslağınızı silin\n/wipe – bu sohbeti temizleyin\n/language – dili değiştirin\n/status – kod adınızla yanıtları okuyun\n/help – bu liste',
  'bot.command.start': 'Başlangıç ve güvenlik notları',
  'bot.command.report': 'Bildirime başlayın',
  'bot.command.submit': 'Bildiriminizi gönderin',
  'bot.command.cancel': 'Taslağınızı silin',
  'bot.command.wipe': 'Bu sohbeti temizleyin',
  'bot.command.language': 'Dili değiştirin',
  'bot.command.status': 'Kod adınızla yanıtları okuyun',
  'bot.command.help': 'Komutların listesi',
  'bot.button.report': 'Bildirime başla',
  'bot.button.language': 'Dil',
  'bot.button.continue': 'Devam',
  'bot.button.skip': 'Geç',
  'bot.button.send': 'Güvenle gönder',
  'bot.button.cancel': 'Taslağı sil',
  'bot.button.wipe': 'Bu sohbeti temizle',
  'bot.button.keep': 'Sohbeti sakla',
  'bot.language.choose': 'Dilinizi seçin:',
  'bot.language.set': 'Bundan sonra Türkçe yazacağım.',
  'bot.report.story':
    'Ne oldu? İstediğiniz dilde, gerektiği kadar mesaj yazın. Fotoğraf, belge, sesli mesaj ve konum da gönderebilirsiniz. Bitirdiğinizde “Devam” düğmesine basın.',
  'bot.report.added': 'Eklendi. Daha fazla yazabilir veya “Devam” düğmesine basabilirsiniz.',
  'bot.report.fileAdded':
    'Dosya eklendi. Daha fazla gönderebilir veya “Devam” düğmesine basabilirsiniz.',
  'bot.report.locationAdded': 'Konum eklendi.',
  'bot.report.country': 'Bu hangi ülkede oldu?',
  'bot.report.place':
    'Hangi şehir, kasaba veya yerde? Yazın, bir konum paylaşın veya “Geç” düğmesine basın.',
  'bot.report.when':
    'Ne zaman oldu? Bir tarih veya “geçen hafta” gibi sözcükler. Ya da “Geç” düğmesine basın.',
  'bot.report.danger': 'Şu anda tehlikede olan biri var mı?',
  'bot.report.summary':
    'Bildiriminiz hazır:\n{summary}\n\n“Güvenle gönder” düğmesine basın veya /submit gönderin. /cancel onu siler.',
  'bot.summary.messages': 'Mesajlar: {count}',
  'bot.summary.files': 'Dosyalar: {count}',
  'bot.summary.country': 'Ülke: {country}',
  'bot.summary.place': 'Yer: {place}',
  'bot.summary.location': 'Bir konum ekli',
  'bot.summary.when': 'Ne zaman: {when}',
  'bot.summary.danger': 'Şu anda tehlikede biri var mı: {answer}',
  'bot.submitted':
    'Bildiriminiz gönderildi ve kilitlendi. Kod adınız:\n\n{codename}\n\nBunu güvenli bir yere yazın. Yanıtlarımızı okumak için, burada veya web formumuzda, bu kod adıyla /status gönderin. Onu size bir daha gösteremeyiz.',
  'bot.wipe.offer': 'Bu sohbeti şimdi telefonunuzdan temizleyeyim mi? Önce kod adınızı kaydedin.',
  'bot.wipe.done': 'Sohbet temizlendi.',
  'bot.wipe.older': 'Bazı eski mesajlar silinemedi. Onları Telegram’da kendiniz silebilirsiniz.',
  'bot.wipe.kept': 'Sohbet saklandı. İstediğiniz zaman /wipe gönderebilirsiniz.',
  'bot.cancel.done': 'Taslağınız silindi. Hiçbir şey gönderilmedi.',
  'bot.cancel.none': 'Devam eden bir bildirim yok. Başlamak için /report gönderin.',
  'bot.submit.empty':
    'Lütfen önce bize ne olduğunu anlatın: bir mesaj yazın, sonra /submit gönderin.',
  'bot.draft.lost':
    'Sizden devam eden bir bildirim yok. Bir bildirim yazıyorduysanız, hizmetimiz yeniden başladığı veya 30 dakikadan uzun beklediği için kayboldu. Yeniden başlamak için lütfen /report gönderin.',
  'bot.draft.full':
    'Bu bildirime daha fazla şey eklenemez. Lütfen şimdi /submit gönderin veya yeniden başlamak için /cancel gönderin.',
  'bot.file.tooBig':
    'Bu dosya çok büyük: sınır {megabytes} MB. Bildiriminizin geri kalanı duruyor.',
  'bot.file.tooMany':
    'En fazla {count} dosya gönderebilirsiniz. Bildiriminizin geri kalanı duruyor.',
  'bot.file.unreadable': 'Bu dosya okunamadı. Bildiriminizin geri kalanı duruyor.',
  'bot.unsupported':
    'Bu tür bir mesajı kullanamıyorum. Lütfen metin, fotoğraf, belge, sesli mesaj veya konum gönderin.',
  'bot.status.ask': '/status ve ardından kod adınızı gönderin, örneğin: /status 1234 5678 …',
  'bot.status.heading': 'Kod adınız için yanıtlar:',
  'bot.status.removed': 'Kod adını içeren mesajınızı bu sohbetten sildim.',
  'bot.reply.incoming': 'Çalışanlarımızdan bir yanıt:\n\n{text}',
  'bot.group.refused':
    'Güvenliğiniz için yalnızca özel sohbette çalışıyorum. Lütfen bana doğrudan yazın. Şimdi bu gruptan ayrılıyorum.',
  'bot.flood': 'Çok hızlı mesaj gönderiyorsunuz. Lütfen bir dakika bekleyin, sonra devam edin.',
  'bot.error': 'Bizim tarafımızda bir sorun oluştu. Taslağınız duruyor; lütfen tekrar deneyin.',
  'alert.subject': 'Yeni etkinlik',
  'alert.body': 'Bildirim hattında yeni etkinlik var. Okumak için inceleme panelini açın.',
  'bot.alertLink.done': 'Bağlandı. Uyarılar bu sohbete gelecek.',
  'bot.alertLink.failed': 'Bu kod geçerli değil.',
  'bot.unavailable':
    'Sunucumuzdaki bir sorun nedeniyle bildiriminizi şu anda kaydedemiyoruz. Taslağınız duruyor; lütfen birkaç dakika sonra tekrar /submit gönderin.',
  'questions.heading': 'Birkaç soru daha',
  'questions.onlyIf': 'Yalnızca “{question}” sorusuna yanıtınız şuysa yanıtlayın: {answers}.',
  'questions.dateFrom': 'Başlangıç',
  'questions.dateTo': 'Bitiş (bir dönem için)',
  'error.answer': 'Lütfen “{question}” sorusuna verdiğiniz yanıtı kontrol edin.',
};
