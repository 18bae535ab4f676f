import React, {memo, useCallback, useMemo} from 'react';
import {Box, Text} from 'ink';
import type {ArticleInfo} from '../../core/article/article.js';
import {initialLibraryState, libraryStep, libraryWindow, shownTextMatches, sortLabels, type FindInArticle, type LibraryEffect, type LibraryMessage, type LibraryState, type ReadingStats, type TextMatch} from '../../core/library/library-state.js';
import {visibleItems} from '../../core/library/filter.js';
import type {Exit} from '../../core/keys/step.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {stringWidth, truncate} from '../../core/text/text-width.js';
import {useKeys} from '../hooks/use-keys.js';
import {useStepRunner} from '../hooks/use-step-runner.js';
import {useTextSearch, type FindText} from '../hooks/use-text-search.js';
import {useTheme} from '../hooks/use-theme.js';
import {inkProps} from '../../core/theme/theme.js';
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
	const theme = useTheme();
	const frame = Math.max(2, rows - 1);
	const listHeight = Math.max(1, frame - 2);
	const [state, dispatch] = useStepRunner<LibraryState, LibraryMessage, LibraryEffect>(() => initial ?? initialLibraryState(), {
		step: (previous, message) => libraryStep(previous, message, items, listHeight, columns),
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
	const tableColumns = useMemo(() => libraryColumns(items, columns), [items, columns]);

	if (state.help) {
		return <HelpScreen screens={['library']} height={frame} width={columns} offset={state.helpOffset} />;
	}

	const rowsShown = visibleItems(items, state);
	const matches = shownTextMatches(state);
	const {start, lines} = libraryWindow(state, rowsShown, listHeight);
	// While filtered the header says how many of the articles are shown.
	const count = state.filter === '' ? `${items.length}` : `${rowsShown.length} of ${items.length}`;
	const title = `folio — ${count} article${items.length === 1 ? '' : 's'} · sorted by ${sortLabels[state.sort]}`;
	const searching = findText !== undefined && state.filter.trim() !== '' && state.textQuery !== state.filter;
	const counts = `${rowsShown.length} match${rowsShown.length === 1 ? '' : 'es'}${matches.length > 0 ? `, ${matches.length} in text` : ''}${searching ? ', searching text…' : ''}`;
	const footer = message && !state.filtering ? message : state.filtering || state.filter
		? `/${state.filter}${state.filtering ? '▏' : ''}  (${counts}; Esc clears)`
		: 'Enter open · / filter · s sort · ? help · q quit';
	return (
		<Box flexDirection="column" height={frame} width={columns}>
			<Text {...inkProps(theme.libraryTitle)} wrap="truncate">{truncate(title, columns)}</Text>
			<Box flexDirection="column" height={listHeight}>
				{items.length === 0
					? <Text wrap="wrap">{`No articles in ${sanitizeLine(folder)}. Add .md files there, or open another folder with --dir PATH (or FOLIO_DIR).`}</Text>
					: lines.length === 0
						? <Text {...inkProps(theme.libraryDetails)}>{searching ? 'No title matches the filter; searching the text…' : 'No article matches the filter.'}</Text>
						: lines.map((line, offset) => line.kind === 'article'
							? <LibraryRow key={`a:${line.item.id}`} item={line.item} selected={line.row === state.cursor} width={columns} columns={tableColumns} />
							: line.kind === 'heading'
								? <Text key="in-text" {...inkProps(theme.libraryDetails)} wrap="truncate">{inTextRule(columns)}</Text>
								: <MatchRow key={`m:${start + offset}`} match={line.match} selected={line.row === state.cursor} width={columns} />)}
			</Box>
			<Text {...inkProps(message ? theme.libraryMessage : theme.libraryFooter)} wrap="truncate">{truncate(footer, columns)}</Text>
		</Box>
	);
}

/** The rule over the text matches, as wide as the screen (cut with no ellipsis: it is a line, not text). */
function inTextRule(columns: number): string {
	const label = '── in text ';
	return columns <= label.length ? label.slice(0, Math.max(0, columns)) : label + '─'.repeat(columns - label.length);
}

/** A text match: the article and section it is in, then the snippet with the words lit. Drawn again only when it changes. */
const MatchRow = memo(function MatchRow({match, selected, width}: {match: TextMatch; selected: boolean; width: number}) {
	const theme = useTheme();
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
		<Text {...(selected ? inkProps(theme.librarySelected) : {})} wrap="truncate">
			{selected ? '› ' : '  '}
			<Text {...(selected ? {} : inkProps(theme.libraryDetails))}>{placeText}</Text>
			{'  '}
			{parts.map((part, index) => (
				<Text key={index} bold={part.lit} underline={part.lit}>{part.text}</Text>
			))}
		</Text>
	);
});

