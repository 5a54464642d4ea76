/**
 * The published CLI keeps the knowledge entries out of its JavaScript (scripts/build.mjs writes
 * them as lines of dist/data/knowledge-entries.ndjson and looks each up by byte range): the
 * built CLI must decide every project of the knowledge base exactly as the source does from
 * src/knowledge/data/*.json. A wrong range would cut or join entries (a JSON error or another
 * project's facts); a missing or stale data file would change the answers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src/commands/explain/index.ts';
import type { KnowledgeFile } from '../../src/knowledge/schema.ts';
import { fakeIo } from '../online/real-index.ts';
import { REPO_ROOT, runCli } from '../support/cli.ts';

const DATA = join(REPO_ROOT, 'src/knowledge/data');
const NAMES = readdirSync(DATA)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => Object.keys((JSON.parse(readFileSync(join(DATA, file), 'utf8')) as KnowledgeFile).packages));
const work = mkdtempSync(join(tmpdir(), 'csp-bundle-knowledge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundled knowledge base', () => {
  it('answers for every project exactly as the source data does', { timeout: 60_000 }, async () => {
    expect(NAMES.length).toBeGreaterThan(250);
    writeFileSync(join(work, 'requirements.txt'), `${NAMES.join('\n')}\n`);
    const args = ['--requirements-file', 'requirements.txt', '--python', '3.12', '--json'];
    const built = await runCli(['explain', ...args], { cwd: work });
    expect(built.exitCode, built.stderr).toBe(0);
    const io = fakeIo({}, work);
    expect(await runExplain(args, io), io.err()).toBe(0);
    const bundled = JSON.parse(built.stdout) as { packages: { name: string }[] };
    expect(bundled.packages.map((item) => item.name)).toEqual(expect.arrayContaining(NAMES));
    expect(bundled).toEqual(JSON.parse(io.out()));
  });
});
