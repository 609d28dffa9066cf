import { describe, expect, it } from 'vitest';
import { LimitsChangedEvent, TextLimits, readLimits } from './text-limits.ts';
import { type FieldLimit, type TextCheck, checkText, codePoints, forbiddenCharacter, foldText, utf8Bytes } from './text-policy.ts';

// The same example strings as the server's TextPolicyTest, so the two count and fold alike.
const NUMBERS = { maxMarksPerCharacter: 4, maxBlankLines: 2 };
const NAME: FieldLimit = { kind: 'NAME', min: 2, max: 40 };
const MESSAGE: FieldLimit = { kind: 'MULTI_LINE', min: 1, max: 4000 };
const TITLE: FieldLimit = { kind: 'SINGLE_LINE', min: 1, max: 120 };
const THEME: FieldLimit = { kind: 'SINGLE_LINE', min: 0, max: 500 };
const PASSWORD: FieldLimit = { kind: 'VERBATIM', min: 10, max: 128, maxBytes: 72 };

const INVISIBLE_ONLY = '\u200B\u200D\u2060\u00AD\uFEFF\uFE0F\u034F\u3164\u115F\u1160\uFFA0\u2800\u202E\u2066';
const GRINNING = '\u{1F600}';

function accepted(check: TextCheck): string {
  expect(check.ok, JSON.stringify(check)).toBe(true);
  return check.text;
}

function refusal(check: TextCheck): string | null {
  return check.ok ? null : check.code;
}

const name = (raw: string): string => accepted(checkText(raw, NAME, NUMBERS));
const message = (raw: string): string => accepted(checkText(raw, MESSAGE, NUMBERS));

