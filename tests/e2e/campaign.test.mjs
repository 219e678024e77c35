// Campaign content end to end: notices laid out as official documents, their
// attachments, and the checks that catch real mistakes in them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { checkHtml, exists, fabu, makeSite, read, treeDigest } from './lib.mjs';

const nationalCsv = '序号,单位,线下活动数量\n1,北 京,100\n2,广 东,100\n3,陕 西,50\n,合 计,250\n';

function notice(fields, body = '## 一、总体要求\n\n正文内容。\n\n### （一）第一项\n\n内容。') {
  return `---\n${fields}---\n\n${body}\n`;
}

const national = notice(`title: 关于开展示例主题活动的通知
type: notice
date: 2023-03-26
doc_number: 总工字〔2023〕19号
level: national
issued_for: 全国
issuers:
  - {name: 中华全国总工会, mark: 中华全国总工会}
  - {name: 中央网络安全和信息化委员会办公室, mark: 中央网信办}
mark_suffix: 文件
addressees: 各省、自治区、直辖市总工会、网信办
signatures: [中华全国总工会, 中央网络安全和信息化委员会办公室]
attachments:
  - {title: 计划任务分配表, data: allocation.csv}
  - {title: 各子项目承办单位及主要内容, data: subprojects.yaml}
contacts:
  - {unit: 网络工作部, name: 联系人甲, phone: 010-00000000}
  - {unit: 网络社会工作局, name: 联系人乙, phone: 13800000000}
cc: [新疆生产建设兵团总工会]
printed_by: 中华全国总工会办公厅
printed_date: 2023-03-28
`);

const province = (extra = '') => notice(`title: 广东省关于开展示例主题活动的通知
type: notice
date: 2023-04-23
level: province
issued_for: 广东省
issuers: [广东省总工会]
parents: [national]
attachments:
  - {title: 广东省任务分配表, data: guangdong.csv}
${extra}`);

function campaignSite(overrides = {}) {
  return makeSite({
    'site.yaml': 'title: 示例\nmask_mobile_numbers: true\n',
    'content/notices/national.md': national,
    'content/notices/allocation.csv': nationalCsv,
    'content/notices/subprojects.yaml': '- id: songs\n  name: 网络正能量歌曲征集\n  hosts: [中国金融工会]\n  description: 征集原创歌曲。\n  contacts: [{name: 联系人丙, phone: "13800000001"}]\n- id: video\n  name: 网络正能量微视频征集\n  hosts: [广东省总工会, 广西壮族自治区总工会]\n',
    'content/notices/guangdong.md': province(),
    'content/notices/guangdong.csv': '序号,单位,线下活动数量\n1,广州,60\n2,汕头,40\n,合计,100\n',
    ...overrides,
  });
}

