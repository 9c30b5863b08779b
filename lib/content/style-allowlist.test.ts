import { describe, expect, it } from 'vitest';
import { isAllowedDeclaration, sanitizeInlineStyle, STYLE_PROPERTIES } from './style-allowlist';

const CONTEXT = { mediaOrigins: ['http://wp.example.test'] };
const allowed = (property: string, value: string) => isAllowedDeclaration(property, value, CONTEXT);

/**
 * For every allowed property: values the block editor writes (they must pass) and values its
 * grammar must refuse. A property added to the allowlist without a line here fails the first test.
 */
const GRAMMARS: Record<string, { valid: string[]; invalid: string[] }> = {
  color: {
    valid: ['#cf2e2e', 'rgb(0 0 0 / 50%)', 'var(--wp--preset--color--vivid-red)', 'white'],
    invalid: ['1px', '#ggg'],
  },
  'background-color': {
    valid: ['#fff', 'rgba(255,0,0,.5)', 'transparent'],
    invalid: ['linear-gradient(red,blue)'],
  },
  background: {
    valid: [
      'linear-gradient(135deg,rgba(6,147,227,1) 0%,rgb(155,81,224) 100%)',
      '#000',
      'var(--wp--preset--gradient--vivid-cyan-blue-to-vivid-purple)',
    ],
    invalid: ['url(https://evil.example.net/a.png)', 'image-set("a.png" 1x)'],
  },
  'background-image': {
    valid: [
      'url(http://wp.example.test/wp-content/uploads/a.jpg)',
      'url("http://wp.example.test/b.png")',
      'radial-gradient(circle at center, #fff 0%, #000 100%)',
    ],
    invalid: [
      'url(https://evil.example.net/a.png)',
      'url(data:image/svg+xml;base64,PHN2Zz4=)',
      'url(/relative.png)',
      'element(#x)',
    ],
  },
  'background-position': { valid: ['50% 50%', 'center top', '12% 88%'], invalid: ['red'] },
  'background-position-x': { valid: ['20%'], invalid: ['fixed'] },
  'background-position-y': { valid: ['bottom'], invalid: ['blue'] },
  'background-size': { valid: ['cover', '100px auto'], invalid: ['huge'] },
  'background-repeat': { valid: ['no-repeat', 'repeat-x'], invalid: ['sometimes'] },
  'background-attachment': { valid: ['fixed'], invalid: ['absolute'] },
  'background-clip': { valid: ['text'], invalid: ['everything'] },
  'font-size': {
    valid: [
      'clamp(1.1rem, 1.1rem + ((1vw - 0.2rem) * 0.59), 1.5rem)',
      '42px',
      'var(--wp--preset--font-size--large)',
      'larger',
    ],
    invalid: ['big', 'red'],
  },
  'font-family': {
    valid: ['"Helvetica Neue", Arial, sans-serif', 'var(--wp--preset--font-family--system-font)', 'Georgia'],
    invalid: ['"a<b"', '12px'],
  },
  'font-style': { valid: ['italic', 'normal'], invalid: ['bold'] },
  'font-weight': { valid: ['700', 'bold', '100'], invalid: ['1200', 'heavy-ish px'] },
  'line-height': { valid: ['1.5', '2em', 'normal'], invalid: ['tall'] },
  'letter-spacing': { valid: ['5px', '-0.02em', 'normal'], invalid: ['wide'] },
  'word-spacing': { valid: ['0.5em'], invalid: ['wide'] },
  'text-align': { valid: ['center', 'right'], invalid: ['middle'] },
  'text-decoration': {
    valid: ['underline', 'line-through', 'underline dotted red'],
    invalid: ['1 2 3 4 5', 'underline 2'],
  },
  'text-decoration-line': { valid: ['underline overline'], invalid: ['blink'] },
  'text-transform': { valid: ['uppercase', 'capitalize'], invalid: ['shout'] },
  'text-indent': { valid: ['2em'], invalid: ['hanging'] },
  'text-orientation': { valid: ['upright'], invalid: ['diagonal'] },
  'writing-mode': { valid: ['vertical-rl', 'horizontal-tb'], invalid: ['diagonal'] },
  'column-count': { valid: ['2'], invalid: ['2px'] },
  'vertical-align': { valid: ['middle', '-2px'], invalid: ['up'] },
  padding: {
    valid: ['var(--wp--preset--spacing--50)', '1em 2em', '0 1px 2px 3px'],
    invalid: ['1px 2px 3px 4px 5px', 'auto auto red'],
  },
  'padding-top': { valid: ['var(--wp--preset--spacing--30)', '20px'], invalid: ['red'] },
  'padding-right': { valid: ['1rem'], invalid: ['left'] },
  'padding-bottom': { valid: ['calc(1rem + 2px)'], invalid: ['bottom'] },
  'padding-left': { valid: ['0'], invalid: ['none'] },
  'padding-inline': { valid: ['1rem 2rem'], invalid: ['x'] },
  'padding-block': { valid: ['1rem'], invalid: ['x'] },
  margin: { valid: ['0 auto', '-1rem 0'], invalid: ['url(http://wp.example.test/a)'] },
  'margin-top': { valid: ['var(--wp--preset--spacing--40)', '0'], invalid: ['top'] },
  'margin-right': { valid: ['auto'], invalid: ['x'] },
  'margin-bottom': { valid: ['2em'], invalid: ['x'] },
  'margin-left': { valid: ['auto'], invalid: ['x'] },
  'margin-inline': { valid: ['auto'], invalid: ['x'] },
  'margin-block': { valid: ['1em 0'], invalid: ['x'] },
  'margin-block-start': { valid: ['0'], invalid: ['x'] },
  'margin-block-end': { valid: ['0'], invalid: ['x'] },
  gap: { valid: ['2em', '1em 2em', 'var(--wp--preset--spacing--20)'], invalid: ['auto', '1em 2em 3em'] },
  'row-gap': { valid: ['10px'], invalid: ['wide'] },
  'column-gap': { valid: ['10px'], invalid: ['wide'] },
  border: {
    valid: ['1px solid #000', '3px dashed var(--wp--preset--color--black)'],
    invalid: ['1px solid url(http://wp.example.test/a)'],
  },
  'border-top': { valid: ['2px dotted red'], invalid: ['1px 2px 3px 4px'] },
  'border-right': { valid: ['1px solid'], invalid: ['1 2 3 4'] },
  'border-bottom': { valid: ['thick double #32a1ce'], invalid: ['1 2 3 4'] },
  'border-left': { valid: ['4px solid'], invalid: ['1 2 3 4'] },
  'border-width': { valid: ['2px', 'thin medium'], invalid: ['solid'] },
  'border-top-width': { valid: ['2px'], invalid: ['solid'] },
  'border-right-width': { valid: ['2px'], invalid: ['solid'] },
  'border-bottom-width': { valid: ['2px'], invalid: ['solid'] },
  'border-left-width': { valid: ['2px'], invalid: ['solid'] },
  'border-style': { valid: ['solid', 'dashed none'], invalid: ['2px'] },
  'border-top-style': { valid: ['solid'], invalid: ['2px'] },
  'border-right-style': { valid: ['solid'], invalid: ['2px'] },
  'border-bottom-style': { valid: ['solid'], invalid: ['2px'] },
  'border-left-style': { valid: ['solid'], invalid: ['2px'] },
  'border-color': { valid: ['#000 red'], invalid: ['2px'] },
  'border-top-color': { valid: ['#000'], invalid: ['2px'] },
  'border-right-color': { valid: ['#000'], invalid: ['2px'] },
  'border-bottom-color': { valid: ['#000'], invalid: ['2px'] },
  'border-left-color': { valid: ['#000'], invalid: ['2px'] },
  'border-radius': { valid: ['10px', '50%', '10px 20px / 5px'], invalid: ['round'] },
  'border-top-left-radius': { valid: ['4px'], invalid: ['round'] },
  'border-top-right-radius': { valid: ['4px'], invalid: ['round'] },
  'border-bottom-left-radius': { valid: ['4px'], invalid: ['round'] },
  'border-bottom-right-radius': { valid: ['4px'], invalid: ['round'] },
  'box-shadow': {
    valid: ['var(--wp--preset--shadow--natural)', '6px 6px 9px rgba(0, 0, 0, 0.2)', 'none'],
    invalid: ['url(http://wp.example.test/a)'],
  },
  width: { valid: ['50%', '300px', 'auto'], invalid: ['wide'] },
  'max-width': { valid: ['650px', 'none'], invalid: ['wide'] },
  'min-width': { valid: ['0'], invalid: ['wide'] },
  height: { valid: ['100px', 'auto'], invalid: ['tall'] },
  'min-height': { valid: ['430px', '50vh'], invalid: ['tall'] },
  'max-height': { valid: ['20em'], invalid: ['tall'] },
  'flex-basis': { valid: ['33.33%', 'auto'], invalid: ['half'] },
  'aspect-ratio': { valid: ['16/9', '4 / 3', '1', 'auto'], invalid: ['wide', '16:9'] },
  'object-fit': { valid: ['cover', 'contain'], invalid: ['stretch'] },
  'object-position': { valid: ['50% 50%', 'left top'], invalid: ['red'] },
  display: { valid: ['flex', 'grid', 'none'], invalid: ['run-in', 'table'] },
  'flex-direction': { valid: ['column'], invalid: ['up'] },
  'flex-wrap': { valid: ['nowrap'], invalid: ['yes'] },
  flex: { valid: ['1', '0 0 50%', 'auto'], invalid: ['big'] },
  'flex-grow': { valid: ['1'], invalid: ['1px'] },
  'flex-shrink': { valid: ['0'], invalid: ['0px'] },
  order: { valid: ['2'], invalid: ['first'] },
  'justify-content': { valid: ['space-between', 'center'], invalid: ['middle'] },
  'justify-items': { valid: ['start'], invalid: ['middle'] },
  'justify-self': { valid: ['end'], invalid: ['middle'] },
  'align-items': { valid: ['flex-start', 'stretch'], invalid: ['middle'] },
  'align-content': { valid: ['center'], invalid: ['middle'] },
  'align-self': { valid: ['center'], invalid: ['middle'] },
  'grid-template-columns': {
    valid: ['repeat(3, minmax(0, 1fr))', 'repeat(auto-fill, minmax(min(12rem, 100%), 1fr))', '1fr 2fr'],
    invalid: ['url(http://wp.example.test/a)', 'wide'],
  },
  'grid-template-rows': { valid: ['auto 1fr'], invalid: ['tall'] },
  'grid-auto-rows': { valid: ['minmax(8rem, auto)'], invalid: ['tall'] },
  'grid-auto-columns': { valid: ['1fr'], invalid: ['wide'] },
  'grid-auto-flow': { valid: ['row dense'], invalid: ['sideways'] },
  'grid-column': { valid: ['span 2', '1 / 3'], invalid: ['wide'] },
  'grid-row': { valid: ['span 2'], invalid: ['tall'] },
  'grid-column-start': { valid: ['2'], invalid: ['x'] },
  'grid-column-end': { valid: ['span 2'], invalid: ['x'] },
  'grid-row-start': { valid: ['1'], invalid: ['x'] },
  'grid-row-end': { valid: ['3'], invalid: ['x'] },
  position: { valid: ['relative', 'sticky'], invalid: ['fixed', 'absolute'] },
  'box-sizing': { valid: ['border-box'], invalid: ['padding-box'] },
  'list-style-type': { valid: ['lower-roman', 'disc'], invalid: ['"★"'] },
  opacity: { valid: ['0.5', '50%'], invalid: ['half'] },
  'white-space': { valid: ['pre-wrap'], invalid: ['wrap-all'] },
  'overflow-wrap': { valid: ['break-word'], invalid: ['always'] },
};

