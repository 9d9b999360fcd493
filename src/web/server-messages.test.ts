import { describe, expect, test } from 'vitest';
import { ApiError } from './api-client.js';
import { problemOf } from './server-messages.js';

const validation = (message: string, field?: string) =>
  new ApiError(400, 'validation_failed', message, field ? { field } : {});

describe('problemOf', () => {
  test('a known validation message becomes a Dutch sentence next to its field', () => {
    expect(
      problemOf(validation('scope: XX01, GM1 is not a gemeente or wijk code', 'scope')),
    ).toEqual({
      field: 'scope',
      phrase: { key: 'form.notScopeCode', vars: { codes: 'XX01, GM1' } },
    });
    expect(
      problemOf(validation('newPassword: a password needs at least 12 characters', 'newPassword')),
    ).toEqual({
      field: 'newPassword',
      phrase: { key: 'form.passwordTooShort', vars: { n: '12' } },
    });
    expect(problemOf(validation('currentPassword: not your current password'))).toEqual({
      field: 'currentPassword',
      phrase: { key: 'form.wrongCurrentPassword' },
    });
  });

  test('conflicts: an existing account names the e-mail field; the last administrator stays', () => {
    expect(
      problemOf(
        new ApiError(409, 'conflict', 'An account for a@b.nl already exists', { field: 'email' }),
      ),
    ).toEqual({ field: 'email', phrase: { key: 'form.emailExists', vars: { email: 'a@b.nl' } } });
    expect(
      problemOf(new ApiError(409, 'conflict', 'At least one active administrator must remain')),
    ).toEqual({ field: null, phrase: { key: 'form.lastAdmin' } });
  });

  test('an unknown message passes as it is, without its field prefix', () => {
    expect(problemOf(validation('name: something new'))).toEqual({
      field: 'name',
      phrase: { text: 'something new' },
    });
  });

  test('network and server failures get the general sentences', () => {
    expect(problemOf(new ApiError(0, 'network', 'network')).phrase).toEqual({
      key: 'error.network',
    });
    expect(problemOf(new ApiError(500, 'internal', 'boom')).phrase).toEqual({
      key: 'error.server',
    });
  });
});
