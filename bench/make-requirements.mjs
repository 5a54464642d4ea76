// Writes bench/requirements-300.txt: 300 requirement lines for benchmarking update --check and
// explain, made from the knowledge base's projects plus common pure-Python ones, with the usual
// variety of real files (comments, pins, ranges, extras, markers). Run: node bench/make-requirements.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}src/knowledge/data`;
const known = readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => Object.keys(JSON.parse(readFileSync(`${dataDir}/${f}`, 'utf8')).packages));
// Popular projects the knowledge base does not list (they show up as "unknown" in explain).
const EXTRA = [
  'arrow',
  'babel',
  'backoff',
  'beautifulsoup4',
  'bleach',
  'boltons',
  'cattrs',
  'chardet',
  'click-plugins',
  'colorama',
  'coloredlogs',
  'configparser',
  'croniter',
  'cssselect',
  'decorator',
  'deprecated',
  'dill',
  'distlib',
  'dnslib',
  'docopt',
  'docutils',
  'ecdsa',
  'et-xmlfile',
  'faker',
  'fastjsonschema',
  'fsspec',
  'future',
  'gitdb',
  'gitpython',
  'google-api-core',
  'googleapis-common-protos',
  'graphql-core',
  'html5lib',
  'humanfriendly',
  'hvac',
  'importlib-metadata',
  'inflection',
  'iniconfig',
  'isodate',
  'jsonpatch',
  'jsonpointer',
  'loguru',
  'lxml-html-clean',
  'markdown',
  'more-itertools',
  'msal',
  'mypy-extensions',
  'nest-asyncio',
  'openpyxl',
  'opentelemetry-api',
  'parso',
  'pathspec',
  'pexpect',
  'pluggy',
  'ply',
  'portalocker',
  'prometheus-client',
  'prompt-toolkit',
  'ptyprocess',
  'py',
  'pyparsing',
  'pyperclip',
  'pysocks',
  'python-json-logger',
  'python-multipart',
  'pytzdata',
  'requests-toolbelt',
  'retry',
  'retrying',
  'rfc3339-validator',
  'scramp',
  'semver',
  'sentry-sdk',
  'shellingham',
  'simple-websocket',
  'smmap',
  'sortedcontainers',
  'soupsieve',
  'tabulate',
  'termcolor',
  'text-unidecode',
  'toml',
  'tomli',
  'tomlkit',
  'toolz',
  'traitlets',
  'typer',
  'tzlocal',
  'uritemplate',
  'validators',
  'wcwidth',
  'webencodings',
  'websocket-client',
  'wheel',
  'xlrd',
  'xmltodict',
  'yapf',
  'zipp',
  'zope-event',
];
const names = [...new Set([...known, ...EXTRA])].slice(0, 290);
const SHAPES = [(n) => n, (n) => `${n}>=1.0`, (n) => `${n}~=2.1`, (n) => `${n}>=1,<99`, (n) => `${n} ; python_version >= "3.9"`, (n) => `${n}[extra]>=0.1`, (n) => `${n}!=0.0.1`];
const lines = ['# Benchmark input: 300 lines in the shapes real requirements files have.', '--only-binary :none:'];
names.forEach((name, i) => {
  if (i % 40 === 0) lines.push(`# group ${i / 40 + 1}`);
  lines.push(SHAPES[i % SHAPES.length](name));
});
while (lines.length < 300) lines.push(`# padding comment ${lines.length}`);
writeFileSync(`${root}bench/requirements-300.txt`, `${lines.slice(0, 300).join('\n')}\n`);
console.log(`wrote bench/requirements-300.txt (${names.length} projects)`);
