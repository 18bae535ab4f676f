import React from 'react';
import {Box, Text} from 'ink';
import {helpLast, helpLines, helpPage} from '../../core/keys/help.js';
import type {Screen} from '../../core/keys/keymap.js';
import {inkProps} from '../../core/theme/theme.js';
import {truncate} from '../../core/text/text-width.js';
import {useTheme} from '../hooks/use-theme.js';

type Props = {
	screens: Screen[];
	height: number;
	width: number;
	/** Lines scrolled past, from the screen's state. */
	offset?: number;
};

/**
 * Every key binding of the given screens, generated from the keymap table, wrapped to the width
 * and scrolled by `offset`; the last row says where in the help you are and how to move.
 */
export function HelpScreen({screens, height, width, offset = 0}: Props) {
	const theme = useTheme();
	const lines = helpLines(screens, width);
	const page = helpPage(height);
	const start = Math.min(offset, helpLast({screens, width, height}));
	const shown = lines.slice(start, start + page);
	const end = start + shown.length;
	const footer = lines.length > page
		? `${start + 1}–${end} of ${lines.length} · j/k Space g/G scroll · Esc close`
		: 'Esc, ? or q close this help';
	return (
		<Box flexDirection="column" height={height} width={width}>
			{shown.map((line, index) => (
				<Text key={start + index} {...(line.heading ? inkProps(theme.helpHeading) : {})} wrap="truncate">{line.text || ' '}</Text>
			))}
			{Array.from({length: page - shown.length}, (_, index) => <Text key={`blank-${index}`}> </Text>)}
			<Text {...inkProps(theme.statusHint)} wrap="truncate">{truncate(footer, width)}</Text>
		</Box>
	);
}
