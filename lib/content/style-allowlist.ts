import postcss, { type Declaration } from 'postcss';
import valueParser, { type Node as ValueNode } from 'postcss-value-parser';

/**
 * The CSS declarations WordPress content may carry, whether inline (`style="…"`, as the block
 * editor writes it) or in the site's global stylesheet: every property the editor's panels set
 * (colour, typography, dimensions, border, layout, media), each with the grammar of the values
 * it accepts. A declaration outside the allowlist, or whose value does not parse by its
 * property's grammar, is dropped; the others are written back normalised. Values are parsed
 * (postcss, postcss-value-parser), never matched as text, and anything that could escape a
 * grammar — a backslash escape, a comment, `expression(`, an at-rule, a `url()` off the media
 * origin — is refused before parsing.
 */

/** Where `url()` may point: the origins WordPress serves its uploads from. */
export interface StyleContext {
  mediaOrigins: readonly string[];
}

type Grammar = (nodes: ValueNode[], context: StyleContext) => boolean;

const LENGTH_UNITS = new Set([
  'px',
  'em',
  'rem',
  '%',
  'vw',
  'vh',
  'vmin',
  'vmax',
  'svh',
  'lvh',
  'dvh',
  'svw',
  'lvw',
  'dvw',
  'ch',
  'ex',
  'cap',
  'lh',
  'pt',
  'pc',
  'cm',
  'mm',
  'in',
  'q',
  'cqw',
  'cqh',
  'cqi',
  'cqb',
  'fr',
]);
const ANGLE_UNITS = new Set(['deg', 'rad', 'grad', 'turn']);

/** Named colours are identifiers; CSS ignores unknown ones, so any plain word is harmless here. */
const IDENTIFIER = /^-?[a-z][a-z0-9-]*$/i;
const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const CUSTOM_PROPERTY_NAME = /^--[a-z0-9_-]+$/i;

const significant = (nodes: ValueNode[]) => nodes.filter((node) => node.type !== 'space');

function numberWithUnit(node: ValueNode): { number: string; unit: string } | null {
  if (node.type !== 'word') return null;
  const parsed = valueParser.unit(node.value);
  return parsed ? { number: parsed.number, unit: parsed.unit.toLowerCase() } : null;
}

const isIdentifier = (node: ValueNode) => node.type === 'word' && IDENTIFIER.test(node.value);
const isNumber = (node: ValueNode) => numberWithUnit(node)?.unit === '';
const isKeyword = (words: ReadonlySet<string>) => (node: ValueNode) =>
  node.type === 'word' && words.has(node.value.toLowerCase());
const keywords = (...words: string[]) => isKeyword(new Set(words));

function isLength(node: ValueNode): boolean {
  const parsed = numberWithUnit(node);
  if (parsed) return LENGTH_UNITS.has(parsed.unit) || Number(parsed.number) === 0;
  return isMathFunction(node) || isVariable(node);
}

function isAngle(node: ValueNode): boolean {
  const parsed = numberWithUnit(node);
  return (parsed !== null && ANGLE_UNITS.has(parsed.unit)) || isVariable(node);
}

/** `var(--name)` or `var(--name, fallback)`, the fallback itself any safe single value. */
function isVariable(node: ValueNode): boolean {
  if (node.type !== 'function' || node.value.toLowerCase() !== 'var') return false;
  const [name, comma, ...fallback] = significant(node.nodes);
  if (!name || name.type !== 'word' || !CUSTOM_PROPERTY_NAME.test(name.value)) return false;
  if (!comma) return true;
  return comma.type === 'div' && comma.value === ',' && fallback.length > 0 && fallback.every(isPlainToken);
}

/** calc(), clamp(), min(), max(): numbers, lengths, variables and operators, nested. */
function isMathFunction(node: ValueNode): boolean {
  if (node.type !== 'function' || !['calc', 'clamp', 'min', 'max'].includes(node.value.toLowerCase())) {
    return false;
  }
  return significant(node.nodes).every(isMathToken);
}

function isMathToken(node: ValueNode): boolean {
  return (
    (node.type === 'word' && (/^[-+*/]$/.test(node.value) || numberWithUnit(node) !== null)) ||
    (node.type === 'div' && (node.value === ',' || node.value === '/')) ||
    // A bracketed sub-expression: `((1vw - 0.2rem) * 0.59)`.
    (node.type === 'function' && node.value === '' && significant(node.nodes).every(isMathToken)) ||
    isMathFunction(node) ||
    isVariable(node)
  );
}

