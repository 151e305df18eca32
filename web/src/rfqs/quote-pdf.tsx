import { useEffect, useState } from 'preact/hooks';
import { type Api, problemText } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { PageTitle } from '../ui/page.tsx';

/**
 * The quote PDF needs the person's sign-in (a bearer token), so no plain link can fetch it: the app fetches it and
 * hands the browser the file. The email's PDF link leads to QuotePdfPage, the RFQ page has a button.
 */
const fetchPdf = async (api: Api, rfqId: string): Promise<Blob> => {
  const { data, error } = await api.GET('/rfqs/{rfqId}/quote.pdf', {
    params: { path: { rfqId } },
    parseAs: 'blob',
  });
  if (!data) throw new Error(problemText(error, 'The quote PDF could not be made. Try again.'));
  return data;
};

const fileName = (rfqId: string) => `quote-${rfqId}.pdf`;

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
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <>
      <button
        type="button"
        class="secondary-action"
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true });
          try {
            download(await fetchPdf(api, props.rfqId), props.rfqId);
            setState({ busy: false });
          } catch (error) {
            setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
          }
        }}
      >
        {state.busy ? 'Preparing the PDF…' : 'Download the quote (PDF)'}
      </button>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
    </>
  );
};

/** `/app/rfqs/{rfqId}/pdf`, where the quote email's PDF link leads: fetched once signed in, then offered. */
export const QuotePdfPage = (props: { rfqId: string }) => {
  const { api } = useSignedIn();
  const [file, setFile] = useState<{ url: string } | { error: string } | undefined>();
  useEffect(() => {
    let url: string | undefined;
    fetchPdf(api, props.rfqId).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        setFile({ url });
      },
      (error: unknown) => setFile({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [props.rfqId]);
  return (
    <>
      <PageTitle secondary={props.rfqId}>Quote as a PDF</PageTitle>
      {!file && <p aria-busy="true">Preparing the PDF…</p>}
      {file && 'error' in file && (
        <p class="error" role="alert">
          {file.error}
        </p>
      )}
      {file && 'url' in file && (
        <p class="actions">
          <a class="button" href={file.url} download={fileName(props.rfqId)}>
            Download the quote (PDF)
          </a>
        </p>
      )}
      <p>
        <Link to={`rfqs/${encodeURIComponent(props.rfqId)}`}>Back to the quote</Link>
      </p>
    </>
  );
};
