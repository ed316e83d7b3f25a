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
  'receipt.next.24h':
    'Obučeni član osoblja će pročitati vašu prijavu. Trudimo se da odgovorimo u roku od 24 sata: tada se vratite sa svojom šifrom da pročitate naš odgovor i pošaljete još informacija.',
  'receipt.next.48h':
    'Obučeni član osoblja će pročitati vašu prijavu. Trudimo se da odgovorimo u roku od 2 dana: tada se vratite sa svojom šifrom da pročitate naš odgovor i pošaljete još informacija.',
  'receipt.next.3d':
    'Obučeni član osoblja će pročitati vašu prijavu. Trudimo se da odgovorimo u roku od 3 dana: tada se vratite sa svojom šifrom da pročitate naš odgovor i pošaljete još informacija.',
  'receipt.next.7d':
    'Obučeni član osoblja će pročitati vašu prijavu. Trudimo se da odgovorimo u roku od nedelju dana: tada se vratite sa svojom šifrom da pročitate naš odgovor i pošaljete još informacija.',
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
  'error.tooLongCut':
    'Odgovor na „{field}” je bio predugačak, pa smo ga skratili na {count} znakova. Proverite kraj, pa pošaljite ponovo.',
  'error.crossSite':
    'Ovo je poslato sa stranice drugog sajta, pa to nismo primili i ništa nije sačuvano. Ako želite nešto da nam kažete, koristite ovu stranicu: ona je naša.',
  'error.tooLarge':
    'To je previše za jedno slanje. Pošaljite manji broj datoteka ili manje datoteke.',
  'error.tooManyFiles': 'Previše datoteka. Možete poslati najviše {count}.',
  'error.badFile': 'Jedna od datoteka ne može da se pročita. Pokušajte sa drugom datotekom.',
  'questions.heading': 'Još nekoliko pitanja',
  'questions.onlyIf': 'Odgovorite samo ako je vaš odgovor na „{question}“ bio: {answers}.',
  'questions.dateFrom': 'Od',
  'questions.dateTo': 'Do (ako je u pitanju period)',
  'error.answer': 'Proverite svoj odgovor na „{question}“.',
  'error.badInput': 'Nešto u obrascu nije u redu. Proverite i pokušajte ponovo.',
  'error.rateLimited': 'Trenutno stiže previše prijava. Sačekajte malo i pokušajte ponovo.',
  'error.notFound': 'Ova stranica ne postoji.',
  'error.server':
    'Došlo je do greške kod nas i vaša prijava možda nije sačuvana. Pokušajte ponovo.',
  'error.notReady': 'Ova linija za prijave još nije otvorena. Pokušajte ponovo kasnije.',
  'error.unavailable':
    'Trenutno ne možemo da sačuvamo prijavu zbog problema na našem serveru. Ništa nije poslato. Pokušajte ponovo za nekoliko minuta.',
  'error.photoMetadata':
    'Nismo mogli da uklonimo skrivene podatke o lokaciji sa fotografije, pa ništa nije poslato. Izaberite drugu fotografiju ili pošaljite bez nje.',
  'bot.start.greeting':
    'Zdravo. Ovde nam možete reći o trgovini ljudima ili eksploataciji, a da ne navedete svoje ime. Vaša prijava se zaključava čim je pošaljete, tako da je može pročitati samo naše obučeno osoblje.',
  'bot.start.safety':
    'Imajte u vidu: razgovori u Telegramu nisu šifrovani od kraja do kraja i Telegram može da vidi ovaj razgovor. Naš veb-obrazac, otvoren u Tor pregledaču, bezbedniji je. Kada pošaljete prijavu, mogu da obrišem ovaj razgovor sa vašeg telefona.',
  'bot.start.webForm': 'Veb-obrazac za Tor pregledač: {address}',
  'bot.start.next': 'Da biste počeli, pritisnite „Započnite prijavu” ili pošaljite /report.',
  'bot.help':
    'Komande:\n/report – započnite prijavu\n/submit – pošaljite prijavu\n/cancel – odbacite nacrt\n/wipe – obrišite ovaj razgovor\n/language – promenite jezik\n/status – pročitajte odgovore pomoću šifre\n/help – ovaj spisak',
  'bot.command.start': 'Početak i bezbednosne napomene',
  'bot.command.report': 'Započnite prijavu',
  'bot.command.submit': 'Pošaljite prijavu',
  'bot.command.cancel': 'Odbacite nacrt',
  'bot.command.wipe': 'Obrišite ovaj razgovor',
  'bot.command.language': 'Promenite jezik',
  'bot.command.status': 'Pročitajte odgovore pomoću šifre',
  'bot.command.help': 'Spisak komandi',
  'bot.button.report': 'Započnite prijavu',
  'bot.button.language': 'Jezik',
  'bot.button.continue': 'Nastavite',
  'bot.button.skip': 'Preskočite',
  'bot.button.send': 'Pošaljite bezbedno',
  'bot.button.cancel': 'Odbacite',
  'bot.button.wipe': 'Obrišite razgovor',
  'bot.button.keep': 'Zadržite razgovor',
  'bot.language.choose': 'Izaberite jezik:',
  'bot.language.set': 'Od sada ću pisati na srpskom.',
  'bot.report.story':
    'Šta se dogodilo? Napišite onoliko poruka koliko vam treba, na bilo kom jeziku. Možete poslati i fotografije, dokumente, glasovne poruke i lokaciju. Kada završite, pritisnite „Nastavite”.',
  'bot.report.added': 'Dodato. Možete napisati još ili pritisnuti „Nastavite”.',
  'bot.report.fileAdded': 'Datoteka je dodata. Možete poslati još ili pritisnuti „Nastavite”.',
  'bot.report.locationAdded': 'Lokacija je dodata.',
  'bot.report.country': 'U kojoj državi se ovo dogodilo?',
  'bot.report.place':
    'U kom gradu, mestu ili lokaciji? Napišite, podelite lokaciju ili pritisnite „Preskočite”.',
  'bot.report.when':
    'Kada se to dogodilo? Datum ili reči kao „prošle nedelje”. Ili pritisnite „Preskočite”.',
  'bot.report.danger': 'Da li je neko sada u opasnosti?',
  'bot.report.summary':
    'Vaša prijava je spremna:\n{summary}\n\nPritisnite „Pošaljite bezbedno” ili pošaljite /submit. Sa /cancel je odbacujete.',
  'bot.summary.messages': 'Broj poruka: {count}',
  'bot.summary.files': 'Broj datoteka: {count}',
  'bot.summary.country': 'Država: {country}',
  'bot.summary.place': 'Mesto: {place}',
  'bot.summary.location': 'Lokacija je priložena',
  'bot.summary.when': 'Kada: {when}',
  'bot.summary.danger': 'Da li je neko sada u opasnosti: {answer}',
  'bot.submitted':
    'Vaša prijava je poslata i zaključana. Vaša šifra je:\n\n{codename}\n\nZapišite je na bezbedno mesto. Da biste pročitali naše odgovore, pošaljite ovde /status sa ovom šifrom ili je unesite u naš veb-obrazac. Ne možemo vam je ponovo prikazati.',
  'bot.wipe.offer':
    'Da li da sada obrišem ovaj razgovor sa vašeg telefona? Prvo sačuvajte svoju šifru.',
  'bot.wipe.done': 'Razgovor je obrisan.',
  'bot.wipe.older':
    'Neke starije poruke nisu mogle da se obrišu. Možete ih sami obrisati u Telegramu.',
  'bot.wipe.kept': 'Razgovor je zadržan. Možete poslati /wipe u bilo kom trenutku.',
  'bot.cancel.done': 'Vaš nacrt je odbačen. Ništa nije poslato.',
  'bot.cancel.none': 'Nema započete prijave. Pošaljite /report da biste je započeli.',
  'bot.submit.empty': 'Prvo nam recite šta se dogodilo: napišite poruku, pa pošaljite /submit.',
  'bot.draft.lost':
    'Nemam vašu započetu prijavu. Ako ste je pisali, izgubljena je jer je naš servis ponovo pokrenut ili jer je čekala duže od 30 minuta. Pošaljite /report da biste počeli ponovo.',
  'bot.draft.full':
    'Ova prijava ne može da primi ništa više. Pošaljite /submit sada ili /cancel da biste počeli ponovo.',
  'bot.file.tooBig':
    'Ova datoteka je prevelika: ograničenje je {megabytes} MB. Ostatak vaše prijave je sačuvan.',
  'bot.file.tooMany': 'Možete poslati najviše {count} datoteka. Ostatak vaše prijave je sačuvan.',
  'bot.file.unreadable': 'Ova datoteka ne može da se pročita. Ostatak vaše prijave je sačuvan.',
  'bot.unsupported':
    'Ne mogu da koristim ovu vrstu poruke. Pošaljite tekst, fotografije, dokumente, glasovne poruke ili lokaciju.',
  'bot.status.ask': 'Pošaljite /status i svoju šifru, na primer: /status 1234 5678 …',
  'bot.status.heading': 'Odgovori za vašu šifru:',
  'bot.status.removed': 'Vaša poruka sa šifrom je obrisana iz ovog razgovora.',
  'bot.reply.incoming': 'Odgovor našeg osoblja:\n\n{text}',
  'bot.group.refused':
    'Radi vaše bezbednosti radim samo u privatnom razgovoru. Pišite mi direktno. Sada napuštam ovu grupu.',
  'bot.flood': 'Šaljete poruke veoma brzo. Sačekajte minut, pa nastavite.',
  'bot.error': 'Došlo je do greške kod nas. Vaš nacrt je sačuvan; pokušajte ponovo.',
  'alert.subject': 'Nova aktivnost',
  'alert.body':
    'Ima nove aktivnosti na liniji za prijave. Otvorite radni prostor da biste pročitali.',
  'bot.alertLink.done': 'Povezano. Obaveštenja će stizati u ovaj razgovor.',
  'bot.alertLink.failed': 'Ovaj kod ne važi.',
  'bot.unavailable':
    'Trenutno ne možemo da sačuvamo vašu prijavu zbog problema na našem serveru. Vaš nacrt je sačuvan; pošaljite /submit ponovo za nekoliko minuta.',
};
