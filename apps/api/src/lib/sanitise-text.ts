/**
 * What every free text loses on its way in. A client's words are shown to their worker exactly as
 * saved, so characters that change how a text reads without being seen are taken out first:
 *
 * - bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
 *   U+200E, U+200F, U+061C: a right-to-left override can make "ik wil niet stoppen" read differently;
 * - zero-width and other invisible format characters (Unicode category Cf: U+200B, U+2060, U+FEFF,
 *   soft hyphen, ...) and control characters (Cc), except a plain newline where a field allows one.
 *
 * What stays, because people need it: a zero-width joiner inside an emoji sequence (👩‍👩‍👧, 👨🏽‍💻,
 * ❤️‍🔥), the tag characters of a flag such as 🏴󠁧󠁢󠁥󠁮󠁧󠁿, and the (non-)joiners between letters that
 * Persian, Arabic and Indic scripts need (می‌خواهم). Then NFC, so the same word is stored the same way
 * however it was typed.
 */

// Each alternative in order: the three kinds we keep (captured), then what we drop.
const invisible = new RegExp(
  [
    // A joiner or non-joiner between two letters (with their marks): part of how a script is written.
    String.raw`((?<=[\p{L}\p{M}])[\u200C\u200D](?=[\p{L}\p{M}]))`,
    // A joiner inside an emoji ZWJ sequence: after an emoji (or its skin tone or VS16), before an emoji.
    String.raw`((?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D(?=\p{Extended_Pictographic}))`,
    // Tag characters after a black flag: subdivision flags (England, Scotland, Wales).
    String.raw`((?<=\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0020}-\u{E007F}])`,
    // Everything else invisible: format (Cf) and control (Cc) characters, but not the newline.
    String.raw`(?!\n)[\p{Cf}\p{Cc}]`,
  ].join('|'),
  'gu',
)

function clean(value: string, multiline: boolean): string {
  const lines = value
    // Lone surrogates (possible in JSON) become U+FFFD instead of breaking storage or display.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    // Every kind of line break becomes \n: \r\n, \r, NEL, and the Unicode line and paragraph separators.
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
  const oneLine = multiline ? lines : lines.replace(/\n/g, ' ')
  return oneLine
    .replace(invisible, (_match, letters?: string, emoji?: string, tag?: string) => letters ?? emoji ?? tag ?? '')
    .normalize('NFC')
}

/** For texts that may span lines (a statement, a note, an answer): newlines are kept. */
export function sanitiseText(value: string): string {
  return clean(value, true)
}

/** For one-line texts (a name, a title): line breaks and tabs become spaces. */
export function sanitiseLine(value: string): string {
  return clean(value, false)
}
