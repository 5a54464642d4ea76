/** Defaults shared by the commands (create, update, init) and their prompts. */

/** The port a web app listens on when none is given (the skeleton's and the Dockerfile's). */
export const DEFAULT_PORT = 8080;

/** The folder create makes when no name is given. */
export const DEFAULT_DIR = 'slim-python-app';

/**
 * The bytecode trade-off (on by default), with the reference example's numbers (cryptography +
 * aiohttp on CPython 3.12; README "Image size" says how they were measured).
 */
export const BYTECODE_HELP =
  'compile bytecode at build time: the web app imports about 3x faster, the image grows about 4 MB (reference example 54.7 MB); --no-bytecode: smallest image (50.7 MB), slower start';
