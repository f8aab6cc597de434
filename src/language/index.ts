export { parse, MAX_LENGTH } from './parse';
export { phrase, phraseChange, listText } from './phrase';
export { EXAMPLES, type Example } from './examples';
export { commandSchema, type Command, type CommandKind, type ParseResult } from './command';
