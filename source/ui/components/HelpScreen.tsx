import React from 'react';
import {Box, Text} from 'ink';
import {helpRows, type Screen} from '../../core/keys/keymap.js';

type Props = {
	screens: Screen[];
	height: number;
	width: number;
};

const titles: Record<Screen, string> = {library: 'Library', reader: 'Reader', toc: 'Contents (Tab to focus)', links: 'Link list (o)'};

/** Every key binding of the given screens, generated from the keymap table. */
export function HelpScreen({screens, height, width}: Props) {
	const lines: Array<{text: string; heading: boolean}> = [{text: 'folio keys — any key closes this help', heading: true}];
	for (const screen of screens) {
		lines.push({text: '', heading: false}, {text: titles[screen], heading: true});
		for (const row of helpRows(screen)) {
			lines.push({text: `  ${row.keys.padEnd(22)} ${row.description}`, heading: false});
		}
	}

	const shown = lines.slice(0, height);
	return (
		<Box flexDirection="column" height={height} width={width}>
			{shown.map((line, index) => (
				<Text key={index} bold={line.heading} wrap="truncate">{line.text || ' '}</Text>
			))}
		</Box>
	);
}
