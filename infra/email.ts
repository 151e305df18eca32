import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  mailFrom: string;
  mailDomain?: string | undefined;
  sandboxRecipients: string[];
}

/**
 * The SES side of the notifications: the sending identity (the domain, with Easy DKIM, or the single sender address)
 * and a configuration set every message goes through, so reputation metrics and suppression apply per application.
 */
export class Email extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  /** What `ses:SendEmail` is granted on: the identity, the configuration set and, in the sandbox, the test recipients. */
  readonly sendEmailResources: string[];

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.mailDomain ? Identity.domain(props.mailDomain) : Identity.email(props.mailFrom),
      configurationSet: this.configurationSet,
    });
    const stack = Stack.of(this);
    const identityArn = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    this.sendEmailResources = [
      this.identity.emailIdentityArn,
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
      ...props.sandboxRecipients.map(identityArn),
    ];
  }
}
