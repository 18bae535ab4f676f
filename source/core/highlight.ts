import {createRequire} from 'node:module';

type Highlighter = {
	highlight(code: string, options: {language: string; ignoreIllegals: boolean}): string;
	supportsLanguage(name: string): boolean;
};

let highlighter: Highlighter | undefined;

/**
 * Syntax-highlight a fenced block that names a language, or return undefined when the language
 * is unknown. cli-highlight (and highlight.js behind it) is loaded on first use only: plain
 * output and code without a language never pay for it.
 */
export function highlightCode(code: string, language: string): string | undefined {
	highlighter ??= loadHighlighter();
	if (!highlighter.supportsLanguage(language)) {
		return undefined;
	}

	try {
		return highlighter.highlight(code, {language, ignoreIllegals: true});
	} catch {
		return undefined;
	}
}

/** cli-highlight decides on colour when it loads; we only call it for styled output, so force it. */
function loadHighlighter(): Highlighter {
	const previous = process.env.FORCE_COLOR;
	process.env.FORCE_COLOR = '1';
	try {
		return createRequire(import.meta.url)('cli-highlight') as Highlighter;
	} finally {
		if (previous === undefined) {
			delete process.env.FORCE_COLOR;
		} else {
			process.env.FORCE_COLOR = previous;
		}
	}
}
