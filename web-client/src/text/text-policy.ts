/**
 * The server's text policy (`fi.tukipiiri.text.TextPolicy`), folded and counted the same way in the
 * browser, so a field's counter and its refusals agree with what the server will say:
 *
 * - control characters (other than tab, line feed and carriage return) and unpaired surrogates are refused;
 * - invisible characters (format characters, other default-ignorable code points, the braille blank) are
 *   removed, except, outside names, inside emoji sequences and where a joiner shapes an Arabic or Indic word;
 * - Unicode Normalization Form C;
 * - white space: one line folds every space and line break into one space; several lines keep line feeds,
 *   turn other spaces into one space each, drop spaces at line ends and keep few blank lines;
 * - at most a few nonspacing marks in a row (counted in NFD);
 * - lengths in code points of the folded text.
 *
 * What needs Unicode data the browser lacks (mixed scripts, look-alikes of staff names) only the server
 * checks. The numbers come from the server (`GET /api/limits`).
 */

export type TextKind = 'NAME' | 'SINGLE_LINE' | 'MULTI_LINE' | 'VERBATIM';

/** One field's limits, in code points after folding (`maxBytes`: UTF-8, where the server stores no more). */
export type FieldLimit = {
  kind: TextKind;
  min: number;
  max: number;
  maxBytes?: number;
};

/** The policy's own numbers, as the server publishes them with the field limits. */
export type PolicyNumbers = {
  maxMarksPerCharacter: number;
  maxBlankLines: number;
};

/** The server's field error codes for text. */
export type TextRefusal =
  'control_character' | 'invalid_character' | 'not_blank' | 'size' | 'too_many_bytes' | 'combining_marks' | 'pattern';

/** `text`: the folded text that would be stored (also when refused, for counting). */
export type TextCheck = { ok: true; text: string } | { ok: false; code: TextRefusal; text: string };

const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const SPACE = /[\p{Z}\t\n\r]/u;
const NONSPACING_MARK = /[\p{Mn}\p{Me}]/u;
const EMOJI = /\p{Emoji}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI_MODIFIER = /\p{Emoji_Modifier}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const UNSHAPED_SCRIPT = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Common}\p{sc=Inherited}]/u;
const NAME = /^[\p{L}\p{M}\p{N} .,'_()!?-]+$/u;

const ZERO_WIDTH_NON_JOINER = 0x200c;
const ZERO_WIDTH_JOINER = 0x200d;
const TEXT_PRESENTATION = 0xfe0e;
const EMOJI_PRESENTATION = 0xfe0f;
const BLACK_FLAG = 0x1f3f4;
const FIRST_TAG = 0xe0020;
const CANCEL_TAG = 0xe007f;

/** The length as the server counts it: Unicode code points (an emoji is one). */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Bytes of UTF-8, for a field whose store reads no more than a number of bytes. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function isLoneSurrogate(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0xd800 && code <= 0xdfff;
}

/** The first character no text may hold, as the server's code, or null. */
export function forbiddenCharacter(text: string, lineBreaksAllowed: boolean): TextRefusal | null {
  for (const character of text) {
    if (isLoneSurrogate(character)) return 'invalid_character';
    const lineBreak = character === '\t' || character === '\n' || character === '\r';
    if (CONTROL.test(character) && !(lineBreak && lineBreaksAllowed)) return 'control_character';
  }
  return null;
}

function has(pattern: RegExp, character: string | undefined): boolean {
  return character !== undefined && pattern.test(character);
}

function isShapedWithJoiners(character: string | undefined): boolean {
  return character !== undefined && LETTER_OR_MARK.test(character) && !UNSHAPED_SCRIPT.test(character);
}

function doesVisibleWork(previous: string | undefined, character: string, next: string | undefined): boolean {
  if (previous === undefined) return false;
  const code = character.codePointAt(0) ?? 0;
  const before = previous.codePointAt(0) ?? 0;
  if (code === TEXT_PRESENTATION || code === EMOJI_PRESENTATION) return EMOJI.test(previous);
  if (code >= FIRST_TAG && code <= CANCEL_TAG) return before === BLACK_FLAG || (before >= FIRST_TAG && before < CANCEL_TAG);
  const emojiPart = has(PICTOGRAPH, previous) || has(EMOJI_MODIFIER, previous) || before === EMOJI_PRESENTATION;
  if (code === ZERO_WIDTH_JOINER && emojiPart && has(PICTOGRAPH, next)) return true;
  return (code === ZERO_WIDTH_JOINER || code === ZERO_WIDTH_NON_JOINER) && isShapedWithJoiners(previous) && isShapedWithJoiners(next);
}

function withoutInvisible(text: string, keepWorkingJoiners: boolean): string {
  const characters = [...text];
  let kept = '';
  let previous: string | undefined;
  characters.forEach((character, index) => {
    if (INVISIBLE.test(character) && !(keepWorkingJoiners && doesVisibleWork(previous, character, characters[index + 1]))) return;
    kept += character;
    previous = character;
  });
  return kept;
}

function foldSpaces(text: string): string {
  let folded = '';
  let space = false;
  for (const character of text) {
    if (SPACE.test(character)) {
      space = true;
      continue;
    }
    if (space && folded !== '') folded += ' ';
    space = false;
    folded += character;
  }
  return folded;
}

function foldLines(text: string, maxBlankLines: number): string {
  const unified = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\p{Z}\t]/gu, ' ');
  const lines: string[] = [];
  let blankRun = 0;
  for (const line of unified.split('\n')) {
    const kept = line.replace(/ +$/, '');
    if (kept === '') {
      blankRun++;
      if (blankRun > maxBlankLines) continue;
    } else {
      blankRun = 0;
    }
    lines.push(kept);
  }
  return lines.join('\n').replace(/^[ \n]+|[ \n]+$/g, '');
}

