import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { useDraftSize } from './rfq-draft.ts';

/** The draft's size beside the menu's "New RFQ": what the catalog added is in sight wherever the person scrolled. */
export const DraftSize = () => {
  const size = useDraftSize(useSignedIn().person.email);
  if (size === 0) return null;
  return (
    <>
      {' '}
      <span class="draft-size">
        {t('draft.size', { size })}
        <span class="visually-hidden"> {t('draft.sizeSpoken', { size })}</span>
      </span>
    </>
  );
};
