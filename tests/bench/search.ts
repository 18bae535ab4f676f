/**
 * `folio search` on the bench's 10,000-article library beside `grep -rli WORD` on the same
 * folder in the same run: the first search (which builds the index), a warm one, and the
 * index's size on disk against the text's.
 */
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {median, ms, ratio, repeat, timeCommand} from './measure.js';

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
