// Every HTML page of the example site, and of a site exercising every
// template, must pass the W3C Nu HTML checker with zero errors.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { checkHtml, fabu, makeSite, page, repoRoot, tempDir } from './lib.mjs';

test('every page of the example site passes the Nu HTML checker', () => {
  const out = path.join(tempDir(), 'public');
  const build = fabu(['build', '--source', repoRoot, '--out', out]);
  assert.equal(build.status, 0, build.stderr);
  checkHtml(out);
});

test('every built-in template produces valid HTML', () => {
  const files = {
    'site.yaml': 'title: 校验站点\npage_size: 2\nfooter: {host: 示例总工会, icp: 京ICP备00000000号-1, police: 京公网安备 11000002000000号, site_code: "0000000000"}\nmenu:\n  - {title: 首页, url: /}\n  - {title: 文章, url: /posts/}\n',
    'content/_index.md': page('首页', '', '欢迎访问。'),
    'content/posts/_index.md': page('文章', '', '栏目介绍。'),
    'content/posts/nested/_index.md': page('子栏目'),
    'content/posts/nested/deep.md': page('深层文章'),
  };
  for (let i = 1; i <= 5; i++)
    files[`content/posts/p${i}.md`] = page(`文章${i}`, `date: 2023-03-0${i}\ntags: [通知, 标签${i}]\n`,
      '## 第一节\n\n| 序号 | 单位 |\n|---|---|\n| 1 | 北京 |\n\n## 第二节\n\n- [x] 任务\n- 列表\n\n## 第三节\n\n![图](a.png) [链接](https://example.org/)\n\n```cpp\nint main() {}\n```\n\n脚注[^1]\n\n[^1]: 注释。');
  const site = makeSite(files);
  const build = fabu(['build', '-s', site]);
  assert.equal(build.status, 0, build.stderr);
  checkHtml(path.join(site, 'public'));
});
