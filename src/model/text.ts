/**
 * Text from an export that a report shows (a dossier id) must not steer the terminal or the
 * reader's eye: ANSI/OSC escape sequences (ESC, CSI U+009B), carriage returns that overwrite a line,
 * and the bidirectional overrides (U+202E) that show a text reversed. They are replaced by U+FFFD
 * in what is shown; the data keeps its own identity (duplicate ids are still found on the raw id).
 */

/** C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

export const REPLACEMENT = '\ufffd';

/** `text` with every control and bidi-override character replaced by U+FFFD. */
export function printable(text: string): string {
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_ALL, REPLACEMENT) : text;
}

/** The same for a text that may run over lines: tab and line feed stay, CR and the rest go. */
const UNPRINTABLE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printableText(text: string): string {
  return text.replace(UNPRINTABLE_IN_TEXT, REPLACEMENT);
}
