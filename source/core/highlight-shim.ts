/**
 * Stands in for `cli-highlight` inside the bundle. marked-terminal imports it at load time, which
 * would evaluate highlight.js and all its languages (~40 ms) on every start, even for plain output.
 * folio highlights through `highlightCode`, which loads the real module on first use; this stub
 * forwards there too should marked-terminal ever call it.
 */
import {highlightCode} from './highlight.js';

export function highlight(code: string, options: {language?: string} = {}): string {
	return (options.language && highlightCode(code, options.language)) || code;
}

export default {highlight};
