/**
 * English, the reference catalog: every other locale must have exactly these keys, translated.
 * Tone: short, calm, plain words; the reader may be frightened, tired, or reading in a second
 * language. Placeholders in {braces} are filled in by `formatMessage`.
 */
export const en = {
  'site.title': 'Report safely',
  'site.tagline': 'A safe way to tell us about trafficking or exploitation.',
  'nav.quickExit': 'Quick exit',
  'nav.quickExitHint': 'Leave this site now',
  'nav.language': 'Language',
  'nav.report': 'Send a report',
  'nav.inbox': 'Read replies',
  'footer.privacy': 'No cookies. We do not keep your IP address. Nothing is saved in your browser.',
  'footer.tor': 'Safest: open this site in Tor Browser.',

  'form.heading': 'Tell us what happened',
  'form.intro':
    'You do not need to give your name. Your report is locked at once so that only our trained staff can read it.',
  'form.required': 'required',
  'form.optional': 'optional',
  'form.message.label': 'What happened?',
  'form.message.hint':
    'Write in any language. Say what you saw or what happened to you, and who was involved.',
  'form.country.label': 'Country',
  'form.country.choose': 'Choose a country',
  'form.country.other': 'Another country',
  'form.place.label': 'City, town or place',
  'form.when.label': 'When did it happen?',
  'form.when.hint': 'A date, or words like “last week”.',
  'form.danger.legend': 'Is someone in danger right now?',
  'form.danger.yes': 'Yes',
  'form.danger.no': 'No',
  'form.danger.unknown': 'I do not know',
  'form.attachments.label': 'Photos, documents, audio or video',
  'form.attachments.hint':
    'Up to {count} files, {megabytes} MB in all. We remove location data from photos.',
  'form.contact.label': 'How can we contact you?',
  'form.contact.warning':
    'Contact details can identify you. Leave this empty to stay anonymous: you can still read our replies with your codename.',
  'form.submit': 'Send securely',

  'receipt.heading': 'We received your report',
  'receipt.codenameLabel': 'Your codename',
  'receipt.remember':
    'Write this codename down or remember it. It is the only way to read our replies. We cannot show it again.',
  'receipt.next.24h':
    'A trained staff member will read your report. We aim to answer within 24 hours: check back then with your codename to read our reply and send more information.',
  'receipt.next.48h':
    'A trained staff member will read your report. We aim to answer within 2 days: check back then with your codename to read our reply and send more information.',
  'receipt.next.3d':
    'A trained staff member will read your report. We aim to answer within 3 days: check back then with your codename to read our reply and send more information.',
  'receipt.next.7d':
    'A trained staff member will read your report. We aim to answer within a week: check back then with your codename to read our reply and send more information.',
  'receipt.inboxLink': 'Read replies later',
  'receipt.safety':
    'If someone may check this phone, close this page now. Nothing about your report is kept on it.',

  'danger.heading': 'If someone is in danger now',
  'danger.call': 'Call these numbers in {country}:',
  'danger.callLocal': 'Call the local emergency number.',
  'danger.kind.emergency': 'Emergency',
  'danger.kind.police': 'Police',
  'danger.kind.ambulance': 'Ambulance',
  'danger.kind.fire': 'Fire',

  'inbox.heading': 'Read replies',
  'inbox.intro': 'Enter your codename to read replies from our staff and to send more information.',
  'inbox.codename.label': 'Codename',
  'inbox.codename.hint': '20 digits, spaces do not matter.',
  'inbox.open': 'Open',
  'inbox.none': 'There are no replies for this codename yet. Please check again later.',
  'inbox.fromStaff': 'Our staff',
  'inbox.fromYou': 'You',
  'inbox.followup.label': 'Add more information',
  'inbox.followup.submit': 'Send',
  'inbox.followup.sent': 'Sent. Thank you.',

  'error.heading': 'Please check the form',
  'error.messageRequired': 'Please tell us what happened.',
  'error.tooLong': 'This is too long. Please shorten it.',
  'error.tooLongCut':
    '“{field}” was too long, so we cut it to {count} characters. Please check the end of it, then send again.',
  'error.crossSite':
    'This was sent from a page on another website, so we did not accept it and nothing was saved. If you want to tell us something, please use this page: it is our own.',
  'error.tooLarge': 'That is too much to send at once. Please send fewer or smaller files.',
  'error.tooManyFiles': 'Too many files. You can send up to {count}.',
  'error.badFile': 'One of the files could not be read. Please try another file.',
  'questions.heading': 'A few more questions',
  'questions.onlyIf': 'Answer only if your answer to “{question}” was: {answers}.',
  'questions.dateFrom': 'From',
  'questions.dateTo': 'Until (for a period)',
  'error.answer': 'Please check your answer to “{question}”.',
  'error.badInput': 'Something in the form was not right. Please check it and try again.',
  'error.rateLimited':
    'Too many reports are arriving just now. Please wait a little and try again.',
  'error.notFound': 'This page does not exist.',
  'error.server':
    'Something went wrong on our side, and your report may not have been saved. Please try again.',
  'error.notReady': 'This tip line is not open yet. Please try again later.',
  'error.unavailable':
    'We cannot save reports right now because of a problem on our server. Nothing was sent. Please try again in a few minutes.',
  'error.photoMetadata':
    'We could not remove the hidden location data from a photo, so nothing was sent. Please choose another photo, or send without it.',
  'bot.start.greeting':
    'Hello. Here you can tell us about trafficking or exploitation without giving your name. Your report is locked as soon as you send it, so that only our trained staff can read it.',
  'bot.start.safety':
    'Please know: Telegram chats are not end-to-end encrypted, and Telegram can see this conversation. Our web form, opened in Tor Browser, is safer. After you send a report, I can clear this chat from your phone.',
  'bot.start.webForm': 'Web form for Tor Browser: {address}',
  'bot.start.next': 'To begin, press “Start a report” or send /report.',
  'bot.help':
    'Commands:\n/report – start a report\n/submit – send your report\n/cancel – throw away your draft\n/wipe – clear this chat\n/language – change the language\n/status – read replies with your codename\n/help – this list',
  'bot.command.start': 'Start and safety notes',
  'bot.command.report': 'Start a report',
  'bot.command.submit': 'Send your report',
  'bot.command.cancel': 'Throw away your draft',
  'bot.command.wipe': 'Clear this chat',
  'bot.command.language': 'Change the language',
  'bot.command.status': 'Read replies with your codename',
  'bot.command.help': 'List the commands',
  'bot.button.report': 'Start a report',
  'bot.button.language': 'Language',
  'bot.button.continue': 'Continue',
  'bot.button.skip': 'Skip',
  'bot.button.send': 'Send securely',
  'bot.button.cancel': 'Throw it away',
  'bot.button.wipe': 'Clear this chat',
  'bot.button.keep': 'Keep the chat',
  'bot.language.choose': 'Choose your language:',
  'bot.language.set': 'I will write in English from now on.',
  'bot.report.story':
    'What happened? Write as many messages as you need, in any language. You can also send photos, documents, voice notes and a location. Press “Continue” when you are done.',
  'bot.report.added': 'Added. You can write more, or press “Continue”.',
  'bot.report.fileAdded': 'File added. You can send more, or press “Continue”.',
  'bot.report.locationAdded': 'Location added.',
  'bot.report.country': 'In which country did this happen?',
  'bot.report.place': 'In which city, town or place? Write it, share a location, or press “Skip”.',
  'bot.report.when': 'When did it happen? A date, or words like “last week”. Or press “Skip”.',
  'bot.report.danger': 'Is someone in danger right now?',
  'bot.report.summary':
    'Your report is ready:\n{summary}\n\nPress “Send securely” or send /submit. /cancel throws it away.',
  'bot.summary.messages': 'Messages: {count}',
  'bot.summary.files': 'Files: {count}',
  'bot.summary.country': 'Country: {country}',
  'bot.summary.place': 'Place: {place}',
  'bot.summary.location': 'A location is attached',
  'bot.summary.when': 'When: {when}',
  'bot.summary.danger': 'Someone in danger now: {answer}',
  'bot.submitted':
    'Your report was sent and locked. Your codename is:\n\n{codename}\n\nWrite it down somewhere safe. Send /status with this codename to read our replies, here or on our web form. We cannot show it again.',
  'bot.wipe.offer': 'Shall I clear this chat from your phone now? Save your codename first.',
  'bot.wipe.done': 'Chat cleared.',
  'bot.wipe.older':
    'Some older messages could not be deleted. You can delete them yourself in Telegram.',
  'bot.wipe.kept': 'The chat was kept. You can send /wipe at any time.',
  'bot.cancel.done': 'Your draft was thrown away. Nothing was sent.',
  'bot.cancel.none': 'There is no report in progress. Send /report to start one.',
  'bot.submit.empty': 'Please tell us what happened first: write a message, then send /submit.',
  'bot.draft.lost':
    'I have no report in progress from you. If you were writing one, it was lost because our service restarted or because it waited more than 30 minutes. Please send /report to start again.',
  'bot.draft.full':
    'This report cannot take more. Please send /submit now, or /cancel to start again.',
  'bot.file.tooBig':
    'This file is too big: the limit is {megabytes} MB. The rest of your report is kept.',
  'bot.file.tooMany': 'You can send up to {count} files. The rest of your report is kept.',
  'bot.file.unreadable': 'This file could not be read. The rest of your report is kept.',
  'bot.unsupported':
    'I cannot use this kind of message. Please send text, photos, documents, voice notes or a location.',
  'bot.status.ask': 'Send /status followed by your codename, for example: /status 1234 5678 …',
  'bot.status.heading': 'Replies for your codename:',
  'bot.status.removed': 'I deleted your message with the codename from this chat.',
  'bot.reply.incoming': 'A reply from our staff:\n\n{text}',
  'bot.group.refused':
    'For your safety I only work in a private chat. Please write to me directly. I am leaving this group now.',
  'bot.flood': 'You are sending messages very fast. Please wait a minute, then go on.',
  'bot.error': 'Something went wrong on our side. Your draft is kept; please try again.',
  'alert.subject': 'New activity',
  'alert.body': 'There is new activity on the tip line. Open the desk to read it.',
  'bot.alertLink.done': 'Linked. Notifications will arrive in this chat.',
  'bot.alertLink.failed': 'This code does not work.',
  'bot.unavailable':
    'We cannot save your report right now because of a problem on our server. Your draft is kept; please send /submit again in a few minutes.',
} as const;

export type MessageKey = keyof typeof en;
/** A catalog: every key, each a string. Locale files are typed with this so a missing key fails to compile. */
export type Messages = Record<MessageKey, string>;
