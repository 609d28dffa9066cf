import { describe, expect, it } from 'vitest';
import { findPersonalDetails } from './personal-details.ts';

const crisisLines = ['112', '080005005', '0925250111'];

describe('personal details in a message', () => {
  it('finds a Finnish personal identity code only with its right check character', () => {
    // 131052-308T is the example in DVV's guidance: 131052308 % 31 = 25 → T.
    expect(findPersonalDetails('Tyttäreni hetu on 131052-308T, mitä teen?')).toEqual(['identityCode']);
    expect(findPersonalDetails('131052-308U')).toEqual([]);
    expect(findPersonalDetails('321352-308T')).toEqual([]);
    expect(findPersonalDetails('tilausnumero X131052-308T9')).toEqual([]);
  });

  it('accepts every century sign of the 2023 reform and a lower-case check character', () => {
    const nine = (ddmmyy: string, individual: string) => Number(`${ddmmyy}${individual}`) % 31;
    const check = (ddmmyy: string, individual: string) => '0123456789ABCDEFHJKLMNPRSTUVWXY'[nine(ddmmyy, individual)] ?? '';
    for (const sign of ['-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F', '+']) {
      expect(findPersonalDetails(`150316${sign}234${check('150316', '234')}`)).toEqual(['identityCode']);
    }
    expect(findPersonalDetails(`150316a234${check('150316', '234').toLowerCase()}`)).toEqual(['identityCode']);
  });

  it('finds telephone numbers as people write them, but not the crisis lines or short numbers', () => {
    for (const number of ['040 123 4567', '0401234567', '+358 40 123 4567', '+358401234567', '(09) 123 4567', '040-123 45 67']) {
      expect(findPersonalDetails(`soita minulle ${number} illalla`), number).toEqual(['phone']);
    }
    for (const text of [
      'Soita 112 tai Nollalinjaan 080 005 005',
      'Kriisipuhelin +358 9 2525 0111',
      'klo 18.00–19.30',
      'lapsia 2, 5 ja 7 v',
      'vuonna 2026',
    ]) {
      expect(findPersonalDetails(text, crisisLines), text).toEqual([]);
    }
  });

  it('finds e-mail addresses and street addresses', () => {
    expect(findPersonalDetails('laita viestiä: matti.meikalainen@example.fi')).toEqual(['email']);
    expect(findPersonalDetails('asumme Mannerheimintie 12 B:ssä')).toEqual(['address']);
    expect(findPersonalDetails('koulu on Koulukatu 5:n vieressä')).toEqual(['address']);
    expect(findPersonalDetails('vi bor på Storgatan 3')).toEqual(['address']);
    expect(findPersonalDetails('posti 96100 Rovaniemi')).toEqual(['address']);
    expect(findPersonalDetails('meillä on pitkä tie kuljettavana, 3 lasta')).toEqual([]);
  });

  it('names each kind once, in a fixed order, whatever the text holds', () => {
    expect(findPersonalDetails('a@b.fi 0401234567 c@d.fi Rantatie 4 040 765 4321')).toEqual(['phone', 'email', 'address']);
    expect(findPersonalDetails('Hei kaikki, mukava olla täällä.')).toEqual([]);
  });
});
