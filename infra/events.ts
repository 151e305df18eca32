import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/**
 * The bus `quote.*` and `order.created` events go out on, for the ERP and anyone else to subscribe to with their own
 * rules. An archive keeps a month of events, so a consumer that was down can be replayed instead of re-driven by hand.
 */
export class Events extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bus = new EventBus(this, 'Bus', { eventBusName: `${stack.stackName}-events` });
    this.bus.archive('Archive', {
      description: 'Every quote-to-order event, for replay to a consumer that missed them',
      eventPattern: { account: [stack.account] },
      retention: Duration.days(30),
    });
  }
}
