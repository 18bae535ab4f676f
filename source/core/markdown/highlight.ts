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

// SGR colours for highlight.js scopes, from the 16 colours every terminal has.
const scopeColours: Record<string, string> = {
	keyword: '34', literal: '34', 'selector-tag': '34', doctag: '34', name: '34',
	built_in: '36', type: '36', class: '36', attr: '36', attribute: '36', property: '36', variable: '36', 'template-variable': '36', params: '36',
	string: '32', regexp: '32', char: '32', addition: '32', 'selector-attr': '32', 'selector-pseudo': '32',
	number: '35', symbol: '35', bullet: '35', link: '35',
	comment: '90', quote: '90', meta: '90',
	title: '33', section: '33', function: '33', 'selector-id': '33', 'selector-class': '33',
	deletion: '31',
};

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

/** Turn highlight.js's `<span class="hljs-x">` markup into SGR colours, nesting included. */
export function htmlToSgr(html: string): string {
	const stack: string[] = [];
	let out = '';
	for (const part of html.split(/(<span class="[^"]*">|<\/span>)/)) {
		if (part.startsWith('<span')) {
			const scopes = /class="([^"]*)"/.exec(part)?.[1].split(/\s+/).map(scope => scope.replace(/^hljs-/, '').replace(/_+$/, '')) ?? [];
			const colour = scopes.map(scope => scopeColours[scope] ?? scopeColours[scope.split('.')[0]]).find(Boolean) ?? stack.at(-1) ?? '39';
			stack.push(colour);
			out += `\u001B[${colour}m`;
		} else if (part === '</span>') {
			stack.pop();
			out += `\u001B[${stack.at(-1) ?? '39'}m`;
		} else {
			out += decodeEntities(part);
		}
	}

	return out;
}
