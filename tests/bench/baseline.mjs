// The comparison point for `folio cat`: plain marked + marked-terminal rendering a file, as a
// program would use them out of the box.
import {readFileSync} from 'node:fs';
import {marked} from 'marked';
import {markedTerminal} from 'marked-terminal';

marked.use(markedTerminal({width: 80, reflowText: true}));
process.stdout.write(marked.parse(readFileSync(process.argv[2], 'utf8')));
