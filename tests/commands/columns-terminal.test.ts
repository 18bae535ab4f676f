import {PassThrough} from 'node:stream';
import test, {type ExecutionContext} from 'ava';
import {listCommand} from '../../source/commands/list.js';
import {alignColumns} from '../../source/commands/columns.js';
import type {CommandContext} from '../../source/commands/context.js';
import {loadTextWidth, stringWidth} from '../../source/core/text/text-width.js';
import {temporaryFolder, writeLibrary} from '../helpers/cli.js';

test.before(async () => {
	await loadTextWidth();
});

/** Run `folio list` with stdout as a terminal `columns` wide; returns its lines. */
async function listOnTerminal(t: ExecutionContext, folder: string, columns: number): Promise<string[]> {
	const stdout = Object.assign(new PassThrough(), {isTTY: true, columns});
	const chunks: Buffer[] = [];
	stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	const context: CommandContext = {stdout, stderr: new PassThrough(), env: {FOLIO_STATE_DIR: temporaryFolder(t), XDG_CACHE_HOME: temporaryFolder(t)}, libraryFolder: folder};
	t.is(await listCommand(context, {json: false}), 0);
	return Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
}

const library = {
	'a-rather-long-folder-name/first.md': '---\ntitle: A title long enough to need cutting at sixty columns\ncategory: Guide\ndate: 2026-11-20\n---\n\nText.\n',
	'cjk.md': '---\ntitle: 日本語のタイトル\ncategory: 参考\ndate: 2026-11-21\n---\n\nText.\n',
};

test('list on a terminal lines its columns up as the terminal counts and fits every row to its width', async t => {
	const folder = writeLibrary(t, library);
	const wide = await listOnTerminal(t, folder, 200);
	t.is(wide.length, 2);
	t.true(wide[0].includes('A title long enough to need cutting at sixty columns'), 'room enough: nothing cut');
	// Wide characters take two columns: the category column starts at the same column on both rows.
	const columnOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
	t.is(columnOf(wide[0], 'Guide'), columnOf(wide[1], '参考'));
	for (const width of [60, 45]) {
		const narrow = await listOnTerminal(t, folder, width);
		for (const line of narrow) {
			t.true(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
		}

		t.regex(narrow[0], /A title lon…/, 'the title gives way first, cut with an ellipsis');
		if (width === 60) {
			t.true(narrow[0].includes('Guide  2026-11-20'), 'the other columns stay whole while there is room');
		}
	}
});

test('a terminal that reports no width (0 columns) gets rows 80 columns wide, not empty ones', async t => {
	const lines = await listOnTerminal(t, writeLibrary(t, library), 0);
	t.true(lines[0].startsWith('a-rather-long-folder-name/first  A title'), lines[0]);
	t.true(lines.every(line => stringWidth(line) <= 80));
});

test('aligned columns give way in the order asked, no narrower than 12, then the line is cut at the edge', t => {
	const rows = [['an-identifier-of-30-characters', 'a title of thirty characters!!', 'end']];
	t.deepEqual(alignColumns(rows, [false, false, false]), ['an-identifier-of-30-characters  a title of thirty characters!!  end']);
	t.deepEqual(alignColumns(rows, [false, false, false], {columns: 50, shrink: [1, 0]}), ['an-identifier-of-30-characters  a title of t…  end'], 'the title alone gives way while that is enough');
	const [both] = alignColumns(rows, [false, false, false], {columns: 40, shrink: [1, 0]});
	t.is(both, 'an-identifier-of-30-…  a title of …  end', 'then the id');
	t.is(stringWidth(both), 40);
	const [edge] = alignColumns(rows, [false, false, false], {columns: 20, shrink: [1]});
	t.is(stringWidth(edge), 20);
});
