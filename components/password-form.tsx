/** WordPress's post password form, posted to the server: works without JavaScript. */
export function PasswordForm({ id, type, error }: { id: number; type: string; error?: boolean }) {
  return (
    <form className="password-form" action="/api/unlock/" method="post">
      <p>This story is protected by a password. Enter it to read on.</p>
      {error && (
        <p className="password-form__error" role="alert">
          That password is not right. Please try again.
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="type" value={type} />
      <label htmlFor="post-password">Password</label>
      <div className="search-form__row">
        <input
          id="post-password"
          name="password"
          type="password"
          required
          maxLength={255}
          autoComplete="off"
        />
        <button type="submit">Unlock</button>
      </div>
    </form>
  );
}
