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
  'receipt.next':
    'A trained staff member will read your report. If you check back in a few days with your codename, you can read our reply and send more information.',
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
  'error.tooLarge': 'That is too much to send at once. Please send fewer or smaller files.',
  'error.tooManyFiles': 'Too many files. You can send up to {count}.',
  'error.badFile': 'One of the files could not be read. Please try another file.',
  'error.badInput': 'Something in the form was not right. Please check it and try again.',
  'error.rateLimited':
    'Too many reports are arriving just now. Please wait a little and try again.',
  'error.notFound': 'This page does not exist.',
  'error.server':
    'Something went wrong on our side, and your report may not have been saved. Please try again.',
  'error.notReady': 'This tip line is not open yet. Please try again later.',
  'error.photoMetadata':
    'We could not remove the hidden location data from a photo, so nothing was sent. Please choose another photo, or send without it.',
} as const;

export type MessageKey = keyof typeof en;
/** A catalog: every key, each a string. Locale files are typed with this so a missing key fails to compile. */
export type Messages = Record<MessageKey, string>;
