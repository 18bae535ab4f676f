// Preloaded with --import: appends the URL of every ES module the process loads to the file
// named by FOLIO_MODULE_LOG, so a test can see which bundle chunks a command really opened.
import {register} from 'node:module';

const hooks = `
import {appendFileSync} from 'node:fs';
export async function load(url, context, nextLoad) {
	if (process.env.FOLIO_MODULE_LOG) {
		appendFileSync(process.env.FOLIO_MODULE_LOG, url + '\\n');
	}

	return nextLoad(url, context);
}
`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
