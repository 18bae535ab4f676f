/**
 * Stands in for `cli-highlight` inside the bundle. marked-terminal imports it at load time, which
 * would evaluate highlight.js with all its languages and an HTML parser (~90 ms) on every start.
 * folio highlights through `highlightCode` (highlight.js core and one language, loaded on first
 * use); this stub forwards there too should marked-terminal ever call it.
 */
import {highlightCode} from '../node/highlight.js';

export function highlight(code: string, options: {language?: string} = {}): string {
	return (options.language && highlightCode(code, options.language)) || code;
}

export default {highlight};