const COLOR_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color-mix',
]);

function isColor(node: ValueNode): boolean {
  if (node.type === 'word') return HEX_COLOR.test(node.value) || IDENTIFIER.test(node.value);
  if (node.type === 'function' && COLOR_FUNCTIONS.has(node.value.toLowerCase())) {
    return significant(node.nodes).every(
      (inner) =>
        (inner.type === 'word' && (numberWithUnit(inner) !== null || IDENTIFIER.test(inner.value))) ||
        inner.type === 'div' ||
        isColor(inner) ||
        isVariable(inner) ||
        isMathFunction(inner),
    );
  }
  return isVariable(node);
}

/** A single harmless token: what a custom property or a var() fallback may hold. */
function isPlainToken(node: ValueNode): boolean {
  return (
    isLength(node) ||
    isNumber(node) ||
    isColor(node) ||
    isVariable(node) ||
    isMathFunction(node) ||
    isGradient(node) ||
    (node.type === 'string' && isSafeString(node.value)) ||
    (node.type === 'div' && (node.value === ',' || node.value === '/'))
  );
}

const GRADIENTS = new Set([
  'linear-gradient',
  'radial-gradient',
  'conic-gradient',
  'repeating-linear-gradient',
  'repeating-radial-gradient',
]);

/** A gradient: a direction or shape, then colour stops with their positions. */
function isGradient(node: ValueNode): boolean {
  if (node.type !== 'function' || !GRADIENTS.has(node.value.toLowerCase())) return false;
  const inner = significant(node.nodes);
  return (
    inner.length > 0 &&
    inner.every(
      (part) =>
        (part.type === 'div' && part.value === ',') ||
        isColor(part) ||
        isLength(part) ||
        isAngle(part) ||
        isNumber(part),
    )
  );
}

/** `url(…)` only to the media origin, over http(s): no data:, no other site, no relative path. */
function isMediaUrl(node: ValueNode, context: StyleContext): boolean {
  if (node.type !== 'function' || node.value.toLowerCase() !== 'url') return false;
  const [target, ...rest] = significant(node.nodes);
  if (!target || rest.length > 0 || (target.type !== 'word' && target.type !== 'string')) return false;
  try {
    const url = new URL(target.value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && context.mediaOrigins.includes(url.origin)
    );
  } catch {
    return false;
  }
}

/** Quoted text (a font name): no quotes, brackets or angle brackets inside. */
const isSafeString = (text: string) => /^[\w\s.,-]*$/.test(text);

/** Each significant node passes one of the tests, and there are between min and max of them. */
function listOf(
  tests: ((node: ValueNode, context: StyleContext) => boolean)[],
  min = 1,
  max = Infinity,
): Grammar {
  return (nodes, context) => {
    const parts = significant(nodes);
    return (
      parts.length >= min &&
      parts.length <= max &&
      parts.every((node) => tests.some((test) => test(node, context)))
    );
  };
}

const slash = (node: ValueNode) => node.type === 'div' && node.value === '/';
const comma = (node: ValueNode) => node.type === 'div' && node.value === ',';
const globalKeyword = keywords('inherit', 'initial', 'unset', 'revert');

