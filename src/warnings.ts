/**
 * restify loads `spdy`, whose `http-deceiver` touches `process.binding('http_parser')` on load: Node
 * prints DEP0111 at every start although the bot never serves SPDY. Only that warning is dropped;
 * every other warning is printed as Node would. Imported first by the composition root.
 */
const defaultHandlers = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code === 'DEP0111' && /http_parser/.test(warning.message)) return;
  for (const handler of defaultHandlers) handler(warning);
});
