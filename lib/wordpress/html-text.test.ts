import { describe, it, expect } from 'vitest';
import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('decodes numeric and named entities', () => {
    expect(htmlToText('The Keeper&#8217;s Log')).toBe('The Keeper’s Log');
    expect(htmlToText('Salt Roads &amp; the Winter Ferries')).toBe('Salt Roads & the Winter Ferries');
    expect(htmlToText('&#8220;Your Map Was Wrong&#8221; &hellip;')).toBe('“Your Map Was Wrong” …');
    expect(htmlToText('caf&eacute; &nbsp;hours')).toBe('café hours');
  });

  it('strips tags but keeps their text', () => {
    expect(htmlToText('<em>x</em>')).toBe('x');
    expect(htmlToText('Notes from <strong><em>Gull</em> Rock</strong>')).toBe('Notes from Gull Rock');
    expect(htmlToText('<p>First.</p>\n<p>Second.</p>\n')).toBe('First. Second.');
  });

  it('drops the text of scripts and styles', () => {
    expect(htmlToText('Tide tables<script>alert("boo")</script><style>p{color:red}</style>')).toBe(
      'Tide tables',
    );
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('Use &amp;lt;em&amp;gt; sparingly')).toBe('Use &lt;em&gt; sparingly');
    expect(htmlToText('Use &lt;em&gt; sparingly')).toBe('Use <em> sparingly');
  });

  it('collapses whitespace and trims', () => {
    expect(htmlToText('  The\n\tLantern   Quarterly  ')).toBe('The Lantern Quarterly');
    expect(htmlToText('')).toBe('');
  });
});
