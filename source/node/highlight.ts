import {readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {htmlToSgr, languageName, type HighlightJs} from '../core/markdown/highlight.js';
import type {Theme} from '../core/theme/theme.js';

let library: {hljs: HighlightJs; languages: Set<string>; require: NodeRequire} | undefined;

/**
 * Syntax-highlight a fenced block that names a language, or return undefined when the language
 * is unknown. highlight.js's core and the one language are loaded on first use, so plain output
 * and code without a language never pay for them; the HTML it produces becomes SGR colours.
 */
export function highlightCode(code: string, language: string, theme?: Theme): string | undefined {
	const name = resolveLanguage(language);
	if (!name) {
		return undefined;
	}

	try {
		const {value} = library!.hljs.highlight(code, {language: name, ignoreIllegals: true});
		return htmlToSgr(value, theme);
	} catch {
		return undefined;
	}
}

/** The highlight.js language file for a fence's language name, registered; undefined if none. */
function resolveLanguage(language: string): string | undefined {
	const name = languageName(language);
	if (!name) {
		return undefined;
	}

	library ??= loadLibrary();
	if (!library.languages.has(name)) {
		return undefined;
	}

	if (!library.hljs.getLanguage(name)) {
		library.hljs.registerLanguage(name, library.require(`highlight.js/lib/languages/${name}`));
	}

	return name;
}

function loadLibrary() {
	const require = createRequire(import.meta.url);
	const hljs = require('highlight.js/lib/core') as HighlightJs;
	const folder = path.join(path.dirname(require.resolve('highlight.js/lib/core')), 'languages');
	const languages = new Set(readdirSync(folder).filter(file => /^[a-z\d-]+\.js$/.test(file)).map(file => file.slice(0, -3)));
	return {hljs, languages, require};
}
