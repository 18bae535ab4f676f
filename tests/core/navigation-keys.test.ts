import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {keyNames} from '../../source/core/keys/keymap.js';
import {initialLibraryState, libraryKey} from '../../source/core/library/library-state.js';
import {ReaderDocument} from '../../source/core/reader/reader-document.js';
import {readerStep} from '../../source/core/reader/reader-keys.js';
import {initialReaderState, type ReaderState, type ReaderStep} from '../../source/core/reader/reader-state.js';

const source = [
	'Intro: [to part 3](#part-3), [elsewhere](other.md#top), [the web](https://example.com/a?b=1), [files](file:///etc/passwd), [nowhere](#no-such).',
	'',
	...Array.from({length: 6}, (_, index) => [`## Part ${index + 1}`, '', ...Array.from({length: 12}, (_, line) => `Line ${line} of part ${index + 1}.`), '']).flat(),
].join('\n\n');
const article = parseArticle(source, {kind: 'library', id: 'guides/start', path: '/library/guides/start.md'});
const viewport = {height: 10};

function rendered(): ReaderDocument {
	const document = new ReaderDocument(article, 60, 'plain', {views: undefined});
	document.renderToward('all');
	return document;
}

/** Keys applied in order, each step taken; returns the last step. */
function press(keys: string[], state: ReaderState = initialReaderState(0), document = rendered()): ReaderStep {
	let last: ReaderStep = {state, effects: []};
	for (const key of keys) {
		last = readerStep(last.state, {kind: 'key', key}, document, viewport);
	}

	return last;
}

test('a count repeats a movement, and is used up by it', t => {
	const document = rendered();
	const five = press(['5', 'j'], undefined, document).state;
	t.is(five.offset, 5);
	t.is(five.count.digits, '');
	t.is(press(['j'], five, document).state.offset, 6);
	t.is(press(['3', ']'], undefined, document).state.offset, document.sectionStart(2));
});

test('a counted step that needs more of the document asks for it and is applied whole once rendered', t => {
	const document = new ReaderDocument(article, 60, 'plain', {views: undefined});
	document.renderToward({lines: 12});
	const counted = press(['4', ']'], undefined, document);
	t.deepEqual(counted.effects.map(effect => effect.kind), ['render']);
	t.is(counted.state.count.digits, '4', 'nothing is taken: the count waits with the key');
	document.renderToward('all');
	t.is(readerStep(counted.state, {kind: 'key', key: ']'}, document, viewport).state.offset, document.sectionStart(3));
});

test('N% goes N percent of the way; \'\' returns to where that jump started', t => {
	const document = rendered();
	const start = press(['1', '2', 'j'], undefined, document).state;
	const half = press(['5', '0', '%'], start, document).state;
	t.is(half.offset, Math.round(0.5 * (document.lineCount - viewport.height)));
	t.is(press(['\'', '\''], half, document).state.offset, 12);
});

test('m + letter keeps a mark as a place in the text and asks for it to be saved; \' + letter goes back', t => {
	const document = rendered();
	const marked = press([']', ']', 'j', 'm', 'q'], undefined, document);
	t.deepEqual(marked.state.marks.q, {slug: 'part-2', fraction: marked.state.marks.q.fraction, percent: marked.state.marks.q.percent});
	t.true(marked.state.marks.q.fraction > 0);
	t.deepEqual(marked.effects, [{kind: 'setMark', name: 'q', position: marked.state.marks.q}]);
	t.is(marked.state.message, 'mark q set', 'q after m names a mark, it does not quit');
	const away = press(['G', '\'', 'q'], marked.state, document).state;
	t.is(away.offset, marked.state.offset);
	t.is(press(['m', '1'], undefined, document).state.message, 'a mark is a letter: a to z or A to Z');
});

test('following links: an anchor jumps here and joins the history, another article and the web are effects, other schemes are shown', t => {
	const document = rendered();
	const anchor = press(['o', 'enter'], undefined, document);
	t.is(anchor.state.offset, document.sectionStart(2));
	t.is(anchor.state.links, undefined);
	const remembered = anchor.effects.filter(effect => effect.kind !== 'save');
	t.is(remembered.length, 1);
	t.like(remembered[0], {kind: 'remember', from: {slug: undefined, fraction: 0}});
	const other = press(['o', 'j', 'enter'], undefined, document);
	t.deepEqual(other.effects.map(effect => effect.kind === 'follow' && effect.target), [{kind: 'article', path: 'other.md', slug: 'top'}]);
	const web = press(['o', 'j', 'j', 'enter'], undefined, document);
	t.deepEqual(web.effects.map(effect => effect.kind === 'follow' && effect.target), [{kind: 'external', url: 'https://example.com/a?b=1'}]);
	const file = press(['o', 'j', 'j', 'j', 'enter'], undefined, document);
	t.deepEqual(file.effects, []);
	t.regex(file.state.message ?? '', /^not opened .*file:\/\/\/etc\/passwd$/);
	t.is(press(['o', 'end', 'enter'], undefined, document).state.message, 'no section #no-such in this article');
});

