import { z } from 'zod';
import { emptyOr, fieldSchemas } from '@/lib/content/fields';
import { Article } from '../article';
import { defineTemplate, type SingularTemplateProps } from './define';
import './single-event.css';
import { FieldImage, FieldLinkAnchor, RichText } from './fields';

/** ACF's date time picker, its "Y-m-d H:i:s" return format: a wall-clock time in the site's timezone. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The fields of an `event` (ACF field group): venue, start, ticket link, poster, programme. */
export const eventFields = z.object({
  venue: fieldSchemas.text.pipe(z.string().min(1)),
  starts_at: z.string().regex(WALL_CLOCK, 'expected "Y-m-d H:i:s"'),
  ticket_link: emptyOr(fieldSchemas.link),
  poster: emptyOr(fieldSchemas.image),
  programme: emptyOr(fieldSchemas.richText),
});

export type EventFields = z.output<typeof eventFields>;

/**
 * A wall-clock time in the site's language. It is already the site's local time, so it is
 * formatted as is (read as UTC, shown in UTC), never moved between zones.
 */
function wallClockTime(value: string, language: string): { dateTime: string; text: string } {
  const [, year, month, day, hour, minute] = WALL_CLOCK.exec(value)?.map(Number) ?? [];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0));
  const options = { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' } as const;
  let text: string;
  try {
    text = new Intl.DateTimeFormat(language, options).format(date);
  } catch {
    text = new Intl.DateTimeFormat('en-US', options).format(date);
  }
  return { dateTime: value.replace(' ', 'T'), text };
}

function EventDetails({ fields, language }: { fields: EventFields; language: string }) {
  const startsAt = wallClockTime(fields.starts_at, language);
  return (
    <section className="event" aria-labelledby="event-details">
      <h2 id="event-details">Event details</h2>
      {fields.poster && <FieldImage image={fields.poster} className="event__poster" />}
      <dl className="event__details">
        <dt>Venue</dt>
        <dd>{fields.venue}</dd>
        <dt>Starts</dt>
        <dd>
          <time dateTime={startsAt.dateTime}>{startsAt.text}</time>
        </dd>
        {fields.ticket_link && (
          <>
            <dt>Tickets</dt>
            <dd>
              <FieldLinkAnchor link={fields.ticket_link} />
            </dd>
          </>
        )}
      </dl>
      {fields.programme && (
        <>
          <h3>Programme</h3>
          <div className="event__programme entry-content">
            <RichText value={fields.programme} />
          </div>
        </>
      )}
    </section>
  );
}

/**
 * An event: the post as any article, then its details. A password-protected event shows its
 * details only once unlocked, as its content.
 */
function SingleEvent({ post, site, fields, unlocked = false }: SingularTemplateProps<EventFields>) {
  return (
    <>
      <Article post={post} site={site} addresses={site.addresses} unlocked={unlocked} />
      {(!post.isPasswordProtected || unlocked) && <EventDetails fields={fields} language={site.language} />}
    </>
  );
}

export const singleEventTemplate = defineTemplate({ fieldsSchema: eventFields, component: SingleEvent });