const color = listOf([isColor], 1, 1);
const lengthOrAuto = listOf(
  [isLength, keywords('auto', 'none', 'fit-content', 'min-content', 'max-content')],
  1,
  1,
);
const boxSides = listOf([isLength, keywords('auto')], 1, 4);
const lengthOrNormal = listOf([isLength, keywords('normal')], 1, 1);
const POSITION_WORDS = keywords('left', 'right', 'top', 'bottom', 'center');
const position = listOf([isLength, POSITION_WORDS], 1, 4);
const BORDER_STYLES = keywords(
  'none',
  'hidden',
  'solid',
  'dashed',
  'dotted',
  'double',
  'groove',
  'ridge',
  'inset',
  'outset',
);
const borderWidth = listOf([isLength, keywords('thin', 'medium', 'thick')], 1, 4);
const border = listOf([isLength, BORDER_STYLES, isColor, keywords('thin', 'medium', 'thick')], 1, 3);
const radius = listOf([isLength, slash], 1, 9);
const FONT_SIZE_WORDS = keywords(
  'xx-small',
  'x-small',
  'small',
  'medium',
  'large',
  'x-large',
  'xx-large',
  'xxx-large',
  'smaller',
  'larger',
);
const ALIGN_WORDS = keywords(
  'normal',
  'stretch',
  'center',
  'start',
  'end',
  'flex-start',
  'flex-end',
  'self-start',
  'self-end',
  'left',
  'right',
  'baseline',
  'first',
  'last',
  'space-between',
  'space-around',
  'space-evenly',
  'safe',
  'unsafe',
  'auto',
);
/** Grid lines and tracks: numbers, lengths, `span`, `auto`, repeat() and minmax() of them. */
function isTrack(node: ValueNode): boolean {
  if (node.type === 'function' && ['repeat', 'minmax', 'fit-content'].includes(node.value.toLowerCase())) {
    return significant(node.nodes).every(
      (inner) =>
        comma(inner) ||
        isTrack(inner) ||
        keywords('auto-fill', 'auto-fit', 'auto', 'min-content', 'max-content')(inner),
    );
  }
  return (
    isLength(node) ||
    isNumber(node) ||
    keywords('auto', 'min-content', 'max-content', 'span', 'subgrid')(node)
  );
}
const grid = listOf([isTrack, slash], 1, 12);

const backgroundLayer = [
  isColor,
  isGradient,
  isMediaUrl,
  isLength,
  comma,
  slash,
  keywords(
    'none',
    'left',
    'right',
    'top',
    'bottom',
    'center',
    'cover',
    'contain',
    'auto',
    'repeat',
    'no-repeat',
    'repeat-x',
    'repeat-y',
    'space',
    'round',
    'fixed',
    'scroll',
    'local',
    'border-box',
    'padding-box',
    'content-box',
    'text',
  ),
];

/** The same grammar for each side (or corner) of a box: `padding-top`, `padding-right`, … */
function eachSide(
  pattern: string,
  grammar: Grammar,
  sides = ['top', 'right', 'bottom', 'left'],
): Record<string, Grammar> {
  return Object.fromEntries(sides.map((side) => [pattern.replace('%', side), grammar]));
}

