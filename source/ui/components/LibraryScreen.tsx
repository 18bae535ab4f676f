import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {initialLibraryState, libraryKey, sortLabels, visibleItems, type LibraryItem, type LibraryState} from '../../core/library/library-state.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {stringWidth, truncate} from '../../core/text/text-width.js';
import {useKeys} from '../hooks/use-keys.js';
import {useTheme} from '../hooks/use-theme.js';
import {inkProps} from '../../core/theme/theme.js';
import {HelpScreen} from './HelpScreen.js';

type Props = {
	items: LibraryItem[];
	folder: string;
	columns: number;
	rows: number;
	/** Kept across visits so coming back from an article lands on the same row. */
	initial?: LibraryState;
	/** A problem to show in the footer, such as an article that could not be opened. */
	message?: string;
	onOpen: (id: string, state: LibraryState) => void;
	onExit: (exit: NonNullable<LibraryState['exit']>) => void;
};

/** The library: articles with category, date, reading time, views and progress. */
export function LibraryScreen({items, folder, columns, rows, initial, message, onOpen, onExit}: Props) {
	const theme = useTheme();
	const [state, setState] = useState<LibraryState>(() => ({...(initial ?? initialLibraryState()), opened: undefined}));
	const frame = Math.max(2, rows - 1);
	const listHeight = Math.max(1, frame - 2);
	const itemsRef = useRef(items);
	itemsRef.current = items;
	const pageRef = useRef({listHeight, columns});
	pageRef.current = {listHeight, columns};
	useKeys(useCallback((key: string) => {
		setState(previous => libraryKey(previous, key, itemsRef.current, pageRef.current.listHeight, pageRef.current.columns));
	}, []));
	const tableColumns = useMemo(() => libraryColumns(items, columns), [items, columns]);

	useEffect(() => {
		if (state.opened) {
			onOpen(state.opened, state);
		} else if (state.exit) {
			onExit(state.exit);
		}
	// eslint-disable-next-line react-hooks/exhaustive-deps -- effects through state: to become reducer effects
	}, [state.opened, state.exit]);

	if (state.help) {
		return <HelpScreen screens={['library']} height={frame} width={columns} offset={state.helpOffset} />;
	}

	const rowsShown = visibleItems(items, state);
	const start = Math.max(0, Math.min(rowsShown.length - listHeight, state.cursor - Math.floor(listHeight / 2)));
	const count = state.filter === '' ? `${items.length}` : `${rowsShown.length} of ${items.length}`;
	const title = `folio — ${count} article${items.length === 1 ? '' : 's'} · sorted by ${sortLabels[state.sort]}`;
	const footer = message && !state.filtering ? message : state.filtering || state.filter
		? `/${state.filter}${state.filtering ? '▏' : ''}  (${rowsShown.length} match${rowsShown.length === 1 ? '' : 'es'}; Esc clears)`
		: 'Enter open · / filter · s sort · ? help · q quit';
	return (
		<Box flexDirection="column" height={frame} width={columns}>
			<Text {...inkProps(theme.libraryTitle)} wrap="truncate">{truncate(title, columns)}</Text>
			<Box flexDirection="column" height={listHeight}>
				{items.length === 0
					? <Text wrap="wrap">{`No articles in ${sanitizeLine(folder)}. Add .md files there, or open another folder with --dir PATH (or FOLIO_DIR).`}</Text>
					: rowsShown.length === 0
						? <Text {...inkProps(theme.libraryDetails)}>No article matches the filter.</Text>
						: rowsShown.slice(start, start + listHeight).map((item, offset) => (
							<LibraryRow key={item.id} item={item} selected={start + offset === state.cursor} width={columns} columns={tableColumns} />
						))}
			</Box>
			<Text {...inkProps(message ? theme.libraryMessage : theme.libraryFooter)} wrap="truncate">{truncate(footer, columns)}</Text>
		</Box>
	);
}

/** The detail columns of a row, widest first to drop: category, date, minutes, views, progress. */
type Columns = {names: Array<keyof ReturnType<typeof cellsOf>>; widths: Record<string, number>};

function cellsOf(item: LibraryItem) {
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
function libraryColumns(items: LibraryItem[], width: number): Columns {
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

function LibraryRow({item, selected, width, columns}: {item: LibraryItem; selected: boolean; width: number; columns: Columns}) {
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
}
