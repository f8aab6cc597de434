import { parseConfig } from '../../src/config';

describe('operations config', () => {
  it.each([
    [{}, { logLevel: 'info', metrics: true }],
    [{ LOG_LEVEL: 'debug' }, { logLevel: 'debug', metrics: true }],
    [{ LOG_LEVEL: 'silent', METRICS: 'off' }, { logLevel: 'silent', metrics: false }],
    [{ METRICS: 'on' }, { logLevel: 'info', metrics: true }],
    [{ LOG_LEVEL: '  ' }, { logLevel: 'info', metrics: true }],
  ])('%j → %j', (env, expected) => {
    const loaded = parseConfig(env);
    if (!loaded.ok) throw new Error(loaded.error);
    expect({ logLevel: loaded.config.logLevel, metrics: loaded.config.metrics }).toEqual(expected);
  });

  it.each([
    [{ LOG_LEVEL: 'verbose' }, /^config: LOG_LEVEL: /],
    [{ LOG_LEVEL: 'INFO' }, /^config: LOG_LEVEL: /],
    [{ METRICS: 'no' }, /^config: METRICS: /],
  ])('%j is refused with a message naming the variable', (env, message) => {
    const loaded = parseConfig(env);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatch(message);
  });
});