/** Every property the block editor writes, with the grammar of its values. */
export const STYLE_PROPERTIES: Readonly<Record<string, Grammar>> = {
  color,
  'background-color': color,
  background: listOf(backgroundLayer, 1, 16),
  'background-image': listOf([isGradient, isMediaUrl, comma, keywords('none')], 1, 5),
  'background-position': position,
  'background-position-x': position,
  'background-position-y': position,
  'background-size': listOf([isLength, keywords('auto', 'cover', 'contain'), comma], 1, 4),
  'background-repeat': listOf(
    [keywords('repeat', 'no-repeat', 'repeat-x', 'repeat-y', 'space', 'round')],
    1,
    2,
  ),
  'background-attachment': listOf([keywords('scroll', 'fixed', 'local')], 1, 1),
  'background-clip': listOf([keywords('border-box', 'padding-box', 'content-box', 'text')], 1, 1),
  'font-size': listOf([isLength, FONT_SIZE_WORDS], 1, 1),
  'font-family': listOf(
    [isIdentifier, (node) => node.type === 'string' && isSafeString(node.value), comma, isVariable],
    1,
    24,
  ),
  'font-style': listOf([keywords('normal', 'italic', 'oblique'), isAngle], 1, 2),
  'font-weight': listOf(
    [
      keywords('normal', 'bold', 'bolder', 'lighter'),
      (node) => isNumber(node) && Number(node.type === 'word' ? node.value : 0) <= 1000,
      isVariable,
    ],
    1,
    1,
  ),
  'line-height': listOf([isLength, isNumber, keywords('normal')], 1, 1),
  'letter-spacing': lengthOrNormal,
  'word-spacing': lengthOrNormal,
  'text-align': listOf([keywords('left', 'right', 'center', 'justify', 'start', 'end')], 1, 1),
  'text-decoration': listOf(
    [
      keywords(
        'none',
        'underline',
        'overline',
        'line-through',
        'solid',
        'double',
        'dotted',
        'dashed',
        'wavy',
      ),
      isColor,
      isLength,
    ],
    1,
    4,
  ),
  'text-decoration-line': listOf([keywords('none', 'underline', 'overline', 'line-through')], 1, 3),
  'text-transform': listOf([keywords('none', 'uppercase', 'lowercase', 'capitalize', 'full-width')], 1, 1),
  'text-indent': listOf([isLength], 1, 1),
  'text-orientation': listOf([keywords('mixed', 'upright', 'sideways')], 1, 1),
  'writing-mode': listOf(
    [keywords('horizontal-tb', 'vertical-rl', 'vertical-lr', 'sideways-rl', 'sideways-lr')],
    1,
    1,
  ),
  'column-count': listOf([isNumber, keywords('auto')], 1, 1),
  'vertical-align': listOf(
    [keywords('baseline', 'top', 'middle', 'bottom', 'sub', 'super', 'text-top', 'text-bottom'), isLength],
    1,
    1,
  ),
  padding: boxSides,
  ...eachSide('padding-%', boxSides),
  'padding-inline': boxSides,
  'padding-block': boxSides,
  margin: boxSides,
  ...eachSide('margin-%', boxSides),
  'margin-inline': boxSides,
  'margin-block': boxSides,
  'margin-block-start': boxSides,
  'margin-block-end': boxSides,
  gap: listOf([isLength], 1, 2),
  'row-gap': listOf([isLength], 1, 1),
  'column-gap': listOf([isLength], 1, 1),
  border,
  ...eachSide('border-%', border),
  ...eachSide('border-%-width', borderWidth),
  ...eachSide('border-%-style', listOf([BORDER_STYLES], 1, 1)),
  ...eachSide('border-%-color', color),
  'border-width': borderWidth,
  'border-style': listOf([BORDER_STYLES], 1, 4),
  'border-color': listOf([isColor], 1, 4),
  'border-radius': radius,
  ...eachSide('border-%-radius', radius, ['top-left', 'top-right', 'bottom-left', 'bottom-right']),
  'box-shadow': listOf([isLength, isColor, keywords('none', 'inset'), comma], 1, 24),
  width: lengthOrAuto,
  'max-width': lengthOrAuto,
  'min-width': lengthOrAuto,
  height: lengthOrAuto,
  'min-height': lengthOrAuto,
  'max-height': lengthOrAuto,
  'flex-basis': lengthOrAuto,
  'aspect-ratio': listOf([isNumber, slash, keywords('auto'), isVariable], 1, 4),
  'object-fit': listOf([keywords('cover', 'contain', 'fill', 'none', 'scale-down')], 1, 1),
  'object-position': position,
  display: listOf(
    [
      keywords(
        'block',
        'inline',
        'inline-block',
        'flex',
        'inline-flex',
        'grid',
        'inline-grid',
        'flow-root',
        'contents',
        'none',
      ),
    ],
    1,
    1,
  ),
  'flex-direction': listOf([keywords('row', 'row-reverse', 'column', 'column-reverse')], 1, 1),
  'flex-wrap': listOf([keywords('wrap', 'nowrap', 'wrap-reverse')], 1, 1),
  flex: listOf([isNumber, isLength, keywords('auto', 'none', 'content')], 1, 3),
  'flex-grow': listOf([isNumber], 1, 1),
  'flex-shrink': listOf([isNumber], 1, 1),
  order: listOf([isNumber], 1, 1),
  'justify-content': listOf([ALIGN_WORDS], 1, 2),
  'justify-items': listOf([ALIGN_WORDS], 1, 2),
  'justify-self': listOf([ALIGN_WORDS], 1, 2),
  'align-items': listOf([ALIGN_WORDS], 1, 2),
  'align-content': listOf([ALIGN_WORDS], 1, 2),
  'align-self': listOf([ALIGN_WORDS], 1, 2),
  'grid-template-columns': grid,
  'grid-template-rows': grid,
  'grid-auto-rows': grid,
  'grid-auto-columns': grid,
  'grid-auto-flow': listOf([keywords('row', 'column', 'dense')], 1, 2),
  'grid-column': grid,
  'grid-row': grid,
  'grid-column-start': grid,
  'grid-column-end': grid,
  'grid-row-start': grid,
  'grid-row-end': grid,
  // In-flow positions only: nothing in content may leave its flow to cover the page's chrome.
  position: listOf([keywords('static', 'relative', 'sticky')], 1, 1),
  'box-sizing': listOf([keywords('border-box', 'content-box')], 1, 1),
  'list-style-type': listOf([isIdentifier], 1, 1),
  opacity: listOf([isNumber, isLength], 1, 1),
  'white-space': listOf([keywords('normal', 'nowrap', 'pre', 'pre-wrap', 'pre-line', 'break-spaces')], 1, 1),
  'overflow-wrap': listOf([keywords('normal', 'break-word', 'anywhere')], 1, 1),
};

