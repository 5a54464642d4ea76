/**
 * What pip makes of the requirement part of a line: a PEP 508 string, a URL, a local path, a wheel
 * file name, or an editable. Ported from pip 26's pip/_internal/req/constructors.py
 * (parse_req_from_line, parse_editable) and models/link.py. pip asks the file system whether a
 * path is a directory; this module is pure, so a path-looking text that is not a valid PEP 508
 * string is taken to be a local project directory (and an editable that is no URL, too).
 */
import { valid, clean } from '@renovatebot/pep440';
import { InputFileError } from '../errors.ts';
import { normalizeMarkerString, parsePep508, withLocation, type Pep508Parts } from './pep508.ts';
import { isValidProjectName, normalizeName } from './normalize.ts';
import { Pep508SyntaxError, pyStrip } from './pep508-tokenizer.ts';

type Origin = { file: string; line: number };
/** Tells whether a path (as written in the file) is a directory; without it, paths are guessed. */
export type IsDirectory = (path: string) => boolean;
type LineParts = Omit<Pep508Parts, 'name'> & { name: string | null };

// pip's VCS backends (pip/_internal/vcs) and the URL schemes is_url() accepts.
const VCS_NAMES = ['bzr', 'git', 'hg', 'svn'];
const VCS_SCHEMES = [
  'bzr+http',
  'bzr+https',
  'bzr+ssh',
  'bzr+sftp',
  'bzr+ftp',
  'bzr+lp',
  'bzr+file',
  'git+http',
  'git+https',
  'git+ssh',
  'git+git',
  'git+file',
  'hg+file',
  'hg+http',
  'hg+https',
  'hg+ssh',
  'hg+static-http',
  'svn+ssh',
  'svn+http',
  'svn+https',
  'svn+svn',
  'svn+file',
];
const URL_SCHEMES = ['http', 'https', 'file', 'ftp', ...VCS_SCHEMES];
// pip/_internal/utils/filetypes.py ARCHIVE_EXTENSIONS.
const ARCHIVE_EXTENSIONS = ['.zip', '.whl', '.tar.bz2', '.tbz', '.tar.gz', '.tgz', '.tar', '.tar.xz', '.txz', '.tlz', '.tar.lz', '.tar.lzma'];

/** Python's urlsplit scheme: letters, digits, `+-.` before the first `:`, starting with a letter. */
function urlScheme(text: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text.replace(/[\t\r\n]/g, ''));
  return match ? match[1]!.toLowerCase() : '';
}

function isUrl(text: string): boolean {
  return URL_SCHEMES.includes(urlScheme(text));
}

function looksLikePath(text: string): boolean {
  return text.includes('/') || text.startsWith('.');
}

// pip's splitext: posixpath.splitext, with `.tar` kept together with the compression suffix. The
// `.tar` rule looks at the root even when posixpath found no extension (dots only lead the file
// name), so `..tar` and `x/.tar` are tar archives to pip.
function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const none = dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1));
  const stem = none ? base : base.slice(0, dot);
  const extension = none ? '' : base.slice(dot);
  return stem.toLowerCase().endsWith('.tar') ? stem.slice(-4) + extension : extension;
}

/** A requirement line's text (not `-e`) as pip's parse_req_from_line reads it. */
export function parsePipRequirement(text: string, origin: Origin, isDirectory?: IsDirectory): LineParts {
  const separator = isUrl(text) ? '; ' : ';';
  const cut = text.indexOf(separator);
  const body = pyStrip(cut === -1 ? text : text.slice(0, cut));
  const markerText = cut === -1 ? '' : pyStrip(text.slice(cut + separator.length));
  const marker = markerText === '' ? null : normalizeMarkerString(markerText, origin);
  if (isUrl(body)) return { ...linkParts(body, origin), extras: [], marker };
  const [path, extras] = stripExtras(body, origin);
  if (isDirectory && looksLikePath(body) && isDirectory(path)) return { ...linkParts(path, origin), extras, marker };
  const archive = ARCHIVE_EXTENSIONS.includes(extensionOf(path).toLowerCase());
  const atSplit = body.split('@');
  const guessedDirectory = !isDirectory && looksLikePath(body) && !isPep508(body);
  const pep508Like = archive ? atSplit.length > 1 && !looksLikePath(atSplit[0]!) : !guessedDirectory;
  if (pep508Like) return { ...withLocation(body, origin, () => parsePep508(body)), marker };
  return { ...linkParts(path, origin), extras, marker };
}

