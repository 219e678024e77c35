// The example site in real headless Chromium (Debian's), at phone and
// desktop sizes: it reads without sideways scrolling, and the keyboard path
// through the skip link works.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { fabu, listFiles, repoRoot, tempDir } from '../e2e/lib.mjs';

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.xml': 'application/xml', '.js': 'text/javascript' };
let server;
let browser;
let base;
let pages;
const shots = path.join(repoRoot, 'tests/output/screenshots');

before(async () => {
  const out = path.join(tempDir(), 'public');
  const build = fabu(['build', '--source', repoRoot, '--out', out]);
  assert.equal(build.status, 0, build.stderr);
  pages = listFiles(out).filter((f) => f.endsWith('index.html')).map((f) => '/' + f.replace(/index\.html$/, ''));
  server = http.createServer((request, response) => {
    let file = path.join(out, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(out)) return response.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  fs.mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

for (const viewport of [{ name: 'phone', width: 375, height: 740 }, { name: 'desktop', width: 1280, height: 800 }]) {
  test(`every page fits a ${viewport.name} screen without sideways scrolling`, async () => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    const failures = [];
    for (const url of pages) {
      const response = await tab.goto(base + url);
      assert.equal(response.status(), 200, url);
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${url} overflows by ${overflow}px`);
      const styled = await tab.evaluate(() => getComputedStyle(document.querySelector('.site-header')).borderTopWidth);
      assert.equal(styled, '4px', `${url}: the stylesheet loaded`);
    }
    assert.deepEqual(failures, []);
    await tab.goto(base + '/');
    await tab.screenshot({ path: path.join(shots, `home-${viewport.name}.png`), fullPage: true });
    const article = pages.find((p) => p.split('/').length > 3) ?? '/';
    await tab.goto(base + article);
    await tab.screenshot({ path: path.join(shots, `page-${viewport.name}.png`), fullPage: true });
    await context.close();
  });
}

test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const tab = await browser.newPage();
  await tab.goto(base + '/');
  await tab.keyboard.press('Tab');
  const focused = await tab.evaluate(() => ({ text: document.activeElement.textContent, cls: document.activeElement.className }));
  assert.equal(focused.cls, 'skip-link');
  assert.equal(focused.text, '跳到正文');
  const visible = await tab.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0);
  assert.ok(visible, 'the skip link shows when focused');
  await tab.keyboard.press('Enter');
  assert.equal(await tab.evaluate(() => document.activeElement.id), 'main');
  // Every link and control can be reached: nothing focusable is hidden from the keyboard.
  const unreachable = await tab.evaluate(() =>
    [...document.querySelectorAll('a[href], button')].filter((el) => el.tabIndex < 0).length);
  assert.equal(unreachable, 0);
  await tab.close();
});

test('the page language is declared for Chinese typography', async () => {
  const tab = await browser.newPage();
  await tab.goto(base + '/');
  assert.equal(await tab.evaluate(() => document.documentElement.lang), 'zh-CN');
  await tab.close();
});
