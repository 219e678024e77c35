// End-to-end: build real sites with build/fabu and inspect the output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { exists, fabu, listFiles, makeSite, page, read, repoRoot, tempDir, treeDigest } from './lib.mjs';

test('the example site in the repository builds with no problems', () => {
  const out = path.join(tempDir(), 'public');
  const result = fabu(['build', '--source', repoRoot, '--out', out]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '', 'no warnings expected');
  assert.match(result.stdout, /^\d+ pages, \d+ files in \d+ ms\n$/);
  for (const file of ['index.html', '404.html', 'sitemap.xml', 'atom.xml', 'robots.txt', 'tags/index.html'])
    assert.ok(exists(out, file), file);
  const home = read(out, 'index.html');
  assert.match(home, /<html lang="zh-CN">/);
  const css = home.match(/href="\/(style\.[0-9a-f]{8}\.css)" integrity="sha384-[A-Za-z0-9+/=]+"/);
  assert.ok(css, 'fingerprinted stylesheet with SRI');
  assert.ok(exists(out, css[1]));
});

test('a Hugo-style site builds unchanged: TOML, YAML, JSON, bundles, static, drafts', () => {
  const site = makeSite({
    'config.toml': 'baseURL = "https://hugo.example.org/"\ntitle = "Hugo 站点"\nlanguageCode = "zh-cn"\npaginate = 2\n',
    'content/_index.md': '---\ntitle: 首页\n---\n欢迎。\n',
    'content/posts/_index.md': '+++\ntitle = "文章"\n+++\n',
    'content/posts/toml-post.md': '+++\ntitle = "TOML 文章"\ndate = 2023-03-26T10:00:00+08:00\ntags = ["通知", "广东"]\ncategories = ["活动"]\n+++\n\nTOML body with a [link](yaml-post.md).\n',
    'content/posts/yaml-post.md': page('YAML 文章', 'date: 2023-03-27\ntags: [通知]\n'),
    'content/posts/json-post.md': '{\n  "title": "JSON 文章",\n  "date": "2023-03-25"\n}\n\nJSON body\n',
    'content/posts/draft.md': page('草稿', 'draft: true\n'),
    'content/posts/bundle/index.md': page('页面包', 'date: 2023-03-20\n', '![图](photo.png)'),
    'content/posts/bundle/photo.png': 'PNG',
    'content/posts/网聚职工正能量.md': page('网聚职工正能量', 'date: 2023-03-19\n'),
    'static/files/guide.pdf': 'PDF',
  });
  const result = fabu(['build', '--source', site]);
  assert.equal(result.status, 0, result.stderr);
  const out = path.join(site, 'public');
  const files = listFiles(out);
  for (const file of [
    'posts/toml-post/index.html', 'posts/yaml-post/index.html', 'posts/json-post/index.html',
    'posts/bundle/index.html', 'posts/bundle/photo.png', 'files/guide.pdf',
    'posts/wang-ju-zhi-gong-zheng-neng-liang/index.html',  // Chinese file name: pinyin URL
    'posts/index.html', 'posts/page/2/index.html', 'posts/page/3/index.html', 'posts/atom.xml',
    'tags/tong-zhi/index.html', 'tags/guang-dong/index.html', 'categories/huo-dong/index.html',
  ])
    assert.ok(files.includes(file), `${file} missing from ${files.join(', ')}`);
  assert.ok(!files.some((f) => f.includes('%')), 'no percent-encoded paths');
  assert.ok(!files.includes('posts/draft/index.html'), 'drafts are left out');
  const toml = read(out, 'posts/toml-post/index.html');
  assert.match(toml, /<time datetime="2023-03-26">2023年3月26日<\/time>/);
  assert.match(toml, /href="\/posts\/yaml-post\/"/, 'links to .md files resolve to page URLs');
  assert.match(toml, /href="\/tags\/tong-zhi\/" rel="tag">通知<\/a>/);
  // Newest first, two per page.
  const list = read(out, 'posts/index.html');
  assert.ok(list.indexOf('YAML 文章') < list.indexOf('TOML 文章'));
  assert.match(list, /href="\/posts\/page\/2\/" rel="next"/);
  const feed = read(out, 'atom.xml');
  assert.match(feed, /<link href="https:\/\/hugo\.example\.org\/posts\/toml-post\/" rel="alternate"/);
  assert.match(feed, /<published>2023-03-26T10:00:00\+08:00<\/published>/);
  const sitemap = read(out, 'sitemap.xml');
  assert.match(sitemap, /<loc>https:\/\/hugo\.example\.org\/posts\/bundle\/<\/loc>/);
  assert.match(read(out, 'robots.txt'), /Sitemap: https:\/\/hugo\.example\.org\/sitemap\.xml/);

  const withDrafts = fabu(['build', '--source', site, '--drafts', '--quiet']);
  assert.equal(withDrafts.status, 0);
  assert.equal(withDrafts.stdout, '');
  assert.ok(exists(out, 'posts/draft/index.html'));
});