/** An `-e` value as pip's parse_editable reads it: `name @ url`, a local directory or a VCS URL. */
export function parsePipEditable(text: string, origin: Origin, isDirectory?: IsDirectory): LineParts {
  if (isPep508(text)) {
    const parts = parsePep508(text);
    if (parts.url !== null) return parts;
  }
  const [withoutExtras, extras] = stripExtras(text, origin);
  const scheme = urlScheme(withoutExtras);
  // pip asks the file system; without a way to ask, anything that is not a URL is taken as a directory.
  if (isDirectory ? isDirectory(withoutExtras) : scheme === '') return { name: null, url: withoutExtras, extras, specifiers: [], marker: null };
  if (scheme === 'file') return { name: eggName(withoutExtras, origin), url: withoutExtras, extras, specifiers: [], marker: null };
  const url = VCS_NAMES.includes(scheme) ? `${scheme}+${text}` : text;
  if (!VCS_SCHEMES.includes(urlScheme(url))) {
    throw withOrigin(origin, `${text} is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with ${VCS_SCHEMES.join(', ')}).`);
  }
  const name = eggName(url, origin);
  if (name === null) throw withOrigin(origin, `Could not detect requirement name for '${text}', please specify one with your_package_name @ URL`);
  return { name, url, extras: [], specifiers: [], marker: null };
}

function isPep508(text: string): boolean {
  try {
    parsePep508(text);
    return true;
  } catch (error) {
    if (error instanceof Pep508SyntaxError) return false;
    throw error;
  }
}

function withOrigin(origin: Origin, detail: string): InputFileError {
  return new InputFileError(origin.file, origin.line, detail);
}

// pip's strip_extras: a trailing `[...]` on a path names extras (validated as PEP 508 extras, lower case).
function stripExtras(text: string, origin: Origin): [string, string[]] {
  const match = /^(.+)(\[[^\]]+\])$/s.exec(text);
  if (!match) return [text, []];
  try {
    return [match[1]!.trimEnd(), parsePep508(`placeholder${match[2]!.toLowerCase()}`).extras];
  } catch (error) {
    if (!(error instanceof Pep508SyntaxError)) throw error;
    throw withOrigin(origin, `Invalid requirement ${JSON.stringify(text)}: invalid extras ${match[2]}: ${error.detail}`);
  }
}

// A link's requirement: a wheel names itself (name==version), anything else only via #egg=name.
function linkParts(url: string, origin: Origin): LineParts {
  const base = { url, extras: [], marker: null };
  // urlsplit(url).path, unquoted: drop the scheme, the //netloc, the query and the fragment.
  const afterScheme = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, '');
  const path = decodeURIComponentSafe(afterScheme.replace(/^\/\/[^/?#]*/, '').replace(/[?#].*$/s, ''));
  const filename = path.replace(/\/+$/, '').split('/').pop() ?? '';
  if (extensionOf(filename) === '.whl') {
    const [name, version] = parseWheelFilename(filename, origin);
    // packaging takes any Unicode word characters; pip then parses `name==version` as PEP 508.
    if (!isValidProjectName(name)) {
      throw withOrigin(origin, `Invalid requirement: ${JSON.stringify(`${name}==${version}`)}: Expected package name at the start of dependency specifier`);
    }
    return { ...base, name, specifiers: [`==${version}`] };
  }
  return { ...base, name: eggName(url, origin), specifiers: [] };
}

// Link.egg_fragment: `#egg=name` (or `&egg=`) must be a bare PEP 508 project name.
function eggName(url: string, origin: Origin): string | null {
  const egg = /[#&]egg=([^&]*)/.exec(url)?.[1];
  if (egg === undefined) return null;
  if (!isValidProjectName(egg)) throw withOrigin(origin, `The egg fragment ${egg} of ${url} is not a valid project name`);
  return normalizeName(egg);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// packaging.utils.parse_wheel_filename: name-version(-build)?-python-abi-platform.whl
function parseWheelFilename(filename: string, origin: Origin): [string, string] {
  const stem = filename.slice(0, -4);
  const dashes = stem.split('-').length - 1;
  const invalid = (why: string) => withOrigin(origin, `Invalid wheel filename (${why}): ${JSON.stringify(filename)}`);
  if (dashes !== 4 && dashes !== 5) throw invalid('wrong number of parts');
  const parts = stem.split('-');
  const [name, version] = parts as [string, string];
  if (name.includes('__') || !/^[\p{L}\p{N}_.]+$/u.test(name)) throw invalid('invalid project name');
  if (!valid(version)) throw invalid('invalid version');
  if (dashes === 5 && !/^[0-9]/.test(parts[2]!)) throw invalid('invalid build number');
  if (parts.slice(-3).some((tag) => tag.split('.').some((piece) => piece === ''))) throw invalid('invalid tag component');
  return [normalizeName(name), clean(version)!];
}
