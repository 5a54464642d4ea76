/**
 * The one Handlebars environment every file is rendered with: HTML escaping OFF (it would turn
 * `=` into `&#x3D;` in a Dockerfile) and strict mode ON (a missing variable is a bug, not a blank).
 */
import Handlebars from 'handlebars';

/** A template precompiled by `Handlebars.precompile` (scripts/build.mjs). */
export type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
import { loadTemplateSources } from './template-sources.ts';

export type Render = (template: string, data: object) => string;

let cached: Render | undefined;

/** Returns the shared renderer, compiling templates on first use. */
export function getRenderer(): Render {
  cached ??= createRenderer(loadTemplateSources());
  return cached;
}

/**
 * Creates a renderer over the given templates: Handlebars text (compiled here, from a checkout)
 * or specs precompiled at bundle time (the published CLI loads only handlebars/runtime).
 */
export function createRenderer(sources: Record<string, string | TemplateSpecification>): Render {
  const hb = Handlebars.create();
  // Quoted values in Python/TOML need real string literals, not HTML entities.
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
  // A Dockerfile exec form (CMD, ENTRYPOINT): a JSON array, spaced the way Docker's docs write it.
  hb.registerHelper('execForm', (argv: unknown) => {
    if (!Array.isArray(argv) || argv.some((item) => typeof item !== 'string')) throw new Error('execForm needs an array of strings');
    return `[${argv.map((item) => JSON.stringify(item)).join(', ')}]`;
  });
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return (template, data) => {
    let fn = compiled.get(template);
    if (!fn) {
      const source = sources[template];
      if (source === undefined) throw new Error(`no template ${template}`);
      fn = typeof source === 'string' ? hb.compile(source, { noEscape: true, strict: true }) : hb.template(source);
      compiled.set(template, fn);
    }
    return normalizeText(fn(data));
  };
}

/** Renders a template string (not a file) with the same environment: used for plop's paths. */
export function renderInline(template: string, data: object): string {
  inlineEnv ??= Handlebars.create();
  return inlineEnv.compile(template, { noEscape: true, strict: true })(data);
}

let inlineEnv: typeof Handlebars | undefined;

/** Trailing whitespace off every line, exactly one final newline: same inputs, same bytes. */
export function normalizeText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
