import type { Messages } from './en.js';

/** Tagalog. First translation, 2026-11-22; to be reviewed by a native speaker. */
export const tl: Messages = {
  'site.title': 'Mag-ulat nang ligtas',
  'site.tagline':
    'Ligtas na paraan para sabihin sa amin ang tungkol sa human trafficking o pagsasamantala.',
  'nav.quickExit': 'Umalis agad',
  'nav.quickExitHint': 'Umalis na sa site na ito',
  'nav.language': 'Wika',
  'nav.report': 'Magpadala ng ulat',
  'nav.inbox': 'Basahin ang mga sagot',
  'footer.privacy':
    'Walang cookies. Hindi namin iniimbak ang iyong IP address. Walang nase-save sa iyong browser.',
  'footer.tor': 'Pinakaligtas: buksan ang site na ito sa Tor Browser.',
  'form.heading': 'Sabihin sa amin ang nangyari',
  'form.intro':
    'Hindi mo kailangang ibigay ang iyong pangalan. Agad na ikinakandado ang iyong ulat para ang sinanay naming kawani lang ang makabasa nito.',
  'form.required': 'kailangan',
  'form.optional': 'opsyonal',
  'form.message.label': 'Ano ang nangyari?',
  'form.message.hint':
    'Sumulat sa kahit anong wika. Sabihin ang nakita mo o ang nangyari sa iyo, at kung sino ang sangkot.',
  'form.country.label': 'Bansa',
  'form.country.choose': 'Pumili ng bansa',
  'form.country.other': 'Ibang bansa',
  'form.place.label': 'Lungsod, bayan o lugar',
  'form.when.label': 'Kailan ito nangyari?',
  'form.when.hint': 'Petsa, o mga salitang tulad ng “noong isang linggo”.',
  'form.danger.legend': 'May tao bang nasa panganib ngayon?',
  'form.danger.yes': 'Oo',
  'form.danger.no': 'Hindi',
  'form.danger.unknown': 'Hindi ko alam',
  'form.attachments.label': 'Mga larawan, dokumento, audio o video',
  'form.attachments.hint':
    'Hanggang {count} file, {megabytes} MB lahat. Inaalis namin ang datos ng lokasyon sa mga larawan.',
  'form.contact.label': 'Paano ka namin makokontak?',
  'form.contact.warning':
    'Maaaring makilala ka sa iyong contact details. Iwanang blangko para manatiling anonymous: mababasa mo pa rin ang aming mga sagot gamit ang iyong lihim na numero.',
  'form.submit': 'Ipadala nang ligtas',
  'receipt.heading': 'Natanggap namin ang iyong ulat',
  'receipt.codenameLabel': 'Ang iyong lihim na numero',
  'receipt.remember':
    'Isulat o tandaan ang lihim na numerong ito. Ito lang ang paraan para mabasa ang aming mga sagot. Hindi na namin ito maipapakita muli.',
  'receipt.next.24h':
    'Babasahin ng sinanay naming kawani ang iyong ulat. Sinisikap naming sumagot sa loob ng 24 oras: bumalik ka noon dala ang iyong lihim na numero para mabasa ang aming sagot at magpadala ng higit pang impormasyon.',
  'receipt.next.48h':
    'Babasahin ng sinanay naming kawani ang iyong ulat. Sinisikap naming sumagot sa loob ng 2 araw: bumalik ka noon dala ang iyong lihim na numero para mabasa ang aming sagot at magpadala ng higit pang impormasyon.',
  'receipt.next.3d':
    'Babasahin ng sinanay naming kawani ang iyong ulat. Sinisikap naming sumagot sa loob ng 3 araw: bumalik ka noon dala ang iyong lihim na numero para mabasa ang aming sagot at magpadala ng higit pang impormasyon.',
  'receipt.next.7d':
    'Babasahin ng sinanay naming kawani ang iyong ulat. Sinisikap naming sumagot sa loob ng isang linggo: bumalik ka noon dala ang iyong lihim na numero para mabasa ang aming sagot at magpadala ng higit pang impormasyon.',
  'receipt.inboxLink': 'Basahin ang mga sagot mamaya',
  'receipt.safety':
    'Kung may maaaring tumingin sa teleponong ito, isara na ang pahinang ito. Walang naiiwan sa telepono tungkol sa iyong ulat.',
  'danger.heading': 'Kung may nasa panganib ngayon',
  'danger.call': 'Tawagan ang mga numerong ito sa {country}:',
  'danger.callLocal': 'Tawagan ang lokal na numero para sa emergency.',
  'danger.kind.emergency': 'Emerhensiya',
  'danger.kind.police': 'Pulis',
  'danger.kind.ambulance': 'Ambulansiya',
  'danger.kind.fire': 'Bumbero',
  'inbox.heading': 'Basahin ang mga sagot',
  'inbox.intro':
    'Ilagay ang iyong lihim na numero para mabasa ang mga sagot ng aming kawani at magpadala ng higit pang impormasyon.',
  'inbox.codename.label': 'Lihim na numero',
  'inbox.codename.hint': '20 numero, hindi mahalaga ang mga espasyo.',
  'inbox.open': 'Buksan',
  'inbox.none': 'Wala pang sagot para sa lihim na numerong ito. Pakitingnan ulit mamaya.',
  'inbox.fromStaff': 'Aming kawani',
  'inbox.fromYou': 'Ikaw',
  'inbox.followup.label': 'Magdagdag ng impormasyon',
  'inbox.followup.submit': 'Ipadala',
  'inbox.followup.sent': 'Naipadala na. Salamat.',
  'error.heading': 'Pakisuri ang form',
  'error.messageRequired': 'Pakisabi sa amin ang nangyari.',
  'error.tooLong': 'Masyadong mahaba. Pakiikli.',
  'error.tooLongCut':
    'Masyadong mahaba ang “{field}”, kaya pinaikli namin ito sa {count} na karakter. Pakisuri ang dulo, saka ipadala ulit.',
  'error.crossSite':
    'Ipinadala ito mula sa pahina ng ibang website, kaya hindi namin ito tinanggap at walang na-save. Kung may gusto kang sabihin sa amin, pakigamit ang pahinang ito: amin mismo ang pahinang ito.',
  'error.tooLarge':
    'Masyadong marami para ipadala nang sabay. Magpadala ng mas kaunti o mas maliliit na file.',
  'error.tooManyFiles': 'Masyadong maraming file. Hanggang {count} lang ang maipapadala.',
  'error.badFile': 'Hindi mabasa ang isa sa mga file. Sumubok ng ibang file.',
  'questions.heading': 'Ilang tanong pa',
  'questions.onlyIf': 'Sagutin lamang kung ang sagot mo sa “{question}” ay: {answers}.',
  'questions.dateFrom': 'Mula',
  'questions.dateTo': 'Hanggang (kung isang panahon)',
  'error.answer': 'Pakisuri ang sagot mo sa “{question}”.',
  'error.badInput': 'May mali sa form. Pakisuri at subukan ulit.',
  'error.rateLimited':
    'Masyadong maraming ulat ang dumarating ngayon. Maghintay sandali at subukan ulit.',
  'error.notFound': 'Walang ganitong pahina.',
  'error.server':
    'Nagkaproblema sa panig namin at maaaring hindi nai-save ang iyong ulat. Pakisubukan ulit.',
  'error.notReady': 'Hindi pa bukas ang linyang ito para sa mga ulat. Pakisubukan ulit mamaya.',
  'error.unavailable':
    'Hindi namin ma-save ang mga ulat ngayon dahil may problema sa aming server. Walang naipadala. Pakisubukan ulit pagkalipas ng ilang minuto.',
  'error.photoMetadata':
    'Hindi namin maalis ang nakatagong datos ng lokasyon sa isang larawan, kaya walang naipadala. Pumili ng ibang larawan o ipadala nang wala ito.',
  'bot.start.greeting':
    'Kumusta. Dito, masasabi mo sa amin ang tungkol sa human trafficking o pagsasamantala nang hindi ibinibigay ang iyong pangalan. Ikinakandado ang iyong ulat sa sandaling ipadala mo ito, para ang sinanay naming kawani lang ang makabasa nito.',
  'bot.start.safety':
    'Pakitandaan: hindi end-to-end encrypted ang mga chat sa Telegram, at nakikita ng Telegram ang usapang ito. Mas ligtas ang aming web form kapag binuksan sa Tor Browser. Pagkatapos mong magpadala ng ulat, maaari kong burahin ang chat na ito sa iyong telepono.',
  'bot.start.webForm': 'Web form para sa Tor Browser: {address}',
  'bot.start.next': 'Para magsimula, pindutin ang “Magsimula ng ulat” o ipadala ang /report.',
  'bot.help':
    'Mga utos:\n/report – magsimula ng ulat\n/submit – ipadala ang iyong ulat\n/cancel – itapon ang iyong draft\n/wipe – burahin ang chat na ito\n/language – palitan ang wika\n/status – basahin ang mga sagot gamit ang iyong lihim na numero\n/help – ang listahang ito',
  'bot.command.start': 'Pagsisimula at mga paalala sa kaligtasan',
  'bot.command.report': 'Magsimula ng ulat',
  'bot.command.submit': 'Ipadala ang iyong ulat',
  'bot.command.cancel': 'Itapon ang iyong draft',
  'bot.command.wipe': 'Burahin ang chat na ito',
  'bot.command.language': 'Palitan ang wika',
  'bot.command.status': 'Basahin ang mga sagot gamit ang lihim na numero',
  'bot.command.help': 'Listahan ng mga utos',
  'bot.button.report': 'Magsimula ng ulat',
  'bot.button.language': 'Wika',
  'bot.button.continue': 'Magpatuloy',
  'bot.button.skip': 'Laktawan',
  'bot.button.send': 'Ipadala nang ligtas',
  'bot.button.cancel': 'Itapon',
  'bot.button.wipe': 'Burahin ang chat na ito',
  'bot.button.keep': 'Panatilihin ang chat',
  'bot.language.choose': 'Piliin ang iyong wika:',
  'bot.language.set': 'Mula ngayon, magsusulat ako sa Tagalog.',
  'bot.report.story':
    'Ano ang nangyari? Sumulat ng kahit ilang mensahe ang kailangan mo, sa kahit anong wika. Maaari ka ring magpadala ng mga larawan, dokumento, voice message at lokasyon. Pindutin ang “Magpatuloy” kapag tapos ka na.',
  'bot.report.added': 'Naidagdag na. Maaari ka pang sumulat, o pindutin ang “Magpatuloy”.',
  'bot.report.fileAdded':
    'Naidagdag na ang file. Maaari ka pang magpadala, o pindutin ang “Magpatuloy”.',
  'bot.report.locationAdded': 'Naidagdag na ang lokasyon.',
  'bot.report.country': 'Sa aling bansa ito nangyari?',
  'bot.report.place':
    'Sa aling lungsod, bayan o lugar? Isulat ito, ibahagi ang lokasyon, o pindutin ang “Laktawan”.',
  'bot.report.when':
    'Kailan ito nangyari? Petsa, o mga salitang tulad ng “noong isang linggo”. O pindutin ang “Laktawan”.',
  'bot.report.danger': 'May tao bang nasa panganib ngayon?',
  'bot.report.summary':
    'Handa na ang iyong ulat:\n{summary}\n\nPindutin ang “Ipadala nang ligtas” o ipadala ang /submit. Itatapon ito ng /cancel.',
  'bot.summary.messages': 'Mga mensahe: {count}',
  'bot.summary.files': 'Mga file: {count}',
  'bot.summary.country': 'Bansa: {country}',
  'bot.summary.place': 'Lugar: {place}',
  'bot.summary.location': 'May kalakip na lokasyon',
  'bot.summary.when': 'Kailan: {when}',
  'bot.summary.danger': 'May nasa panganib ngayon: {answer}',
  'bot.submitted':
    'Naipadala at naikandado na ang iyong ulat. Ang iyong lihim na numero ay:\n\n{codename}\n\nIsulat ito sa isang ligtas na lugar. Para mabasa ang aming mga sagot, ipadala rito ang /status kasama ang lihim na numerong ito, o ilagay ito sa aming web form. Hindi na namin ito maipapakita muli.',
  'bot.wipe.offer':
    'Buburahin ko na ba ang chat na ito sa iyong telepono? I-save muna ang iyong lihim na numero.',
  'bot.wipe.done': 'Nabura na ang chat.',
  'bot.wipe.older':
    'Hindi mabura ang ilang lumang mensahe. Maaari mong burahin ang mga ito mismo sa Telegram.',
  'bot.wipe.kept': 'Hindi binura ang chat. Maaari mong ipadala ang /wipe anumang oras.',
  'bot.cancel.done': 'Itinapon na ang iyong draft. Walang naipadala.',
  'bot.cancel.none': 'Walang ulat na kasalukuyang ginagawa. Ipadala ang /report para magsimula.',
  'bot.submit.empty':
    'Pakisabi muna sa amin ang nangyari: sumulat ng mensahe, saka ipadala ang /submit.',
  'bot.draft.lost':
    'Wala akong ulat mula sa iyo na kasalukuyang ginagawa. Kung may isinusulat ka, nawala ito dahil nag-restart ang aming serbisyo o dahil naghintay ito nang mahigit 30 minuto. Pakipadala ang /report para magsimula ulit.',
  'bot.draft.full':
    'Hindi na makakatanggap ng higit pa ang ulat na ito. Pakipadala na ang /submit, o ang /cancel para magsimula ulit.',
  'bot.file.tooBig':
    'Masyadong malaki ang file na ito: {megabytes} MB ang limitasyon. Naka-save pa rin ang iba pang bahagi ng iyong ulat.',
  'bot.file.tooMany':
    'Hanggang {count} file lang ang maipapadala mo. Naka-save pa rin ang iba pang bahagi ng iyong ulat.',
  'bot.file.unreadable':
    'Hindi mabasa ang file na ito. Naka-save pa rin ang iba pang bahagi ng iyong ulat.',
  'bot.unsupported':
    'Hindi ko magagamit ang ganitong uri ng mensahe. Pakipadala ng text, larawan, dokumento, voice message o lokasyon.',
  'bot.status.ask':
    'Ipadala ang /status at ang iyong lihim na numero, halimbawa: /status 1234 5678 …',
  'bot.status.heading': 'Mga sagot para sa iyong lihim na numero:',
  'bot.status.removed': 'Binura ko sa chat na ito ang mensahe mong may lihim na numero.',
  'bot.reply.incoming': 'Sagot mula sa aming kawani:\n\n{text}',
  'bot.group.refused':
    'Para sa iyong kaligtasan, sa pribadong chat lang ako gumagana. Pakisulatan mo ako nang direkta. Aalis na ako sa grupong ito.',
  'bot.flood':
    'Napakabilis mong magpadala ng mga mensahe. Maghintay ng isang minuto, saka magpatuloy.',
  'bot.error': 'Nagkaproblema sa panig namin. Naka-save pa rin ang iyong draft; pakisubukan ulit.',
  'alert.subject': 'Bagong aktibidad',
  'alert.body': 'May bagong aktibidad sa linya ng ulat. Buksan ang desk para mabasa ito.',
  'bot.alertLink.done': 'Naka-link na. Dito sa chat na ito darating ang mga abiso.',
  'bot.alertLink.failed': 'Hindi gumagana ang code na ito.',
  'bot.unavailable':
    'Hindi namin ma-save ang iyong ulat ngayon dahil may problema sa aming server. Naka-save pa rin ang iyong draft; pakipadala ulit ang /submit pagkalipas ng ilang minuto.',
};
