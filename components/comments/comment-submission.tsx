'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { CommentFields, SubmissionResult } from '@/lib/comments/form';
import { FIELD } from '@/lib/comments/form';
import { QueryProvider } from '../islands/query-provider';

interface Props {
  postId: number;
  parentId: number;
  fields: CommentFields;
  onResult: (result: SubmissionResult) => void;
}

function isSubmissionResult(value: unknown): value is SubmissionResult {
  return (
    Boolean(value) && typeof value === 'object' && 'ok' in (value as object) && 'outcome' in (value as object)
  );
}

/** Sends one comment as JSON. A refusal (field errors, closed, too fast) is a result; only an unreadable answer throws. */
async function postComment({ postId, parentId, fields }: Omit<Props, 'onResult'>): Promise<SubmissionResult> {
  const response = await fetch('/api/comments/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      [FIELD.post]: postId,
      [FIELD.parent]: parentId,
      [FIELD.author]: fields.author,
      [FIELD.email]: fields.email,
      [FIELD.url]: fields.url,
      [FIELD.comment]: fields.comment,
    }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!isSubmissionResult(body)) throw new Error(`The comment service answered HTTP ${response.status}`);
  return body;
}

function SubmissionState({ onResult, ...submission }: Props) {
  const mutation = useMutation({ mutationFn: () => postComment(submission), onSuccess: onResult });
  const sent = useRef(false);
  useEffect(() => {
    // Once per submission, even when React runs effects twice in development.
    if (sent.current) return;
    sent.current = true;
    mutation.mutate();
  }, [mutation]);

  if (mutation.isPending || mutation.isIdle) return <p>Sending your comment…</p>;
  if (mutation.isError) {
    return (
      <p className="comment-form__error">
        Your comment could not be sent (the connection failed).{' '}
        <button type="button" onClick={() => mutation.mutate()}>
          Try again
        </button>
      </p>
    );
  }
  const result = mutation.data;
  if (!result.ok) {
    const retriable = result.outcome === 'unavailable' || result.outcome === 'too-fast';
    return (
      <p className="comment-form__error">
        {result.message}{' '}
        {retriable && (
          <button type="button" onClick={() => mutation.mutate()}>
            Try again
          </button>
        )}
      </p>
    );
  }
  if (result.outcome === 'approved') return <p>Thank you! Your comment is published.</p>;
  return (
    <article className="comment comment--pending" aria-labelledby="pending-comment-by">
      <p className="comment__meta" id="pending-comment-by">
        <span className="comment__author">{result.comment.authorName || submission.fields.author}</span>
        <span aria-hidden="true"> · </span>
        <em className="comment__moderation">Your comment is awaiting moderation.</em>
      </p>
      {/* Sanitised on the server (lib/wordpress/comments.ts) before it was sent here. */}
      <div className="comment__content" dangerouslySetInnerHTML={{ __html: result.comment.contentHtml }} />
    </article>
  );
}

/** The comment form's heavier half, loaded on first use: the mutation and what it shows. */
export function CommentSubmission(props: Props) {
  return (
    <QueryProvider>
      <SubmissionState {...props} />
    </QueryProvider>
  );
}
