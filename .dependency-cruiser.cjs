// The layering of src/, checked by `npm run lint` (dependency-cruiser). From the bottom up:
//   leaf       src/leaf: counts, plurals, calendar dates, identifiers; imports nothing of ours
//   catalog    src/catalog: the facts and the names people type
//   lifecycle  src/lifecycle: a release and a day -> where it stands
//   domain     inventory, reminders, contracts, audit, governance, tokens, installations, erasure,
//              imports, charts, portability, jobs, requests, eolwatch-store.ts: pure logic over store roles
//   commands   src/commands: text or a typed request -> a typed result
//   render     src/render: a result -> Block Kit, plain text
//   adapters   everything else: Slack, the shell and CLI, stores, the HTTP API, the scheduler, wiring
// No module imports from a layer above its own, and nothing imports in a cycle. The core (every layer
// but adapters) imports no Slack, store, scheduler or file-system module.
const CORE =
  '^src/(leaf|catalog|lifecycle|inventory|reminders|contracts|audit|governance|api-tokens|installations|erasure|imports|charts|portability|jobs|requests|forecasts|calendar|connectors|commands|render)/|^src/eolwatch-store\\.ts$';
const DOMAIN =
  '^src/(inventory|reminders|contracts|audit|governance|api-tokens|installations|erasure|imports|charts|portability|jobs|requests|forecasts|calendar|connectors)/|^src/eolwatch-store\\.ts$';
const ADAPTERS =
  '^src/(slack|shell|store|api|scheduler|catalog-sync|chart-images|net|device-managers|metrics)/|^src/(main|cli|config|wire-[a-z-]+|offload-[a-z-]+|load-dot-env|describe-startup-error)\\.ts$';

const above = (name, from, to) => ({
  name,
  severity: 'error',
  comment: 'A layer imports only from the layers below it.',
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a cycle.',
      from: {},
      to: { circular: true },
    },
    above('leaf-imports-nothing-of-ours', '^src/leaf/', '^src/(?!leaf/)'),
    above('catalog-below-lifecycle', '^src/catalog/', `^src/lifecycle/|${DOMAIN}|^src/(commands|render)/`),
    above('lifecycle-below-domain', '^src/lifecycle/', `${DOMAIN}|^src/(commands|render)/`),
    above('domain-below-commands', DOMAIN, '^src/(commands|render)/'),
    above('commands-below-render', '^src/commands/', '^src/render/'),
    above('core-imports-no-adapter', CORE, ADAPTERS),
    {
      name: 'core-imports-no-io',
      severity: 'error',
      comment: 'The core reads no files, environment, Slack, store or scheduler: those are adapters.',
      from: { path: CORE },
      to: {
        path: '^(node:)?(fs|fs/promises|child_process|net|http|https)$|@slack/|^lowdb|^pg$|node-cron|proper-lockfile',
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
