/**
 * What `explain --online --write` records in slim-python.json (`index`): the status the real
 * index gave each project for one CPython version and architecture, and how it overrides the
 * knowledge base so that update stays offline and deterministic.
 */
import type { Arch } from '../requirements/types.ts';
import type { Decisions, Knowledge } from './decisions.ts';
import type { KnowledgeEntry } from './schema.ts';

export interface IndexRecord {
  python: string;
  arches: Arch[];
  packages: Record<string, 'wheel' | 'pure' | 'compile'>;
}

/** The statuses to record in slim-python.json (unknown ones are left to the knowledge base). */
export function indexRecordOf(decisions: Decisions, target: { python: string; arch: Arch }): IndexRecord {
  const packages: IndexRecord['packages'] = {};
  for (const item of decisions.packages) {
    if ((item.status === 'wheel' || item.status === 'pure' || item.status === 'compile') && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(item.name)) packages[item.name] = item.status;
  }
  return { python: target.python, arches: [target.arch], packages };
}

/**
 * Applies what `explain --online --write` recorded from the real index: it overrides the
 * knowledge base's wheel facts for that Python version, so update stays offline and deterministic.
 */
export function withIndexRecord(knowledge: Knowledge, record: IndexRecord | undefined, arches: readonly Arch[], python: string): Knowledge {
  if (!record || record.python !== python) return knowledge;
  const packages = new Map(knowledge.packages);
  // A "wheel" seen for some architectures says nothing about the others; "compile" and "pure" do.
  const coversArches = arches.every((arch) => record.arches.includes(arch));
  const source = { fact: 'wheels' as const, ref: 'slim-python.json index record' };
  for (const [name, status] of Object.entries(record.packages)) {
    const entry = packages.get(name);
    const base: KnowledgeEntry = entry ?? { kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [] };
    const sources = [...base.sources, source];
    if (status === 'compile') {
      packages.set(name, { ...base, kind: 'native', musllinux: null, sources });
    } else if (status === 'pure' && !entry) {
      packages.set(name, { ...base, kind: 'pure', sources });
    } else if (status === 'wheel' && coversArches) {
      const since = Object.fromEntries(arches.map((arch) => [arch, '0']));
      packages.set(name, { ...base, kind: 'native', musllinux: { since, latest: '0', python: [python] }, sources });
    }
  }
  return { packages };
}
