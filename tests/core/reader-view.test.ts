import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {currentSection, placeAt, progressPercent, sectionAt, sectionsReadOnScreen} from '../../source/core/reader/position.js';
import {ReaderDocument} from '../../source/core/reader/reader-document.js';
import {initialReaderState} from '../../source/core/reader/reader-state.js';
import {viewStep, type ReaderView, type ViewMessage} from '../../source/core/reader/reader-view.js';
import {readdirSync, readFileSync} from 'node:fs';
import {generateRealisticMarkdown} from '../helpers/realistic-markdown.js';

const viewport = {height: 10};
const article = parseArticle(generateRealisticMarkdown(120_000, 3), {kind: 'stdin', id: '-'});
const opened = () => {
	const document = new ReaderDocument(article, 70, 'ansi', {views: 2});
	document.renderToward({lines: 30});
	return document;
};

const key = (key: string): ViewMessage => ({kind: 'key', key});
const apply = (view: ReaderView, ...messages: ViewMessage[]) => messages.reduce((current, message) => viewStep(current, message, viewport).state, view);
const screen = ({state, document}: ReaderView) => Array.from({length: viewport.height}, (_, index) => document.line(state.offset + index));

test('G before the document has rendered shows its end at once, the same lines as once it has', t => {
	const document = opened();
	const view = apply({state: initialReaderState(0), document}, key('G'));
	t.truthy(view.document.full, 'an end of the document is shown');
	t.is(view.document.full, document);
	t.false(document.complete, 'without rendering the rest first');
	const whole = opened();
	whole.renderToward('all');
	const wholeEnd = whole.lineCount - viewport.height;
	t.deepEqual(screen(view), screen({state: {...view.state, offset: wholeEnd}, document: whole}));
	for (const back of [0, 3, 12]) {
		t.is(sectionAt(view.document, view.state.offset - back), sectionAt(whole, wholeEnd - back), `the section ${back} lines above the end`);
	}

	t.is(currentSection(view.document, view.state.offset, viewport.height), currentSection(whole, wholeEnd, viewport.height), 'the status line and the contents light the last section');
	t.is(progressPercent(view.document, view.state.offset, viewport.height), 100);
	t.deepEqual(view.state.jumpedFrom, placeAt(document, 0, viewport.height), "'' comes back to where G was pressed");
});

test('the end of a document is the whole one\'s last lines, with its section starts the same distance from the end', t => {
	// The bundled articles and a long real README nobody here wrote.
	const files = [...readdirSync('articles').filter(name => name.endsWith('.md')).map(name => `articles/${name}`), 'node_modules/ink/readme.md'].map(file => readFileSync(file, 'utf8'));
	let compared = 0;
	// Notes are numbered by their first reference: the end, rendered first, must not renumber them.
	const notes = ['# Notes', '', 'First[^a] and second[^b].', '', ...Array.from({length: 30}, (_, index) => `## Part ${index}\n\nText of part ${index}, see[^c${index % 3}].\n`), '## Last', '', 'Again[^b], then[^a] and a new one[^z].', '', '[^a]: Note a.', '[^b]: Note b.', '[^c0]: Note c0.', '[^c1]: Note c1.', '[^c2]: Note c2.', '[^z]: Note z.', ''].join('\n');
	for (const [index, text] of [notes, generateRealisticMarkdown(60_000, 7), ...files].entries()) {
		const parsed = parseArticle(text, {kind: 'stdin', id: '-'});
		const whole = new ReaderDocument(parsed, 64, 'ansi', {views: 1});
		whole.renderToward({lines: 1});
		const end = whole.endPreview(12);
		whole.renderToward('all');
		if (!end) {
			continue;
		}

		compared++;
		// Rendered in order from the top, as cat does: the end must read the same.
		const inOrder = new ReaderDocument(parseArticle(text, {kind: 'stdin', id: '-'}), 64, 'ansi', {views: 1});
		inOrder.renderToward('all');
		t.deepEqual(whole.rendered.lines, inOrder.rendered.lines, `input ${index}: the whole document, its end rendered first`);
		const shift = whole.lineCount - end.lineCount;
		t.deepEqual(end.rendered.lines, inOrder.rendered.lines.slice(inOrder.rendered.lines.length - end.lineCount), `input ${index}`);
		for (let section = 0; section < end.sectionCount; section++) {
			if (end.sectionStart(section) >= 0) {
				t.is(end.sectionStart(section) + shift, whole.sectionStart(section), `input ${index}, section ${section}`);
			}
		}
	}

	t.true(compared >= 3, `${compared} documents had an end to compare`);
});

