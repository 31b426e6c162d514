import type { Catalogue } from '../translate'

// The accessibility statement (/toegankelijkheid), in plain English: honest about what does not work yet.
export const accessibilityEn: Catalogue['accessibility'] = {
  footerLink: 'Accessibility',
  title: 'Accessibility',
  intro: 'Everyone should be able to use Kracht. Also if you do not see well, do not use a mouse, make the text large or have an old phone. Here you can read what we do, what does not work well yet and how to report a problem.',
  goalTitle: 'What we aim for',
  goal: 'Kracht should meet the rules for accessible websites: WCAG 2.2, level AA. These rules also apply to the government and much of care in the Netherlands.',
  testedTitle: 'What we test',
  tested: {
    axe: 'Every page, for everyone who uses Kracht (client, worker, peer expert, coordinator) and also signed out. On a phone (360 pixels wide) and on a computer (1280 pixels wide). A program (axe) then looks for faults, such as too little colour contrast or a button without a name.',
    keyboard: 'Keyboard: what a client does most also works without a mouse. Signing in, writing a sentence, choosing a priority, talking with the assistant and sharing with your worker. You can always see where you are. Press Tab once and you see a link that takes you straight to the content.',
    zoom: 'Large text: you can make everything twice as big (200 %). You do not have to scroll sideways and no text is cut off.',
    phone: 'Phone: on a narrow screen you never have to scroll sideways.',
    noScript: 'The most important pages also work without JavaScript.',
    screenReaders: 'Screen readers: the pages have headings, labels and fixed parts (header, content, footer), so a screen reader can read them out well.',
  },
  testedRerun: 'These tests are part of Kracht. Anyone who installs Kracht can run them again.',
  knownTitle: 'What does not work well yet',
  known: {
    screenReaders: 'We have not yet tested Kracht with people who use a screen reader every day. For example NVDA, JAWS, VoiceOver or TalkBack. We still want to do that.',
    timeout: 'After 30 minutes without doing anything you are signed out. You do not get a warning yet, and you cannot make that time longer yourself.',
    languages: 'Kracht is in Dutch and English. Other languages, reading aloud and sign language are not there yet.',
    prints: 'The pages for printing are made for paper. To read on a screen, the normal page works better.',
  },
  reportTitle: 'Report a problem',
  report: 'Does something not work for you? We would like to know. It is not your fault.',
  reportHow: {
    client: 'Tell your worker, or send your worker a message in Kracht.',
    staff: 'Do you work at the organisation? Tell your coordinator.',
    what: 'Say on which page it was and what you wanted to do. And what you use, for example a phone, a screen reader or large text.',
  },
  reportAnswer: 'The organisation looks into it and tells you what they do about it.',
  updated: 'This statement was last updated on 30 November 2026.',
}
