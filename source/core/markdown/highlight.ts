import {painter} from '../text/style.js';
import {decodeEntities} from './outline.js';

export type HighlightJs = {
	registerLanguage(name: string, definition: unknown): void;
	getLanguage(name: string): unknown;
	highlight(code: string, options: {language: string; ignoreIllegals: boolean}): {value: string};
};

// Names people write after ``` that highlight.js knows under another file name.
export const languageAliases: Record<string, string> = {
	js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', tsx: 'typescript',
	sh: 'bash', zsh: 'bash', console: 'shell', yml: 'yaml', md: 'markdown', py: 'python', rb: 'ruby', rs: 'rust',
	golang: 'go', kt: 'kotlin', cs: 'csharp', 'c#': 'csharp', 'c++': 'cpp', cc: 'cpp', hpp: 'cpp', h: 'c',
	ps1: 'powershell', html: 'xml', xhtml: 'xml', svg: 'xml', mk: 'makefile', make: 'makefile', jsonc: 'json',
	diff: 'diff', patch: 'diff', docker: 'dockerfile', tex: 'latex', proto: 'protobuf', sol: 'solidity',
};

type Colour = 'blue' | 'cyan' | 'green' | 'magenta' | 'gray' | 'yellow' | 'red';

// Colours for highlight.js scopes, from the 16 colours every terminal has.
const scopeColours: Record<string, Colour> = {
	keyword: 'blue', literal: 'blue', 'selector-tag': 'blue', doctag: 'blue', name: 'blue',
	built_in: 'cyan', type: 'cyan', class: 'cyan', attr: 'cyan', attribute: 'cyan', property: 'cyan', variable: 'cyan', 'template-variable': 'cyan', params: 'cyan',
	string: 'green', regexp: 'green', char: 'green', addition: 'green', 'selector-attr': 'green', 'selector-pseudo': 'green',
	number: 'magenta', symbol: 'magenta', bullet: 'magenta', link: 'magenta',
	comment: 'gray', quote: 'gray', meta: 'gray',
	title: 'yellow', section: 'yellow', function: 'yellow', 'selector-id': 'yellow', 'selector-class': 'yellow',
	deletion: 'red',
};

function colourOf(scope: string): Colour | undefined {
	return Object.hasOwn(scopeColours, scope) ? scopeColours[scope] : undefined;
}

/**
 * Highlights a fenced block's code as SGR text, or returns undefined when the language is unknown.
 * The renderer receives one from the edge (`source/node/highlight.ts` loads highlight.js); without
 * one, code is drawn in the plain code style.
 */
export type CodeHighlighter = (code: string, language: string) => string | undefined;

/** The highlight.js language name for a fence's language, or undefined if it cannot be one. */
export function languageName(language: string): string | undefined {
	const wanted = language.toLowerCase();
	const name = languageAliases[wanted] ?? wanted;
	// The name comes from the article: only a plain name can become a module path.
	return /^[a-z\d-]+$/.test(name) ? name : undefined;
}

/**
 * Turn highlight.js's `<span class="hljs-x">` markup into colours: each run of text takes the
 * colour of the innermost span that has one, so nesting reads as it does on a web page.
 */
export function htmlToSgr(html: string): string {
	const ansi = painter('ansi');
	const stack: Array<Colour | undefined> = [];
	let out = '';
	for (const part of html.split(/(<span class="[^"]*">|<\/span>)/)) {
		if (part.startsWith('<span')) {
			const scopes = /class="([^"]*)"/.exec(part)?.[1].split(/\s+/).map(scope => scope.replace(/^hljs-/, '').replace(/_+$/, '')) ?? [];
			stack.push(scopes.map(scope => colourOf(scope) ?? colourOf(scope.split('.')[0])).find(Boolean) ?? stack.at(-1));
		} else if (part === '</span>') {
			stack.pop();
		} else if (part !== '') {
			const text = decodeEntities(part);
			const colour = stack.at(-1);
			out += colour ? ansi[colour](text) : text;
		}
	}

	return out;
}