test('on the end, keys that move answer at once; one that needs the whole document waits for it, then applies there', t => {
	const document = opened();
	let view = apply({state: initialReaderState(0), document}, key('G'));
	const end = view.document;
	view = apply(view, key('k'), key('k'));
	t.is(view.document, end);
	t.is(view.state.offset, end.lineCount - viewport.height - 2);
	const before = view.state.offset;
	view = apply(view, key('b'));
	t.true(view.state.offset < before - viewport.height / 2, 'b pages up within the end');
	for (const waiting of [']', 'n', '5', 'o', '\'']) {
		const next = viewStep(view, key(waiting), viewport);
		if (waiting !== '5') {
			t.deepEqual(next.effects, [{kind: 'render', until: 'all'}], `${waiting} waits for the whole document`);
		}
	}

	// A word in neither the end nor what has rendered of the top: the whole document is searched.
	view = apply(view, key('/'), key('q'), key('x'));
	t.is(view.state.draft, 'qx', 'a search is typed on the end');
	const search = viewStep(view, key('enter'), viewport);
	t.deepEqual(search.effects, [{kind: 'render', until: 'all'}], 'and runs on the whole document');
	t.false(document.complete);
	end.renderToward('all');
	t.true(document.complete, 'rendering for the end renders the whole document');
	const fromEnd = end.lineCount - view.state.offset;
	const whole = apply(view, key('escape'));
	t.is(whole.document, document, 'the whole document, once rendered, takes the end\'s place');
	t.is(document.lineCount - whole.state.offset, fromEnd, 'at the same distance from the end');
	view = apply(view, key('enter'));
	t.is(view.document, document);
	t.is(view.state.message, 'not found: qx');
});

test('g on the end goes to the top of the whole document; a finished render moves the view to it', t => {
	const document = opened();
	let view = apply({state: initialReaderState(0), document}, key('G'), key('g'));
	t.is(view.document, document);
	t.is(view.state.offset, 0);
	view = apply(view, key('G'));
	t.not(view.document, document);
	document.renderToward('all');
	view = apply(view, {kind: 'relayout', document});
	t.is(view.document, document);
	t.is(view.state.offset, document.lineCount - viewport.height);
});

test('a search typed on the end wraps to the first match in the whole document while it still renders', t => {
	const document = opened();
	document.renderToward({section: 2});
	// The second heading: rendered already, and at the top of the whole document.
	const wanted = document.article.outline.sections[1].title;
	const atEnd = apply({state: initialReaderState(0), document}, key('G'));
	let view = apply(atEnd, key('/'), ...[...wanted].map(character => key(character)), key('enter'));
	t.is(view.document, document, 'the whole document, not yet complete');
	t.false(document.complete);
	const whole = opened();
	whole.renderToward('all');
	const first = whole.findMatches(wanted)[0];
	t.is(view.state.matchLine, first);
	t.is(view.state.offset, first);
	t.is(view.state.message, 'search wrapped to the top');
	t.deepEqual([...view.state.read].sort(), [...sectionsReadOnScreen(document, first, viewport.height, atEnd.state.read)].sort(), 'the sections read: those at the end and those on the screen shown now');
	view = apply(view, key('n'));
	t.is(view.document, document);
});

test('a search typed on the end finds a match below the top line there, and counts it once the whole has rendered', t => {
	const document = opened();
	const wanted = 'zephyrine';
	let view = apply({state: initialReaderState(0), document}, key('G'), key('k'), key('/'), ...[...wanted].map(character => key(character)), key('enter'));
	t.not(view.document, document, 'still the end');
	t.true(view.document.plainLine(view.state.matchLine).includes(wanted));
	t.is(view.state.message, 'match (counting the rest…)');
	document.renderToward('all');
	view = apply(view, {kind: 'relayout', document});
	t.is(view.document, document);
	const matches = document.findMatches(wanted);
	t.is(view.state.matchLine, matches.at(-1)!);
	t.is(view.state.message, `match ${matches.length} of ${matches.length}`);
});

test('G on a document whose end reaches what is not rendered renders the rest first', t => {
	const short = new ReaderDocument(parseArticle('# One\n\ntext\n\n## Two\n\nmore\n', {kind: 'stdin', id: '-'}), 60, 'plain', {views: undefined});
	const state = initialReaderState(0);
	const bottom = viewStep({state, document: short}, key('G'), viewport);
	t.deepEqual(bottom.effects, [{kind: 'render', until: 'all'}]);
	t.is(bottom.state.document, short);
});