/** Text no grammar should ever see: escapes that could spell anything, comments, markup, script. */
const REFUSED_TEXT = /[\\<>{};@]|\/\*|expression|javascript:|behavior|-moz-binding/i;

/**
 * Whether one declaration may stand. Custom properties are WordPress's own (`--wp--…`) with a
 * value of safe tokens; `!important` is accepted only where the caller allows it (the global
 * stylesheet's preset classes use it; inline styles never need it).
 */
export function isAllowedDeclaration(property: string, value: string, context: StyleContext): boolean {
  const name = property.trim().toLowerCase();
  if (REFUSED_TEXT.test(name) || REFUSED_TEXT.test(value)) return false;
  const nodes = valueParser(value.trim()).nodes;
  if (significant(nodes).length === 0) return false;
  if (name.startsWith('--')) {
    return (
      /^--wp--[a-z0-9_-]+$/.test(name) &&
      listOf([isPlainToken, isMediaUrl, keywords('none', 'auto')], 1, 24)(nodes, context)
    );
  }
  const grammar = Object.hasOwn(STYLE_PROPERTIES, name) ? STYLE_PROPERTIES[name] : undefined;
  if (!grammar) return false;
  const [first, ...others] = significant(nodes);
  return (first !== undefined && others.length === 0 && globalKeyword(first)) || grammar(nodes, context);
}

/** Any property name, custom properties included; vendor prefixes too. */
const PROPERTY_NAME = /^(?:--|-)?[a-z][a-z0-9-]*$/;
const FIXED_POSITION = /^\s*fixed\b/i;
/** Functions that load an address without `url()`: refused outright. */
const LOADING_FUNCTIONS = new Set([
  'image-set',
  '-webkit-image-set',
  'image',
  'src',
  'cross-fade',
  'element',
]);

/**
 * Whether a declaration of WordPress core's own block CSS (wp-includes/css/dist/block-library)
 * may stand. That CSS is WordPress's code, not anyone's content, and it needs what no editor
 * can set (absolute positions for a cover's overlay, z-index, pseudo-elements' `content`), so
 * every property may pass. What stays refused is what could reach past the content: `url()` off
 * the media origin, `position: fixed`, and the text no grammar should ever see.
 */
export function isAllowedCoreDeclaration(property: string, value: string, context: StyleContext): boolean {
  const name = property.trim().toLowerCase();
  if (!PROPERTY_NAME.test(name) || REFUSED_TEXT.test(name) || REFUSED_TEXT.test(value) || value.trim() === '')
    return false;
  if (name === 'position' && FIXED_POSITION.test(value)) return false;
  let urlsAllowed = true;
  valueParser(value).walk((node) => {
    if (node.type !== 'function') return;
    const name = node.value.toLowerCase();
    if ((name === 'url' && !isMediaUrl(node, context)) || LOADING_FUNCTIONS.has(name)) urlsAllowed = false;
  });
  return urlsAllowed;
}

/** Keeps the declarations that pass; `important` says whether `!important` may stay. */
export function allowedDeclarations(
  declarations: Iterable<Declaration>,
  context: StyleContext,
  important: boolean,
  check: typeof isAllowedDeclaration = isAllowedDeclaration,
): Declaration[] {
  const kept: Declaration[] = [];
  for (const declaration of declarations) {
    if (!check(declaration.prop, declaration.value, context)) continue;
    declaration.prop = declaration.prop.toLowerCase();
    if (!important) declaration.important = false;
    kept.push(declaration);
  }
  return kept;
}

/**
 * An inline `style` attribute as the allowlist lets it through, normalised
 * (`color:#cf2e2e;padding:1em`); empty when nothing passes or the text does not parse.
 */
export function sanitizeInlineStyle(style: string, context: StyleContext): string {
  let root: postcss.Root;
  try {
    root = postcss.parse(style);
  } catch {
    return '';
  }
  const declarations = root.nodes.filter((node): node is Declaration => node.type === 'decl');
  // Anything else at the top of a style attribute (a rule, an at-rule) means it is not one.
  if (declarations.length !== root.nodes.filter((node) => node.type !== 'comment').length) return '';
  return allowedDeclarations(declarations, context, false)
    .map((declaration) => `${declaration.prop}:${declaration.value.trim()}`)
    .join(';');
}
