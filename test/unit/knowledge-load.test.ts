// The knowledge base parses entries on first look-up (src/knowledge/load.ts): it must answer
// exactly what a Map of the parsed data/*.json files would.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadKnowledgeEntrySources } from '../../src/knowledge/sources.ts';
import type { KnowledgeEntry, KnowledgeFile } from '../../src/knowledge/schema.ts';

const DATA = fileURLToPath(new URL('../../src/knowledge/data/', import.meta.url));
const expected = new Map<string, KnowledgeEntry>();
for (const file of readdirSync(DATA)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  for (const [name, entry] of Object.entries((JSON.parse(readFileSync(`${DATA}${file}`, 'utf8')) as KnowledgeFile).packages)) expected.set(name, entry);
}

describe('loadKnowledge', () => {
  const { packages } = loadKnowledge();

  it('looks entries up one by one, parsed as in the files', () => {
    expect(packages.get('cryptography')).toEqual(expected.get('cryptography'));
    expect(packages.get('cryptography')!.kind).toBe('native');
    expect(packages.get('cryptography')).toBe(packages.get('cryptography'));
    expect(packages.get('no-such-project')).toBeUndefined();
    expect(packages.has('aiohttp')).toBe(true);
    expect(packages.has('no-such-project')).toBe(false);
  });

  it('iterates every entry in file order, like a Map of the parsed files', () => {
    expect(packages.size).toBe(expected.size);
    expect([...packages.keys()]).toEqual([...expected.keys()]);
    expect([...packages.entries()]).toEqual([...expected.entries()]);
    expect([...packages]).toEqual([...expected]);
    expect([...packages.values()]).toEqual([...expected.values()]);
    expect(new Map(packages)).toEqual(expected);
    const seen: string[] = [];
    packages.forEach((entry, name, map) => {
      expect(map).toBe(packages);
      expect(entry).toEqual(expected.get(name));
      seen.push(name);
    });
    expect(seen).toEqual([...expected.keys()]);
  });

  it('splits each data file per package, keeping its schema version', () => {
    const split = loadKnowledgeEntrySources();
    expect(Object.keys(split.files)).toEqual(
      readdirSync(DATA)
        .filter((name) => name.endsWith('.json'))
        .sort(),
    );
    for (const file of Object.values(split.files)) {
      expect(file.version).toBe(2);
      for (const name of file.names) expect(JSON.parse(split.textOf(name))).toEqual(expected.get(name));
    }
    expect(Object.values(split.files).flatMap((file) => file.names)).toEqual([...expected.keys()]);
  });
});
