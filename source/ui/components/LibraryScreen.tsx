import React, {useCallback} from 'react';
import {Box, Text} from 'ink';
import type {ArticleInfo} from '../../core/article/article.js';
import {initialLibraryState, libraryLines, libraryStep, libraryWindowStart, shownTextMatches, sortLabels, visibleItems, type FindInArticle, type LibraryEffect, type LibraryMessage, type LibraryState, type ReadingStats, type TextMatch} from '../../core/library/library-state.js';
import type {Exit} from '../../core/keys/step.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {stringWidth, truncate} from '../../core/text/text-width.js';
import {useKeys} from '../hooks/use-keys.js';
import {useStepRunner} from '../hooks/use-step-runner.js';
import {useTextSearch, type FindText} from '../hooks/use-text-search.js';
import {HelpScreen} from './HelpScreen.js';

type Props = {
	items: Array<ArticleInfo & ReadingStats>;
	folder: string;
	columns: number;
	rows: number;
	/** Kept across visits so coming back from an article lands on the same row. */
	initial?: LibraryState;
	/** A problem to show in the footer, such as an article that could not be opened. */
	message?: string;
	/** Finds the filter's words in the articles' text; without it only titles are filtered. */
	findText?: FindText;
	/** Enter on an article (at a text match with `find`): called again on every Enter, whatever happened to the last one. */
	onOpen: (id: string, state: LibraryState, find?: FindInArticle) => void;
	onExit: (exit: Exit) => void;
};

/** The library: articles with category, date, reading time, views and progress. */
export function LibraryScreen({items, folder, columns, rows, initial, message, findText, onOpen, onExit}: Props) {
	const frame = Math.max(2, rows - 1);
	const listHeight = Math.max(1, frame - 2);
	const [state, dispatch] = useStepRunner<LibraryState, LibraryMessage, LibraryEffect>(() => initial ?? initialLibraryState(), {
		step: (previous, message) => libraryStep(previous, message, items, listHeight),
		workFor: () => undefined,
		perform(effect, next) {
			if (effect.kind === 'open') {
				onOpen(effect.id, next, effect.find);
			} else if (effect.kind === 'searchText') {
				searchText(effect.query);
			} else {
				onExit(effect.how);
			}
		},
	});
	const searchText = useTextSearch(findText, dispatch);
	useKeys(useCallback((key: string) => {
		dispatch({kind: 'key', key});
	}, [dispatch]));

	if (state.help) {
		return <HelpScreen screens={['library']} height={frame} width={columns} />;
	}

	const rowsShown = visibleItems(items, state);
	const matches = shownTextMatches(state);
	const lines = libraryLines(state, rowsShown);
	const start = libraryWindowStart(state, lines, listHeight);
	const title = `folio — ${items.length} article${items.length === 1 ? '' : 's'} · sorted by ${sortLabels[state.sort]}`;
	const searching = findText !== undefined && state.filter.trim() !== '' && state.textQuery !== state.filter;
	const counts = `${rowsShown.length} match${rowsShown.length === 1 ? '' : 'es'}${matches.length > 0 ? `, ${matches.length} in text` : ''}${searching ? ', searching text…' : ''}`;
	const footer = message && !state.filtering ? message : state.filtering || state.filter
		? `/${state.filter}${state.filtering ? '▏' : ''}  (${counts}; Esc clears)`
		: 'Enter open · / filter · s sort · ? help · q quit';
	return (
		<Box flexDirection="column" height={frame} width={columns}>
			<Text bold wrap="truncate">{truncate(title, columns)}</Text>
			<Box flexDirection="column" height={listHeight}>
				{items.length === 0
					? <Text wrap="wrap">{`No articles in ${sanitizeLine(folder)}. Add .md files there, or open another folder with --dir PATH (or FOLIO_DIR).`}</Text>
					: lines.length === 0
						? <Text dimColor>{searching ? 'No title matches the filter; searching the text…' : 'No article matches the filter.'}</Text>
						: lines.slice(start, start + listHeight).map((line, offset) => line.kind === 'article'
							? <LibraryRow key={`a:${line.item.id}`} item={line.item} selected={line.row === state.cursor} width={columns} />
							: line.kind === 'heading'
								? <Text key="in-text" dimColor wrap="truncate">{truncate(`── in text ${'─'.repeat(columns)}`, columns)}</Text>
								: <MatchRow key={`m:${start + offset}`} match={line.match} selected={line.row === state.cursor} width={columns} />)}
			</Box>
			<Text dimColor={!message} color={message ? 'yellow' : undefined} wrap="truncate">{truncate(footer, columns)}</Text>
		</Box>
	);
}

/** A text match: the article and section it is in, then the snippet with the words lit. */
function MatchRow({match, selected, width}: {match: TextMatch; selected: boolean; width: number}) {
	const place = sanitizeLine(match.section === '' ? match.title : `${match.title} › ${match.section}`);
	const placeText = truncate(place, Math.max(8, Math.floor(width * 0.4)));
	// Snippets come from folio's own plain rendering; one that is not plain text is shown unlit.
	const clean = sanitizeLine(match.snippet);
	const lit = clean === match.snippet ? match.highlights : [];
	// The first lit word stays in view: when it would be cut off, the text before it is shortened behind an ellipsis.
	const room = width - 4 - stringWidth(placeText);
	const cut = lit.length > 0 && stringWidth(clean.slice(0, lit[0][1])) > room ? lit[0][0] - Math.floor(room / 3) : 0;
	const snippet = cut > 0 ? `…${clean.slice(cut)}` : clean;
	const highlights = lit.map(([from, to]): [number, number] => (cut > 0 ? [from - cut + 1, to - cut + 1] : [from, to]));
	const parts: Array<{text: string; lit: boolean}> = [];
	let at = 0;
	for (const [from, to] of highlights) {
		parts.push({text: snippet.slice(at, from), lit: false}, {text: snippet.slice(from, to), lit: true});
		at = to;
	}

	parts.push({text: snippet.slice(at), lit: false});
	return (
		<Text inverse={selected} wrap="truncate">
			{selected ? '› ' : '  '}
			<Text dimColor={!selected}>{placeText}</Text>
			{'  '}
			{parts.map((part, index) => (
				<Text key={index} bold={part.lit} underline={part.lit}>{part.text}</Text>
			))}
		</Text>
	);
}

function LibraryRow({item, selected, width}: {item: ArticleInfo & ReadingStats; selected: boolean; width: number}) {
	const progress = item.progress >= 100 ? 'done' : item.progress > 0 ? `${Math.round(item.progress)}%` : '';
	const views = item.views > 0 ? `${item.views} view${item.views === 1 ? '' : 's'}` : '';
	// On narrow terminals the title matters most: drop the date, then the category.
	const candidates = [
		[item.category, item.date, `${item.minutes} min`, views, progress],
		[item.category, `${item.minutes} min`, views, progress],
		[`${item.minutes} min`, views, progress],
	];
	const titleWidth = stringWidth(item.title);
	const details = candidates.map(parts => parts.filter(Boolean).join(' · ')).find(text => width - stringWidth(text) - 4 >= Math.min(24, titleWidth)) ?? '';
	const detailsWidth = stringWidth(details);
	const room = Math.max(4, width - detailsWidth - 4);
	const titleText = truncate(item.title, room);
	const gap = Math.max(1, width - 2 - stringWidth(titleText) - detailsWidth);
	return (
		<Text inverse={selected} wrap="truncate">
			{selected ? '› ' : '  '}
			<Text bold>{titleText}</Text>
			{' '.repeat(gap)}
			<Text dimColor={!selected}>{details}</Text>
		</Text>
	);
}
