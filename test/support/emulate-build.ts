/**
 * Runs a generated Dockerfile's Python steps for real, without Docker: every build-stage COPY and
 * RUN (pip, the pyproject dependency listing, the project install) is executed by /bin/sh in a
 * sandbox where the image's absolute paths (/opt/venv, /tmp/requirements, /tmp/src, /app) are
 * mapped under a temporary root, with the machine's python3 and the real index. Not emulated:
 * `apk add` (no Alpine package index here), the scanelf steps (strip, library listing), the
 * interpreter copy to /opt/python with its bytecode (the machine's python3 stands in for it), and
 * .dockerignore filtering of the context (the fixtures hold nothing it would drop that matters).
 * Returns what the release stage would run: the CMD argv, ENV values and the working directory.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { realIndexEnv } from './python-venv.ts';

export interface EmulatedImage {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** The venv's bin folder (mapped /opt/venv/bin). */
  bin: string;
  log: string[];
}

const MAPPED = /(?<![\w/])\/(opt\/venv|tmp\/requirements|tmp\/src|app)(?=[/\s'"]|$)/g;

/** Logical instructions: continuation lines joined, comment lines dropped, as Docker reads them. */
function instructions(text: string): { keyword: string; rest: string }[] {
  const out: { keyword: string; rest: string }[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    const match = /^\s*([A-Z]+)\s+(.*)$/s.exec(current);
    if (match) out.push({ keyword: match[1]!, rest: match[2]!.trim() });
    current = '';
  }
  return out;
}

/** Executes the build stage for `context` under `sandbox`; returns the release stage's run settings. */
export async function emulateBuild(dockerfile: string, context: string, sandbox: string): Promise<EmulatedImage> {
  const map = (value: string) => value.replace(MAPPED, (_, path: string) => join(sandbox, path));
  const log: string[] = [];
  let stage = '';
  const env: Record<string, string> = {};
  let argv: string[] = [];
  let cwd = sandbox;
  for (const { keyword, rest } of instructions(dockerfile)) {
    if (keyword === 'FROM') stage = / AS (\w+)$/.exec(rest)?.[1] ?? '';
    else if (keyword === 'COPY' && !rest.includes('--from=')) {
      const parts = rest.split(/\s+/).filter((part) => !part.startsWith('--'));
      const [source, target] = [parts[0]!, parts[1]!];
      const to = target.startsWith('/') ? map(target) : join(cwd, target);
      mkdirSync(source === '.' ? to : dirname(to), { recursive: true });
      cpSync(join(context, source), to, { recursive: true, filter: (path) => !/[/\\](\.slim-python|\.git|\.venv)([/\\]|$)/.test(path) });
      log.push(`COPY ${source} -> ${to}`);
    } else if (keyword === 'RUN' && stage === 'build') {
      const script = rest.replace(/^(--\S+\s+)+/, '');
      if (/\bscanelf\b|\bapk add\b|\/opt\/python\b/.test(script)) continue;
      const mapped = map(script);
      log.push(`RUN ${mapped}`);
      await execa('sh', ['-c', mapped], { cwd: sandbox, env: { ...realIndexEnv(), ...env }, timeout: 600_000 });
    } else if (keyword === 'ENV') {
      for (const match of rest.matchAll(/(\w+)=("([^"]*)"|\S+)/g)) env[match[1]!] = match[3] ?? match[2]!;
    } else if (keyword === 'WORKDIR') {
      cwd = map(rest);
      mkdirSync(cwd, { recursive: true });
    } else if (keyword === 'CMD') argv = JSON.parse(rest) as string[];
  }
  const bin = join(sandbox, 'opt/venv/bin');
  // ENV PATH="/opt/venv/bin:$PATH": the venv first, then the machine's PATH.
  const resolved = { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` };
  return { argv, env: resolved, cwd, bin, log };
}