test('Hexo and Jekyll front matter builds', () => {
  const site = makeSite({
    'content/posts/hexo.md': 'title: Hexo 文章\ndate: 2023/3/26 10:00:00\ntags:\n- 通知\n---\nHexo body\n',
    'content/posts/jekyll.md': '---\nlayout: post\ntitle: Jekyll 文章\ndate: 2023-03-26 10:00:00 +0800\ncategories: 活动\npublished: true\n---\nJekyll body\n',
  });
  const result = fabu(['build', '--source', site]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(read(path.join(site, 'public'), 'posts/hexo/index.html'), /<h1>Hexo 文章<\/h1>/);
  // An unknown layout falls back to the page template with a warning.
  assert.match(result.stderr, /content\/posts\/jekyll\.md: warning: layout 'post' has no template/);
});

test('a folder holding only content/ builds with the built-in theme', () => {
  const site = makeSite({ 'content/hello.md': page('你好') });
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 0, result.stderr);
  const html = read(path.join(site, 'public'), 'hello/index.html');
  assert.match(html, /<a class="skip-link" href="#main">跳到正文<\/a>/);
  assert.match(html, /<main id="main"/);
});

test("a site's own templates override the theme file by file", () => {
  const site = makeSite({
    'content/a.md': page('甲'),
    'templates/page.html': '<p class="custom">{{page.title}}</p>',
    'templates/partials/footer.html': '<footer>自定义页脚 {{site.title}}</footer>',
  });
  assert.equal(fabu(['build', '-s', site]).status, 0);
  const html = read(path.join(site, 'public'), 'a/index.html');
  assert.match(html, /<p class="custom">甲<\/p>/);
  assert.match(html, /<footer>自定义页脚 fabu<\/footer>/);
  assert.match(html, /<a class="skip-link"/, 'base layout still comes from the theme');
});

test('content is escaped; raw HTML is off unless site.yaml allows it', () => {
  const hostile = '<script>alert(1)</script>';
  const site = makeSite({
    'content/x.md': page(hostile, `summary: "${hostile}"\ntags: ["${hostile}"]\n`,
      `<img src=x onerror=alert(2)>\n\n[a](javascript:alert(3))`),
  });
  assert.equal(fabu(['build', '-s', site]).status, 0);
  const out = path.join(site, 'public');
  for (const file of listFiles(out).filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
    const text = read(out, file);
    assert.ok(!text.includes('<script>alert'), `${file} holds a live script`);
    assert.ok(!text.includes('onerror=alert'), `${file} holds an event handler`);
    assert.ok(!text.includes('javascript:alert'), `${file} holds a javascript: URL`);
  }
  fs.writeFileSync(path.join(site, 'site.yaml'), 'markdown:\n  unsafe: true\n');
  fs.writeFileSync(path.join(site, 'content/x.md'), page('x', '', '<div class="raw">raw</div>\n\n<script>bad()</script>'));
  assert.equal(fabu(['build', '-s', site]).status, 0);
  const html = read(out, 'x/index.html');
  assert.match(html, /<div class="raw">raw<\/div>/);
  assert.ok(!html.includes('<script>bad()'), 'tagfilter still disarms <script>');
});

test('a content error names file:line:col, exits 1 and leaves public/ exactly as it was', () => {
  const site = makeSite({ 'content/a.md': page('甲'), 'content/b.md': page('乙') });
  assert.equal(fabu(['build', '-s', site]).status, 0);
  const out = path.join(site, 'public');
  const before = treeDigest(out);
  fs.writeFileSync(path.join(site, 'content/b.md'), '---\ntitle: 乙\ntags: [a, b\ndate: 2023-01-01\n---\n');
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^content\/b\.md:\d+:\d+: error: YAML: /m);
  assert.match(result.stderr, /nothing was written/);
  assert.equal(treeDigest(out), before);
  assert.deepEqual(fs.readdirSync(site).sort(), ['content', 'public'], 'no staging folder left behind');

  fs.writeFileSync(path.join(site, 'content/b.md'), page('乙', 'date: 2023-02-30\n'));
  const badDate = fabu(['build', '-s', site]);
  assert.equal(badDate.status, 1);
  assert.match(badDate.stderr, /^content\/b\.md:3:7: error: 'date' is not a real date/m);
  assert.equal(treeDigest(out), before);
});

