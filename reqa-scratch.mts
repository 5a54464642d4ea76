import { readFileSync } from 'node:fs';
import { parsePep508 } from './src/requirements/pep508.ts';
import { Pep508SyntaxError } from './src/requirements/pep508-tokenizer.ts';
for (const text of JSON.parse(readFileSync('/tmp/reqa-rows.json', 'utf8'))) {
  let ours;
  try { const { name, extras, specifiers, url, marker } = parsePep508(text); ours = { name, extras, specifiers, url, marker }; }
  catch (e) { if (!(e instanceof Pep508SyntaxError)) throw e; ours = { error: e.detail, position: e.position }; }
  console.log(JSON.stringify(text), JSON.stringify(ours));
}
