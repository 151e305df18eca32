/**
 * What the Lambda bundles use in place of the SDK's default credential chain (infra/bundling.ts aliases
 * `@aws-sdk/credential-provider-node` to this module): Lambda hands each function its role's credentials in the
 * environment, and the chain's other sources — SSO, INI files, processes, web identity, the instance metadata service —
 * with the nested STS/SSO clients they carry were a sixth of every bundle, parsed at every cold start. Run unbundled
 * (locally, in tests), the SDK keeps its own chain.
 */
export const defaultProvider =
  () => async (): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> => {
    const {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_SESSION_TOKEN: sessionToken,
    } = process.env;
    if (!accessKeyId || !secretAccessKey)
      throw new Error('no AWS credentials in the environment, where Lambda puts those of the function role');
    return { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
  };