test('a notice is laid out as an official document', () => {
  const site = campaignSite();
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 0, result.stderr);
  const out = path.join(site, 'public');
  const html = read(out, 'notices/national/index.html');
  assert.match(html, /<span class="gw-organ">中华全国总工会<\/span><span class="gw-organ">中央网信办<\/span>/);
  assert.match(html, /class="gw-mark gw-joint"/, 'joint issuers stack');
  assert.match(html, /<span class="gw-suffix">文件<\/span>/);
  assert.match(html, /<p class="gw-number">总工字〔2023〕19号<\/p>/);
  assert.match(html, /<hr class="gw-rule">/);
  assert.match(html, /<p class="gw-addressees">各省、自治区、直辖市总工会、网信办：<\/p>/);
  assert.match(html, /<h2 id="一总体要求">一、总体要求<\/h2>/);
  assert.match(html, /<li><a href="#attachment-1">计划任务分配表<\/a><\/li>/, '附件说明 lists every attachment');
  assert.match(html, /<p class="gw-date"><time datetime="2023-03-26">2023年3月26日<\/time><\/p>/);
  assert.match(html, /<p class="gw-attachment-number">附件1<\/p>/);
  assert.match(html, /<td>北 京<\/td><td class="num">100<\/td>/);
  assert.match(html, /<tfoot><tr><td class="num"><\/td><td>合 计<\/td><td class="num">250<\/td><\/tr><\/tfoot>/);
  assert.match(html, /<h3>网络正能量微视频征集<\/h3>/);
  assert.match(html, /承办单位：<\/strong>广东省总工会、广西壮族自治区总工会/);
  assert.match(html, /<p class="gw-cc">抄送：新疆生产建设兵团总工会。<\/p>/);
  assert.match(html, /<span>中华全国总工会办公厅<\/span><span>2023年3月28日印发<\/span>/);
  assert.match(html, /联系人：联系人乙，电话：138\*\*\*\*0000/, 'mobile numbers masked when the site asks');
  assert.match(html, /联系人：联系人甲，电话：010-00000000/, 'landlines stay');
  assert.match(html, /下级文件：<a href="\/notices\/guangdong\/">广东省关于开展示例主题活动的通知<\/a>/);
  const child = read(out, 'notices/guangdong/index.html');
  assert.match(child, /上级文件：<a href="\/notices\/national\/">关于开展示例主题活动的通知<\/a>（总工字〔2023〕19号）/);
  // Tables download as CSV and JSON.
  assert.equal(read(out, 'notices/allocation.csv'), nationalCsv);
  const table = JSON.parse(read(out, 'notices/allocation.json'));
  assert.deepEqual(table.rows[1], { '序号': 2, '单位': '广 东', '线下活动数量': 100 });
  assert.equal(table.total['线下活动数量'], 250);
});

function expectError(overrides, pattern) {
  const site = campaignSite();
  assert.equal(fabu(['build', '-s', site]).status, 0);
  const before = treeDigest(path.join(site, 'public'));
  for (const [file, text] of Object.entries(overrides)) fs.writeFileSync(path.join(site, file), text);
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, pattern);
  assert.equal(treeDigest(path.join(site, 'public')), before, 'public/ unchanged');
  const check = fabu(['check', '-s', site]);
  assert.equal(check.status, 1);
  assert.match(check.stderr, pattern);
}

test('a column that does not add up to its 合计 is caught', () => {
  expectError({ 'content/notices/allocation.csv': nationalCsv.replace(',合 计,250', ',合 计,260') },
    /^content\/notices\/allocation\.csv:5:3: error: 线下活动数量: the rows add up to 250, but 合计 says 260/m);
});

test('a gap in serial numbers and a repeated unit are caught', () => {
  expectError({ 'content/notices/allocation.csv': '序号,单位,线下活动数量\n1,北京,100\n3,广东,100\n4,北京,50\n,合计,250\n' },
    /allocation\.csv:3:1: error: serial number 3 where 2 was expected[\s\S]*allocation\.csv:4:2: error: unit 北京 appears twice/);
});

test("a province's table must match the quota its parent allotted (the cascade)", () => {
  expectError({ 'content/notices/guangdong.csv': '序号,单位,线下活动数量\n1,广州,70\n2,汕头,40\n,合计,110\n' },
    /^content\/notices\/guangdong\.csv:4:3: error: 线下活动数量 totals 110, but content\/notices\/allocation\.csv:3 allots 100 to 广 东/m);
});

test('document number slips get the corrected form', () => {
  for (const [written, slip] of [['总工字[2023]19号', 'not \\[\\]'], ['总工字【2023】19号', 'not 【】'],
    ['总工字(2023)19号', 'not \\(\\)'], ['总工字〔2023〕第19号', 'no 第'], ['总工字〔2023〕019号', 'leading zeros']]) {
    expectError({ 'content/notices/national.md': national.replace('总工字〔2023〕19号', written) },
      new RegExp(`^content/notices/national\\.md:5:13: error: 发文字号 '${written.replace(/[[\]()]/g, '\\$&')}': .*${slip}.*; write 总工字〔2023〕19号`, 'm'));
  }
});

