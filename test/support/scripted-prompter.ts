/**
 * A Prompter (src/io/prompter.ts) that answers from a script and records every question: its
 * kind, message, default, choices (with which are pre-checked) and validator, so in-process tests
 * of the steps check exactly what a user would be asked.
 */
import type { Choice, Prompter } from '../../src/io/prompter.ts';

export interface AskedQuestion {
  kind: 'input' | 'select' | 'confirm' | 'checkbox';
  message: string;
  default?: unknown;
  /** Choice labels, with " [x]" after a pre-checked checkbox entry. */
  choices?: string[];
  /** Values of the choices, in order. */
  values?: unknown[];
  validate?: (value: string) => true | string | Promise<true | string>;
}

/** One scripted answer: a value, or a function of the question (to answer from its choices). */
export type ScriptedAnswer = unknown | ((question: AskedQuestion) => unknown);

export interface ScriptedPrompter extends Prompter {
  asked: AskedQuestion[];
  /** Answers not used yet (a test expects none left). */
  remaining(): number;
}

/** Answers each question with the next scripted answer; a question with no answer left fails the test. */
export function scriptedPrompter(script: readonly ScriptedAnswer[]): ScriptedPrompter {
  const answers = [...script];
  const asked: AskedQuestion[] = [];
  const answer = <T>(question: AskedQuestion): Promise<T> => {
    asked.push(question);
    if (answers.length === 0) return Promise.reject(new Error(`unscripted question: ${question.kind} ${JSON.stringify(question.message)}`));
    const next = answers.shift();
    // An answer function that throws (a closed input, Ctrl-C) becomes a rejected prompt, as with @inquirer.
    return new Promise<T>((resolve) => resolve((typeof next === 'function' ? (next as (q: AskedQuestion) => unknown)(question) : next) as T));
  };
  const describe = <T>(choices: Choice<T>[]) => ({
    choices: choices.map((choice) => `${choice.name}${choice.checked ? ' [x]' : ''}`),
    values: choices.map((choice) => choice.value),
  });
  return {
    asked,
    remaining: () => answers.length,
    input: (options) => answer({ kind: 'input', message: options.message, default: options.default, ...(options.validate ? { validate: options.validate } : {}) }),
    select: <T>(options: { message: string; choices: Choice<T>[]; default?: T }) =>
      answer<T>({ kind: 'select', message: options.message, default: options.default, ...describe(options.choices) }),
    confirm: (options) => answer({ kind: 'confirm', message: options.message, default: options.default }),
    checkbox: <T>(options: { message: string; choices: Choice<T>[] }) => answer<T[]>({ kind: 'checkbox', message: options.message, ...describe(options.choices) }),
  };
}

/** The questions as [kind, message, default] triples: the shape most expectations compare. */
export function questionsOf(prompter: ScriptedPrompter): [string, string, unknown][] {
  return prompter.asked.map((question) => [question.kind, question.message, question.default]);
}
