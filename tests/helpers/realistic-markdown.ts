/**
 * Deterministic Markdown shaped like the documents people read in a terminal: release notes and
 * changelogs with setext and ATX headings, thousands of reference-link definitions used from every
 * section, nested lists that are mostly links, long tables, HTML blocks and tables, footnotes,
 * fenced code in several languages, and typography beyond ASCII (— ’ “ ” ≤ é, some CJK) in most
 * paragraphs. The bench renders it; the speed tests compare fast and reference paths on it.
 */

const words = ['parser', 'release', 'terminal', 'renderer', 'config', 'option', 'plugin', 'module', 'cache', 'stream',
	'token', 'heading', 'width', 'column', 'buffer', 'signal', 'request', 'response', 'header', 'schema', 'index',
	'the', 'a', 'of', 'and', 'to', 'in', 'is', 'with', 'for', 'on', 'that', 'by', 'when', 'now', 'no', 'longer',
	'café', 'naïve', 'résumé', 'façade', 'über', 'señor'];
const typography = ['—', '’s', '“quoted”', '≤ 10', '≥ 2', '…', '→', '±3', '× 2', '½', '€5', '§4', '°C', '‘single’'];
const cjk = ['中文字符', '日本語のテキスト', '한국어 문장', '漢字と仮名', '全角：括弧（例）'];
const languages = ['ts', 'js', 'json', 'bash', 'python', 'rust', 'go', 'yaml', 'diff', ''];
const users = ['alice', 'bob', 'chen-wei', 'dana', 'émile', 'farah', 'goran', 'hiro', 'ines', 'jakub'];

/** A tiny seeded generator so every run produces the same document. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1_664_525 + 1_013_904_223) >>> 0;
		return state / 0x1_00_00_00_00;
	};
}

/** The last chapter holds this word and nothing else does: searching for it must reach the end. */
export const lastChapterWord = 'zephyrine';

/**
 * A document of about `targetBytes` bytes (UTF-8 counted as characters), the same for the same seed.
 * About three reference definitions per kilobyte, most at the end of the document, some at the
 * end of the chapter that first uses them; references point at definitions anywhere.
 */