test("the document number's year must agree with the date", () => {
  expectError({ 'content/notices/national.md': national.replace('总工字〔2023〕19号', '总工字〔2022〕19号') },
    /national\.md:5:13: error: 发文字号 总工字〔2022〕19号 names the year 2022, but the notice is dated 2023-03-26/);
});

test('malformed phone numbers are caught', () => {
  expectError({ 'content/notices/national.md': national.replace('phone: 13800000000', 'phone: 1380000000') },
    /national\.md:19:40: error: phone number '1380000000' is malformed/);
});

test('links between notices must resolve and must not loop', () => {
  expectError({ 'content/notices/guangdong.md': province().replace('parents: [national]', 'parents: [nowhere]') },
    /guangdong\.md:8:\d+: error: parent notice 'nowhere' is not a page of this site/);
  expectError({ 'content/notices/national.md': national.replace('level: national', 'parents: [guangdong]\nlevel: national') },
    /error: circular parent notices: content\/notices\/(national|guangdong)\.md → /);
});

test('attachments must exist and stay inside content/', () => {
  expectError({ 'content/notices/guangdong.md': province().replace('data: guangdong.csv', 'data: missing.csv') },
    /guangdong\.md:10:\d+: error: attachment data 'missing\.csv' not found/);
  expectError({ 'content/notices/guangdong.md': province().replace('data: guangdong.csv', 'data: ../../site.yaml') },
    /error: attachment data '\.\.\/\.\.\/site\.yaml' must be a file inside content\//);
});

test('stages must be real dates, in order and inside the campaign period', () => {
  const campaign = (stages) => `---\ntitle: 2023年主题活动\ntype: campaign\nperiod: {start: 2023-03-01, end: 2023-11-30}\nstages:\n${stages}---\n`;
  expectError({ 'content/notices/_index.md': campaign('  - {name: 第一阶段, start: 2023-03-01, end: 2023-02-30}\n') },
    /_index\.md:6:42: error: 'end' is not a real date: '2023-02-30'/);
  expectError({ 'content/notices/_index.md': campaign('  - {name: 一, start: 2023-08-01, end: 2023-09-30}\n  - {name: 二, start: 2023-03-01, end: 2023-08-31}\n') },
    /error: stages are out of order/);
  expectError({ 'content/notices/_index.md': campaign('  - {name: 一, start: 2023-03-01, end: 2023-12-31}\n') },
    /error: the stage ends after the campaign period \(2023-11-30\)/);
});

test('a campaign landing page shows key figures and a timeline', () => {
  const site = campaignSite({
    'content/notices/_index.md': `---\ntitle: 2023年主题活动\ntype: campaign\nslogan: 网聚职工正能量 争做中国好网民\nperiod: {start: 2023-03-01, end: 2023-11-30}\nstages:\n  - {name: 第一阶段：活动启动推进, start: 2023-03-01, end: 2023-08-31, summary: 各地围绕主题开展活动。}\ntargets:\n  - {value: 20000, unit: 名, label: 职工好网民宣传员}\n  - {value: 100000000, unit: 名, label: 职工网民}\n---\n`,
  });
  const result = fabu(['build', '-s', site]);
  assert.equal(result.status, 0, result.stderr);
  const html = read(path.join(site, 'public'), 'notices/index.html');
  assert.match(html, /<li><strong>2万<\/strong><span>名职工好网民宣传员<\/span><\/li>/);
  assert.match(html, /<li><strong>1亿<\/strong>/);
  assert.match(html, /<p class="stage-range">2023年3月1日至8月31日<\/p>/);
  assert.match(html, /活动时间：2023年3月1日至11月30日/);
  assert.match(html, /<span>总工字〔2023〕19号<\/span>/, 'notice lists show document numbers');
  assert.ok(exists(path.join(site, 'public'), 'notices/national/index.html'));
  checkHtml(path.join(site, 'public'));
});
