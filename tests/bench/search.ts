/**
 * `folio search` on the bench's 10,000-article library beside `grep -rli WORD` on the same
 * folder in the same run: the first search (which builds the index), a warm one, and the
 * index's size on disk against the text's.
 */
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {keyTimes, median, ms, percentile, ratio, repeat, timeCommand, type Probe, type Step} from './measure.js';

type Bench = {
	cli: string;
	env: NodeJS.ProcessEnv;
	libraryFolder: string;
	cacheFolder: string;
	runs: number;
	target: (name: string, value: string, peer: string, met: boolean) => void;
	results: Record<string, unknown>;
};

function filesUnder(folder: string): string[] {
	if (!existsSync(folder)) {
		return [];
	}

	return readdirSync(folder, {withFileTypes: true, recursive: true}).filter(entry => entry.isFile()).map(entry => path.join(entry.parentPath, entry.name));
}

export function benchSearch({cli, env, libraryFolder, cacheFolder, runs, target, results}: Bench): void {
	const indexFiles = () => filesUnder(cacheFolder).filter(file => path.basename(file).startsWith('search-'));
	const search = (word: string) => timeCommand(process.execPath, [cli, 'search', word, '--dir', libraryFolder], env);
	// A word in every article and a word in one.
	for (const word of ['paragraph', '4242']) {
		const grep = median(repeat(runs, () => timeCommand('grep', ['-rli', word, libraryFolder], env)));
		const first = median(repeat(Math.min(runs, 3), () => {
			for (const file of indexFiles()) {
				rmSync(file, {force: true});
			}

			return search(word);
		}));
		const warm = median(repeat(runs, () => search(word)));
		results[`search10k ${word}`] = {grepMs: grep, firstSearchMs: first, warmSearchMs: warm};
		target(`search "${word}" over 10,000 articles, first (builds the index) ≤ 30× grep`, `${ms(first)} = ${ratio(first, grep)}`, `grep -rli ${ms(grep)}`, first <= 30 * grep);
		target(`search "${word}" over 10,000 articles, warm ≤ 3× grep`, `${ms(warm)} = ${ratio(warm, grep)}`, `grep -rli ${ms(grep)}`, warm <= 3 * grep);
	}

	const textBytes = filesUnder(libraryFolder).reduce((total, file) => total + statSync(file).size, 0);
	const indexBytes = indexFiles().reduce((total, file) => total + statSync(file).size, 0);
	results.searchIndexSize = {indexBytes, textBytes};
	target('search index on disk ≤ 2× the text', `${(indexBytes / 1e6).toFixed(1)} MB = ${ratio(indexBytes, textBytes)}`, `text ${(textBytes / 1e6).toFixed(1)} MB`, indexBytes <= 2 * textBytes);
}

type TypingBench = Omit<Bench, 'cacheFolder'> & {
	probe: (command: string[], ready: string, steps: Step[], env: NodeJS.ProcessEnv) => Probe;
};

/**
 * Typing a filter in the library screen over the same 10,000 articles: each key until the
 * screen shows the filter with its title matches, and the last key until the text matches
 * below them are drawn (the index warm, opened by a first search that is timed apart).
 */
export function benchLibraryTyping({cli, env, libraryFolder, runs, target, results, probe}: TypingBench): void {
	const word = 'paragraph';
	const steps: Step[] = [
		{send: '/'},
		{quiet: 0.3},
		// One letter matches every title here, so the text matches are below them, off screen:
		// the status line's count of them (`, 20 in text`) shows they arrived.
		{key: word[0], expect: [' in text;'], label: 'open'},
		...[...word.slice(1, -1)].map((character, index) => ({key: character, expect: [`/${word.slice(0, index + 2)}▏`], label: 'title'})),
		{quiet: 0.5},
		{key: word.at(-1)!, expect: ['── in text'], label: 'text'},
		// Esc leaves the filter, so the q that ends the run quits instead of being typed.
		{send: '\u001B'},
		{quiet: 0.2},
	];
	const probes = repeat(Math.min(runs, 5), () => probe([process.execPath, cli, '--dir', libraryFolder], 'q quit', steps, env));
	const title = percentile(keyTimes(probes, 'title'), 0.95);
	const text = percentile(keyTimes(probes, 'text'), 0.95);
	const open = median(keyTimes(probes, 'open'));
	results.libraryTyping10k = {titleKeyP95Ms: title, textMatchesP95Ms: text, firstTextMatchesMs: open};
	target('library filter over 10,000 articles: key → title matches p95 within one frame (16.7 ms at 60 Hz)', ms(title), 'one frame', title <= 1000 / 60);
	target('library filter over 10,000 articles: key → text matches p95 ≤ 100 ms (warm index)', ms(text), `the first search, opening the index: ${ms(open)}`, text <= 100);
}
