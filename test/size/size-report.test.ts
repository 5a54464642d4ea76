/** The size report's pure parts: the base table, .pyc ownership, ordering, totals and bars. */
import { describe, expect, it } from 'vitest';
import { BASE_SIZES, baseBytes } from '../../src/size/base-sizes.ts';
import { sourceOf } from '../../src/size/measure-venv.ts';
import { buildSizeReport, formatMegabytes, formatSizeReport } from '../../src/size/size-report.ts';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';

describe('BASE_SIZES', () => {
  it("has a dated, sourced row for every CPython runtime, and none for Alpine's python3", () => {
    for (const runtime of PYTHON_RUNTIMES) {
      const row = BASE_SIZES[runtime.id];
      if (runtime.system) {
        expect(row).toBeUndefined();
        continue;
      }
      expect(row, runtime.id).toBeDefined();
      expect(row!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row!.source).toMatch(/repo-info/);
      // The standard library as bytecode in place of its sources costs little either way (3.10's
      // compact bytecode even saves 2.8 MB; 3.11+ code objects carry inline caches).
      expect(Math.abs(row!.interpreterBytecode - row!.interpreter)).toBeLessThan(3_000_000);
    }
  });

  it('adds up to about 34 MB for the 3.12 release base: far below the 48.9 MB python:3.12-alpine3.24', () => {
    expect(baseBytes('3.12', true)).toBe(8_420_000 + 3420 * 1024 + 22_081_502);
    expect(baseBytes('3.12', false)).toBe(8_420_000 + 3420 * 1024 + 21_694_121);
    expect(baseBytes('alpine', true)).toBeNull();
  });
});

describe('sourceOf', () => {
  it('maps a __pycache__ file to the source it was compiled from', () => {
    expect(sourceOf('aiohttp/__pycache__/web.cpython-312.pyc')).toBe('aiohttp/web.py');
    expect(sourceOf('__pycache__/typing_extensions.cpython-311.pyc')).toBe('typing_extensions.py');
    expect(sourceOf('pkg/sub/__pycache__/m.cpython-312.opt-1.pyc')).toBe('pkg/sub/m.py');
    expect(sourceOf('aiohttp/web.py')).toBeNull();
  });
});

describe('buildSizeReport and formatSizeReport', () => {
  const measure = { venv: 20_000_000, packages: { aiohttp: 3_000_000, cryptography: 13_000_000, idna: 500_000 }, notes: ['a note'] };

  it('orders packages largest first and adds the base to the venv', () => {
    const report = buildSizeReport('3.12', true, measure);
    expect(Object.keys(report.packages)).toEqual(['cryptography', 'aiohttp', 'idna']);
    expect(report.total).toBe(baseBytes('3.12', true)! + 20_000_000);
    expect(report.notes).toEqual(['a note']);
  });

  it('says so when the base is not sourced instead of inventing one', () => {
    const report = buildSizeReport('alpine', true, measure);
    expect(report.base).toBeNull();
    expect(report.total).toBeNull();
    expect(report.notes.at(-1)).toMatch(/no sourced base size for --python alpine/);
    expect(formatSizeReport(report)).toMatch(/total +unknown/);
  });

  it('draws one bar per package, the largest full width', () => {
    const text = formatSizeReport(buildSizeReport('3.12', false, measure), 20);
    expect(text).toContain('bytecode off: --no-bytecode');
    const bars = text.split('\n').filter((line) => line.includes('█'));
    expect(bars).toHaveLength(3);
    expect(bars[0]).toMatch(/^ {2}cryptography +13\.0 MB {2}█{20}$/);
    expect(bars[1]).toMatch(/aiohttp +3\.0 MB {2}█{5}$/);
    expect(bars[2]).toMatch(/idna +0\.5 MB {2}█$/);
    expect(text).toMatch(/note: a note/);
  });

  it('formats megabytes as docker does (10^6 bytes)', () => {
    expect(formatMegabytes(54_880_000)).toBe('54.9 MB');
  });
});