describe('text policy', () => {
  it.each([
    'Áŋŋe',
    'Zoë',
    'Čeavčča',
    'Đuoddar Ŧ Ž',
    'Ǩiõll Ǥǥ ʒ',
    'Nguyễn Thị Ánh',
    'Äiti Anna',
    'Åsa Öberg',
    'Anna99',
    'Мария',
    "O'Brien-Smith (isä)",
  ])('keeps the ordinary name %s as it is', (raw) => {
    expect(name(raw)).toBe(raw);
  });

  it.each(['Áŋŋe', 'Zoë', 'Čeavčča', 'Nguyễn Thị Ánh', 'Ǩiõll'])('composes %s typed decomposed', (composed) => {
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(name(decomposed)).toBe(composed);
    expect(message(decomposed)).toBe(composed);
  });

  it('folds every kind of white space into one space in a line', () => {
    expect(name('  Äiti\u00A0\u2003 Anna\t\r\n ')).toBe('Äiti Anna');
    expect(accepted(checkText('Eron\u2028jälkeen\u3000 arki', TITLE, NUMBERS))).toBe('Eron jälkeen arki');
  });

  it('removes invisible characters from names', () => {
    expect(name('An\u200Bna')).toBe('Anna');
    expect(name('Ohjaaja\u2060 \u00ADMaria\uFEFF')).toBe('Ohjaaja Maria');
    expect(name('Ohjaaja\u202E Maria\u2066')).toBe('Ohjaaja Maria');
    expect(name('Ma\u034Fria\uFE0F')).toBe('Maria');
  });

  it('finds a name or message of only invisible characters empty', () => {
    expect(refusal(checkText(INVISIBLE_ONLY, NAME, NUMBERS))).toBe('not_blank');
    expect(refusal(checkText(' \u3164 \u2800 ', NAME, NUMBERS))).toBe('not_blank');
    expect(refusal(checkText(`${INVISIBLE_ONLY} \n\t `, MESSAGE, NUMBERS))).toBe('not_blank');
    expect(accepted(checkText(INVISIBLE_ONLY, THEME, NUMBERS))).toBe('');
  });

  it('does not count invisible characters', () => {
    expect(refusal(checkText('A\u200B\u200B\u200B', NAME, NUMBERS))).toBe('size');
    expect(name('x'.repeat(40) + '\u200B'.repeat(100))).toHaveLength(40);
  });

  it('strips bidirectional overrides from messages', () => {
    expect(message('Soita minulle\u202E4321\u202C huomenna')).toBe('Soita minulle4321 huomenna');
    expect(message('\u2067abc\u2069 ja \u202Bdef\u202C')).toBe('abc ja def');
  });

  it('keeps line feeds and the writer’s own spacing in messages', () => {
    expect(message('  Hei kaikki!\r\nMiten menee?  \r\r\n\n\n\nMoi\u2028x\u2029y')).toBe('Hei kaikki!\nMiten menee?\n\n\nMoi\nx\ny');
    expect(message('a\tb  c\u00A0d')).toBe('a b  c d');
    expect(message('\n\n  sisennys\n    jatkuu\n\n')).toBe('sisennys\n    jatkuu');
  });

  it('keeps at most two blank lines in a row', () => {
    expect(message(`yksi${'\n'.repeat(50)}kaksi`)).toBe('yksi\n\n\nkaksi');
    expect(message('yksi\n \n\t\n \u00A0\nkaksi')).toBe('yksi\n\n\nkaksi');
  });

  it('keeps the joiners and selectors of emoji sequences', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const heart = '\u2764\uFE0F';
    const keycap = '1\uFE0F\u20E3';
    const rainbowFlag = '\u{1F3F3}\uFE0F\u200D\u{1F308}';
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    const waveDarkSkin = '\u{1F44B}\u{1F3FF}';
    for (const emoji of [family, heart, keycap, rainbowFlag, scotland, waveDarkSkin]) {
      expect(message(`Kiitos ${emoji}`)).toBe(`Kiitos ${emoji}`);
      expect(accepted(checkText(emoji, TITLE, NUMBERS))).toBe(emoji);
    }
    expect(message(`A\uFE0F B\u200DC ${GRINNING}\u200Dx`)).toBe(`A BC ${GRINNING}x`);
  });

  it('keeps joiners only where they shape a word', () => {
    const persian = '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645';
    const devanagari = '\u0915\u094D\u200D\u0937';
    expect(message(persian)).toBe(persian);
    expect(message(devanagari)).toBe(devanagari);
    expect(message('itse\u200Dmurhaa ja itse\u200Cmurhaa')).toBe('itsemurhaa ja itsemurhaa');
    expect(accepted(checkText(persian, NAME, NUMBERS))).not.toContain('\u200C');
  });

  it('refuses stacks of combining marks', () => {
    const zalgo = 'Z\u0301\u0302\u0303\u0304\u0305a\u0306\u0307\u0308\u0309\u030A\u030B\u030Clgo';
    expect(refusal(checkText(zalgo, NAME, NUMBERS))).toBe('combining_marks');
    expect(refusal(checkText(`Hei ${zalgo}`, MESSAGE, NUMBERS))).toBe('combining_marks');
    expect(message('a\u0301\u0302\u0303\u0304')).toBe('\u00E1\u0302\u0303\u0304');
    expect(refusal(checkText('a\u0301\u0302\u0303\u0304\u0305', MESSAGE, NUMBERS))).toBe('combining_marks');
    expect(refusal(checkText(`a${'\u0301\u200B'.repeat(6)}`, MESSAGE, NUMBERS))).toBe('combining_marks');
  });

  it.each(['Ohjaaja\u0000', 'Anna\u0007', 'Anna\u001B[31m', 'An\u007Fna', 'Anna\u0085', 'An\u009Bna'])(
    'refuses the control character in %j everywhere',
    (raw) => {
      expect(refusal(checkText(raw, NAME, NUMBERS))).toBe('control_character');
      expect(refusal(checkText(raw, MESSAGE, NUMBERS))).toBe('control_character');
      expect(refusal(checkText(raw, { kind: 'VERBATIM', min: 1, max: 128 }, NUMBERS))).toBe('control_character');
    },
  );

  it('treats tabs and line breaks as white space, except in verbatim text', () => {
    expect(accepted(checkText('a\tb\r\nc', { kind: 'SINGLE_LINE', min: 1, max: 10 }, NUMBERS))).toBe('a b c');
    expect(refusal(checkText('salasana\tpitkä', PASSWORD, NUMBERS))).toBe('control_character');
    expect(forbiddenCharacter('a\tb\nc\rd', true)).toBeNull();
    expect(forbiddenCharacter('a\tb', false)).toBe('control_character');
  });

  it('refuses unpaired surrogates', () => {
    expect(refusal(checkText('a\uD800b', MESSAGE, NUMBERS))).toBe('invalid_character');
    expect(refusal(checkText('a\uDC00', MESSAGE, NUMBERS))).toBe('invalid_character');
  });

  it('keeps verbatim text exactly as typed', () => {
    const password = '  Sala\u00A0sana\u200B é  ';
    expect(accepted(checkText(password, PASSWORD, NUMBERS))).toBe(password);
  });

  it('counts code points after folding', () => {
    const emoji = GRINNING.repeat(2500);
    expect(message(emoji)).toBe(emoji);
    expect(codePoints(emoji)).toBe(2500);
    expect(emoji.length).toBe(5000);
    expect(codePoints(message('ä'.repeat(4000)))).toBe(4000);
    expect(codePoints(message('\u{1F60A}'.repeat(4000)))).toBe(4000);
    expect(message('a\u0308'.repeat(4000))).toBe('ä'.repeat(4000));
    expect(refusal(checkText(GRINNING.repeat(4001), MESSAGE, NUMBERS))).toBe('size');
    expect(refusal(checkText('ä'.repeat(4001), MESSAGE, NUMBERS))).toBe('size');
    expect(accepted(checkText(`a${' '.repeat(10)}b`, { kind: 'SINGLE_LINE', min: 1, max: 3 }, NUMBERS))).toBe('a b');
    expect(refusal(checkText(`\u{1D400}${'a'.repeat(39)}`, NAME, NUMBERS))).toBeNull();
  });

  it.each(['<b>Anna</b>', `Anna ${GRINNING}`, 'Anna@koti', 'Anna \u2764', 'Anna#1'])('refuses %j as a name', (raw) => {
    expect(refusal(checkText(raw, NAME, NUMBERS))).toBe('pattern');
  });

  it('counts the bytes of a password as bcrypt does', () => {
    expect(refusal(checkText('x'.repeat(72), PASSWORD, NUMBERS))).toBeNull();
    expect(refusal(checkText('x'.repeat(73), PASSWORD, NUMBERS))).toBe('too_many_bytes');
    expect(refusal(checkText(GRINNING.repeat(19), PASSWORD, NUMBERS))).toBe('too_many_bytes');
    expect(utf8Bytes(GRINNING)).toBe(4);
    expect(refusal(checkText('lyhyt', PASSWORD, NUMBERS))).toBe('size');
  });

  it('folds without judging, for counting while typing', () => {
    expect(foldText('MULTI_LINE', ' Hei\u200B\r\n', NUMBERS)).toBe('Hei');
    expect(foldText('VERBATIM', ' Hei\u200B\r\n', NUMBERS)).toBe(' Hei\u200B\r\n');
  });
});

