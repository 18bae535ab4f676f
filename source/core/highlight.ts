import {readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {decodeEntities} from './outline.js';

type HighlightJs = {
	registerLanguage(name: string, definition: unknown): void;
	getLanguage(name: string): unknown;
	highlight(code: string, options: {language: string; ignoreIllegals: boolean}): {value: string};
};

// Names people write after ``` that highlight.js knows under another file name.
const aliases: Record<string, string> = {
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

let library: {hljs: HighlightJs; languages: Set<string>; require: NodeRequire} | undefined;

/**
 * Syntax-highlight a fenced block that names a language, or return undefined when the language
 * is unknown. highlight.js's core and the one language are loaded on first use, so plain output
 * and code without a language never pay for them; the HTML it produces is turned into SGR
 * colours here (no HTML parser needed).
 */
export function highlightCode(code: string, language: string): string | undefined {
	const name = resolveLanguage(language);
	if (!name) {
		return undefined;
	}

	try {
		const {value} = library!.hljs.highlight(code, {language: name, ignoreIllegals: true});
		return htmlToSgr(value);
	} catch {
		return undefined;
	}
}

/** The highlight.js language file for a fence's language name, registered; undefined if none. */
function resolveLanguage(language: string): string | undefined {
	const wanted = language.toLowerCase();
	const name = aliases[wanted] ?? wanted;
	// The name comes from the article: only a plain name from highlight.js's own list is used.
	if (!/^[a-z\d-]+$/.test(name)) {
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
