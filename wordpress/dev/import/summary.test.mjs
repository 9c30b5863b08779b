import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.mjs';
import { createTally, formatSummary } from './summary.mjs';

describe('the summary', () => {
  it('counts per kind, groups skips by reason with examples, and counts placeholders', () => {
    const tally = createTally();
    tally.expect('users');
    tally.record('posts', 'created', { label: '“A” (line 10)' });
    tally.record('posts', 'created', {
      label: '“B” (line 20)',
      reason: 'slug "b" was taken; WordPress gave "b-2"',
    });
    tally.record('posts', 'unchanged', { label: '“C” (line 30)' });
    for (const line of [40, 50, 60, 70]) {
      tally.record('posts', 'skipped', {
        label: `“D” (line ${line})`,
        reason: 'post type "x" is not registered on this site',
      });
    }
    tally.record('comments', 'failed', {
      label: 'by Ann (line 80)',
      reason: 'WordPress did not store the comment',
    });
    tally.media.attachments = 3;
    tally.media.downloaded = 1;
    tally.media.placeholders = 2;

    expect(tally.totals()).toEqual({ created: 2, updated: 0, skipped: 5, failed: 1 });
    const text = formatSummary(tally, {
      source: 'https://old.example',
      target: 'http://127.0.0.1:9420',
      seconds: 2,
    });
    expect(text).toContain('Imported https://old.example into http://127.0.0.1:9420 in 2.0 s.');
    expect(text).toMatch(/^ {2}users +0 +0 +0 +0$/m);
    expect(text).toMatch(/^ {2}posts +2 +0 +5 +0$/m);
    expect(text).toMatch(/^ {2}total +2 +0 +5 +1$/m);
    expect(text).toContain('  posts: 1 unchanged since the last import\n');
    expect(text).toContain(
      '  posts: 4 post type "x" is not registered on this site: “D” (line 40); “D” (line 50); “D” (line 60), and 1 more',
    );
    expect(text).toContain('  comments: 1 failed: WordPress did not store the comment: by Ann (line 80)');
    expect(text).toContain('Media: 3 attachments: 1 with their file downloaded, 2 kept as placeholders');
    expect(text).toContain('  posts: “B” (line 20): slug "b" was taken; WordPress gave "b-2"');
  });
});

describe('the progress display', () => {
  function capture(interactive) {
    const stream = new PassThrough();
    let output = '';
    stream.on('data', (chunk) => (output += chunk));
    return { progress: createProgress({ stream, interactive }), output: () => output };
  }

  it('writes one plain line per finished step when not on a terminal', () => {
    const { progress, output } = capture(false);
    progress.setTotal(3);
    progress.startStep('users', 1);
    progress.advance();
    progress.startStep('posts', 2);
    progress.advance(2);
    progress.finish();
    expect(output()).toBe('  users: 1/1\n  posts: 2/2\n');
  });

  it('redraws a bar in place on a terminal, and clears it at the end', () => {
    const { progress, output } = capture(true);
    progress.setTotal(4);
    progress.startStep('posts', 4);
    progress.advance(2);
    expect(output()).toContain('\r\x1b[K[###############---------------]  50%  posts 2/4');
    progress.finish();
    expect(output().endsWith('\r\x1b[K')).toBe(true);
  });
});