test('template errors name the template file and line', () => {
  const site = makeSite({
    'content/a.md': page('甲'),
    'templates/page.html': '<h1>{{page.title}}</h1>\n{{> missing-partial}}\n',
  });
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^templates\/page\.html:2:1: error: template uses partial 'missing-partial'/m);
  assert.ok(!exists(site, 'public'));
});

test('usage errors exit 2', () => {
  assert.equal(fabu(['build', '--no-such-flag']).status, 2);
  assert.equal(fabu(['build', '--source', '/nonexistent/site']).status, 2);
  assert.equal(fabu([]).status, 2);
  const site = makeSite({ 'content/a.md': page('甲') });
  const inside = fabu(['build', '-s', site, '--out', path.join(site, 'content/out')]);
  assert.equal(inside.status, 2);
  assert.match(inside.stderr, /inside the site's content\/ folder/);
  assert.equal(fabu(['build', '-s', site, '--out', site]).status, 2);
  assert.ok(exists(site, 'content/a.md'));
});

test('--base-url with a sub-path prefixes every internal URL', () => {
  const site = makeSite({
    'site.yaml': 'menu:\n  - {title: 文章, url: /posts/}\n',
    'content/posts/a.md': page('甲', 'tags: [x]\n', '[root link](/posts/a/)'),
  });
  assert.equal(fabu(['build', '-s', site, '--base-url', 'https://gov.example.cn/campaign/']).status, 0);
  const html = read(path.join(site, 'public'), 'posts/a/index.html');
  assert.match(html, /href="\/campaign\/style\.[0-9a-f]{8}\.css"/);
  assert.match(html, /<a href="\/campaign\/posts\/" aria-current="page">文章<\/a>/);
  assert.match(html, /href="\/campaign\/posts\/a\/">root link/);
  assert.match(html, /<link rel="canonical" href="https:\/\/gov\.example\.cn\/campaign\/posts\/a\/">/);
  assert.match(html, /href="\/campaign\/tags\/x\/"/);
});

test('output is the same whatever the number of threads', () => {
  const files = { 'site.yaml': 'page_size: 3\n' };
  for (let i = 0; i < 40; i++)
    files[`content/s${i % 3}/p${i}.md`] = page(`第${i}篇`, `date: 2023-01-${String((i % 28) + 1).padStart(2, '0')}\ntags: [t${i % 5}]\n`);
  const site = makeSite(files);
  const one = path.join(site, 'one');
  const two = path.join(site, 'two');
  assert.equal(fabu(['build', '-s', site, '-o', one, '--jobs', '1']).status, 0);
  assert.equal(fabu(['build', '-s', site, '-o', two, '--jobs', '4']).status, 0);
  assert.equal(treeDigest(one), treeDigest(two));
});

test('duplicate explicit slugs are an error naming both files', () => {
  const site = makeSite({
    'content/a.md': page('甲', 'slug: same\n'),
    'content/b.md': page('乙', 'slug: same\n'),
  });
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /content\/b\.md: error: URL \/same\/ is already used by content\/a\.md/);
});

test('fabu init and fabu new make a site that builds', () => {
  const dir = path.join(tempDir(), 'newsite');
  const init = fabu(['init', dir]);
  assert.equal(init.status, 0, init.stderr);
  assert.ok(exists(dir, 'site.yaml'));
  assert.equal(fabu(['init', dir]).status, 2, 'refuses a non-empty folder');
  const created = fabu(['new', 'notices/通知.md', '--source', dir]);
  assert.equal(created.status, 0, created.stderr);
  assert.match(read(dir, 'content/notices/通知.md'), /^---\ntitle: "通知"\ndate: \d{4}-\d{2}-\d{2}\n/);
  assert.equal(fabu(['new', 'notices/通知.md', '--source', dir]).status, 2, 'refuses to overwrite');
  assert.equal(fabu(['new', '../escape.md', '--source', dir]).status, 2);
  const build = fabu(['build', '-s', dir]);
  assert.equal(build.status, 0, build.stderr);
  assert.ok(exists(dir, 'public/notices/tong-zhi/index.html'));
  assert.ok(exists(dir, 'public/posts/hello/index.html'));
});

test('fabu check reads and checks without writing', () => {
  const site = makeSite({ 'content/a.md': page('甲', 'date: 2023-13-01\n') });
  const result = fabu(['check', '-s', site]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /content\/a\.md:3:7: error/);
  fs.writeFileSync(path.join(site, 'content/a.md'), page('甲'));
  const ok = fabu(['check', '-s', site]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(fs.readdirSync(site), ['content']);
});
