import type { Messages } from './en.js';

/** Serbian (Latin). First translation, 2026-11-22; to be reviewed by a native speaker. */
export const srLatn: Messages = {
  'site.title': 'Prijavite bezbedno',
  'site.tagline': 'Bezbedan način da nam kažete o trgovini ljudima ili eksploataciji.',
  'nav.quickExit': 'Brzi izlaz',
  'nav.quickExitHint': 'Odmah napustite ovaj sajt',
  'nav.language': 'Jezik',
  'nav.report': 'Pošaljite prijavu',
  'nav.inbox': 'Pročitajte odgovore',
  'footer.privacy': 'Bez kolačića. Ne čuvamo vašu IP adresu. Ništa se ne čuva u vašem pregledaču.',
  'footer.tor': 'Najbezbednije: otvorite ovaj sajt u Tor pregledaču.',
  'form.heading': 'Recite nam šta se dogodilo',
  'form.intro':
    'Ne morate da navedete svoje ime. Vaša prijava se odmah zaključava tako da je može pročitati samo naše obučeno osoblje.',
  'form.required': 'obavezno',
  'form.optional': 'nije obavezno',
  'form.message.label': 'Šta se dogodilo?',
  'form.message.hint':
    'Pišite na bilo kom jeziku. Recite šta ste videli ili šta se vama dogodilo, i ko je bio umešan.',
  'form.country.label': 'Država',
  'form.country.choose': 'Izaberite državu',
  'form.country.other': 'Druga država',
  'form.place.label': 'Grad, mesto ili lokacija',
  'form.when.label': 'Kada se to dogodilo?',
  'form.when.hint': 'Datum ili reči kao „prošle nedelje”.',
  'form.danger.legend': 'Da li je neko sada u opasnosti?',
  'form.danger.yes': 'Da',
  'form.danger.no': 'Ne',
  'form.danger.unknown': 'Ne znam',
  'form.attachments.label': 'Fotografije, dokumenti, zvuk ili video',
  'form.attachments.hint':
    'Najviše {count} datoteka, ukupno {megabytes} MB. Sa fotografija uklanjamo podatke o lokaciji.',
  'form.contact.label': 'Kako možemo da vas kontaktiramo?',
  'form.contact.warning':
    'Kontakt podaci mogu da otkriju ko ste. Ostavite ovo prazno da biste ostali anonimni: odgovore i dalje možete čitati pomoću svoje šifre.',
  'form.submit': 'Pošaljite bezbedno',
  'receipt.heading': 'Primili smo vašu prijavu',
  'receipt.codenameLabel': 'Vaša šifra',
  'receipt.remember':
    'Zapišite ovu šifru ili je zapamtite. To je jedini način da pročitate naše odgovore. Ne možemo vam je ponovo prikazati.',
  'receipt.next':
    'Obučeni član osoblja će pročitati vašu prijavu. Ako se za nekoliko dana vratite sa svojom šifrom, moći ćete da pročitate naš odgovor i pošaljete još informacija.',
  'receipt.inboxLink': 'Pročitajte odgovore kasnije',
  'receipt.safety':
    'Ako neko može da pregleda ovaj telefon, odmah zatvorite ovu stranicu. Na telefonu se ne čuva ništa o vašoj prijavi.',
  'danger.heading': 'Ako je neko sada u opasnosti',
  'danger.call': 'Pozovite ove brojeve u zemlji {country}:',
  'danger.callLocal': 'Pozovite lokalni broj za hitne slučajeve.',
  'danger.kind.emergency': 'Hitne službe',
  'danger.kind.police': 'Policija',
  'danger.kind.ambulance': 'Hitna pomoć',
  'danger.kind.fire': 'Vatrogasci',
  'inbox.heading': 'Pročitajte odgovore',
  'inbox.intro':
    'Unesite svoju šifru da biste pročitali odgovore našeg osoblja i poslali još informacija.',
  'inbox.codename.label': 'Šifra',
  'inbox.codename.hint': '20 cifara, razmaci nisu bitni.',
  'inbox.open': 'Otvori',
  'inbox.none': 'Za ovu šifru još nema odgovora. Proverite ponovo kasnije.',
  'inbox.fromStaff': 'Naše osoblje',
  'inbox.fromYou': 'Vi',
  'inbox.followup.label': 'Dodajte još informacija',
  'inbox.followup.submit': 'Pošalji',
  'inbox.followup.sent': 'Poslato. Hvala vam.',
  'error.heading': 'Proverite obrazac',
  'error.messageRequired': 'Recite nam šta se dogodilo.',
  'error.tooLong': 'Ovo je predugačko. Molimo skratite.',
  'error.tooLarge':
    'To je previše za jedno slanje. Pošaljite manji broj datoteka ili manje datoteke.',
  'error.tooManyFiles': 'Previše datoteka. Možete poslati najviše {count}.',
  'error.badFile': 'Jedna od datoteka ne može da se pročita. Pokušajte sa drugom datotekom.',
  'error.badInput': 'Nešto u obrascu nije u redu. Proverite i pokušajte ponovo.',
  'error.rateLimited': 'Trenutno stiže previše prijava. Sačekajte malo i pokušajte ponovo.',
  'error.notFound': 'Ova stranica ne postoji.',
  'error.server':
    'Došlo je do greške kod nas i vaša prijava možda nije sačuvana. Pokušajte ponovo.',
  'error.notReady': 'Ova linija za prijave još nije otvorena. Pokušajte ponovo kasnije.',
  'error.photoMetadata':
    'Nismo mogli da uklonimo skrivene podatke o lokaciji sa fotografije, pa ništa nije poslato. Izaberite drugu fotografiju ili pošaljite bez nje.',
};
