/**
 * The prompts the tool asks, behind a small interface so that tests inject answers and the
 * @inquirer packages are imported only when a terminal is really there (they cost start-up time).
 */
import type { Cancellation } from './cancel.ts';
import { CancelledError, UsageError } from '../errors.ts';

// ANSI "show cursor": @inquirer hides the cursor during list prompts and shows it again only in
// its own clean-up, which a process ended by SIGTERM or SIGHUP never reaches.
const SHOW_CURSOR = '\x1b[?25h';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
  checked?: boolean;
}

export interface Prompter {
  input(options: { message: string; default?: string; validate?: (value: string) => true | string | Promise<true | string> }): Promise<string>;
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  confirm(options: { message: string; default: boolean }): Promise<boolean>;
  checkbox<T>(options: { message: string; choices: Choice<T>[] }): Promise<T[]>;
}

/**
 * The input ended at a prompt (Ctrl-D, end of a pipe): a missing value, so a usage error (exit 2,
 * where Ctrl-C is 130), unless a caller has a safe answer.
 */
export class PromptClosedError extends UsageError {
  override name = 'PromptClosedError';
  constructor() {
    super('the input ended at a prompt; nothing was written: pass the remaining values as flags (see --help), or --yes for the defaults');
  }
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where the show-cursor clean-up is registered for a signal that ends the process. */
  cancel: Pick<Cancellation, 'onCleanup'>;
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
    // When the input closes (Ctrl-D, end of a pipe) the prompt neither resolves nor rejects: the
    // event loop just empties and Node would exit 0 mid-question. 'beforeExit' catches that moment.
    let onBeforeExit: (() => void) | undefined;
    const unregister = streams.cancel.onCleanup(() => streams.output.write(SHOW_CURSOR));
    const closed = new Promise<never>((_, reject) => {
      onBeforeExit = () => reject(new PromptClosedError());
      process.once('beforeExit', onBeforeExit);
    });
    try {
      return await Promise.race([run(), closed]);
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        // Ctrl-C says SIGINT; anything else is the input closing (Ctrl-D, end of a pipe).
        throw /SIGINT/.test(error.message) ? new CancelledError() : new PromptClosedError();
      }
      throw error;
    } finally {
      unregister();
      process.removeListener('beforeExit', onBeforeExit!);
    }
  };
  return {
    input: (options) => guard(() => input(options, context)),
    select: <T>(options: { message: string; choices: Choice<T>[]; default?: T }) => guard(() => select<T>(options as never, context)),
    confirm: (options) => guard(() => confirm(options, context)),
    checkbox: <T>(options: { message: string; choices: Choice<T>[] }) => guard(() => checkbox<T>(options as never, context)),
  };
}