function tooManyMarks(text: string, max: number): boolean {
  let run = 0;
  for (const character of text.normalize('NFD')) {
    if (NONSPACING_MARK.test(character)) {
      if (++run > max) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

/** The folded text the server would store, without judging it (for counting while typing). */
export function foldText(kind: TextKind, raw: string, numbers: PolicyNumbers): string {
  switch (kind) {
    case 'NAME':
      return foldSpaces(withoutInvisible(raw, false).normalize('NFC'));
    case 'SINGLE_LINE':
      return foldSpaces(withoutInvisible(raw, true).normalize('NFC'));
    case 'MULTI_LINE':
      return foldLines(withoutInvisible(raw, true).normalize('NFC'), numbers.maxBlankLines);
    case 'VERBATIM':
      return raw;
  }
}

/** The policy applied to a field's value, as the server applies it (less the checks only the server can make). */
export function checkText(raw: string, limit: FieldLimit, numbers: PolicyNumbers): TextCheck {
  const forbidden = forbiddenCharacter(raw, limit.kind !== 'VERBATIM');
  if (forbidden !== null) return { ok: false, code: forbidden, text: raw };
  const text = foldText(limit.kind, raw, numbers);
  if (text === '') return limit.min > 0 ? { ok: false, code: 'not_blank', text } : { ok: true, text };
  if (limit.kind !== 'VERBATIM' && tooManyMarks(text, numbers.maxMarksPerCharacter)) return { ok: false, code: 'combining_marks', text };
  const length = codePoints(text);
  if (length < limit.min || length > limit.max) return { ok: false, code: 'size', text };
  if (limit.kind === 'NAME' && !NAME.test(text)) return { ok: false, code: 'pattern', text };
  if (limit.maxBytes !== undefined && utf8Bytes(text) > limit.maxBytes) return { ok: false, code: 'too_many_bytes', text };
  return { ok: true, text };
}
