import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {currentSection, sectionAt} from '../../source/core/reader/position.js';
import {ReaderDocument} from '../../source/core/reader/reader-document.js';
import {readerStep} from '../../source/core/reader/reader-keys.js';
import {initialReaderState, type ReaderState, type Viewport} from '../../source/core/reader/reader-state.js';

const source = ['# Title', '', 'intro', '', ...Array.from({length: 6}, (_, index) => [`## Part ${index + 1}`, '', ...Array.from({length: 12}, (_, line) => `Line ${line} of part ${index + 1}.`), '']).flat(), '## Last', '', 'short.', ''].join('\n\n');
const document = () => {
	const rendered = new ReaderDocument(parseArticle(source, {kind: 'stdin', id: '-'}), 60, 'plain', {views: undefined});
	rendered.renderToward('all');
	return rendered;
};

const readerKey = (state: ReaderState, key: string, rendered: ReaderDocument, viewport: Viewport) => readerStep(state, {kind: 'key', key}, rendered, viewport).state;

const press = (state: ReaderState, keys: string[], viewport: Viewport = {height: 10}) => {
	const rendered = document();
	return keys.reduce((current, key) => readerKey(current, key, rendered, viewport), state);
};

test('sectionAt finds the section at or above a line, by binary search', t => {
	const rendered = document();
	for (let index = 0; index < rendered.sectionCount; index++) {
		const start = rendered.sectionStart(index);
		t.is(sectionAt(rendered, start), index);
		t.is(sectionAt(rendered, start - 1), index - 1);
	}
});

test('at the bottom, the last heading on screen is the current section', t => {
	const rendered = document();
	const bottom = rendered.lineCount - 10;
	t.is(currentSection(rendered, bottom, 10), rendered.sectionCount - 1);
	t.is(currentSection(rendered, 0, 10), -1, 'the header is above every section');
});

test('] at the end says it is the last section instead of doing nothing', t => {
	const state = press(initialReaderState(0), ['G', ']']);
	t.is(state.message, 'last section');
});

test('[ from the middle of a section goes to its start, then to the one before', t => {
	const rendered = document();
	const part2 = rendered.sectionStart(2);
	let state = readerKey({...initialReaderState(part2 + 3)}, '[', rendered, {height: 10});
	t.is(state.offset, part2);
	state = readerKey(state, '[', rendered, {height: 10});
	t.is(state.offset, rendered.sectionStart(1));
});

test('keys that would move the hidden text do nothing under the narrow TOC overlay', t => {
	const narrow = {height: 10, overlay: true};
	let state = press(initialReaderState(0), ['t'], narrow);
	t.true(state.overlayOpen);
	t.is(state.focus, 'toc');
	state = press(state, ['space', ']', '/', 'n'], narrow);
	t.is(state.offset, 0);
	t.is(state.draft, undefined);
	state = press(state, ['down', 'enter'], narrow);
	t.false(state.overlayOpen);
	t.true(state.offset > 0);
});

test('search finds matches, wraps around, and n from the last match goes to the first', t => {
	let state = press(initialReaderState(0), ['/', 'L', 'a', 's', 't', 'enter']);
	t.regex(state.message ?? '', /match 1 of 1/);
	state = press(state, ['n']);
	t.regex(state.message ?? '', /wrapped/);
});

test('a key that needs more of the document asks for it and changes nothing until then', t => {
	const rendered = new ReaderDocument(parseArticle(source, {kind: 'stdin', id: '-'}), 60, 'plain', {views: undefined});
	rendered.renderToward({lines: 12});
	// 50%: the 5 and the 0 are a count; the % needs the whole document.
	const state = readerStep(readerStep(initialReaderState(0), {kind: 'key', key: '5'}, rendered, {height: 10}).state, {kind: 'key', key: '0'}, rendered, {height: 10}).state;
	const half = readerStep(state, {kind: 'key', key: '%'}, rendered, {height: 10});
	t.is(half.state, state);
	t.deepEqual(half.effects, [{kind: 'render', until: 'all'}]);
	t.false(rendered.complete, 'the reducer itself renders nothing');
	rendered.renderToward('all');
	const done = readerStep(state, {kind: 'key', key: '%'}, rendered, {height: 10});
	t.is(done.state.offset, Math.round((rendered.lineCount - 10) / 2));
	t.deepEqual(done.effects, [{kind: 'save', now: false}]);
});

test('every way out of the reader saves the position first', t => {
	const rendered = document();
	for (const [key, how] of [['q', 'quit'], ['ctrl+c', 'interrupt'], ['escape', 'back']] as const) {
		t.deepEqual(readerStep(initialReaderState(0), {kind: 'key', key}, rendered, {height: 10}).effects, [{kind: 'save', now: true}, {kind: 'exit', how}], key);
	}
});

test('a find from the library lands on the first match in its section, lit, and n goes on from there', t => {
	const rendered = document();
	const part = rendered.article.outline.sections.findIndex(section => section.title === 'Part 3');
	const found = readerStep(initialReaderState(0), {kind: 'find', query: 'line 2 of', slug: rendered.article.outline.sections[part].slug}, rendered, {height: 10}).state;
	t.is(rendered.plainLine(found.matchLine).trim(), 'Line 2 of part 3.', 'not the matches of parts 1 and 2 above it');
	t.is(found.query, 'line 2 of');
	t.true(found.offset <= found.matchLine && found.matchLine < found.offset + 10, 'the match is on screen');
	const next = readerKey(found, 'n', rendered, {height: 10});
	t.is(rendered.plainLine(next.matchLine).trim(), 'Line 2 of part 4.');
});
