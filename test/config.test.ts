import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ConfigError, ENV_VARIABLES, loadConfig, slackModeOf } from '../src/config.js';

describe('configuration', () => {
  it.each([
    [{}, 'shell'],
    [{ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '  ' }, 'shell'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, 'socket'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' }, 'http'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 'secret' }, 'socket'],
  ])('picks the mode from the credentials set: %j -> %s', (env, mode) => {
    expect(slackModeOf(loadConfig(env))).toBe(mode);
  });

  it('has defaults for everything else', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, timezone: 'UTC', logLevel: 'info', catalogPath: 'data/products-full.json' });
  });

  it.each([{ PORT: 'eighty' }, { PORT: '70000' }, { EOLWATCH_LOG_LEVEL: 'loud' }, { SLACK_API_URL: 'not a url' }])('refuses %j', (env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  it.each(['.env.example', 'README.md'])('every variable is documented in %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(ENV_VARIABLES.filter((name) => !text.includes(name))).toEqual([]);
  });
});
