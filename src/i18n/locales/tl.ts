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
  'receipt.next':
    'Babasahin ng sinanay naming kawani ang iyong ulat. Bumalik pagkalipas ng ilang araw dala ang iyong lihim na numero para mabasa ang aming sagot at magpadala ng higit pang impormasyon.',
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
  'error.tooLarge':
    'Masyadong marami para ipadala nang sabay. Magpadala ng mas kaunti o mas maliliit na file.',
  'error.tooManyFiles': 'Masyadong maraming file. Hanggang {count} lang ang maipapadala.',
  'error.badFile': 'Hindi mabasa ang isa sa mga file. Sumubok ng ibang file.',
  'error.badInput': 'May mali sa form. Pakisuri at subukan ulit.',
  'error.rateLimited':
    'Masyadong maraming ulat ang dumarating ngayon. Maghintay sandali at subukan ulit.',
  'error.notFound': 'Walang ganitong pahina.',
  'error.server':
    'Nagkaproblema sa panig namin at maaaring hindi nai-save ang iyong ulat. Pakisubukan ulit.',
  'error.notReady': 'Hindi pa bukas ang linyang ito para sa mga ulat. Pakisubukan ulit mamaya.',
  'error.photoMetadata':
    'Hindi namin maalis ang nakatagong datos ng lokasyon sa isang larawan, kaya walang naipadala. Pumili ng ibang larawan o ipadala nang wala ito.',
};
