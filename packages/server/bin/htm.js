#!/usr/bin/env node
// The `htm` command: runs the TypeScript sources through tsx on the project's own Node 22.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `OpenHTM needs Node 22 or newer; this is Node ${process.versions.node}.\n` +
      'Run it through npm from the project root (npm start, npx htm …): the project brings Node 22 with it.\n',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
// Pools and the embedded PostgreSQL keep the event loop alive: a finished command exits explicitly.
process.exit(await main(process.argv.slice(2)));
