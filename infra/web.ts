import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { Brand } from '#domain/brand.ts';
import type { RouteSpec } from '#http/routes.ts';
import { acknowledgeAutoDelete, acknowledgeWebUpload, nagReason } from './nag.ts';

/**
 * CloudFront path patterns that send a request to the API, one per first path segment of the route table: a
 * segment that only ever stands alone (`/openapi.json`) is matched exactly, any other (`/rfqs`, `/rfqs/{rfqId}/...`)
 * as `/rfqs*`. One pattern per segment keeps the distribution far below its 25-behaviour quota as routes grow.
 */
export const apiPathPatterns = (routes: readonly Pick<RouteSpec, 'path'>[]): string[] => {
  const bySegment = new Map<string, boolean>();
  for (const { path } of routes) {
    const [segment = '', ...rest] = path.replace(/^\//, '').split('/');
    const alone = rest.length === 0 && !segment.includes('{');
    bySegment.set(segment, (bySegment.get(segment) ?? true) && alone);
  }
  return [...bySegment]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([segment, alone]) => (alone ? `/${segment}` : `/${segment}*`));
};

/**
 * The viewer-request function of the web app's behaviours (CloudFront Functions, cloudfront-js-2.0): `/` and `/app`
 * redirect to `/app/`; under `/app/`, a path whose last segment has no file extension is a client-side route of the
 * SPA and is answered with `/app/index.html`. Only these behaviours run it, so an API 404 stays an API 404.
 */
export const spaRoutingCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/app') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/app/' } } };
  }
  if (uri.indexOf('/app/') === 0 && uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/app/index.html';
  }
  return request;
}`;

export interface WebProps {
  api: HttpApi;
  routes: readonly Pick<RouteSpec, 'path'>[];
  /** The OIDC issuer's origin (discovery, keys) and the managed login's host (token endpoint): the app reaches both. */
  issuerOrigin: string;
  authDomainName: string;
  /** Where the seller's logo comes from, when it is not on the app's own origin: the app's CSP lets it in. */
  logoOrigin?: string;
}

/** What the app reads at start from `/app/config.json` (web/src/config.ts): where it signs in and out, whose it is. */
export interface AppConfig {
  authority: string;
  clientId: string;
  signOutUrl: string;
  brand: Brand;
}

/**
 * The people's entrance: the web app's build in a private S3 bucket behind CloudFront (origin access control), with
 * the API on the same origin — every route-table path goes to the HTTP API uncached, with all viewer headers but
 * Host — so the app needs no CORS and email links and the app share one host name.
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  /** `https://<distribution>/`, ending in `/`. */
  readonly url: string;
  /** Where sign-in returns to and sign-out lands. */
  readonly appUrl: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // CloudFront's policies and access controls are global to the account: a name with the stage (in the stack name)
    // and the region lets dev and prod, or the same stage in two regions, live side by side.
    const globalName = (name: string) => `${stack.stackName}-${stack.region}-${name}`;
    this.bucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // It holds only the app's build, which every deploy uploads again: `cdk destroy` empties and deletes it (CDK's
      // auto-delete function does, on stack deletion only) instead of failing on a bucket that is not empty.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(this.bucket).acknowledge(nagReason('AwsSolutions-S1'));
    acknowledgeAutoDelete(stack);

    const appHeaders = new ResponseHeadersPolicy(this, 'AppHeaders', {
      responseHeadersPolicyName: globalName('AppHeaders'),
      comment: 'quote-to-order web app: strict CSP, HSTS, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            `img-src 'self' data:${props.logoOrigin ? ` ${props.logoOrigin}` : ''}`,
            `connect-src 'self' ${props.issuerOrigin} https://${props.authDomainName}`,
            `form-action 'self' https://${props.authDomainName}`,
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    // The API sets its own CSP per response (JSON vs. approval pages); CloudFront only adds what is missing.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      responseHeadersPolicyName: globalName('ApiHeaders'),
      comment: 'quote-to-order API: the handlers set their own headers; these fill gaps only',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: false },
        contentTypeOptions: { override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: false },
      },
    });

    const spaRouting = new EdgeFunction(this, 'SpaRouting', {
      code: FunctionCode.fromInline(spaRoutingCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Redirects / to /app/ and answers client-side routes under /app/ with index.html',
    });
    const app: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(this.bucket, {
        originAccessControl: new S3OriginAccessControl(this, 'AppAccess', {
          originAccessControlName: globalName('WebApp'),
          description: "CloudFront's signed reads of the web app's bucket",
        }),
      }),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: appHeaders,
      functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      compress: true,
    };
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    const api: BehaviorOptions = {
      origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      // A redirect would turn a POST into a GET; API callers are told to use HTTPS instead.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Every viewer header (Authorization, Idempotency-Key ...) but Host: API Gateway answers 403 to a foreign Host.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: apiHeaders,
      compress: true,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${stack.stackName}: web app under /app/, API on the same origin`,
      defaultBehavior: app,
      additionalBehaviors: Object.fromEntries(apiPathPatterns(props.routes).map((pattern) => [pattern, api])),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
    });
    for (const rule of ['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR3', 'AwsSolutions-CFR4'] as const) {
      Validations.of(this.distribution).acknowledge(nagReason(rule));
    }
    this.url = `https://${this.distribution.distributionDomainName}/`;
    this.appUrl = `${this.url}app/`;
  }

  /**
   * Uploads the web app's build under `app/`, with its `config.json`. Two uploads, in order: first Vite's hashed
   * files, immutable for a year, added beside the ones already there — never pruned, so a page still running the old
   * index.html finds every chunk it loads later, and `config.json` and the live index.html are not touched; then
   * index.html and config.json, revalidated on every load, so the deploy is visible at once (the invalidation clears
   * CloudFront's copy) and only once every chunk it names is in place. Without a build, the distribution serves the
   * API alone.
   */
  serveApp(assetsDir: string | undefined, config: AppConfig): void {
    if (!assetsDir || !existsSync(join(assetsDir, 'index.html'))) {
      Annotations.of(this).addWarningV2(
        'quote-to-order:no-web-build',
        `No web app build${assetsDir ? ` at ${assetsDir}` : ''}: the distribution serves the API alone. A dev or prod synth builds web/; -c webAssets=<dir> names a build.`,
      );
      return;
    }
    const source = [Source.asset(assetsDir)];
    const hashed = new BucketDeployment(this, 'Upload', {
      sources: source,
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'app/',
      exclude: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const index = new BucketDeployment(this, 'UploadIndex', {
      sources: [...source, Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'app/',
      include: ['index.html', 'config.json'],
      exclude: ['*'],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/app/', '/app/index.html', '/app/config.json'],
      memoryLimit: 512,
    });
    index.node.addDependency(hashed);
    const stack = Stack.of(this);
    for (const singleton of stack.node.children.filter((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    )) {
      acknowledgeWebUpload(singleton, this.bucket.bucketArn);
    }
  }
}
