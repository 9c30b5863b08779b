/** A plain GET form to the server-rendered search page: works without JavaScript. */
export function SearchForm({ defaultValue = '', id = 'search' }: { defaultValue?: string; id?: string }) {
  return (
    <form className="search-form" action="/search/" method="get" role="search">
      <label htmlFor={id}>Search the site</label>
      <div className="search-form__row">
        <input id={id} name="s" type="search" defaultValue={defaultValue} maxLength={200} required />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
