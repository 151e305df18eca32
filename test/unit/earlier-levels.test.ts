import { describe, expect, it } from 'vitest';
import { earlierLevels } from '../../functions/domain/earlier-levels.ts';
import type { ApprovalStep } from '../../functions/domain/rfq.ts';

const step = (
  level: number,
  status: ApprovalStep['status'],
  decisions: ApprovalStep['decisions'] = [],
): ApprovalStep => ({
  level,
  mode: 'any',
  approvers: ['sam@acme.example', 'pat@acme.example'],
  ruleIds: ['big-orders'],
  escalated: false,
  decisions,
  status,
});

const at = '2026-12-07T10:00:00.000Z';

describe('what a decider reads of the levels before theirs', () => {
  it('shows the levels before theirs and their own only once someone decided on it, never the ones after', () => {
    const approvals = [
      step(1, 'APPROVED', [{ approver: 'sam@acme.example', decision: 'approve', at, comment: 'fine' }]),
      step(2, 'PENDING'),
      step(3, 'WAITING'),
    ];
    expect(earlierLevels(approvals, 2)).toEqual([
      {
        level: 1,
        status: 'APPROVED',
        decisions: [{ approver: 'sam@acme.example', decision: 'approve', at, comment: 'fine' }],
      },
    ]);
    const decidedOnTwo = [
      approvals[0] as ApprovalStep,
      step(2, 'PENDING', [{ approver: 'pat@acme.example', decision: 'approve', at }]),
      step(3, 'WAITING'),
    ];
    expect(earlierLevels(decidedOnTwo, 2).map((l) => l.level)).toEqual([1, 2]);
  });

  it('names each decision field by field: who stood in for the approver stays out', () => {
    const approvals = [
      step(1, 'APPROVED', [{ approver: 'sam@acme.example', delegate: 'pat@acme.example', decision: 'approve', at }]),
      step(2, 'PENDING'),
    ];
    expect(earlierLevels(approvals, 2)[0]?.decisions).toEqual([
      { approver: 'sam@acme.example', decision: 'approve', at },
    ]);
  });
});
