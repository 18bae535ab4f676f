import React from 'react';
import {Box, Text} from 'ink';
import {currentSection, progressPercent} from '../../core/reader/position.js';
import {useReader, type ReaderProps} from '../hooks/use-reader.js';
import {Body} from './Body.js';
import {HelpScreen} from './HelpScreen.js';
import {StatusLine} from './StatusLine.js';
import {TocPane} from './TocPane.js';

/**
 * The reader: TOC pane beside the article body, status line below. `useReader` holds the state;
 * this component only lays out what it says.
 */
export function Reader(props: ReaderProps) {
	const {article, columns} = props;
	const {state, document, layout} = useReader(props);
	const sections = article.outline.sections;
	const height = layout.bodyHeight;
	if (state.help) {
		return <HelpScreen screens={['reader', 'toc']} height={layout.frameHeight} width={columns} />;
	}

	const current = currentSection(document, state.offset, height);
	const tocFocused = state.focus === 'toc' && layout.toc !== 'hidden';
	const toc = (
		<TocPane
			sections={sections}
			topDepth={article.outline.topDepth}
			current={current}
			cursor={state.tocCursor}
			key={layout.toc}
			focused={tocFocused}
			read={state.read}
			width={layout.toc === 'pane' ? layout.tocWidth : columns}
			height={height}
			border={layout.toc === 'pane'}
		/>
	);
	const body = <Body document={document} offset={state.offset} height={height} width={layout.bodyWidth} query={state.query} matchLine={state.matchLine} />;
	return (
		<Box flexDirection="column" height={layout.frameHeight} width={columns}>
			<Box height={height}>
				{layout.toc === 'pane' ? <>{toc}<Text> </Text>{body}</> : layout.toc === 'overlay' ? toc : body}
			</Box>
			<StatusLine
				width={columns}
				section={current >= 0 ? sections[current].title : article.title}
				percent={progressPercent(document, state.offset, height)}
				draft={state.draft}
				message={state.message}
				hint={tocFocused ? 'Enter jump · Tab text · ? help' : '? help · q quit'}
			/>
		</Box>
	);
}
