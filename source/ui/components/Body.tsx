import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {ReaderDocument} from '../../core/reader/reader-document.js';
import {highlightMatches, type MatchStyles} from '../../core/reader/search.js';
import {paint} from '../../core/theme/theme.js';
import {useTheme} from '../hooks/use-theme.js';

type Props = {
	document: ReaderDocument;
	offset: number;
	height: number;
	width: number;
	query: string;
	matchLine: number;
};

/** The visible rows of the article, and nothing else: cost does not grow with the article. */
export function Body({document, offset, height, width, query, matchLine}: Props) {
	const theme = useTheme();
	const marks = useMemo<MatchStyles>(() => ({match: paint(theme.searchMatch), current: paint(theme.searchCurrent)}), [theme]);
	const rows: React.ReactNode[] = [];
	for (let row = 0; row < height; row++) {
		const index = offset + row;
		const line = query === '' || index >= document.lineCount
			? document.line(index)
			: highlightMatches(document.line(index), document.plainLine(index), query, index === matchLine, marks);
		rows.push(<Text key={row} wrap="truncate">{line === '' ? ' ' : line}</Text>);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows}
		</Box>
	);
}
