import { useState } from 'preact/hooks';
import { useCompanies } from '../admin/company-picker.tsx';
import { NewRfqPage } from '../rfqs/new-rfq-page.tsx';
import { PageTitle, Show } from '../ui/page.tsx';

/**
 * A rep submits an RFQ on a buyer's behalf (a customer who phoned or emailed it in): one of the rep's accounts and
 * one of its buyers, then the same lines, search, pad and CSV a buyer has. The RFQ is the buyer's; its history
 * records the rep as the one who submitted it for them, and it then waits for the rep's review like any other.
 */
export const SubmitForBuyerPage = () => {
  const [companies] = useCompanies();
  const [companyId, setCompanyId] = useState('');
  const [buyerEmail, setBuyerEmail] = useState('');
  return (
    <>
      <PageTitle>New RFQ for a customer</PageTitle>
      <Show loaded={companies}>
        {(items) => {
          const company = items.find((c) => c.companyId === companyId);
          const buyer = company?.buyers.find((b) => b.email === buyerEmail);
          return (
            <>
              <form class="filters" aria-label="Whose RFQ" onSubmit={(event) => event.preventDefault()}>
                <label>
                  Customer
                  <select
                    value={companyId}
                    onChange={(e) => {
                      setCompanyId(e.currentTarget.value);
                      setBuyerEmail('');
                    }}
                  >
                    <option value="">Choose one of your accounts…</option>
                    {items.map((c) => (
                      <option key={c.companyId} value={c.companyId}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Buyer
                  <select value={buyerEmail} disabled={!company} onChange={(e) => setBuyerEmail(e.currentTarget.value)}>
                    <option value="">{company ? 'Choose the buyer…' : 'Choose the customer first'}</option>
                    {company?.buyers.map((b) => (
                      <option key={b.email} value={b.email}>
                        {b.name} ({b.email})
                      </option>
                    ))}
                  </select>
                </label>
              </form>
              {company && buyer ? (
                <>
                  <p class="notice">
                    Submitting for {buyer.name} at {company.name}, at their contract prices. They are the buyer of
                    record; you are recorded as submitting it for them.
                  </p>
                  <NewRfqPage
                    key={`${company.companyId}:${buyer.email}`}
                    forBuyer={{ companyId: company.companyId, buyerEmail: buyer.email }}
                  />
                </>
              ) : (
                <p>Choose the customer and the buyer you are submitting for.</p>
              )}
            </>
          );
        }}
      </Show>
    </>
  );
};
