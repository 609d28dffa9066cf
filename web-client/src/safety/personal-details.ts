/**
 * What in a message may identify its writer or their child: a telephone number, an e-mail
 * address, a street address (or a postcode with its town), a Finnish personal identity code.
 * Found in the browser only, to ask the writer before sending; nothing is sent anywhere to decide.
 */
export type PersonalDetail = 'phone' | 'email' | 'address' | 'identityCode';

/**
 * The check characters of the Finnish personal identity code (henkilötunnus), indexed by the
 * remainder of the nine digits (birth date and individual number) divided by 31. Letters that
 * could be confused with digits (G, I, O, Q, Z) are not used. Source: Digital and Population Data
 * Services Agency (DVV), "Henkilötunnus".
 */
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/**
 * Birth date (DDMMYY), century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s), individual
 * number (three digits) and check character.
 */
const IDENTITY_CODE = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})[-+ABCDEFYXWVU](\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;

/**
 * A telephone number as people type them: starting with + (a country code) or 0 (a Finnish
 * area or mobile prefix), digits in groups separated by single spaces or dashes, an area code
 * possibly in brackets.
 */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{1,3}|\(?0\d{1,3}\)?)(?:[ -]?\d){4,11}(?![\p{L}\p{N}])/gu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/**
 * A street name ending as Finnish, Swedish and English street names do, then a house number;
 * or a Finnish postcode followed by a town.
 */
const ADDRESS = new RegExp(
  [
    String.raw`[\p{L}-]{2,}(?:katu|tie|kuja|polku|väylä|raitti|kaari|rinne|tori|ranta|aukio|piha|gatan|gata|vägen|väg|gränd|stigen|street|road|avenue|lane)\s+\d{1,4}(?![\p{N}])`,
    String.raw`(?<![\p{N}])\d{5}\s+\p{Lu}\p{Ll}{2,}`,
  ].join('|'),
  'iu',
);

/** Whether the code's date is a real one and its check character the right one. */
function validIdentityCode(day: string, month: string, year: string, individual: string, check: string): boolean {
  const d = Number(day);
  const m = Number(month);
  if (m < 1 || m > 12 || d < 1 || d > 31 || Number(individual) < 2) return false;
  const remainder = Number(`${day}${month}${year}${individual}`) % 31;
  return CHECK_CHARACTERS[remainder] === check.toUpperCase();
}

/** A number's digits with the Finnish country code written as a leading 0. */
function nationalDigits(text: string): string {
  const digits = text.replace(/[^\d+]/g, '');
  return digits.startsWith('+358') ? `0${digits.slice(4)}` : digits.replace('+', '');
}

/**
 * The kinds of personal details found in `text`, each once, in a fixed order. Numbers anyone may
 * share (`publicNumbers`, digits only: the crisis lines) do not count, nor numbers too short to
 * reach a person (fewer than 7 digits).
 */
export function findPersonalDetails(text: string, publicNumbers: readonly string[] = []): PersonalDetail[] {
  const found: PersonalDetail[] = [];
  const identityCodes = [...text.matchAll(IDENTITY_CODE)];
  if (
    identityCodes.some(([, day = '', month = '', year = '', individual = '', check = '']) =>
      validIdentityCode(day, month, year, individual, check),
    )
  ) {
    found.push('identityCode');
  }
  const withoutCodes = text.replace(IDENTITY_CODE, ' ');
  const phones = [...withoutCodes.matchAll(PHONE)].map((match) => nationalDigits(match[0]));
  if (phones.some((digits) => digits.length >= 7 && !publicNumbers.includes(digits))) found.push('phone');
  if (EMAIL.test(text)) found.push('email');
  if (ADDRESS.test(withoutCodes)) found.push('address');
  return found;
}