/** The detail columns of a row, widest first to drop: category, date, minutes, views, progress. */
type Columns = {names: Array<keyof ReturnType<typeof cellsOf>>; widths: Record<string, number>};

function cellsOf(item: ArticleInfo & ReadingStats) {
	return {
		category: item.category ?? '',
		date: item.date ?? '',
		minutes: `${item.minutes} min`,
		views: item.views > 0 ? `${item.views} view${item.views === 1 ? '' : 's'}` : '',
		progress: item.progress >= 100 ? 'done' : item.progress > 0 ? `${Math.round(item.progress)}%` : '',
	};
}

const rightAligned = new Set(['minutes', 'views', 'progress']);

/**
 * The detail columns that fit beside the titles at `width`, each as wide as its widest cell in the
 * whole library, so rows line up whatever each shows; on narrow terminals the date goes first,
 * then the category.
 */
function libraryColumns(items: Array<ArticleInfo & ReadingStats>, width: number): Columns {
	const all = items.map(item => cellsOf(item));
	const widths: Record<string, number> = {};
	for (const name of ['category', 'date', 'minutes', 'views', 'progress'] as const) {
		widths[name] = Math.max(0, ...all.map(cells => stringWidth(cells[name])));
	}

	const choices: Columns['names'][] = [['category', 'date', 'minutes', 'views', 'progress'], ['category', 'minutes', 'views', 'progress'], ['minutes', 'views', 'progress']];
	const titleWidth = Math.min(24, Math.max(0, ...items.map(item => stringWidth(item.title))));
	const used = (names: Columns['names']) => names.filter(name => widths[name] > 0).reduce((sum, name) => sum + widths[name] + 2, 0);
	const names = choices.find(candidate => width - 4 - used(candidate) >= titleWidth) ?? [];
	return {names: names.filter(name => widths[name] > 0), widths};
}

/** An article's row: drawn again only when it changes (each key of a filter redraws the list). */
const LibraryRow = memo(function LibraryRow({item, selected, width, columns}: {item: ArticleInfo & ReadingStats; selected: boolean; width: number; columns: Columns}) {
	const theme = useTheme();
	const cells = cellsOf(item);
	const details = columns.names.map(name => {
		const pad = ' '.repeat(columns.widths[name] - stringWidth(cells[name]));
		return rightAligned.has(name) ? pad + cells[name] : cells[name] + pad;
	}).join('  ');
	const detailsWidth = stringWidth(details);
	const room = Math.max(4, width - detailsWidth - 4);
	const titleText = truncate(item.title, room);
	const gap = Math.max(1, width - 2 - stringWidth(titleText) - detailsWidth);
	return (
		<Text {...(selected ? inkProps(theme.librarySelected) : {})} wrap="truncate">
			{selected ? '› ' : '  '}
			<Text {...inkProps(theme.libraryItem)} inverse={selected}>{titleText}</Text>
			{' '.repeat(gap)}
			<Text {...(selected ? {} : inkProps(theme.libraryDetails))}>{details}</Text>
		</Text>
	);
});
