// Shared helpers for the end-to-end tests: build real sites with build/fabu
// in temporary folders and read what they wrote.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fabuBinary = process.env.FABU ?? path.join(repoRoot, 'build/fabu');

// Runs fabu with `args`; returns {status, stdout, stderr}.
export function fabu(args, options = {}) {
  const result = spawnSync(fabuBinary, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'fabu-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Writes {relativePath: text} into a new temporary site folder.
export function makeSite(files) {
  const root = tempDir();
  for (const [relative, text] of Object.entries(files)) {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return root;
}

export function read(root, relative) {
  return fs.readFileSync(path.join(root, relative), 'utf8');
}

export function exists(root, relative) {
  return fs.existsSync(path.join(root, relative));
}

// Every file below `dir`, relative, sorted.
export function listFiles(dir) {
  const out = [];
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

// A digest of a folder's names and bytes: equal digests, equal trees.
export function treeDigest(dir) {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash.update(file);
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function page(title, extra = '', body = '正文。') {
  return `---\ntitle: "${title}"\n${extra}---\n\n${body}\n`;
}

const vnuJar = path.join(repoRoot, 'tests/node_modules/vnu-jar/build/dist/vnu.jar');

// Runs the W3C Nu HTML checker over every page below `dir`; fails on any error.
export function checkHtml(dir) {
  const pages = listFiles(dir).filter((file) => file.endsWith('.html'));
  assert.ok(pages.length > 0, 'no pages to check');
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  const messages = JSON.parse(result.stderr || '{"messages":[]}').messages;
  const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  const report = errors.map((m) => `${m.url.replace(/^file:/, '')}:${m.lastLine}: ${m.message}`).join('\n');
  assert.equal(errors.length, 0, `${errors.length} HTML errors in ${pages.length} pages:\n${report}`);
  return pages.length;
}
