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
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      timezone: 'UTC',
      logLevel: 'info',
      catalogPath: 'data/products-full.json',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ PORT: '80.5' }, 'PORT must be a port number'],
    [{ EOLWATCH_API_PORT: '0' }, 'EOLWATCH_API_PORT must be a port number'],
    [{ EOLWATCH_LOG_LEVEL: 'loud' }, 'EOLWATCH_LOG_LEVEL must be one of debug, info, warn, error'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL must be a URL'],
    [{ HTTPS_PROXY: 'my proxy' }, 'HTTPS_PROXY must be a URL such as http://proxy.example:3128'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1' }, 'SLACK_BOT_TOKEN must start with xoxb-'],
    [{ SLACK_APP_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN must start with xapp-'],
    [{ EOLWATCH_TIMEZONE: 'Mars/Olympus' }, 'EOLWATCH_TIMEZONE must be an IANA time zone such as Europe/London'],
    [{ EOLWATCH_REMINDER_TIME: '9am' }, 'EOLWATCH_REMINDER_TIME must be a time of day as HH:MM, such as 09:00'],
    [{ EOLWATCH_REMINDER_TIME: '24:00' }, 'EOLWATCH_REMINDER_TIME must be a time of day as HH:MM, such as 09:00'],
    [{ EOLWATCH_UNINSTALL_GRACE_DAYS: '-1' }, 'EOLWATCH_UNINSTALL_GRACE_DAYS must be a whole number of days'],
    [{ EOLWATCH_DATABASE_URL: 'mysql://db/eol' }, 'EOLWATCH_DATABASE_URL must be a PostgreSQL URL'],
    [{ EOLWATCH_ADMINS: 'U012AB, alice' }, 'EOLWATCH_ADMINS must list Slack user ids'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('trims values and reads lists', () => {
    expect(
      loadConfig({ PORT: ' 8080 ', EOLWATCH_ADMINS: 'U012AB, W34CD  U56EF', EOLWATCH_API_PORT: '' }),
    ).toMatchObject({ port: 8080, admins: ['U012AB', 'W34CD', 'U56EF'], apiPort: null, portSet: true });
  });

  it.each(['.env.example', 'README.md'])('every variable is documented in %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(ENV_VARIABLES.filter((name) => !text.includes(name))).toEqual([]);
  });
});
