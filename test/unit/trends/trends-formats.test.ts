import * as assert from 'assert';
import { parseCsv } from '../../../src/core/csv-parse';
import { buildTrends } from '../../../src/core/trends/trends';
import type { Analysis } from '../../../src/core/types';
import { chartModel } from '../../../src/core/trends/chart-model';
import { STYLE, STYLE_HASH, trendsHtml } from '../../../src/cli/formats/trends/html';
import { createHash } from 'crypto';
import { trendsMarkdown } from '../../../src/cli/formats/trends/markdown';
import { TRENDS_CSV_COLUMNS, trendsCsv, trendsJson, trendsTable } from '../../../src/cli/formats/trends/simple-formats';
import { textChart } from '../../../src/cli/formats/trends/text-chart';
import { trendScore } from '../../../src/core/trends/trend-scores';
import { analysisOf, session } from '../summary/fixture';

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> *bold* | [link](http://example.com)';

function analysis(file: string, metadata: Record<string, string>, allianceIndex: number, reflectionToQuestion: number | null): Analysis {
  const result = analysisOf(session([['therapist', 'Hello.'], ['client', 'Hi.']]), file);
  result.metadata = metadata;
  result.summary = { ...result.summary, allianceIndex, reflectionToQuestion };
  return result;
}

const report = buildTrends([
  analysis(`${HOSTILE}.txt`, { therapist: HOSTILE, date: '2026-03-01', session: '1' }, 40, 0.5),
  analysis('second.txt', { therapist: HOSTILE, date: '2026-03-08', session: '2' }, 65, 1.2),
  analysis('third.txt', { therapist: HOSTILE, date: '2026-03-15', session: '3' }, 55, 2.1),
]);

describe('trends formats: HTML', () => {
  const html = trendsHtml(report, { groupBy: 'therapist' });

  it('escapes hostile names and file names and runs no script', () => {
    assert.ok(!/<script/i.test(html), 'no <script in the HTML');
    assert.ok(!html.includes('<img'), 'no injected element');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;'));
  });

  it('loads nothing from outside the file and says so in its Content-Security-Policy', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/);
    // The only URL is SVG's namespace name, which is never fetched.
    assert.deepStrictEqual(html.match(/https?:\/\/[^\s"<)]+/g)?.filter((url) => url !== 'http://www.w3.org/2000/svg' && !url.startsWith('http://example.com')), []);
    assert.ok(!/\s(src|href|xlink:href)=/i.test(html.replace(/&lt;img src=x/g, '')), 'no attribute loads a resource');
    assert.ok(!/url\(|@import/.test(html));
  });

  it('allows its own style sheet, by hash, and no other style', () => {
    assert.strictEqual(STYLE_HASH, `sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}`, 'update STYLE_HASH after editing STYLE');
    assert.ok(html.includes(`<style>${STYLE}</style>`));
    assert.strictEqual((html.match(/<style/g) ?? []).length, 1);
    assert.ok(!/\sstyle=/.test(html), 'no style attribute, which the policy would block');
  });

  it('draws one chart per score, each with a title, a description and its values in words', () => {
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    assert.strictEqual(charts.length, 9);
    for (const chart of charts) {
      const labelled = /aria-labelledby="([^" ]+) ([^"]+)"/.exec(chart);
      assert.ok(labelled && chart.includes(`<title id="${labelled[1]}">`) && chart.includes(`<desc id="${labelled[2]}">`), chart.slice(0, 200));
    }
    assert.ok(html.includes('<desc id="g0-s0-desc">Alliance index over 3 sessions: S1 40, S2 65, S3 55.</desc>'));
  });

  it('labels the ratio an estimate, draws the MITI thresholds for reference and never grades it', () => {
    assert.ok(html.includes('<figcaption>Reflection-to-question ratio (estimate)</figcaption>'));
    assert.ok(html.includes('Dashed lines: MITI fair 1:1, MITI good 2:1, shown for reference only, not as a grade.'));
    assert.ok(!/in the MITI (good|fair) band/.test(html));
  });

  it('grades the ratio when its agreement with experts allows', () => {
    const graded = trendsHtml(report, { groupBy: 'therapist', trusted: () => true });
    assert.ok(graded.includes('<figcaption>Reflection-to-question ratio</figcaption>'));
    assert.ok(graded.includes('in the MITI good band'));
  });

  it('has a data table with every session', () => {
    const rows = html.match(/<tr><td/g) ?? [];
    assert.strictEqual(rows.length, 3);
    assert.ok(html.includes('<td class="number">65 (+25)</td>'));
  });
});

describe('trends formats: Markdown', () => {
  const markdown = trendsMarkdown(report, { groupBy: 'therapist' });

  it('escapes hostile names so they stay text', () => {
    const heading = markdown.split('\n').find((line) => line.startsWith('## '));
    assert.strictEqual(heading, '## \\<script\\>alert\\("x"\\)\\</script\\> \\& \\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\| \\[link\\]\\(http://example.com\\)');
    // Table rows keep their column count: the | in the file name is escaped.
    const row = markdown.split('\n').find((line) => line.startsWith('| 1 |')) ?? '';
    assert.strictEqual(row.split(/(?<!\\)\|/).length - 2, 12, row);
  });

  it('draws a text chart per score inside balanced fences', () => {
    assert.strictEqual((markdown.match(/^```text$/gm) ?? []).length, 9);
    assert.strictEqual((markdown.match(/^```$/gm) ?? []).length, 9);
    assert.ok(markdown.includes('### Reflection-to-question ratio \\(estimate\\)'));
  });
});

describe('trends formats: JSON and CSV', () => {
  it('prints the report as JSON', () => {
    assert.deepStrictEqual(JSON.parse(trendsJson(report)), JSON.parse(JSON.stringify(report)));
  });

  it('prints one CSV row per session, names as text', () => {
    const { rows, problems } = parseCsv(trendsCsv(report));
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(rows[0], TRENDS_CSV_COLUMNS);
    assert.deepStrictEqual(rows.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[TRENDS_CSV_COLUMNS.indexOf('changeAllianceIndex')]]), [
      [HOSTILE, '2026-03-01', '1', '40', ''], [HOSTILE, '2026-03-08', '2', '65', '25'], [HOSTILE, '2026-03-15', '3', '55', '-10'],
    ]);
  });
});

describe('trends formats: the terminal table', () => {
  it('shows each session with its changes, marks estimates, and prints no control characters', () => {
    const table = trendsTable(buildTrends([
      analysis('one.txt', { therapist: 'Lee\u001b[31m', session: '1' }, 40, 0.5),
      analysis('two.txt', { therapist: 'Lee\u001b[31m', session: '2' }, 65, 1.2),
    ]), { groupBy: 'therapist' });
    const lines = table.split('\n');
    // The escape character is removed (the one helper for everything bound for a terminal), so no colour code runs.
    assert.strictEqual(lines[0], 'therapist: Lee[31m  (2 sessions)');
    assert.ok(!table.includes('\u001b'));
    assert.match(lines[1], /^ {2}Session +Date +Index +R:Q\* +%CR\* +%OQ\* +Collab/);
    assert.match(lines[3], /^ {2}2 +– +65 \(\+25\) +1\.2:1 \(\+0\.7\) /);
    assert.ok(lines[3].endsWith('two.txt'));
    assert.match(table, /\* an estimate: it agrees with expert coders below ICC 0\.60/);
    const trusted = trendsTable(buildTrends([analysis('one.txt', {}, 40, 0.5)]), { groupBy: 'therapist', trusted: () => true });
    assert.ok(!trusted.includes('*'), trusted);
  });
});

describe('trends formats: the text chart', () => {
  it('puts each session at the row of its value, with the thresholds labelled', () => {
    const chart = textChart(chartModel(trendScore('reflectionToQuestion'), report.groups[0].sessions, () => true));
    const lines = chart.split('\n');
    // Axis 0..3 over nine rows: 2:1 sits at row round(8 − 2/3·8) = 3, 1:1 at row 5, 0.5 at row 7, 1.2 at row 5, 2.1 at row 2.
    assert.match(lines[3], /-+ {2}MITI good 2:1$/);
    assert.match(lines[5], /MITI fair 1:1$/);
    const column = (line: string, at: number) => line.slice(line.indexOf('┤') + 2)[at];
    assert.strictEqual(column(lines[7], 0), '●');
    assert.strictEqual(column(lines[5], 7), '●');
    assert.strictEqual(column(lines[2], 14), '●');
    assert.strictEqual(lines[0].trim().startsWith('3:1'), true);
  });
});