describe('text limits from the server', () => {
  const answer = {
    maxMarksPerCharacter: 4,
    maxBlankLines: 2,
    fields: {
      message: { kind: 'MULTI_LINE', min: 1, max: 4000 },
      password: { kind: 'VERBATIM', min: 10, max: 128, maxBytes: 72 },
      broken: { kind: 'SIDEWAYS', min: 1, max: 2 },
    },
  };

  it('reads the answer and skips what it does not understand', () => {
    const limits = readLimits(answer);
    expect(limits?.fields.get('message')).toEqual({ kind: 'MULTI_LINE', min: 1, max: 4000 });
    expect(limits?.fields.get('password')?.maxBytes).toBe(72);
    expect(limits?.fields.has('broken')).toBe(false);
    expect(readLimits({ fields: {} })).toBeNull();
  });

  it('reads the other numbers, keeping only positive whole ones; an answer without them has none', () => {
    const limits = readLimits({ ...answer, counts: { historyPage: 100, broken: 1.5, negative: -1 } });
    expect(limits?.counts).toEqual(new Map([['historyPage', 100]]));
    expect(readLimits(answer)?.counts.size).toBe(0);
    const store = new TextLimits();
    expect(store.count('historyPage')).toBeNull();
    if (limits === null) throw new Error('unreadable');
    store.use(limits);
    expect(store.count('historyPage')).toBe(100);
  });

  it('judges nothing before the limits arrive, then checks and folds with them', () => {
    const store = new TextLimits();
    let changed = 0;
    store.on(LimitsChangedEvent.eventName, () => changed++);
    expect(store.check('message', GRINNING.repeat(4001))).toBeNull();
    expect(store.fold('message', ' a ')).toBe(' a ');
    const limits = readLimits(answer);
    if (limits === null) throw new Error('unreadable');
    store.use(limits);
    expect(changed).toBe(1);
    expect(store.loaded).toBe(true);
    expect(store.check('message', GRINNING.repeat(2500))?.ok).toBe(true);
    expect(store.check('message', GRINNING.repeat(4001))).toMatchObject({ ok: false, code: 'size' });
    expect(store.fold('message', ' a\u200B ')).toBe('a');
    expect(store.field('nickname')).toBeNull();
  });
});
