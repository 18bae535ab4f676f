/**
 * fast-check generators of hostile and international Markdown: escape sequences raw and as
 * entities, controls, wide and combining characters, in every block the renderer meets.
 */
import fc from 'fast-check';

// Pieces a hostile or merely international document is made of.
export const fragments = [
	'\u001B]0;pwned\u0007', '\u001B[31m', '\u001B[2J', '\u001BP1;2|x\u001B\\', '\u0007', '\u0008', '\u009B31m', '\u0090', '\r',
	'&#27;', '&#x1b;[1m', '&#155;', '&#7;', '&#0;', '&amp;', '&lt;script&gt;',
	'中文', '日本語', '한국어', '👍', '👨‍👩‍👧', '👋🏽', '🇯🇵', 'e\u0301', '\u200B', '\u200D', '\t', '  ',
	'**bold**', '_em_', '`code`', '~~del~~', '[link](http://x/\u001B]8;;y\u0007)', '<b>tag</b>', '<!-- c -->',
	'averyveryverylongwordwithoutanyspacesatallthatmustbreak', 'https://example.com/some/long/path/to/something',
];
const lineStarts = ['', '# ', '## ', '### ', '#### ', '- ', '  - ', '    - ', '1. ', '> ', '> > ', '    ', '| ', '```\n', '~~~js\n', '- [ ] ', '---\n', ''];

const line = fc.tuple(fc.constantFrom(...lineStarts), fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({maxLength: 12}), fc.string({unit: 'binary', maxLength: 6})), {maxLength: 12}))
	.map(([start, parts]) => start + parts.join(' '));
const table = fc.array(fc.array(fc.constantFrom(...fragments, 'x', 'cell text'), {minLength: 2, maxLength: 5}), {minLength: 1, maxLength: 4})
	.map(rows => {
		const columns = rows[0].length;
		const row = (cells: string[]) => `| ${Array.from({length: columns}, (_, index) => (cells[index] ?? '').replace(/\|/g, '')).join(' | ')} |`;
		return [row(rows[0]), `|${'---|'.repeat(columns)}`, ...rows.slice(1).map(cells => row(cells))].join('\n');
	});
/** A Markdown body made of hostile and international pieces: headings, lists, quotes, code, tables. */
export const document = fc.array(fc.oneof({weight: 4, arbitrary: line}, {weight: 1, arbitrary: table}), {maxLength: 30}).map(lines => lines.join('\n'));
/** Front matter whose title holds one of the pieces, or none. */
export const frontMatter = fc.option(fc.constantFrom(...fragments).map(value => `---\ntitle: "${value.replace(/"/g, '')}"\nsummary: x\n---\n`), {nil: ''});

