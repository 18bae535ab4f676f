// The floor of the parser folio is built on: marked alone, Markdown → HTML of the same file.
// `node marked-html.mjs FILE`
import {readFileSync} from 'node:fs';
import {marked} from 'marked';

process.stdout.write(marked.parse(readFileSync(process.argv[2], 'utf8')));
