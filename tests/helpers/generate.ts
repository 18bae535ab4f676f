/**
 * Deterministic Markdown documents with realistic structure for tests and benchmarks: nested
 * headings, paragraphs, lists, tables, fenced code in several languages and quotes.
 */

const words = ['terminal', 'reader', 'section', 'render', 'width', 'column', 'outline', 'cache', 'signal', 'buffer',
	'stream', 'parser', 'token', 'heading', 'library', 'article', 'scroll', 'offset', 'pager', 'layout', 'the', 'a',
	'of', 'and', 'to', 'in', 'is', 'with', 'for', 'on', 'that', 'by', 'each', 'line', 'key', 'state'];

/** A tiny seeded generator so every run produces the same document. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1_664_525 + 1_013_904_223) >>> 0;
		return state / 0x1_00_00_00_00;
	};
}

export function generateMarkdown(targetBytes: number, seed = 1): string {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	const sentence = (count: number) => {
		const chosen = Array.from({length: count}, () => pick(words));
		chosen[0] = chosen[0][0].toUpperCase() + chosen[0].slice(1);
		return chosen.join(' ') + '.';
	};

	const paragraph = () => Array.from({length: 3 + Math.floor(next() * 5)}, () => sentence(6 + Math.floor(next() * 12))).join(' ');
	const parts: string[] = ['---', 'title: Generated reference', 'date: 2026-01-01', 'category: Reference', 'tags: [bench]', 'summary: A generated document.', '---', '', '# Generated reference', '', paragraph(), ''];
	let size = parts.join('\n').length;
	let chapter = 0;
	while (size < targetBytes) {
		chapter++;
		const block: string[] = [`## Chapter ${chapter}: ${pick(words)} ${pick(words)}`, '', paragraph(), ''];
		for (let sub = 1; sub <= 3; sub++) {
			block.push(`### ${pick(['Usage', 'Options', 'Examples', 'Notes'])}`, '', paragraph(), '');
			const kind = Math.floor(next() * 5);
			if (kind === 0) {
				block.push('```ts', `export function ${pick(words)}${chapter}(value: number): number {`, `\treturn value * ${chapter}; // ${pick(words)}`, '}', '```', '');
			} else if (kind === 1) {
				block.push('| Option | Default | Meaning |', '|---|:-:|--:|', ...Array.from({length: 4}, () => `| \`${pick(words)}\` | ${Math.floor(next() * 100)} | ${sentence(5)} |`), '');
			} else if (kind === 2) {
				block.push(`- ${sentence(8)}`, `  - ${sentence(6)}`, `    - ${sentence(4)}`, `- ${sentence(10)}`, `1. ${sentence(5)}`, `2. ${sentence(7)}`, '');
			} else if (kind === 3) {
				block.push(`> ${sentence(12)}`, `> ${sentence(9)}`, '');
			} else {
				block.push('```json', `{"${pick(words)}": ${chapter}, "list": [1, 2, 3]}`, '```', '', '#### Details', '', paragraph(), '');
			}
		}

		const text = block.join('\n');
		parts.push(text);
		size += text.length + 1;
	}

	return parts.join('\n');
}