/** Ways to smuggle what the allowlist refuses through any property's value. */
const HOSTILE_VALUES = [
  'expression(alert(1))',
  'red; position: fixed',
  'url(https://evil.example.net/beacon.gif)',
  'url(javascript:alert(1))',
  '\\75 rl(https://evil.example.net/x)',
  'r\\65 d',
  'red /* comment */',
  '</style><script>alert(1)</script>',
  '@import url(https://evil.example.net/x.css)',
  'var(--x, url(https://evil.example.net/x))',
  'calc(1px + url(https://evil.example.net/x))',
  'linear-gradient(url(https://evil.example.net/x), red)',
  '-moz-binding: url(x)',
  'behavior: url(x.htc)',
  'image-set(url(https://evil.example.net/x) 1x)',
  'attr(data-x)',
];

describe('the style allowlist', () => {
  it('declares a tested grammar for every property it allows, and nothing more', () => {
    expect(Object.keys(GRAMMARS).sort()).toEqual(Object.keys(STYLE_PROPERTIES).sort());
  });

  for (const [property, { valid, invalid }] of Object.entries(GRAMMARS)) {
    it(`${property}: keeps what the editor writes, refuses the rest`, () => {
      for (const value of valid) expect(allowed(property, value), `${property}: ${value}`).toBe(true);
      for (const value of [...invalid, ...HOSTILE_VALUES]) {
        expect(allowed(property, value), `${property}: ${value}`).toBe(false);
      }
    });
  }

  it.each([
    ['position', 'fixed'],
    ['position', 'absolute'],
    ['top', '0'],
    ['z-index', '9999'],
    ['behavior', 'url(x.htc)'],
    ['-moz-binding', 'url(x.xml)'],
    ['content', '"x"'],
    ['filter', 'url(#x)'],
    ['cursor', 'url(https://evil.example.net/c.cur), auto'],
    ['mask-image', 'url(https://evil.example.net/m.svg)'],
    ['--x', 'red'],
    ['p\\osition', 'fixed'],
  ])('refuses the property %s', (property, value) => {
    expect(allowed(property, value)).toBe(false);
  });

  it('takes WordPress custom properties with safe values only', () => {
    expect(allowed('--wp--preset--color--black', '#000000')).toBe(true);
    expect(
      allowed('--wp--style--unstable-gallery-gap', 'var( --wp--style--gallery-gap-default, 16px )'),
    ).toBe(true);
    expect(allowed('--wp--custom--x', 'url(https://evil.example.net/x)')).toBe(false);
    expect(allowed('--wp--custom--x', 'expression(alert(1))')).toBe(false);
  });

  it('takes the global keywords on any allowed property', () => {
    expect(allowed('color', 'inherit')).toBe(true);
    expect(allowed('margin', 'unset')).toBe(true);
  });
});

