import React from 'react';
import {Box, Text} from 'ink';
import type {ArticleInfo} from '../../core/article/article.js';
import {initialLibraryState, libraryKey, sortLabels, visibleItems, type LibraryEffect, type LibraryState, type ReadingStats} from '../../core/library/library-state.js';
import type {Exit} from '../../core/keys/step.js';
import {listWindowStart} from '../../core/keys/movement.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {stringWidth, truncate} from '../../core/text/text-width.js';
import {useKeys} from '../hooks/use-keys.js';
import {useStepRunner} from '../hooks/use-step-runner.js';
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
	/** Enter on an article: called again on every Enter, whatever happened to the last one. */
	onOpen: (id: string, state: LibraryState) => void;
	onExit: (exit: Exit) => void;
};

/** The library: articles with category, date, reading time, views and progress. */
export function LibraryScreen({items, folder, columns, rows, initial, message, onOpen, onExit}: Props) {
	const frame = Math.max(2, rows - 1);
	const listHeight = Math.max(1, frame - 2);
	const [state, dispatch] = useStepRunner<LibraryState, string, LibraryEffect>(() => initial ?? initialLibraryState(), {
		step: (previous, key) => libraryKey(previous, key, items, listHeight),
		workFor: () => undefined,
		perform(effect, next) {
			if (effect.kind === 'open') {
				onOpen(effect.id, next);
			} else {
				onExit(effect.how);
			}
		},
	});
	useKeys(dispatch);

	if (state.help) {
		return <HelpScreen screens={['library']} height={frame} width={columns} />;
	}

	const rowsShown = visibleItems(items, state);
	const start = listWindowStart(rowsShown.length, listHeight, state.cursor);
	const title = `folio — ${items.length} article${items.length === 1 ? '' : 's'} · sorted by ${sortLabels[state.sort]}`;
	const footer = message && !state.filtering ? message : state.filtering || state.filter
		? `/${state.filter}${state.filtering ? '▏' : ''}  (${rowsShown.length} match${rowsShown.length === 1 ? '' : 'es'}; Esc clears)`
		: 'Enter open · / filter · s sort · ? help · q quit';
	return (
		<Box flexDirection="column" height={frame} width={columns}>
			<Text bold wrap="truncate">{truncate(title, columns)}</Text>
			<Box flexDirection="column" height={listHeight}>
				{items.length === 0
					? <Text wrap="wrap">{`No articles in ${sanitizeLine(folder)}. Add .md files there, or open another folder with --dir PATH (or FOLIO_DIR).`}</Text>
					: rowsShown.length === 0
						? <Text dimColor>No article matches the filter.</Text>
						: rowsShown.slice(start, start + listHeight).map((item, offset) => (
							<LibraryRow key={item.id} item={item} selected={start + offset === state.cursor} width={columns} />
						))}
			</Box>
			<Text dimColor={!message} color={message ? 'yellow' : undefined} wrap="truncate">{truncate(footer, columns)}</Text>
		</Box>
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
