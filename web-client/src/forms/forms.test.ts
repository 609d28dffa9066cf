import { beforeAll, describe, expect, it } from 'vitest';
import { readProblem } from '../api/problem.ts';
import { useServerLimits } from '../testing/fakes.ts';
import { fieldErrors, problemText } from './problem-text.ts';
import { displayNameRule, nicknameRule, passwordRule, requiredRule, sameAs, usernameRule } from './rules.ts';

describe('field rules', () => {
  beforeAll(useServerLimits);

  it('checks usernames like the server', () => {
    expect(usernameRule('')).toBe('not_blank');
    expect(usernameRule('ab')).toBe('size');
    expect(usernameRule('a'.repeat(33))).toBe('size');
    expect(usernameRule('maija meikäläinen')).toBe('pattern');
    expect(usernameRule('maija.m_2-x')).toBeNull();
  });

  it('checks nicknames, display names and passwords by length', () => {
    expect(displayNameRule('M')).toBe('size');
    expect(displayNameRule('Ma')).toBeNull();
    expect(nicknameRule('x'.repeat(41))).toBe('size');
    expect(passwordRule('123456789')).toBe('size');
    expect(passwordRule('1234567890')).toBeNull();
    expect(passwordRule('x'.repeat(129))).toBe('size');
    expect(requiredRule('   ')).toBe('not_blank');
  });

  it('counts and folds like the server, with its limits', () => {
    expect(displayNameRule('\u200B\u3164 ')).toBe('not_blank');
    expect(displayNameRule('A\u200B')).toBe('size');
    expect(displayNameRule('Zoe\u0308')).toBeNull();
    expect(displayNameRule('Z\u0301\u0302\u0303\u0304\u0305oë')).toBe('combining_marks');
    expect(nicknameRule('Anna\u0000')).toBe('control_character');
    expect(nicknameRule('Anna <3')).toBe('pattern');
    expect(nicknameRule('\u{1F600}'.repeat(2))).toBe('pattern');
    expect(passwordRule('\u{1F600}'.repeat(19))).toBe('too_many_bytes');
    expect(passwordRule('\u{1F600}'.repeat(18))).toBeNull();
    expect(usernameRule('')).toBe('not_blank');
  });

  it('compares the confirmation with the password', () => {
    const rule = sameAs(() => 'salasana123');
    expect(rule('')).toBe('not_blank');
    expect(rule('salasana12')).toBe('mismatch');
    expect(rule('salasana123')).toBeNull();
  });
});

describe('problem texts', () => {
  it('maps field errors to field-specific, then generic keys', () => {
    const errors = fieldErrors({
      status: 400,
      code: 'validation.failed',
      errors: [
        { field: 'username', code: 'pattern' },
        { field: 'username', code: 'size' },
        { field: 'displayName', code: 'size' },
      ],
    });
    expect(errors.get('username')?.keys).toEqual(['fieldError.username.pattern', 'fieldError.pattern', 'fieldError.generic']);
    expect(errors.get('displayName')?.keys[0]).toBe('fieldError.displayName.size');
    expect(errors.size).toBe(2);
  });

  it('points a taken username at the username field', () => {
    expect(fieldErrors({ status: 409, code: 'auth.username_taken' }).get('username')?.keys[0]).toBe('fieldError.username.taken');
  });

  it("explains a value of the wrong form by the field's own hint first", () => {
    const errors = fieldErrors({ status: 400, code: 'validation.failed', errors: [{ field: 'firstDate', code: 'invalid_value' }] });
    expect(errors.get('firstDate')?.keys).toEqual([
      'fieldError.firstDate.invalid_value',
      'fieldError.firstDate.invalid',
      'fieldError.invalid_value',
      'fieldError.generic',
    ]);
  });

  it('says how long to wait after too many attempts, in whole minutes', () => {
    expect(problemText({ status: 429, code: 'auth.too_many_attempts', retryAfterSeconds: 61 })).toEqual({
      keys: ['error.auth.too_many_attempts.wait', 'error.generic'],
      params: { minutes: 2 },
    });
    expect(problemText({ status: 429, code: 'auth.too_many_attempts' }).keys[0]).toBe('error.auth.too_many_attempts');
  });

  it('names who is already handling an escalation', async () => {
    const response = new Response(JSON.stringify({ code: 'moderation.escalation_taken', takenByName: 'Kaisa' }), {
      status: 409,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const problem = await readProblem(response);
    expect(problemText(problem)).toEqual({
      keys: ['error.moderation.escalation_taken.by', 'error.moderation.escalation_taken'],
      params: { name: 'Kaisa' },
    });
    expect(problemText({ status: 409, code: 'moderation.escalation_taken' }).keys[0]).toBe('error.moderation.escalation_taken');
  });

  it('says how many seconds slow mode or the flood limit asks to wait', () => {
    expect(problemText({ status: 429, code: 'moderation.slow_mode', retryAfterSeconds: 12.2 })).toEqual({
      keys: ['error.moderation.slow_mode.wait', 'error.moderation.slow_mode', 'error.generic'],
      params: { seconds: 13 },
    });
    expect(problemText({ status: 429, code: 'rate_limited', retryAfterSeconds: 30 }).params).toEqual({ seconds: 30 });
    expect(problemText({ status: 429, code: 'rate_limited' }).keys).toEqual(['error.rate_limited', 'error.generic']);
  });

  it('falls back to the generic text for unknown codes', () => {
    expect(problemText({ status: 418, code: 'teapot' }).keys).toEqual(['error.teapot', 'error.generic']);
  });
});
