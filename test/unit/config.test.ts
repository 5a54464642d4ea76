import { describe, expect, it } from 'vitest';
import { parseConfig, serializeConfig, type ProjectConfig } from '../../src/project/config.ts';

const GOOD: ProjectConfig = {
  version: 1,
  generator: '0.1.0',
  name: 'my-app',
  python: '3.12',
  arches: ['aarch64', 'x86_64'],
  app: 'web',
  port: 8080,
  requirements: 'requirements.txt',
  buildDeps: { add: [], remove: [] },
  runtimeLibs: { add: ['libmagic'], remove: [] },
};

function withChange(change: Record<string, unknown>): string {
  return JSON.stringify({ ...GOOD, ...change });
}

describe('slim-python.json', () => {
  it('round-trips deterministically', () => {
    const text = serializeConfig(GOOD);
    expect(parseConfig(text, 'slim-python.json', '0.1.0')).toEqual(GOOD);
    expect(serializeConfig(parseConfig(text, 'slim-python.json', '0.1.0'))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });
  it.each([
    ['{', /not valid JSON/],
    ['[]', /must be a JSON object/],
    [withChange({ version: 4 }), /"version" is 4: this project was written by a newer create-slim-python/],
    [withChange({ version: 2, requirements: 'uv.lock' }), /"requirements" is a lock file \(uv\.lock\), which needs "version": 3/],
    [withChange({ version: 0 }), /"version" must be 1, 2 or 3/],
    [withChange({ cmd: ['gunicorn', 'app:app'] }), /"cmd" needs "version": 2/],
    [withChange({ version: 2, cmd: ['gunicorn', 'app:app\nRUN rm -rf /'] }), /"cmd" .*control character/],
    [withChange({ version: 2, cmd: [] }), /"cmd" .*empty/],
    [withChange({ version: 2, cmd: 'gunicorn app:app' }), /"cmd" must be a list of strings/],
    [withChange({ version: 2, code: 'everything' }), /"code" must be one of module, context, installed/],
    [withChange({ version: 2, health: 'health' }), /"health" must be a URL path/],
    [withChange({ version: 2, health: '/h"ealth' }), /"health" must be a URL path/],
    [withChange({ version: 2, app: 'cli', port: null, health: '/health' }), /"health" applies only to a web app/],
    [withChange({ generator: '9.0.0' }), /"generator" is 9\.0\.0, newer/],
    [withChange({ python: '3.12\nRUN rm -rf /' }), /"python" contains a control character/],
    [withChange({ python: '2.7' }), /"python" is "2\.7"/],
    [withChange({ name: '../x' }), /"name" is invalid/],
    [withChange({ runtimeLibs: { add: ['libpq; rm -rf /'], remove: [] } }), /"runtimeLibs.add" has/],
    [withChange({ port: 80 }), /"port" must be a number from 1024/],
    [withChange({ app: 'cli' }), /"port" must be null/],
    [withChange({ requirements: '../etc/passwd' }), /"requirements" must be a relative path/],
    [withChange({ extra: 1 }), /"extra" is not a known key/],
    [withChange({ arches: ['riscv64'] }), /"arches"/],
    [withChange({ bytecode: 'no' }), /"bytecode" must be true or false/],
  ])('rejects %s', (text, message) => {
    expect(() => parseConfig(text, 'slim-python.json', '0.1.0')).toThrow(message);
  });
  it('writes schema 3 only when the dependencies are a lock file; 1 and 2 read as before', () => {
    const locked: ProjectConfig = { ...GOOD, version: 2, code: 'context', cmd: ['gunicorn', 'app:app'], requirements: 'uv.lock' };
    const text = serializeConfig(locked);
    expect(JSON.parse(text).version).toBe(3);
    expect(parseConfig(text, 'slim-python.json', '0.1.0')).toEqual({ ...locked, version: 3 });
    expect(JSON.parse(serializeConfig({ ...GOOD, requirements: 'deps/pylock.toml' })).version).toBe(3);
    expect(JSON.parse(serializeConfig({ ...locked, requirements: 'requirements.txt' })).version).toBe(2);
    expect(parseConfig(serializeConfig(GOOD), 'slim-python.json', '0.1.0').version).toBe(1);
  });
  it('writes schema 2 only when a v2 key is present, and reads it back', () => {
    expect(JSON.parse(serializeConfig({ ...GOOD, version: 2 })).version).toBe(1);
    const adopted: ProjectConfig = { ...GOOD, version: 2, code: 'context', cmd: ['gunicorn', 'myservice.app:app'], health: '/health?full=1' };
    const text = serializeConfig(adopted);
    expect(JSON.parse(text).version).toBe(2);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'version',
      'generator',
      'name',
      'python',
      'arches',
      'app',
      'port',
      'requirements',
      'code',
      'cmd',
      'health',
      'buildDeps',
      'runtimeLibs',
    ]);
    expect(parseConfig(text, 'slim-python.json', '0.1.0')).toEqual(adopted);
  });
  it('names the file in errors', () => {
    expect(() => parseConfig('{', '/p/slim-python.json', '0.1.0')).toThrow(/^\/p\/slim-python\.json: /);
  });
  it('keeps the bytecode choice, and reads an older config without it as bytecode on', () => {
    const off = parseConfig(serializeConfig({ ...GOOD, bytecode: false }), 'slim-python.json', '0.1.0');
    expect(off.bytecode).toBe(false);
    expect(serializeConfig(off)).toMatch(/"runtimeLibs": \{[^}]*\},\n {2}"bytecode": false\n\}/);
    expect(parseConfig(serializeConfig(GOOD), 'slim-python.json', '0.1.0').bytecode).toBeUndefined();
  });
});
