// A peer of `folio cat`: plain marked + marked-terminal rendering a file at a width, as a program
// would use them out of the box (marked-terminal's defaults: no reflow, lines as the source has
// them, so it does no more work than folio's own renderer).
// `node baseline.mjs FILE WIDTH`
import {readFileSync} from 'node:fs';
import {marked} from 'marked';
import {markedTerminal} from 'marked-terminal';

marked.use(markedTerminal({width: Number(process.argv[3] ?? 80)}));
process.stdout.write(marked.parse(readFileSync(process.argv[2], 'utf8')));
