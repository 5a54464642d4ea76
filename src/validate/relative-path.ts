/**
 * Paths the Dockerfile names in COPY lines (the requirements file, its includes): plain relative
 * paths inside the project, of letters, digits, ".", "_", "-" and "/", with no ".." step. One rule
 * for the config, the includes of requirements files, and init's --requirements-file.
 */
const PLAIN_RELATIVE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** True when `path` may be written into a COPY line as it is. */
export function isPlainRelativePath(path: string): boolean {
  return PLAIN_RELATIVE_PATH.test(path) && !path.split('/').includes('..');
}
