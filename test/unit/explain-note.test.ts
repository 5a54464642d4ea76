/** The knowledge base's remarks reach the user: explain shows a note for a project that compiles, and only then. */
import { describe, expect, it } from 'vitest';
import { buildExplainDocument, formatExplain } from '../../src/commands/explain/document.ts';
import { decideRequirements } from '../../src/knowledge/pipeline.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { findRuntime } from '../../src/target/runtimes.ts';

describe('explain notes', () => {
  const { requirements } = requirementsFromLines(['fiona', 'aiohttp']);
  const { decisions } = decideRequirements(requirements, { runtime: findRuntime('3.12')!, arches: ['x86_64'] });
  const document = buildExplainDocument({ python: '3.12', arches: ['x86_64'] }, requirements, () => true, decisions);

  it('a compiling project carries its note; a wheel does not, though the knowledge base has one for it', () => {
    const fiona = document.packages.find((item) => item.name === 'fiona')!;
    expect(fiona.status).toBe('compile');
    expect(fiona.note).toBe('Needs gdal-config from gdal-dev at build time.');
    const aiohttp = document.packages.find((item) => item.name === 'aiohttp')!;
    expect(aiohttp.status).toBe('wheel');
    expect('note' in aiohttp).toBe(false);
  });

  it('the text shows the note under the project', () => {
    const text = formatExplain(document);
    expect(text).toContain(
      '  fiona                    compile  ships no musllinux wheel: pip builds it from source\n' +
        '                                    needs build-base (build), gdal-dev (build), gdal (runtime)\n' +
        '                                    note: Needs gdal-config from gdal-dev at build time.\n',
    );
  });
});
