import { type Api, problemText } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';

/**
 * The quote PDF needs the person's sign-in (a bearer token), so no plain link can fetch it: the app fetches it and
 * hands the browser the file. The email's PDF link leads to QuotePdfPage (quote-pdf-page.tsx), the RFQ page has a
 * button.
 */
const pdfOf = (api: Api, rfqId: string) =>
  api.GET('/rfqs/{rfqId}/quote.pdf', { params: { path: { rfqId } }, parseAs: 'blob' });
const notMade = () => t('pdf.notMade');

export const fetchPdf = async (api: Api, rfqId: string): Promise<Blob> => {
  const { data, error } = await pdfOf(api, rfqId);
  if (!data) throw new Error(problemText(error, notMade()));
  return data;
};

export const fileName = (rfqId: string) => `quote-${rfqId}.pdf`;

const download = (blob: Blob, rfqId: string): void => {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName(rfqId);
  anchor.click();
  // The browser has the file once the click is handled; the URL can go a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const QuotePdfButton = (props: { rfqId: string }) => {
  const { api } = useSignedIn();
  const pdf = useAction(() => pdfOf(api, props.rfqId), notMade());
  return (
    <>
      <button
        type="button"
        class="secondary-action"
        disabled={pdf.busy}
        onClick={async () => {
          const made = await pdf.run();
          if (made) download(made.data, props.rfqId);
        }}
      >
        {pdf.busy ? t('pdf.preparing') : t('pdf.download')}
      </button>
      <ActionProblem action={pdf} />
    </>
  );
};
