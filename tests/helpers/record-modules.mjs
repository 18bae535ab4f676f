// Preloaded with --import: appends the URL of every ES module the process loads to the file
// named by FOLIO_MODULE_LOG, so a test can see which bundle chunks a command really opened; and
// a line `regexp: emoji` each time a regular expression of Unicode emoji sequences (string-width's
// emoji tables, some 40 ms to compile) is made. Only `new RegExp` is seen, not a literal: the
// bundle has string-width's `/^\p{RGI_Emoji}$/v` as `new RegExp(...)` because esbuild's node20
// target rewrites `v`-flag literals; were that to change, the test using this would fail, not pass.
// Also a line `segmenter` each time an `Intl.Segmenter` is made (the first loads ICU's break
// rules, some 13 ms), `collator` each time an `Intl.Collator` is made (the first starts ICU, some
// 6–13 ms), and `require: NAME` for each package loaded with `require` (the bundle's
// stand-ins load the real package so, when it is needed).
import {appendFileSync} from 'node:fs';
import Module, {register} from 'node:module';

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

globalThis.RegExp = new Proxy(RegExp, {
	construct(target, arguments_, newTarget) {
		if (process.env.FOLIO_MODULE_LOG && String(arguments_[0]).includes('RGI_Emoji')) {
			appendFileSync(process.env.FOLIO_MODULE_LOG, 'regexp: emoji\n');
		}

		return Reflect.construct(target, arguments_, newTarget === globalThis.RegExp ? target : newTarget);
	},
});

const log = line => {
	if (process.env.FOLIO_MODULE_LOG) {
		appendFileSync(process.env.FOLIO_MODULE_LOG, line + '\n');
	}
};

Intl.Segmenter = new Proxy(Intl.Segmenter, {
	construct(target, arguments_, newTarget) {
		log('segmenter');
		return Reflect.construct(target, arguments_, newTarget === Intl.Segmenter ? target : newTarget);
	},
});

Intl.Collator = new Proxy(Intl.Collator, {
	construct(target, arguments_, newTarget) {
		log('collator');
		return Reflect.construct(target, arguments_, newTarget === Intl.Collator ? target : newTarget);
	},
});

const load = Module._load;
Module._load = function (request, ...rest) {
	if (!request.startsWith('node:') && !request.startsWith('.') && !request.startsWith('/')) {
		log(`require: ${request}`);
	}

	return load.call(this, request, ...rest);
};
