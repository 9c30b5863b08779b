'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  FIELD,
  LIMITS,
  validateCommentFields,
  type CommentFields,
  type FieldErrors,
  type FieldName,
  type SubmissionResult,
} from '@/lib/comments/form';
import { useEnhanced, useLazyModule } from '../islands/use-lazy-module';

const loadSubmission = () => import('./comment-submission');

interface Submission {
  fields: CommentFields;
  parentId: number;
  /** Tells a repeated identical submission (a retry) from the last one. */
  attempt: number;
}

const FIELDS: {
  name: FieldName;
  field: string;
  label: string;
  type: string;
  autoComplete: string;
  required: boolean;
}[] = [
  { name: 'author', field: FIELD.author, label: 'Name', type: 'text', autoComplete: 'name', required: true },
  {
    name: 'email',
    field: FIELD.email,
    label: 'Email (not published)',
    type: 'email',
    autoComplete: 'email',
    required: true,
  },
  {
    name: 'url',
    field: FIELD.url,
    label: 'Website (optional)',
    type: 'url',
    autoComplete: 'url',
    required: false,
  },
];

function readFields(form: HTMLFormElement): CommentFields {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    author: text(FIELD.author),
    email: text(FIELD.email),
    url: text(FIELD.url),
    comment: text(FIELD.comment),
  };
}

/**
 * The comment form. Without JavaScript it is a plain POST to /api/comments/, which redirects
 * back with the outcome. Once interactive it checks fields inline, turns the Reply buttons in the
 * thread into replies, and sends through a mutation (loaded on first use), showing the new comment
 * as awaiting moderation, or the published thread when WordPress approved it at once.
 */
export function CommentForm({ postId, postPath }: { postId: number; postPath: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const enhanced = useEnhanced();
  const [replyTo, setReplyTo] = useState<{ id: number; author: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submission, setSubmission] = useState<Submission | null>(null);
  const submissionModule = useLazyModule(loadSubmission);

  useEffect(() => {
    // Reply buttons are server-rendered in the thread; one listener on the section serves them all.
    const section = formRef.current?.closest('section');
    if (!section) return;
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-reply-to]');
      if (!button) return;
      const id = Number(button.dataset.replyTo);
      if (!Number.isInteger(id) || id <= 0) return;
      setReplyTo({ id, author: button.dataset.replyAuthor ?? 'this comment' });
      formRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    };
    section.addEventListener('click', onClick);
    return () => section.removeEventListener('click', onClick);
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    event.preventDefault();
    const fields = readFields(form);
    const found = validateCommentFields(fields);
    setErrors(found);
    const firstInvalid = (Object.keys(found) as FieldName[])[0];
    if (firstInvalid) {
      form.querySelector<HTMLElement>(`[name="${FIELD[firstInvalid]}"]`)?.focus();
      return;
    }
    const loaded = await submissionModule.load();
    // The island's code could not be loaded: the form still works as a plain form.
    if (!loaded) return form.submit();
    setSubmission((previous) => ({
      fields,
      parentId: replyTo?.id ?? 0,
      attempt: (previous?.attempt ?? 0) + 1,
    }));
  };

  const onResult = (result: SubmissionResult) => {
    if (result.ok) {
      formRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.form?.reset();
      setReplyTo(null);
      // Approved at once: the server has already expired the cached thread, so show it.
      if (result.outcome === 'approved') router.refresh();
    } else if (result.fieldErrors) {
      setErrors(result.fieldErrors);
    }
  };

  const Submission = submissionModule.module?.CommentSubmission;
  const describedBy = (name: FieldName) => (errors[name] ? `comment-${name}-error` : undefined);

  return (
    <form
      ref={formRef}
      id="respond"
      className="comment-form"
      action="/api/comments/"
      method="post"
      noValidate={enhanced}
      data-enhanced={enhanced ? 'true' : undefined}
      onSubmit={onSubmit}
      onFocus={() => void submissionModule.load()}
      aria-labelledby="respond-title"
    >
      <h3 id="respond-title" className="comment-form__title">
        {replyTo ? `Reply to ${replyTo.author}` : 'Leave a comment'}
      </h3>
      {replyTo && (
        <p className="comment-form__replying">
          <button type="button" onClick={() => setReplyTo(null)}>
            Cancel reply
          </button>
        </p>
      )}
      <input type="hidden" name={FIELD.post} value={postId} />
      <input type="hidden" name={FIELD.parent} value={replyTo?.id ?? 0} />
      <input type="hidden" name={FIELD.path} value={postPath} />
      {FIELDS.map(({ name, field, label, type, autoComplete, required }) => (
        <p key={name} className="comment-form__field">
          <label htmlFor={`comment-${name}`}>{label}</label>
          <input
            id={`comment-${name}`}
            name={field}
            type={type}
            autoComplete={autoComplete}
            maxLength={LIMITS[name]}
            required={required}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={describedBy(name)}
          />
          {errors[name] && (
            <span id={`comment-${name}-error`} className="comment-form__error">
              {errors[name]}
            </span>
          )}
        </p>
      ))}
      <p className="comment-form__field">
        <label htmlFor="comment-comment">Comment</label>
        <textarea
          id="comment-comment"
          name={FIELD.comment}
          rows={6}
          maxLength={LIMITS.comment}
          required
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy('comment')}
        />
        {errors.comment && (
          <span id="comment-comment-error" className="comment-form__error">
            {errors.comment}
          </span>
        )}
      </p>
      <div className="comment-form__trap" aria-hidden="true">
        <label htmlFor="comment-trap">Leave this field empty</label>
        <input id="comment-trap" name={FIELD.trap} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <p>
        <button type="submit">Post comment</button>
      </p>
      <div className="comment-form__status" role="status">
        {submissionModule.status === 'failed' &&
          'The comment form could not load; your comment will be sent as a plain form.'}
        {Submission && submission && (
          <Submission
            key={submission.attempt}
            postId={postId}
            parentId={submission.parentId}
            fields={submission.fields}
            onResult={onResult}
          />
        )}
      </div>
    </form>
  );
}