test('H, L and e ask the runner, with the place they leave and the line of the section', t => {
	const document = rendered();
	const at = press([']', ']'], undefined, document).state;
	const back = press(['H'], at, document).effects;
	t.is(back.length, 1);
	t.like(back[0], {kind: 'history', direction: 'back', from: {slug: 'part-2', fraction: 0}});
	t.is(press(['L'], at, document).effects[0].kind, 'history');
	t.deepEqual(press(['e'], at, document).effects, [{kind: 'edit', line: article.outline.sections[1].sourceLine + 1}]);
	t.deepEqual(readerStep(at, {kind: 'key', key: 'e'}, document, {...viewport, editable: false}).effects, []);
});

test('the mouse: the wheel scrolls the text three lines, the contents by a section; a click on an entry jumps there', t => {
	const document = rendered();
	const terminal = {height: 27, terminal: {columns: 100, rows: 29}};
	const step = (state: ReaderState, key: string) => readerStep(state, {kind: 'key', key}, document, terminal).state;
	t.is(step(initialReaderState(0), 'wheelDown@60,3').offset, 3);
	t.is(step(initialReaderState(0), 'wheelDown@5,3').offset, document.sectionStart(0));
	t.is(step(initialReaderState(0), 'press@5,4').offset, document.sectionStart(3), 'row 0 is the pane\'s title: row 4 is the fourth entry');
	t.is(step(initialReaderState(0), 'press@5,0').offset, 0, 'a click on the pane\'s title does nothing');
	t.is(step(initialReaderState(0), 'press@60,4').offset, 0, 'a click in the text does nothing');
	t.is(readerStep(initialReaderState(0), {kind: 'key', key: 'wheelDown@60,3'}, document, viewport).state.offset, 0, 'without the terminal size the mouse is ignored');
	t.true(step({...initialReaderState(0), help: true}, 'wheelDown@60,3').help, 'the wheel does not close help');
});

test('SGR mouse input becomes one key name; the library wheel moves the selection and a click selects a row', t => {
	t.deepEqual(keyNames('\u001B[<65;10;5M', {}), ['wheelDown@9,4']);
	t.deepEqual(keyNames('[<0;3;2M', {}), ['press@2,1']);
	const items = Array.from({length: 20}, (_, index) => ({id: `a${index}`, path: `/a${index}.md`, title: `A ${index}`, tags: [], words: 1, minutes: 1, warnings: [], views: 0, progress: 0}));
	const wheel = libraryKey(initialLibraryState(), 'wheelDown@5,5', items as never, 10).state;
	t.is(wheel.cursor, 3);
	t.is(libraryKey(initialLibraryState(), 'press@5,4', items as never, 10).state.cursor, 3, 'row 0 is the title');
	t.is(libraryKey(initialLibraryState(), 'press@5,0', items as never, 10).state.cursor, 0);
	t.true(libraryKey({...initialLibraryState(), help: true}, 'wheelDown@5,5', items as never, 10).state.help, 'the wheel does not close help');
});

test('o opens the link list on the first link of the section being read, or of the next section with links (past the last link, the last one)', t => {
	const linked = parseArticle([
		'[first](https://example.com/0)',
		...Array.from({length: 5}, (_, index) => [`## Part ${index + 1}`, ...Array.from({length: 12}, (_, line) => `Line ${line}.`), index === 1 || index === 3 ? `[in part ${index + 1}](https://example.com/${index + 1})` : 'No link.']).flat(),
	].join('\n\n'), {kind: 'library', id: 'linked', path: '/library/linked.md'});
	const document = new ReaderDocument(linked, 60, 'plain', {views: undefined});
	document.renderToward('all');
	const linkText = (state: ReaderState) => document.links[state.links!.cursor]?.text;
	t.is(linkText(press(['o'], undefined, document).state), 'first');
	t.is(linkText(press(['o'], initialReaderState(document.sectionStart(1) + 2), document).state), 'in part 2');
	t.is(linkText(press(['o'], initialReaderState(document.sectionStart(2)), document).state), 'in part 4', 'Part 3 has no link: the next one that has');
	t.is(linkText(press(['o'], initialReaderState(document.sectionStart(4)), document).state), 'in part 4', 'no link below: the last one above');
});

test('0% goes to the top as in less; 0 alone is no count, and Esc drops a count being typed instead of leaving', t => {
	const document = rendered();
	const down = press(['2', '0', 'j'], undefined, document).state;
	t.is(down.offset, 20);
	t.is(press(['0', '%'], down, document).state.offset, 0);
	t.is(press(['0', 'j'], down, document).state.offset, 21, '0j is j');
	const dropped = press(['1', '2', 'escape'], down, document);
	t.false(dropped.effects.some(effect => effect.kind === 'exit'), 'Esc with a count typed does not leave the article');
	t.is(dropped.state.count.digits, '');
	t.is(press(['j'], dropped.state, document).state.offset, 21, 'the dropped count is not applied to the next key');
	t.true(press(['escape'], down, document).effects.some(effect => effect.kind === 'exit'), 'Esc alone still goes back');
});

test('/ then Enter with nothing typed repeats the last search onwards, as n does', t => {
	const document = rendered();
	const typed = press(['/', ...'part'.split(''), 'space', '3', 'enter'], undefined, document).state;
	t.is(typed.query, 'part 3');
	t.true(typed.matchLine >= 0);
	const again = press(['/', 'enter'], typed, document).state;
	t.is(again.query, 'part 3');
	t.is(again.matchLine, press(['n'], typed, document).state.matchLine);
	t.true(again.matchLine > typed.matchLine, 'the next match, not the same one');
});
