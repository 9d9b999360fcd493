import { describe, expect, test } from 'vitest';
import { loginPath, safeReturnPath } from './login-path.js';

describe('loginPath', () => {
  test('remembers the page, with its parameters', () => {
    expect(loginPath('/gebied/BU99010101')).toBe('/inloggen?terug=%2Fgebied%2FBU99010101');
    expect(loginPath('/?gemeente=GM9902&jaar=2020')).toBe(
      '/inloggen?terug=%2F%3Fgemeente%3DGM9902%26jaar%3D2020',
    );
  });
  test('the map without parameters and the login page itself need no reminder', () => {
    expect(loginPath('/')).toBe('/inloggen');
    expect(loginPath('/inloggen?terug=%2Fx')).toBe('/inloggen');
  });
});

describe('safeReturnPath', () => {
  test.each([
    ['/beheer/gebruikers', '/beheer/gebruikers'],
    ['/?weergave=tabel', '/?weergave=tabel'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/api/meta', '/'],
    ['/inloggen', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
