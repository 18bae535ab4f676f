import {darkTheme, paint, type Role, type Theme} from '../theme/theme.js';
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

// The theme's code style for each highlight.js scope.
const scopeRoles: Record<string, Role> = {
	keyword: 'codeKeyword', literal: 'codeKeyword', 'selector-tag': 'codeKeyword', doctag: 'codeKeyword', name: 'codeKeyword',
	built_in: 'codeType', type: 'codeType', class: 'codeType', attr: 'codeType', attribute: 'codeType', property: 'codeType', variable: 'codeType', 'template-variable': 'codeType', params: 'codeType',
	string: 'codeString', regexp: 'codeString', char: 'codeString', addition: 'codeString', 'selector-attr': 'codeString', 'selector-pseudo': 'codeString',
	number: 'codeNumber', symbol: 'codeNumber', bullet: 'codeNumber', link: 'codeNumber',
	comment: 'codeComment', quote: 'codeComment', meta: 'codeComment',
	title: 'codeTitle', section: 'codeTitle', function: 'codeTitle', 'selector-id': 'codeTitle', 'selector-class': 'codeTitle',
	deletion: 'codeDeletion',
};

function roleOf(scope: string): Role | undefined {
	return Object.hasOwn(scopeRoles, scope) ? scopeRoles[scope] : undefined;
}

/**
 * Highlights a fenced block's code as SGR text, or returns undefined when the language is unknown.
 * The renderer receives one from the edge (`source/node/highlight.ts` loads highlight.js); without
 * one, code is drawn in the plain code style.
 */
export type CodeHighlighter = (code: string, language: string, theme?: Theme) => string | undefined;

/** The highlight.js language name for a fence's language, or undefined if it cannot be one. */
export function languageName(language: string): string | undefined {
	const wanted = language.toLowerCase();
	const name = languageAliases[wanted] ?? wanted;
	// The name comes from the article: only a plain name can become a module path.
	return /^[a-z\d-]+$/.test(name) ? name : undefined;
}

/**
 * Turn highlight.js's `<span class="hljs-x">` markup into the theme's code styles: each run of text
 * takes the style of the innermost span that has one, so nesting reads as it does on a web page.
 */
export function htmlToSgr(html: string, theme: Theme = darkTheme): string {
	const stack: Array<Role | undefined> = [];
	let out = '';
	for (const part of html.split(/(<span class="[^"]*">|<\/span>)/)) {
		if (part.startsWith('<span')) {
			const scopes = /class="([^"]*)"/.exec(part)?.[1].split(/\s+/).map(scope => scope.replace(/^hljs-/, '').replace(/_+$/, '')) ?? [];
			stack.push(scopes.map(scope => roleOf(scope) ?? roleOf(scope.split('.')[0])).find(Boolean) ?? stack.at(-1));
		} else if (part === '</span>') {
			stack.pop();
		} else if (part !== '') {
			const text = decodeEntities(part);
			const role = stack.at(-1);
			out += role ? paint(theme[role])(text) : text;
		}
	}

	return out;
}
