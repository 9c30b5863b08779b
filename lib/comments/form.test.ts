import { describe, expect, it } from 'vitest';
import { validateCommentFields } from './form';

const ok = { author: 'Nell', email: 'nell@example.com', url: '', comment: 'Hello' };

describe('validateCommentFields', () => {
  it('accepts a complete comment', () => {
    expect(validateCommentFields(ok)).toEqual({});
    expect(validateCommentFields({ ...ok, url: 'https://nell.example/' })).toEqual({});
  });

  it('names every field that needs attention', () => {
    expect(
      Object.keys(
        validateCommentFields({ author: ' ', email: 'x', url: 'javascript:alert(1)', comment: '' }),
      ).sort(),
    ).toEqual(['author', 'comment', 'email', 'url']);
  });

  it("keeps to WordPress's column limits", () => {
    expect(validateCommentFields({ ...ok, author: 'n'.repeat(246) }).author).toMatch(/at most 245/);
    expect(validateCommentFields({ ...ok, comment: 'c'.repeat(65_526) }).comment).toBeDefined();
  });
});
