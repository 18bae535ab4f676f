import React from 'react';
import {Box, Text} from 'ink';
import {truncate} from '../../core/text/text-width.js';
import {inkProps} from '../../core/theme/theme.js';
import {useTheme} from '../hooks/use-theme.js';

type Props = {
	width: number;
	section: string;
	percent: number;
	/** The search being typed, shown as a prompt. */
	draft?: string;
	message?: string;
	hint: string;
};

/** Bottom line: current section, progress and a key hint; the search prompt while typing. */
export function StatusLine({width, section, percent, draft, message, hint}: Props) {
	const theme = useTheme();
	if (draft !== undefined) {
		return <Text wrap="truncate">{truncate(`/${draft}`, Math.max(1, width - 1))}<Text inverse> </Text></Text>;
	}

	const leftText = message ?? section;
	const full = `${percent}%  ${hint}`;
	// Drop the key hint before the section title: the title is what tells a reader where they are.
	const right = width - full.length - 2 >= Math.min(16, leftText.length) ? full : `${percent}%`;
	const room = Math.max(0, width - right.length - 2);
	const left = room > 0 ? truncate(leftText, room) : '';
	return (
		<Box width={width}>
			<Box flexGrow={1}>
				<Text {...inkProps(message ? theme.statusMessage : theme.statusSection)} wrap="truncate">{left}</Text>
			</Box>
			<Text {...inkProps(theme.statusHint)} wrap="truncate">{right}</Text>
		</Box>
	);
}
