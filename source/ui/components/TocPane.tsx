import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {Section} from '../../core/markdown/outline.js';
import {listWindowStart} from '../../core/keys/movement.js';
import {tocTitleRows} from '../../core/reader/layout.js';
import {truncate} from '../../core/text/text-width.js';
import {inkProps} from '../../core/theme/theme.js';
import {useTheme} from '../hooks/use-theme.js';

type Props = {
	sections: Section[];
	/** Depth of the outline's top level, shown unindented. */
	topDepth: number;
	/** Section under the top line of the body (lit), or -1. */
	current: number;
	/** Section selected while the pane has focus, or -1. */
	cursor: number;
	focused: boolean;
	read: ReadonlySet<string>;
	/** Letters of the marks in each section, by slug. */
	marks?: ReadonlyMap<string, string>;
	width: number;
	height: number;
	border: boolean;
	/** The pane's first row: `📑 Table of Contents`, or the words alone without icons. */
	title: string;
};

/**
 * The outline indented by depth. The section being read is lit; the pane scrolls to keep it (or
 * the selection, when focused) in view; sections already read carry a check mark, and marked
 * ones their mark letters (`'a`).
 */
export function TocPane({sections, topDepth, current, cursor, focused, read, marks, width, height, border, title}: Props) {
	const theme = useTheme();
	// The first row is the pane's title.
	const rows = Math.max(0, height - tocTitleRows);
	// Labels are measured once per outline and width, not on every key.
	const labels = useMemo(
		() => sections.map(section => truncate(`${'  '.repeat(Math.max(0, section.depth - topDepth))}${section.title}`, Math.max(1, width - 2))),
		[sections, topDepth, width],
	);
	const target = focused ? cursor : current;
	const start = listWindowStart(sections.length, rows, target);
	const shown = sections.slice(start, start + rows);
	return (
		<Box flexDirection="column" width={width + (border ? 1 : 0)} height={height} borderStyle={border ? 'single' : undefined} borderTop={false} borderBottom={false} borderLeft={false} borderColor={theme.tocBorder.color} borderDimColor={theme.tocBorder.dim}>
			<Text {...inkProps(theme.tocTitle)} wrap="truncate">{truncate(title, width)}</Text>
			{shown.map((section, offset) => {
				const index = start + offset;
				const isRead = read.has(section.slug);
				const isCurrent = index === current;
				const isCursor = focused && index === cursor;
				const marked = marks?.get(section.slug);
				const label = marked ? truncate(labels[index], Math.max(1, width - 4 - marked.length)) : labels[index];
				return (
					<Text key={section.slug} {...inkProps(isCursor ? theme.tocCursor : isCurrent ? theme.tocCurrent : isRead ? theme.tocRead : {})} wrap="truncate">
						{`${isRead ? '✓' : ' '} ${label}`}{marked ? <Text {...inkProps(theme.tocMark)}>{` '${marked}`}</Text> : ''}
					</Text>
				);
			})}
		</Box>
	);
}
