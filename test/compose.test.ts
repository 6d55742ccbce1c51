// compose.yaml as a platform engineer would run it: `docker compose up -d --scale eolwatch=2` must start
// (no replica publishes a fixed host port), the database is healthy before anything uses it, the
// schema is migrated once before the replicas start, and every volume is named. Docker cannot run here,
// so the file is read and checked.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: (string | { published?: unknown })[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
  configs?: { source: string }[];
}
const compose = parse(readFileSync('compose.yaml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  configs?: Record<string, { content?: string }>;
};
const { services } = compose;
const conditionOf = (service: Service, on: string) =>
  Array.isArray(service.depends_on) ? undefined : service.depends_on?.[on]?.condition;

describe('compose.yaml', () => {
  it('publishes no fixed host port on the scaled service', () => {
    const ports = services.eolwatch?.ports ?? [];
    // "3000" alone lets Docker pick a host port per replica; "3000:3000" stops the second one starting.
    for (const port of ports) expect(typeof port === 'string' ? port : JSON.stringify(port)).not.toMatch(/:|published/);
  });

  it('puts a reverse proxy in front that finds every replica', () => {
    const proxy = Object.values(services).find((service) => (service.ports ?? []).length > 0);
    expect(proxy?.image).toMatch(/^caddy:/);
    const caddyfile = compose.configs?.[proxy?.configs?.[0]?.source ?? '']?.content ?? '';
    expect(caddyfile).toMatch(/dynamic a eolwatch 3000/);
    expect(caddyfile).toContain('health_uri /healthz');
  });

  it('starts the database healthy first, then one migration, then the replicas', () => {
    expect(services.db?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(conditionOf(services.migrate as Service, 'db')).toBe('service_healthy');
    expect(services.migrate?.command).toEqual(['node', 'dist/cli.js', 'db', 'migrate']);
    expect(conditionOf(services.eolwatch as Service, 'db')).toBe('service_healthy');
    expect(conditionOf(services.eolwatch as Service, 'migrate')).toBe('service_completed_successfully');
  });

  it('names every volume it mounts', () => {
    for (const [name, service] of Object.entries(services))
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        expect(`${name}: ${source}`).toBe(
          `${name}: ${Object.hasOwn(compose.volumes, source) ? source : '(anonymous)'}`,
        );
      }
  });

  it('gives the replicas and the migration the same database', () => {
    const url = (service: Service | undefined) =>
      (service as { environment?: Record<string, string> } | undefined)?.environment?.EOLWATCH_DATABASE_URL;
    expect(url(services.eolwatch)).toMatch(/^postgres:\/\/.*@db:5432\//);
    expect(url(services.migrate)).toBe(url(services.eolwatch));
  });
});

describe('manifest.yml', () => {
  it('allows the org-wide installs the README describes', () => {
    const manifest = parse(readFileSync('manifest.yml', 'utf8')) as { settings: { org_deploy_enabled: boolean } };
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});
