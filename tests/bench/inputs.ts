/**
 * The documents the bench reads: realistic generated ones (kept in `.bench/inputs/` to look at
 * or reuse), the plain synthetic one of earlier benches, the biggest real Markdown files among
 * the installed packages, and any files named on the command line.
 */
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {generateMarkdown} from '../helpers/generate.js';
import {generateRealisticMarkdown, lastChapterWord} from '../helpers/realistic-markdown.js';

export type Input = {
	label: string;
	file: string;
	bytes: number;
	/** A word near the end of the document, for timing search. */
	query: string;
	/** Screens and keys are timed on it (cat is timed on every input). */
	screens: boolean;
};

const realDocuments = [
	'node_modules/highlight.js/CHANGES.md',
	'node_modules/es-toolkit/CHANGELOG.md',
	'node_modules/@eslint/eslintrc/node_modules/ajv/README.md',
	'node_modules/ink/readme.md',
];

export function prepareInputs(root: string, userFiles: string[]): Input[] {
	const folder = path.join(root, '.bench', 'inputs');
	mkdirSync(folder, {recursive: true});
	const generated = (name: string, make: () => string) => {
		const file = path.join(folder, name);
		writeFileSync(file, make());
		return file;
	};

	const inputs: Input[] = [
		input('realistic 250 KB', generated('realistic-250k.md', () => generateRealisticMarkdown(250_000, 2)), true),
		input('realistic 1 MB', generated('realistic-1m.md', () => generateRealisticMarkdown(1_000_000, 3)), true),
		input('realistic 4 MB', generated('realistic-4m.md', () => generateRealisticMarkdown(4_000_000, 4)), false),
		input('synthetic 1 MB (ASCII)', generated('synthetic-1m.md', () => generateMarkdown(1_000_000, 3)), true),
	];
	for (const relative of realDocuments) {
		const file = path.join(root, relative);
		if (existsSync(file)) {
			inputs.push(input(relative.replace(/^node_modules\//, ''), file, true));
		}
	}

	for (const file of userFiles) {
		inputs.push(input(path.basename(file), path.resolve(file), statSync(file).size <= 1_100_000));
	}

	return inputs;
}

function input(label: string, file: string, screens: boolean): Input {
	const text = readFileSync(file, 'utf8');
	return {label, file, bytes: statSync(file).size, query: text.includes(lastChapterWord) ? lastChapterWord : wordNearEnd(text), screens};
}

/** The last long word of the document's final part: searching for it has to reach the end. */
function wordNearEnd(text: string): string {
	const words = text.slice(-4000).match(/\b[A-Za-z]{7,}\b/g);
	return words?.at(-1)?.toLowerCase() ?? 'the';
}
