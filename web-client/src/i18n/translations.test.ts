import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testing/fakes.ts';
import { crisisLines, crisisNumbers, dialOf } from '../safety/crisis-lines.ts';
import { codeOfFile, defaultLanguage, languages, languagesOf, offeredOrder, preferredLanguage } from './languages.ts';
import { LocaleStore } from './locale-store.ts';
import { Translator, interpolate } from './translator.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('translation files', () => {
  const finnish = languages.find((language) => language.code === defaultLanguage)?.messages ?? {};

  it('offers Finnish, Swedish and English, in that order, each named in its own language', () => {
    expect(languages.slice(0, 3).map((language) => language.code)).toEqual(['fi', 'sv', 'en']);
    expect(languages.slice(0, 3).map((language) => language.messages['language.name'])).toEqual(['Suomi', 'Svenska', 'English']);
    expect(languages.find((language) => language.code === 'sv')?.messages['language.intlLocale']).toBe('sv-FI');
  });

  for (const language of languages) {
    it(`${language.code} has every text, with the same placeholders as Finnish`, () => {
      for (const [key, text] of Object.entries(finnish)) {
        const translated = language.messages[key as keyof typeof finnish];
        expect(translated, `${language.code}: ${key}`).toBeTypeOf('string');
        expect(translated?.trim(), `${language.code}: ${key}`).not.toBe('');
        expect(placeholders(translated ?? ''), `${language.code}: ${key}`).toEqual(placeholders(text));
      }
      expect(Object.keys(language.messages).sort()).toEqual(Object.keys(finnish).sort());
    });
  }

  it('translates every server error code, role and chat badge', () => {
    const codes = [
      'validation.failed',
      'reach.guest_no_email',
      'reach.mail_unavailable',
      'reach.too_many_links',
      'reach.link_invalid',
      'reach.email_taken',
      'reach.unsubscribe_unknown',
      'reach.no_captured_mail',
      'request.malformed',
      'request.too_large',
      'auth.invalid_credentials',
      'auth.username_taken',
      'auth.too_many_attempts',
      'auth.unauthenticated',
      'auth.forbidden',
      'auth.invalid_refresh_token',
      'auth.invalid_recovery',
      'auth.sign_in_not_found',
      'accounts.registered_only',
      'accounts.not_found',
      'server.error',
      'message.empty',
      'message.too_long',
      'message.invalid_text',
      'message.invalid_client_id',
      'rooms.not_found',
      'rooms.not_member',
      'rooms.read_only',
      'rate.limited',
      'series.guests_cannot_enrol',
      'series.open_to_all',
      'series.not_open_for_enrolment',
      'series.not_found',
      'rooms.barred',
      'message.not_found',
      'rate_limited',
      'server.busy',
      'connections.too_many',
      'moderation.forbidden',
      'moderation.protected_member',
      'moderation.self',
      'moderation.not_in_room',
      'moderation.no_series',
      'moderation.muted',
      'moderation.slow_mode',
      'moderation.invalid_duration',
      'moderation.invalid_slow_mode',
      'moderation.invalid_pin',
      'moderation.reason_too_long',
      'moderation.note_too_long',
      'moderation.report_not_found',
      'moderation.invalid_report',
      'feedback.not_attended',
      'feedback.not_open',
      'feedback.invalid_answer',
      'feedback.forbidden',
      'accounts.password_mismatch',
      'accounts.last_admin',
      'peer_invitations.series_not_completed',
      'push.disabled',
      'push.guest',
      'push.endpoint_not_allowed',
      'push.invalid_keys',
      'push.too_many_devices',
      'push.subscription_not_found',
      'peer_invitations.not_participant',
      'peer_invitations.guest',
      'peer_invitations.already_has_role',
      'peer_invitations.already_invited',
      'peer_invitations.not_found',
      'peer_invitations.not_yours',
      'peer_invitations.expired',
      'peer_invitations.closed',
      'series.house_rules_forbidden',
      'series.house_rules_of_series',
      'series.no_house_rules',
    ];
    for (const code of codes) {
      expect(finnish).toHaveProperty([`error.${code}`]);
    }
    for (const role of ['PARENT', 'PEER_SUPPORTER', 'FACILITATOR', 'COORDINATOR', 'ADMIN']) {
      expect(finnish).toHaveProperty([`role.${role}`]);
    }
    for (const code of ['moderation.slow_mode', 'rate_limited', 'server.busy']) {
      expect(finnish).toHaveProperty([`error.${code}.wait`]);
    }
    expect(finnish['chat.removed']).toBe('Ohjaaja poisti viestin');
    expect(finnish['chat.badge.FACILITATOR']).toBe('Ohjaaja');
    expect(finnish['chat.badge.PEER_SUPPORTER']).toBe('Vertaistoimija');
  });
});

