import { problemText } from '../api/client.ts';
import { useComments } from '../rfqs/thread.tsx';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ReviewDesk } from './review-desk.tsx';
import './review.css';

export const ReviewPage = (props: { rfqId: string }) => {
  const { api } = useSignedIn();
  const [loaded, reload] = useLoad(async () => {
    const path = { params: { path: { rfqId: props.rfqId } } };
    const [desk, rfq] = await Promise.all([api.GET('/rfqs/{rfqId}/review', path), api.GET('/rfqs/{rfqId}', path)]);
    if (!desk.data) throw new Error(problemText(desk.error, 'This RFQ could not be loaded.'));
    return { desk: desk.data, history: rfq.data?.history ?? [], orderId: rfq.data?.orderId ?? undefined };
  }, [props.rfqId]);
  // Every decision is one more event in the RFQ's history: the thread may have gained the comment it carried.
  const comments = useComments(props.rfqId, loaded.state === 'ready' ? loaded.value.history.length : undefined);
  const title =
    loaded.state === 'ready' && loaded.value.desk.status === 'DISCOUNT_APPROVAL'
      ? `Discount on RFQ ${props.rfqId}`
      : `Review RFQ ${props.rfqId}`;
  return (
    <>
      <PageTitle {...(loaded.state === 'ready' && { secondary: loaded.value.desk.companyName })}>{title}</PageTitle>
      <Show loaded={loaded}>
        {({ desk, history, orderId }) => (
          <>
            {orderId && (
              <p>
                It became <Link to={`orders/${orderId}`}>order {orderId}</Link>: its confirmation, shipments and
                invoices are there.
              </p>
            )}
            <ReviewDesk desk={desk} history={history} comments={comments} onDecided={reload} />
          </>
        )}
      </Show>
    </>
  );
};
