#!/usr/bin/env node
// `npm start`: the Electron window where Electron's binary is installed (or can be fetched);
// otherwise browser mode — the same core and renderer served on 127.0.0.1 — never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

function electronBinary() {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const read = () => {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  };
  if (read()) return read();
  if (process.env.BOARDPACK_BROWSER_MODE === '1') return null;
  // Electron 45 downloads its binary lazily; try once, quietly, and fall back if the network says no.
  const attempt = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return attempt.status === 0 ? read() : null;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (binary) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, [root, ...args]);
} else {
  console.log("Electron's binary is not available on this machine, so Boardpack starts in browser mode.");
  run(process.execPath, [join(root, 'electron', 'cli', 'bin.mjs'), 'serve', ...args]);
}