describe('offered languages', () => {
  const text = (name: string) => ({ 'language.name': name });

  it('are the files present: fi, sv, en first, any other after them by code', () => {
    const files = {
      './en.json': text('English'),
      './se.json': text('Davvisámegiella'),
      './fi.json': text('Suomi'),
      './sv.json': text('Svenska'),
    };
    expect(languagesOf(files).map((language) => language.code)).toEqual(['fi', 'sv', 'en', 'se']);
    expect(languagesOf(files)[3]?.messages['language.name']).toBe('Davvisámegiella');
    expect(offeredOrder(['smn', 'en', 'se', 'fi'])).toEqual(['fi', 'en', 'se', 'smn']);
  });

  it('need the Finnish file, and read only language codes from file names', () => {
    expect(() => languagesOf({ './sv.json': text('Svenska') })).toThrow(/fi\.json/);
    expect(codeOfFile('./sv.json')).toBe('sv');
    expect(codeOfFile('/src/i18n/smn.json')).toBe('smn');
    expect(codeOfFile('./package.json')).toBeNull();
  });
});

describe('language of a first visit', () => {
  it('follows the first of the browser’s languages that is offered', () => {
    expect(preferredLanguage(['sv-FI', 'fi'], languages)).toBe('sv');
    expect(preferredLanguage(['sv-SE'], languages)).toBe('sv');
    expect(preferredLanguage(['sv'], languages)).toBe('sv');
    expect(preferredLanguage(['en-US', 'sv'], languages)).toBe('en');
    expect(preferredLanguage(['de-DE', 'en-GB'], languages)).toBe('en');
    expect(preferredLanguage(['fi-FI', 'sv-FI'], languages)).toBe('fi');
  });

  it('is Finnish when no browser language is offered', () => {
    expect(preferredLanguage(['de-DE', 'ru'], languages)).toBe('fi');
    expect(preferredLanguage([], languages)).toBe('fi');
  });

  it('gives way to a language chosen in the switch, and is not itself remembered', () => {
    const storage = new MemoryStorage();
    const first = new LocaleStore(languages, storage, ['sv-FI']);
    expect(first.locale).toBe('sv');
    expect(first.t('home.signOut')).toBe('Logga ut');
    expect(storage.getItem('tukipiiri.locale')).toBeNull();
    first.setLocale('en');
    expect(new LocaleStore(languages, storage, ['sv-FI']).locale).toBe('en');
  });
});

describe('crisis numbers', () => {
  it('name the Swedish-language services in Swedish, with their own numbers', () => {
    const swedish = new LocaleStore(languages, new MemoryStorage(), ['sv']);
    expect(crisisLines.map((line) => swedish.t(line.name))).toEqual(['Nödnumret', 'Nollinjen', 'Kristelefonen på svenska']);
    expect(crisisLines.map((line) => swedish.t(line.number))).toEqual(['112', '080 005 005', '09 2525 0112']);
    const finnish = new LocaleStore(languages, new MemoryStorage());
    expect(crisisLines.map((line) => finnish.t(line.number))).toEqual(['112', '080 005 005', '09 2525 0111']);
  });

  it('of every language count as numbers anyone may share', () => {
    expect(crisisNumbers()).toEqual(expect.arrayContaining(['112', '080005005', '0925250111', '0925250112']));
    expect(dialOf('+358 80 005 005')).toBe('+35880005005');
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('Hei, {name}! {other}', { name: 'Maija' })).toBe('Hei, Maija! {other}');
  });

  it('falls back to Finnish for a missing text, and to nothing for an unknown key', () => {
    const translator = new Translator({ 'app.name': 'Tukipiiri' }, { 'home.signOut': 'Kirjaudu ulos' });
    expect(translator.t('home.signOut')).toBe('Kirjaudu ulos');
    expect(translator.lookup('error.no.such.code')).toBeUndefined();
    expect(translator.first(['error.no.such.code', 'home.signOut'])).toBe('Kirjaudu ulos');
  });
});

describe('locale store', () => {
  it('starts in Finnish', () => {
    const store = new LocaleStore(languages, new MemoryStorage());
    expect(store.locale).toBe('fi');
    expect(store.t('home.signOut')).toBe('Kirjaudu ulos');
  });

  it('remembers the chosen language and announces the change', () => {
    const storage = new MemoryStorage();
    const store = new LocaleStore(languages, storage);
    const seen: string[] = [];
    store.on('locale-changed', (event) => seen.push(event.locale));
    store.setLocale('en');
    expect(seen).toEqual(['en']);
    expect(store.t('home.signOut')).toBe('Sign out');
    expect(new LocaleStore(languages, storage).locale).toBe('en');
  });

  it('ignores an unknown saved or requested language', () => {
    const storage = new MemoryStorage();
    storage.setItem('tukipiiri.locale', 'xx');
    const store = new LocaleStore(languages, storage);
    expect(store.locale).toBe('fi');
    store.setLocale('xx');
    expect(store.locale).toBe('fi');
  });
});
