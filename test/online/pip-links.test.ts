import { describe, expect, it } from 'vitest';
import { parsePipPython, parsePipVersion } from '../../src/online/find-pip.ts';
import { sdistFits, sdistVersion, skippedSdistVersions } from '../../src/online/pip-links.ts';
import { specifiersOf } from '../../src/online/probe-projects.ts';

// Lines as pip 23.2.1 -vv prints them (python-ldap==3.4.4, --only-binary :all:, 2026-12-02).
const LOG = [
  '  Skipping link: No sources permitted for python-ldap: https://files.pythonhosted.org/packages/fd/8b/1eeb4025dc1d3ac2f16678f38dec9ebdde6271c74955b72db5ce7a4dbfbd/python-ldap-3.4.4.tar.gz (from https://pypi.org/simple/python-ldap/) (requires-python:>=3.6)',
  '  Skipping link: No sources permitted for python-ldap: https://files.pythonhosted.org/packages/aa/bb/python_ldap-3.4.5.tar.gz (from https://pypi.org/simple/python-ldap/) (requires-python:>=3.6)',
  "  Skipping link: none of the wheel's tags (cp311-cp311-win_amd64) are compatible (run pip debug --verbose to show compatible tags): https://files.pythonhosted.org/x/python_ldap-3.4.4-cp311-cp311-win_amd64.whl (from https://pypi.org/simple/python-ldap/)",
  '  Skipping link: No sources permitted for other: https://files.pythonhosted.org/x/other-9.0.tar.gz (from https://pypi.org/simple/other/)',
].join('\n');

describe("reading pip's finder log", () => {
  it('finds the sdist versions of the project, whatever spelling the file uses', () => {
    expect(skippedSdistVersions(LOG, 'python-ldap')).toEqual(['3.4.4', '3.4.5']);
    expect(skippedSdistVersions(LOG, 'absent')).toEqual([]);
  });

  it('reads versions out of sdist names with dashes in the project name', () => {
    expect(sdistVersion('python-ldap-3.4.4.tar.gz', 'python-ldap')).toBe('3.4.4');
    expect(sdistVersion('zope.interface-8.5.tar.gz', 'zope-interface')).toBe('8.5');
    expect(sdistVersion('foo-1.0-py3-none-any.whl', 'foo')).toBeNull();
    expect(sdistVersion('bar-1.0.tar.gz', 'foo')).toBeNull();
  });

  it('matches sdists against the requirement: a pin, a range, or anything', () => {
    expect(sdistFits(['3.4.4', '3.4.5'], '==3.4.4')).toBe(true);
    expect(sdistFits(['3.4.5'], '==3.4.4')).toBe(false);
    expect(sdistFits(['1.0'], '>=2')).toBe(false);
    expect(sdistFits(['1.0'], '')).toBe(true);
    expect(sdistFits([], '')).toBe(false);
  });

  it('takes the specifiers out of a requirement line', () => {
    expect(specifiersOf({ text: 'psycopg[c,pool]==3.3.4', name: 'psycopg' })).toBe('==3.3.4');
    expect(specifiersOf({ text: 'foo (>=1.0, <2)', name: 'foo' })).toBe('>=1.0,<2');
    expect(specifiersOf({ text: 'bar', name: 'bar' })).toBe('');
  });

  it('reads the Python pip runs on from pip --version', () => {
    const output = 'pip 23.2.1 from /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pip (python 3.11)\n';
    expect(parsePipVersion(output)).toBe('23.2.1');
    expect(parsePipPython(output)).toBe('3.11');
    expect(parsePipPython('pip 26.3')).toBeNull();
  });
});
