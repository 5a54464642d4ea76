/**
 * The prompts the tool asks, behind a small interface so that tests inject answers and the
 * @inquirer packages are imported only when a terminal is really there (they cost start-up time).
 */
import { CancelledError } from '../errors.ts';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
  checked?: boolean;
}

export interface Prompter {
  input(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  confirm(options: { message: string; default: boolean }): Promise<boolean>;
  checkbox<T>(options: { message: string; choices: Choice<T>[] }): Promise<T[]>;
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Builds the @inquirer-backed prompter; Ctrl-C at any prompt becomes a CancelledError. */
export async function createInquirerPrompter(streams: PromptStreams): Promise<Prompter> {
  const [{ default: input }, { default: select }, { default: confirm }, { default: checkbox }] = await Promise.all([
    import('@inquirer/input'),
    import('@inquirer/select'),
    import('@inquirer/confirm'),
    import('@inquirer/checkbox'),
  ]);
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false } as never;
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        throw new CancelledError();
      }
      throw error;
    }
  };
  return {
    input: (options) => guard(() => input(options, context)),
    select: <T>(options: { message: string; choices: Choice<T>[]; default?: T }) =>
      guard(() => select<T>(options as never, context)),
    confirm: (options) => guard(() => confirm(options, context)),
    checkbox: <T>(options: { message: string; choices: Choice<T>[] }) =>
      guard(() => checkbox<T>(options as never, context)),
  };
}
