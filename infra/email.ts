import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  mailFrom: string;
  mailDomain?: string | undefined;
  /** Use the identity that already exists in the account instead of creating it (AlreadyExists otherwise). */
  existingIdentity: boolean;
  sandboxRecipients: string[];
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);

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
  /**
   * What `ses:SendEmail` is granted on: the identity SES sends as (the verified one), the configuration set and, in the
   * sandbox, the test recipients.
   */
  readonly sendEmailResources: string[];

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const identityArn = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    // SES adds an address that bounces for good or complains to the account's suppression list, for this
    // configuration set whatever the account's own setting; infra/mail-feedback.ts handles the same events for us.
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identityName = props.mailDomain ?? props.mailFrom;
    let sendsAs: string[];
    if (props.existingIdentity) {
      this.identityArn = identityArn(this.identityName);
      // SES authorizes a send against the identity it sends as: the address when the address itself is verified,
      // otherwise its domain. Told only the address of an identity that exists already, we cannot know which of the
      // two was verified, so both are granted; with `mailDomain` the domain is the identity, and only it is.
      sendsAs = props.mailDomain ? [this.identityArn] : [this.identityArn, identityArn(domainOf(props.mailFrom))];
    } else {
      const identity = new EmailIdentity(this, 'Identity', {
        identity: props.mailDomain ? Identity.domain(props.mailDomain) : Identity.email(props.mailFrom),
        configurationSet: this.configurationSet,
      });
      this.identityArn = identity.emailIdentityArn;
      sendsAs = [this.identityArn];
    }
    this.sendEmailResources = [
      ...sendsAs,
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
      ...props.sandboxRecipients.map(identityArn),
    ];
  }
}
