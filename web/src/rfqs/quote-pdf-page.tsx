import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/language.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { PageTitle } from '../ui/page.tsx';
import { fetchPdf, fileName } from './quote-pdf.tsx';

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
      <PageTitle secondary={props.rfqId}>{t('pdf.title')}</PageTitle>
      {!file && <p aria-busy="true">{t('pdf.preparing')}</p>}
      {file && 'error' in file && (
        <p class="error" role="alert">
          {file.error}
        </p>
      )}
      {file && 'url' in file && (
        <p class="actions">
          <a class="button" href={file.url} download={fileName(props.rfqId)}>
            {t('pdf.download')}
          </a>
        </p>
      )}
      <p>
        <Link to={`rfqs/${encodeURIComponent(props.rfqId)}`}>{t('pdf.back')}</Link>
      </p>
    </>
  );
};
