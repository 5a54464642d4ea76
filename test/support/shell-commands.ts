/**
 * The commands a RUN script invokes, read with a real POSIX shell parser (mvdan/sh's syntax
 * package, npm mvdan-sh): every simple command's name and literal arguments, its redirections,
 * and, for `xargs`, the command xargs runs. Words that are not literal (a `$VAR`, a `$(...)`) come
 * back as null: a test that needs them must say so rather than guess.
 */
import sh, { type ShNode } from 'mvdan-sh';

const { syntax } = sh;

export interface Invocation {
  /** The command name (`scanelf`, `apk`, `[`); null when it is not a literal word. */
  name: string | null;
  /** Its arguments, each unquoted; null for a word that is not literal. */
  args: (string | null)[];
  /** Redirections of the statement: operator (`<`, `>`, `>>`) and target. */
  redirects: { op: string; target: string | null }[];
  /** Set when another command runs this one (`xargs CMD ...`). */
  via?: string;
}

// xargs options (busybox and GNU) that take a value in the next word.
const XARGS_VALUE_OPTIONS = new Set(['-n', '-s', '-I', '-L', '-P', '-E', '-d', '-a']);

/** Every command the script invokes, in source order (commands inside `$(...)` included). */
export function invokedCommands(script: string): Invocation[] {
  const file = syntax.NewParser(syntax.Variant(syntax.LangPOSIX)).Parse(script, 'RUN');
  const found: Invocation[] = [];
  syntax.Walk(file, (node) => {
    if (node === null || syntax.NodeType(node) !== 'Stmt') return true;
    const cmd = node.Cmd as ShNode | null;
    if (cmd === null || syntax.NodeType(cmd) !== 'CallExpr') return true;
    const words = (cmd.Args as ShNode[]).map(wordText);
    if (words.length === 0) return true; // a bare assignment
    const redirects = (node.Redirs as ShNode[]).map((redirect) => ({
      op: script.slice((redirect.OpPos as { Offset(): number }).Offset()).match(/^[<>]+/)?.[0] ?? '?',
      target: wordText(redirect.Word as ShNode),
    }));
    const invocation: Invocation = { name: words[0]!, args: words.slice(1), redirects };
    found.push(invocation);
    if (invocation.name === 'xargs') {
      const inner = xargsCommand(invocation.args);
      if (inner) found.push({ ...inner, redirects: [], via: 'xargs' });
    }
    return true;
  });
  return found;
}

/** The command and arguments `xargs [options] CMD ARGS...` runs (xargs' default is echo). */
function xargsCommand(args: (string | null)[]): Omit<Invocation, 'redirects'> | null {
  let index = 0;
  while (index < args.length && args[index]?.startsWith('-')) index += XARGS_VALUE_OPTIONS.has(args[index]!) ? 2 : 1;
  if (index >= args.length) return { name: 'echo', args: [] };
  return { name: args[index]!, args: args.slice(index + 1) };
}

/** A word's value when it is literal (plain, 'single' or "double" quoted without expansions). */
function wordText(word: ShNode): string | null {
  let text = '';
  for (const part of word.Parts as ShNode[]) {
    const type = syntax.NodeType(part);
    if (type === 'Lit') text += part.Value as string;
    else if (type === 'SglQuoted') text += part.Value as string;
    else if (type === 'DblQuoted') {
      for (const inner of part.Parts as ShNode[]) {
        if (syntax.NodeType(inner) !== 'Lit') return null;
        text += inner.Value as string;
      }
    } else return null;
  }
  return text;
}
