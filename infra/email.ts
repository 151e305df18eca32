import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  mailFrom: string;
  mailDomain?: string | undefined;
  /** Use the identity that already exists in the account instead of creating it (AlreadyExists otherwise). */
  existingIdentity: boolean;
  sandboxRecipients: string[];
}

/**
 * The SES side of the notifications: the sending identity (the domain, with Easy DKIM, or the single sender address)
 * and a configuration set every message goes through (the mailer names it on each send, so it applies to an existing
 * identity too), so reputation metrics and suppression apply per application.
 */
export class Email extends Construct {
  readonly configurationSet: ConfigurationSet;
  /** The domain or address SES sends as. */
  readonly identityName: string;
  readonly identityArn: string;
  /** What `ses:SendEmail` is granted on: the identity, the configuration set and, in the sandbox, the test recipients. */
  readonly sendEmailResources: string[];

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const identityArn = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true });
    this.identityName = props.mailDomain ?? props.mailFrom;
    if (props.existingIdentity) {
      this.identityArn = identityArn(this.identityName);
    } else {
      const identity = new EmailIdentity(this, 'Identity', {
        identity: props.mailDomain ? Identity.domain(props.mailDomain) : Identity.email(props.mailFrom),
        configurationSet: this.configurationSet,
      });
      this.identityArn = identity.emailIdentityArn;
    }
    this.sendEmailResources = [
      this.identityArn,
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
      ...props.sandboxRecipients.map(identityArn),
    ];
  }
}