describe('sanitizeInlineStyle', () => {
  const clean = (style: string) => sanitizeInlineStyle(style, CONTEXT);

  it('keeps every declaration of a styled paragraph, normalised', () => {
    expect(
      clean(
        'color:#cf2e2e;background-color:#fcb900;font-size:42px;font-style:italic;font-weight:700;line-height:2;letter-spacing:5px;text-decoration:line-through;text-transform:uppercase;writing-mode:vertical-rl;padding-top:var(--wp--preset--spacing--50);padding-bottom:20px',
      ),
    ).toBe(
      'color:#cf2e2e;background-color:#fcb900;font-size:42px;font-style:italic;font-weight:700;line-height:2;letter-spacing:5px;text-decoration:line-through;text-transform:uppercase;writing-mode:vertical-rl;padding-top:var(--wp--preset--spacing--50);padding-bottom:20px',
    );
  });

  it('drops what fails and keeps the rest', () => {
    expect(clean('position:fixed;top:0;color:red;background:url(https://evil.example.net/x)')).toBe(
      'color:red',
    );
  });

  it('drops !important, which an inline style never needs', () => {
    expect(clean('color: red !important')).toBe('color:red');
  });

  it.each([
    'color:red}body{background:red',
    '}* {position:fixed}',
    '@import url(https://evil.example.net/x.css); color: red',
    'color: red; @media print { p { color: blue } }',
    'color: "unterminated',
  ])('refuses a style that is not a list of declarations: %s', (style) => {
    expect(clean(style)).not.toMatch(/position|import|media|body|\{|\}/);
  });

  it('refuses escapes whatever they spell', () => {
    expect(clean('background:\\75\\72\\6c(https://evil.example.net/x)')).toBe('');
    expect(clean('posit\\69on:fixed')).toBe('');
  });
});
