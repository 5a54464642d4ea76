import { describe, expect, it } from 'vitest';
import { isValidProjectName, normalizeName } from '../../src/requirements/normalize.ts';

describe('normalizeName (PEP 503)', () => {
  it.each([
    ['Requests', 'requests'],
    ['Flask_SQLAlchemy', 'flask-sqlalchemy'],
    ['zope.interface', 'zope-interface'],
    ['a__-._b', 'a-b'],
    ['already-normal', 'already-normal'],
  ])('%s -> %s', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });
});

describe('isValidProjectName (PEP 508 names)', () => {
  it.each(['a', 'A1', 'foo-bar', 'foo.bar_baz', '1foo'])('accepts %s', (name) => {
    expect(isValidProjectName(name)).toBe(true);
  });
  it.each(['', '-foo', 'foo-', 'foo_', '.foo', 'foo bar', 'fóo', 'foo[bar]'])('rejects %j', (name) => {
    expect(isValidProjectName(name)).toBe(false);
  });
});