export function generateRealisticMarkdown(targetBytes: number, seed = 1): string {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	const chance = (p: number) => next() < p;
	const definitionsWanted = Math.max(50, Math.round(targetBytes / 330));
	let definitionsMade = 0;
	const trailing: string[] = [];
	let footnote = 0;
	let note = 0;

	const reference = () => {
		// Mostly definitions made already or still to come at the end: both must resolve.
		const id = Math.floor(next() * definitionsWanted);
		return chance(0.5) ? `[#${id}][pr-${id}]` : `[${pick(users)}’s change][pr-${id}]`;
	};

	const phrase = (count: number) => Array.from({length: count}, () => {
		const roll = next();
		if (roll < 0.06) {
			return reference();
		}

		if (roll < 0.1) {
			return pick(typography);
		}

		if (roll < 0.13) {
			return `\`${pick(words)}.${pick(words)}()\``;
		}

		if (roll < 0.15) {
			return `**${pick(words)}**`;
		}

		if (roll < 0.16) {
			return `[inline link](https://example.com/${pick(words)}/${Math.floor(next() * 1000)})`;
		}

		return pick(words);
	}).join(' ');

	const sentence = (count: number) => {
		const text = phrase(count);
		return text[0].toUpperCase() + text.slice(1) + '.';
	};

	const paragraph = () => {
		const sentences = Array.from({length: 2 + Math.floor(next() * 4)}, () => sentence(8 + Math.floor(next() * 14)));
		if (chance(0.8)) {
			sentences.splice(1, 0, `It’s “${pick(words)}” — not ${pick(words)} (≤ ${Math.floor(next() * 100)} ms), per the résumé.`);
		}

		if (chance(0.12)) {
			sentences.push(`${pick(cjk)}：${pick(cjk)}。`);
		}

		if (chance(0.1)) {
			footnote++;
			sentences.push(`See the note.[^n${footnote}]`);
			trailing.push(`[^n${footnote}]: ${sentence(10)}`);
		}

		// Real paragraphs are hard-wrapped in the source.
		return wrapSource(sentences.join(' '), 78);
	};

	const linkList = () => {
		const lines: string[] = [];
		for (let item = 0; item < 4 + Math.floor(next() * 8); item++) {
			lines.push(`- ${reference()} ${sentence(5 + Math.floor(next() * 6))} by [@${pick(users)}][user-${pick(users)}]`);
			if (chance(0.4)) {
				for (let sub = 0; sub < 1 + Math.floor(next() * 3); sub++) {
					lines.push(`  - ${reference()} ${phrase(4)}`);
					if (chance(0.3)) {
						lines.push(`    - ${reference()} — ${phrase(3)}`);
					}
				}
			}
		}

		return lines.join('\n');
	};

	const table = () => {
		const columns = 5 + Math.floor(next() * 3);
		const header = ['Option', 'Type', 'Default', 'Since', 'Description', 'Notes', 'Link'].slice(0, columns);
		const rows = Array.from({length: 60 + Math.floor(next() * 30)}, (_, row) => header.map((_, column) => {
			switch (column) {
				case 0: return `\`${pick(words)}${row}\``;
				case 1: return pick(['string', 'number', 'boolean', '`string[]`', 'Function']);
				case 2: return pick(['`true`', '`false`', '`80`', '—', '“auto”']);
				case 3: return `v${Math.floor(next() * 20)}.${Math.floor(next() * 10)}`;
				case 6: return reference();
				default: return phrase(3 + Math.floor(next() * 6));
			}
		}).join(' | '));
		return [`| ${header.join(' | ')} |`, `|${header.map((_, index) => [':---', ':-:', '---:'][index % 3]).join('|')}|`, ...rows.map(row => `| ${row} |`)].join('\n');
	};

	const htmlBlock = () => {
		if (chance(0.5)) {
			return ['<details>', `<summary>${phrase(4)}</summary>`, '', paragraph(), '', '</details>'].join('\n');
		}

		const rows = Array.from({length: 3 + Math.floor(next() * 5)}, () => `  <tr><td><code>${pick(words)}</code></td><td>${phrase(5)}</td><td>&le; ${Math.floor(next() * 50)}&nbsp;ms</td></tr>`);
		return ['<table>', '  <tr><th>Name</th><th>What</th><th>Cost</th></tr>', ...rows, '</table>'].join('\n');
	};

	const code = () => {
		const language = pick(languages);
		const body = Array.from({length: 3 + Math.floor(next() * 12)}, (_, index) => {
			switch (language) {
				case 'json': return `  "${pick(words)}${index}": ${Math.floor(next() * 100)},`;
				case 'bash': return `npm run ${pick(words)} -- --${pick(words)}=${index}`;
				case 'python': return `def ${pick(words)}_${index}(value):\n    return value * ${index}  # ${pick(words)}`;
				case 'yaml': return `${pick(words)}${index}: ${pick(words)}`;
				case 'diff': return `${index % 2 ? '+' : '-'} const ${pick(words)} = ${index};`;
				default: return `const ${pick(words)}${index} = ${pick(words)}(${index}); // ${phrase(3)}`;
			}
		});
		return ['```' + language, ...body, '```'].join('\n');
	};

	const define = (count: number) => {
		const lines: string[] = [];
		for (let index = 0; index < count && definitionsMade < definitionsWanted; index++) {
			lines.push(`[pr-${definitionsMade}]: https://github.com/example/project/pull/${definitionsMade}`);
			definitionsMade++;
		}

		return lines.join('\n');
	};

	const parts = ['---', 'title: Release notes', 'date: 2026-01-01', 'category: Reference', 'tags: [bench, realistic]', 'summary: Generated release notes — links, tables and typography.', '---', '', 'Release notes', '=============', '', paragraph(), ''];
	let size = parts.join('\n').length;
	let chapter = 0;
	// Leave room for the definitions and footnotes that close the document.
	const bodyBytes = targetBytes - (definitionsWanted * 55);
	while (size < bodyBytes) {
		chapter++;
		const block: string[] = [];
		block.push(chance(0.5) ? `Version ${chapter}.0 — “${pick(words)}”\n${'-'.repeat(24)}` : `## ${chapter}.0.0 (2026-${String((chapter % 12) + 1).padStart(2, '0')}-01)`, '', paragraph(), '');
		for (const heading of ['### Features', '### Bug fixes', '### Other changes']) {
			block.push(heading, '', linkList(), '');
			const roll = next();
			if (roll < 0.25) {
				block.push(code(), '', paragraph(), '');
			} else if (roll < 0.35) {
				block.push(table(), '');
			} else if (roll < 0.5) {
				block.push(htmlBlock(), '');
			} else if (roll < 0.65) {
				// A definition inside a quote, used after it and from later chapters.
				const lastNote = note;
				note = chapter;
				block.push(`> **Note** ${sentence(12)} See [the note’s source][note-${chapter}].`, '>', `> [note-${chapter}]: https://example.com/notes/${chapter}`, '', `Later: [note ${chapter}][note-${chapter}], and the [one before][note-${lastNote}].`, '', code(), '');
			} else {
				block.push('#### Details', '', paragraph(), '', code(), '');
			}
		}

		if (chance(0.3)) {
			block.push(define(10), '');
		}

		const text = block.join('\n');
		parts.push(text);
		size += text.length + 1;
	}

	parts.push(`## The end`, '', `The last word is ${lastChapterWord}.`, '', ...trailing, '', define(definitionsWanted), '');
	for (const user of users) {
		parts.push(`[user-${user}]: https://github.com/${encodeURIComponent(user)}`);
	}

	return parts.join('\n') + '\n';
}

function wrapSource(text: string, width: number): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}

	lines.push(line);
	return lines.join('\n');
}
