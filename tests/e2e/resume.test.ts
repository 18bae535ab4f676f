import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {readerScreen, readingStatus} from '../helpers/reader-screen.js';
import {processGone, type Session, start, temporaryFolder} from '../helpers/terminal.js';

function viewsOn(screen: string): number | undefined {
	const match = /(\d+) views? ·/.exec(screen);
	return match ? Number(match[1]) : undefined;
}

/**
 * Open guides/keys with this state folder and wait for the reader: at the top on a first open
 * (the views are on screen), else until the status line names `section`.
 */
async function openKeys(t: ExecutionContext, stateDir: string, width: number, height: number, section?: string): Promise<{folio: Session; screen: string}> {
	const folio = await start(['guides/keys'], {t, stateDir, width, height});
	const screen = await folio.waitFor(text => readingStatus.test(readerScreen(text).status)
		&& (section === undefined ? viewsOn(text) !== undefined : readerScreen(text).section === section));
	return {folio, screen};
}

/** Press `]` this many times and wait until the status line names `section`. */
async function jump(folio: Session, times: number, section: string): Promise<string> {
	await folio.send(...Array.from({length: times}, () => ']'));
	return folio.waitFor(text => readerScreen(text).section === section && readerScreen(text).top.trim().endsWith(` ${section}`));
}

/** Every file in a folder with its content, to notice when folio writes its state. */
/** The state files' contents (not the lock or temporary files, which come and go mid-read). */
function snapshot(folder: string): string {
	return readdirSync(folder, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile() && entry.name.endsWith('.json'))
		.map(entry => {
			const file = path.join(entry.parentPath, entry.name);
			try {
				return `${file}\n${readFileSync(file, 'utf8')}`;
			} catch {
				return `${file}\n(gone)`;
			}
		})
		.sort()
		.join('\n');
}

/** Wait until the state files hold `text` (a saved section's slug, say). */
async function waitForSaved(folder: string, text: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!snapshot(folder).includes(text)) {
		if (Date.now() > deadline) {
			throw new Error(`Expected folio to save ${text} in ${folder} within ${timeoutMs} ms:\n${snapshot(folder)}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

test('reopening an article counts a view and resumes at the same section, even at another width', async t => {
	const stateDir = temporaryFolder(t);
	const first = await openKeys(t, stateDir, 100, 30);
	t.is(viewsOn(first.screen), 1, 'the first open is one view');
	await jump(first.folio, 4, 'Searching');
	await first.folio.send('q');
	t.is(await first.folio.exitCode(), 0);
	await first.folio.stop();

	const second = await openKeys(t, stateDir, 80, 24, 'Searching');
	const reader = readerScreen(second.screen);
	t.is(reader.section, 'Searching', `resumes at the same section, got:\n${second.screen}`);
	t.is(reader.top.trim(), '### Searching');
	await second.folio.send('g');
	const top = await second.folio.waitFor(text => readerScreen(text).top.trim() === 'Keys and navigation');
	t.is(viewsOn(top), 2, 'the second open is two views');
});

test('the position is saved about a second after scrolling stops, without quitting', async t => {
	const stateDir = temporaryFolder(t);
	const first = await openKeys(t, stateDir, 100, 30);
	await jump(first.folio, 3, 'Moving by section');
	await waitForSaved(stateDir, '"slug":"moving-by-section"');
	// SIGKILL: no exit handler runs, so only the save after scrolling can have kept the place.
	await first.folio.kill('SIGKILL');
	t.is(await first.folio.exitCode(), 137);
	await first.folio.stop();

	const second = await openKeys(t, stateDir, 100, 30, 'Moving by section');
	t.is(readerScreen(second.screen).section, 'Moving by section', `got:\n${second.screen}`);
});

test('a hangup (the pane dies) saves the position', async t => {
	const stateDir = temporaryFolder(t);
	const first = await openKeys(t, stateDir, 100, 30);
	await jump(first.folio, 2, 'Moving through the text');
	const pid = await first.folio.folioPid();
	await first.folio.hangup();
	t.true(await processGone(pid, 10_000), 'folio ends when its terminal goes away');
	await first.folio.stop();

	const second = await openKeys(t, stateDir, 90, 30, 'Moving through the text');
	t.is(readerScreen(second.screen).section, 'Moving through the text', `got:\n${second.screen}`);
	await second.folio.send('g');
	const top = await second.folio.waitFor(text => readerScreen(text).top.trim() === 'Keys and navigation');
	t.is(viewsOn(top), 2);
});

test('Ctrl+C saves the position before quitting', async t => {
	const stateDir = temporaryFolder(t);
	const first = await openKeys(t, stateDir, 100, 30);
	await jump(first.folio, 5, 'Showing the contents');
	await first.folio.send('C-c');
	t.is(await first.folio.exitCode(), 130);
	await first.folio.stop();

	const second = await openKeys(t, stateDir, 70, 30, 'Showing the contents');
	t.is(readerScreen(second.screen).section, 'Showing the contents', `got:\n${second.screen}`);
});

test('opening the article again from the library resumes it too', async t => {
	const stateDir = temporaryFolder(t);
	const first = await openKeys(t, stateDir, 100, 30);
	await jump(first.folio, 3, 'Moving by section');
	await first.folio.send('q');
	t.is(await first.folio.exitCode(), 0);
	await first.folio.stop();

	const library = await start([], {t, stateDir, width: 100, height: 30});
	await library.waitFor('sorted by title');
	await library.send('/');
	await library.type('keys and navigation');
	await library.waitFor(text => /^› Keys and navigation\b/m.test(text));
	await library.send('Enter');
	const reader = await library.waitFor(text => readerScreen(text).section === 'Moving by section');
	t.is(readerScreen(reader).top.trim(), '### Moving by section');
});
