import { Duration, Stack } from 'aws-cdk-lib';
import { type CfnArchive, EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/**
 * The bus the lifecycle events (docs/events.md: `quote.sent`, `quote.accepted`, `order.created`, ...) go out on, for
 * the ERP, a CRM and anyone else to subscribe to with their own rules. An archive keeps a month of events, so a
 * consumer that was down can be replayed instead of re-driven by hand.
 */
export class Events extends Construct {
  readonly bus: EventBus;

  /** `namePrefix`: the deployment's name (`QuoteToOrder-prod`); the bus is `<prefix>-events`. */
  constructor(scope: Construct, id: string, namePrefix: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bus = new EventBus(this, 'Bus', { eventBusName: `${namePrefix}-events` });
    const archive = this.bus.archive('Archive', {
      description: 'Every quote-to-order event, for replay to a consumer that missed them',
      eventPattern: { account: [stack.account] },
      retention: Duration.days(30),
    });
    // aws-cdk-lib writes `KmsKeyIdentifier: ""` when no key is given (aws-cdk#37847), which some regions reject; with
    // the property absent the archive is encrypted with an AWS owned key, which is what an empty one meant.
    (archive.node.defaultChild as CfnArchive).addPropertyDeletionOverride('KmsKeyIdentifier');
  }
}
