import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { type TimelineEvent, timelineQuotes, timelineSentence } from './timeline-words.ts';

/** What happened to the RFQ, oldest first: each event as a sentence with its outcome, when, and what people wrote. */
export const Timeline = (props: { history: TimelineEvent[]; currency: string }) => {
  const { person } = useSignedIn();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      <ol class="timeline">
        {props.history.map((event) => (
          <li key={event.seq}>
            {timelineSentence(event, person.email, props.currency)}
            <div class="secondary">
              <time dateTime={event.at}>{when(event.at)}</time>
            </div>
            {timelineQuotes(event).map((said) => (
              <div key={said}>
                <q>{said}</q>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
};
